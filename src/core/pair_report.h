// What scoring says about one pair or one household, as data: the hard
// conditions (HardCondition), the reasons behind each verdict and criterion
// score (codes with numbers and tags; the app's text layer,
// app/text/messages.h, words them), the report of a pair (PairReport) and,
// for a household nobody can take, which condition blocks each candidate
// group and the smallest change that would make one possible
// (UnplaceableReport). Scorer::explain and Scorer::explainUnplaceable
// (scoring.h) fill them; pair_report.cpp holds that code.
//
// Usage:
//   PairReport r = explainPair(roster, hIndex, gIndex);    // roster indices
//   if (!r.feasible)
//       for (const HardVerdict& v : r.hard) if (!v.ok) print(texts.reason(v.reason));
//   UnplaceableReport u = explainUnplaceable(roster, hIndex);
//   if (u.smallest) for (const Change& c : u.smallest->changes) print(texts.change(c));
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/criterion.h"
#include "core/roster.h"

namespace welkom {

// [SECTION] Hard conditions --------------------------------------------------------------

constexpr int kMinSpeakers = 2;  // group members needed at A2+ in a shared language

enum class HardCondition : std::uint8_t {
    HouseholdConsent,
    GroupConsent,
    GroupCapacity,  // capacity 0: the group is paused
    Municipality,
    Language,
    WomenOnly,
    HouseholdSize,
    Forbidden,  // coordinator's Forbid, or a declined earlier match of the pair
};
constexpr int kHardConditionCount = 8;
std::string_view toString(HardCondition c);  // "household_consent", ...

// [SECTION] Reasons ----------------------------------------------------------------------

// What a verdict or score rests on. Worded by MessageTexts::reason; the numbers and
// tags are kept so an interface can show them its own way.
enum class ReasonKind : std::uint8_t {
    // hard conditions
    HouseholdConsents, HouseholdNoConsent,
    GroupConsents, GroupNoConsent,
    GroupHasRoom,            // n0 = capacity
    GroupPaused,
    SameMunicipality,        // tags = {municipality}
    AllowedMunicipality,     // tags = {household municipality, group municipality}
    CrossMunicipalityAllowed,// tags = {household municipality, group municipality}
    OtherMunicipality,       // tags = {household municipality, group municipality}
    SharedLanguage,          // tags = usable shared languages; n0 = speakers in the best one
    TooFewSpeakers,          // tags = {language}; n0 = speakers, n1 = needed
    NoSharedLanguage,        // tags = household languages (A2+), tags2 = group languages (2+ speakers)
    NoWomenOnlyWish,
    AllWomen,
    NotAllWomen,             // n0 = members who are not women, n1 = members
    SizeWithinLimit,         // n0 = household size, n1 = limit (0: none)
    HouseholdTooLarge,       // n0 = household size, n1 = limit
    NotForbidden,
    ForbiddenByCoordinator,  // tags = {constraint reason text (may be empty)}
    DeclinedBefore,          // tags = {match id}
    // soft criteria
    SharedInterests,         // tags = shared interest tags; n0 = shared, n1 = members sharing, n2 = members
    NoSharedInterests,       // n2 = members
    NoInterestsGiven,
    AgeCloseness,            // tags = adult ages as text; n0 = members within 10 years of an adult, n1 = members
    LanguageBridge,          // n0 = members sharing a language, n1 = members, n2 = Dutch speakers (B2+);
                             // tags = {household's best Dutch level}; tags2 = shared languages
                             // that count at an unknown level (as A2) on either side
    GoalFit,                 // tags = served items, tags2 = unserved items; n0 = served, n1 = items
    NoGoalsGiven,
    FamilyFit,               // n0 = children in the household, n1 = members with children, n2 = childcare members
    NoChildren,
    AvailabilityOverlap,     // tags = shared slots, n0 = shared, n1 = household slots
    AvailabilityUnknown,
    SameNeighbourhood,       // tags = {neighbourhood}
    SameMunicipalityOnly,    // tags = {household neighbourhood, group neighbourhood} (either may be empty)
    DifferentMunicipality,   // tags = {household municipality, group municipality}
    // participants' priorities (CriterionResult::priority)
    PriorityCountedMore,     // n0 = the weight used, in % of the coordinator's (e.g. 125);
    PriorityCountedLess,     // n1 = the household's StatedImportance (0: not stated),
                             // n2 = group members who stated one; tags = {criterion name}
};

// How the tags of a reason are labelled (vocabulary labels, or shown as they are).
enum class TagKind : std::uint8_t { Plain, Language, Interest, GoalItem, Slot };

// The tags of a reason (codes, names, ages), stored one after another in one
// buffer that lives inside the list while the tags are short (the usual case)
// and on the heap beyond that: building a reason then allocates nothing, which
// is what made explaining every pair of a roster slow. Tags are any text (each
// is stored after its length).
class TagList {
public:
    TagList() noexcept {}
    TagList(std::initializer_list<std::string_view> tags) {
        for (std::string_view t : tags) push_back(t);
    }
    TagList(const TagList& o) { assign(o); }
    TagList(TagList&& o) noexcept { take(o); }  // leaves o empty
    TagList& operator=(const TagList& o) {
        if (this != &o) assign(o);
        return *this;
    }
    TagList& operator=(TagList&& o) noexcept {
        if (this != &o) take(o);
        return *this;
    }
    ~TagList() { delete[] m_heap; }

    void push_back(std::string_view tag) {
        if (tag.size() < 0xFF && m_bytes + 1 + tag.size() <= m_capacity) {  // the usual case, inline
            char* at = chars() + m_bytes;
            *at = static_cast<char>(tag.size());
            for (std::size_t i = 0; i < tag.size(); ++i) at[1 + i] = tag[i];
            m_bytes += static_cast<std::uint32_t>(1 + tag.size());
            ++m_count;
        } else {
            pushBackGrowing(tag);
        }
    }
    void clear() {
        m_bytes = 0;
        m_count = 0;
    }
    std::size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }
    std::string_view operator[](std::size_t i) const;  // O(i); precondition i < size()
    bool operator==(const TagList& o) const;
    bool operator!=(const TagList& o) const { return !(*this == o); }

    class const_iterator {
    public:
        std::string_view operator*() const;
        const_iterator& operator++();
        bool operator!=(const const_iterator& o) const { return m_at != o.m_at; }
        bool operator==(const const_iterator& o) const { return m_at == o.m_at; }

    private:
        friend class TagList;
        explicit const_iterator(const char* at) : m_at(at) {}
        const char* m_at;
    };
    const_iterator begin() const { return const_iterator(chars()); }
    const_iterator end() const { return const_iterator(chars() + m_bytes); }

private:
    static constexpr std::uint32_t kInlineBytes = 48;
    const char* chars() const { return m_heap ? m_heap : m_inline; }
    char* chars() { return m_heap ? m_heap : m_inline; }
    void pushBackGrowing(std::string_view tag);
    void assign(const TagList& o);
    void take(TagList& o) noexcept;

    // Per tag: its length (1 byte, or 0xFF and 4 bytes), then its bytes.
    char* m_heap = nullptr;  // owned; null while the tags fit m_inline
    std::uint32_t m_bytes = 0, m_capacity = kInlineBytes, m_count = 0;
    char m_inline[kInlineBytes];  // only the first m_bytes are meaningful
};

struct Reason {
    Reason() = default;
    Reason(ReasonKind k) : kind(k) {}  // NOLINT: implicit, so `{ReasonKind::X}` reads as a reason
    ReasonKind kind = ReasonKind::HouseholdConsents;
    double n0 = 0, n1 = 0, n2 = 0;
    TagList tags;
    TagList tags2;
    TagKind tagKind = TagKind::Plain;
};

// Words for a reason: MessageTexts::reason (app/text/messages.h), e.g. "3 shared
// interests (cooking, football, music) with 4 of 6 members".

struct HardVerdict {
    HardCondition condition = HardCondition::HouseholdConsent;
    bool ok = true;
    Reason reason;
};

struct CriterionResult {
    Criterion criterion = Criterion::Interests;
    bool applicable = true;
    double score = 0.0;   // 0..1 (also filled when not applicable, for display)
    double weight = 1.0;  // the coordinator's weight used
    Reason reason;
    double priorityFactor = 1.0;     // what participants' priorities multiplied the weight by
    std::optional<Reason> priority;  // when that factor is not 1 and the criterion counts
};

// Everything about one pair.
struct PairReport {
    std::string householdId, groupId;
    bool feasible = true;                                   // every hard condition holds
    std::array<HardVerdict, kHardConditionCount> hard;      // in enum order
    std::array<CriterionResult, kCriterionCount> soft;      // in enum order
    double total = 0.0;                // weighted mean (also for infeasible pairs)
    bool belowMinimum = false;         // total < settings.minimumScore
};

// [SECTION] Changes that would unblock a household ---------------------------------------

enum class ChangeKind : std::uint8_t {
    HouseholdConsent,   // the household gives consent to matching
    GroupConsent,       // group `group` gives consent
    GroupCapacity,      // group takes households again (capacity >= 1)
    AllowMunicipality,  // group `group` allows municipality `tag`
    AddSpeakers,        // group needs `count` more members speaking `tag` at A2
    DropWomenOnly,      // the household drops its women-only wish
    RaiseSizeLimit,     // group supports households of `count` people
    LiftForbid,         // the coordinator lifts the forbid (or the declined pair is retried)
};

struct Change {
    ChangeKind kind;
    std::string group;  // group id ("" for household-side changes)
    std::string tag;    // municipality or language
    int count = 0;
};
// Words: MessageTexts::change (app/text/messages.h).

struct CandidateBlock {
    std::string groupId;
    std::vector<HardVerdict> failed;  // only the conditions that fail
};

struct SuggestedChange {
    std::string groupId;
    std::vector<Change> changes;  // all needed together
    int cost = 0;                 // changes, with AddSpeakers counting per member
};

struct UnplaceableReport {
    std::string householdId;
    bool placeable = false;                  // some group passes every hard condition
    std::vector<CandidateBlock> candidates;  // groups in reach (municipality or allowed); all groups
                                             // when none is; ordered by failed count, then id
    std::optional<SuggestedChange> smallest; // cheapest set of changes for one group
};

// [SECTION] Explaining without a Scorer ----------------------------------------------------

// Convenience for one question. explainPair gives what Scorer(roster).explain
// gives, in O(the pair + constraints + matches) (it scores a roster of just the
// pair); explainUnplaceable builds a Scorer (O(roster)).
PairReport explainPair(const Roster& roster, std::size_t household, std::size_t group);
UnplaceableReport explainUnplaceable(const Roster& roster, std::size_t household);

}  // namespace welkom
