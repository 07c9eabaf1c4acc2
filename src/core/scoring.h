// Scoring: turns a roster into the solvers' input. For every household x group
// pair it checks the hard conditions (a pair that breaks one is never proposed)
// and scores seven soft criteria 0..1, combined by the coordinator's weights;
// it explains any pair as reasons (codes with numbers and tags; the app's
// text layer, app/text/messages.h, words them) and, for a household
// nobody can take, which condition blocks each candidate group and the
// smallest change that would make one possible.
//
// Usage:
//   MatchingProblem p = buildMatchingProblem(roster);     // solver input, ids sorted
//   Matching<double> m = solveBestTotal(p.matrix, p.rules);
//   for (int h = 0; h < p.households(); ++h)
//       if (m.groupOf[h] != kUnmatched) show(p.householdIds[h], p.groupIds[m.groupOf[h]]);
//
//   Scorer scorer(roster);                                // reuse for many questions
//   PairReport r = scorer.explain(hIndex, gIndex);        // roster indices
//   for (const HardVerdict& v : r.hard) print(texts.reason(v.reason));   // MessageTexts texts("nl")
//   UnplaceableReport u = scorer.explainUnplaceable(hIndex);
//   if (u.smallest) for (const Change& c : u.smallest->changes) print(texts.change(c));
//
// Hard conditions of a pair (HardCondition):
//   - consent to matching on both sides; a group with capacity 0 takes nobody;
//   - municipality: the same (exact text), or the household's municipality is in
//     the group's allowedMunicipalities, or settings.allowCrossMunicipality;
//   - a usable shared language: some language L that a household adult speaks
//     at A2 or better and at least kMinSpeakers (2) group members speak at A2
//     or better. Two, because one speaker would carry every conversation for
//     the whole group; the coordinator counts like any member, so "the
//     coordinator and one other" is one way to meet it;
//   - women-only: a household that asked for a women-only group gets only
//     groups whose members are all Gender::Female (unspecified does not count);
//   - household size <= group.support.maxHouseholdSize (when that is > 0);
//   - the coordinator's Forbid constraint, and an earlier match of this pair
//     that was declined (a pair that said no is not proposed again).
//   HouseholdPreferences::groupWithChildren is documented in roster.h as a soft
//   wish, so it feeds the family criterion instead of excluding groups.
//
// Soft criteria (Criterion; names as stored in settings.weights and match scores):
//   interests     0.6 * min(shared, 3)/3 + 0.4 * (members sharing one)/(members);
//                 not applicable when the household gave no interests
//   age           per adult: 0.5 * best member closeness + 0.5 * mean closeness,
//                 closeness(d) = 1 for |age gap| <= 5, falling linearly to 0 at 30;
//                 mean over the adults
//   language      bridge = min(members sharing a usable language, 3)/3; Dutch
//                 practice = min(members with Dutch >= B2, 3)/3; need = 1 (best
//                 adult Dutch <= A2), .75 (B1), .5 (B2), .25 (C1), 0 (C2/native);
//                 score = (1 - 0.4 need) * bridge + 0.4 need * practice
//                 An unknown level (LanguageLevel::Unknown) counts as A2, the
//                 lowest level for talking together, here and in the language
//                 hard condition: a missing detail does not cut a person off,
//                 but it never counts as Dutch at B2+ to practise with, and a
//                 household's unknown Dutch counts as full need (A2). The
//                 reason lists such languages (LanguageBridge, tags2).
//   goals         share of the household's goals, needs and work sectors that
//                 some member serves by skill or sector (kGoalLinks in the .cpp:
//                 find_work <- job_coaching/network, care sector <- a member in
//                 care, ...); not applicable when nothing the table knows was given
//   family        households with children (or asking for a group with
//                 children): 0.5 * min(members with children, 2)/2 + 0.5 *
//                 min(members with childcare/homework help, 1); else not applicable
//   availability  household slots (weekday daytime, evenings, weekends) the
//                 group shares / household slots; not applicable if either gave none
//   distance      1 same neighbourhood, 0.5 same municipality (or unknown
//                 neighbourhood), 0 another municipality
// Combination: the weighted mean over the applicable criteria,
//   total = sum(w_c * s_c) / sum(w_c),   w_c from settings.weights (1.0 when
// a criterion is not listed, unknown names are ignored); "not applicable"
// criteria drop out instead of counting as 0 or 1, so a household without
// children is neither helped nor hurt by family fit. With no applicable
// criterion of positive weight the total is 0.5 (nothing to go by).
// Participants' stated priorities (Household/GroupMember::statedPriorities)
// scale the coordinator's weight per pair, keeping the same weighted mean:
//   w_c(h, g) = w_c * (1 + p * (m_c - 1)),   m_c = (f_c(h) + f_c(g)) / 2
// p = settings.participantPriorities (0..1); f = importanceFactor(): not
// important 0.5, important 1, very important 1.5, not stated 1; a group's
// f_c is the mean over its members who stated c (1 when none did). So a
// side that said nothing is neutral, "important" (the form's middle) is
// neutral too, and at the default p = 0.5 the most a criterion can move is
// to 1.25 or 0.75 times the coordinator's weight: the coordinator's weights
// stay the larger voice. With p = 0 or nobody stating anything, w_c(h, g) is
// w_c exactly and scores are bit for bit what they were without priorities.
// The explanation marks a criterion whose weight moved (CriterionResult::
// priorityFactor and ::priority, ReasonKind::PriorityCountedMore/Less).
//
// Determinism: the same roster gives bit-identical scores natively and in
// wasm (IEEE doubles, fixed operation order, no platform maths functions);
// households and groups are ordered by id (numbers in ids compared as numbers)
// so the solvers' index tie-breaking is the same on every run.
//
// Cost: Scorer construction is linear in the roster (profiles: bit masks for
// languages, goals and availability, interned interest ids as bit words);
// a pair costs O(adults + members x interest words), no allocation (the age
// criterion is a per-group table by adult age; small ratios come from a table
// of the divisions' results, so the hot path divides once per pair).
// buildMatchingProblem visits only groups in the household's municipality or
// allowing it (all groups when crossing is allowed), one row at a time with
// the household's side worked out once (feasibleTotals); groups are stored by
// municipality, then id, so a row reads memory in order and needs no sort.
// Reasons are built only by explain()/explainUnplaceable(), never for the
// whole matrix.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/assignment_problem.h"
#include "core/criterion.h"
#include "core/roster.h"
#include "core/vocabulary.h"

namespace welkom {

// [SECTION] Criteria and hard conditions -----------------------------------------------

constexpr int kMinSpeakers = 2;  // group members needed at A2+ in a shared language

// Criterion, criterionName(), parseCriterion(): core/criterion.h.

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

// [SECTION] The scorer ---------------------------------------------------------------------

struct PairScore {
    bool feasible = false;                     // the roster's own hard conditions (forbids included)
    double total = 0.0;
    std::array<double, kCriterionCount> scores{};
    std::array<bool, kCriterionCount> applicable{};
};

// Profiles of every household and group, built once; the roster must outlive it.
class Scorer {
public:
    explicit Scorer(const Roster& roster);
    // Same, with these weights instead of roster.settings.weights.
    Scorer(const Roster& roster, const CriterionWeights& weights);

    const Roster& roster() const { return m_roster; }
    double weight(Criterion c) const { return m_weight[static_cast<int>(c)]; }
    // The factor participants' priorities put on the weight of c for the pair
    // (1 + p * (m - 1), see the header comment; exactly 1 when they do not count).
    double priorityFactor(std::size_t household, std::size_t group, Criterion c) const;

    // Hard conditions only, first failure (nullopt: feasible). Indices into
    // roster.households / roster.groups. Cheap: masks and integers.
    std::optional<HardCondition> firstBlock(std::size_t household, std::size_t group) const;
    // All hard conditions and soft scores, without reasons. Soft scores are
    // computed for infeasible pairs too.
    PairScore score(std::size_t household, std::size_t group) const;
    // The combined score of a pair known to be feasible (the hot path).
    double total(std::size_t household, std::size_t group) const;
    // The hot path of buildMatchingProblem: appends (group, total) for every
    // candidate group (see candidateGroups; roster indices, in that order)
    // that passes passesIntrinsic(). The household's side of the scores is
    // worked out once for the row.
    void feasibleTotals(std::size_t household, std::vector<std::pair<int, double>>& out) const;

    PairReport explain(std::size_t household, std::size_t group) const;
    UnplaceableReport explainUnplaceable(std::size_t household) const;

    // Indices of groups that may be in reach of the household's municipality
    // (own, allowing it, or all when crossing is allowed), each once, in
    // memory order: the own municipality's groups by id, then the others.
    void candidateGroups(std::size_t household, std::vector<int>& out) const;
    // How many groups candidateGroups() gives (may count a group twice when it
    // allows its own municipality): an upper bound for reserving.
    std::size_t candidateCount(std::size_t household) const;

    ~Scorer();
    Scorer(Scorer&&) noexcept;
    Scorer(const Scorer&) = delete;
    Scorer& operator=(const Scorer&) = delete;
    Scorer& operator=(Scorer&&) = delete;

    struct Data;  // profiles (scoring.cpp)
    // The hard conditions except Forbidden (buildMatchingProblem keeps forbidden
    // pairs in the matrix and lists them in rules.forbidden instead).
    bool passesIntrinsic(std::size_t household, std::size_t group) const;
    bool isForbidden(std::size_t household, std::size_t group) const;

private:
    const Roster& m_roster;
    std::array<double, kCriterionCount> m_weight{};
    std::unique_ptr<Data> m_data;

    void computeScores(std::size_t h, std::size_t g, std::array<double, kCriterionCount>& s,
                       std::array<bool, kCriterionCount>& applicable) const;
    double combine(std::size_t household, std::size_t group, const std::array<double, kCriterionCount>& s,
                   const std::array<bool, kCriterionCount>& applicable) const;
    // The pair's weights with participants' priorities applied.
    void pairWeights(const std::array<double, kCriterionCount>& householdFactor, std::size_t group,
                     std::array<double, kCriterionCount>& out) const;

    // Participants' priorities: only when settings.participantPriorities > 0
    // and someone stated one; importance factors per roster index.
    bool m_usePriorities = false;
    std::vector<std::array<double, kCriterionCount>> m_householdFactor, m_groupFactor;
    std::vector<std::array<int, kCriterionCount>> m_groupStated;  // members who stated each criterion
};

// How a stated importance scales a criterion: not important 0.5, important 1,
// very important 1.5, not stated 1.
double importanceFactor(StatedImportance i);

// Convenience for one question. explainPair gives what Scorer(roster).explain
// gives, in O(the pair + constraints + matches) (it scores a roster of just the
// pair); explainUnplaceable builds a Scorer (O(roster)).
PairReport explainPair(const Roster& roster, std::size_t household, std::size_t group);
UnplaceableReport explainUnplaceable(const Roster& roster, std::size_t household);

// [SECTION] Solver input -------------------------------------------------------------------

struct FixedPairNote {
    PairRef pair;                        // matrix indices
    FixReason reason;                    // Pin or Locked
    std::vector<HardCondition> broken;   // hard conditions the pair breaks (it is kept anyway)
};

// The solvers' input for a roster. Households and groups are in id order
// (numbers inside ids compared as numbers: h2 < h10); the maps translate.
struct MatchingProblem {
    ScoreMatrix<double> matrix;  // sparse; only pairs passing the hard conditions (forbids aside),
                                 // plus pinned/locked pairs even when they break one (see fixedNotes)
    MatchRules<double> rules;    // capacity, pins (Constraint Pin), locked (matches Introduced/Active),
                                 // forbidden (Constraint Forbid, Declined matches), minScore
    std::vector<std::string> householdIds, groupIds;  // matrix index -> id
    std::vector<std::size_t> householdAt, groupAt;    // matrix index -> roster index
    std::vector<FixedPairNote> fixedNotes;            // fixed pairs that break a hard condition

    int households() const { return static_cast<int>(householdIds.size()); }
    int groups() const { return static_cast<int>(groupIds.size()); }
    // Matrix index of an id, or -1. O(log n).
    int householdIndex(std::string_view id) const;
    int groupIndex(std::string_view id) const;
};

// Pins and locked pairs always enter the matrix (a person decided them; the
// solver reports them as conflicts only for capacity, doubles or minScore);
// pending matches (Proposed, Accepted*) are not fixed: pin them to keep them.
// Households without consent get empty rows. Constraints naming unknown ids
// are skipped (validation reports them).
MatchingProblem buildMatchingProblem(const Roster& roster);
// `progress`, when given, hears the fraction of households scored now and then.
MatchingProblem buildMatchingProblem(const Scorer& scorer, const std::function<void(double)>& progress = {});

// Ordering used for ids: digit runs compare as numbers, then plain text.
bool idLess(std::string_view a, std::string_view b);

// Reachability for validation (ValidationOptions::reachability, the default):
// households with consent and no live match for which every group breaks a
// hard condition of the pair. Linear in the roster plus the pairs visited
// until a feasible group is found per household.
std::vector<std::size_t> hardConditionUnreachableHouseholds(const Roster& roster);

}  // namespace welkom
