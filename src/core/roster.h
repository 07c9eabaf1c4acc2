// The roster: every household, welcome group, match, coordinator constraint
// and check-in of a programme, plus its matching settings. Plain data, no I/O;
// src/io/roster_json.h reads and writes it, src/core/validation.h checks it.
//
// Usage:
//   Roster r;
//   Household h;
//   h.id = "h1"; h.displayName = "Familie A."; h.municipality = "Haarlem";
//   h.members.push_back({34, Gender::Female, MemberRole::Adult, {{"ar", LanguageLevel::Native}}, {}});
//   r.households.push_back(std::move(h));
//   for (const Problem& p : validateRoster(r)) show(p);
//
// Why fields look the way they do:
// - Tags (interests, goals, sectors, skills, needs) are vocabulary codes from
//   vocabulary.h or coordinator-made tags "custom:<text>" (see isCustomTag):
//   free text is personal data, so it is kept recognisable and can be
//   stripped from anonymised extracts.
// - Dates are ISO "YYYY-MM-DD" strings, empty when unknown, so a file round
//   trips byte for byte; isValidIsoDate() checks them.
// - Every object has `extra`: fields a newer Welkom wrote that this version does
//   not know. They are kept as raw JSON text (core must not depend on a JSON
//   library) and written back unchanged, so opening and saving a newer file
//   loses nothing.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/criterion.h"
#include "core/programme_keys.h"
#include "core/team_keys.h"

namespace welkom {

// Unknown object members: key -> the member's value as serialized JSON text.
using ExtraFields = std::vector<std::pair<std::string, std::string>>;

// [SECTION] Small value types ---------------------------------------------------

// Ordered so that `a >= LanguageLevel::A2` means "can hold a simple conversation",
// except Unknown: the person speaks the language, its level was not given (a
// sign-up sheet that lists "Arabic, French"). Unknown is last so the other
// values keep their numbers; compare levels through scoredLevel().
enum class LanguageLevel : std::uint8_t { None, A0, A1, A2, B1, B2, C1, C2, Native, Unknown };

// The level a language counts at in matching and statistics: its own, and for
// Unknown the lowest level that counts for talking together (A2), so a person
// is not cut off from a group for a missing detail, yet an unknown Dutch
// level never counts as B2 or better to practise with (docs/roster-format.md).
constexpr LanguageLevel scoredLevel(LanguageLevel l) {
    return l == LanguageLevel::Unknown ? LanguageLevel::A2 : l;
}

// Gender is optional: Unspecified means "not asked / not given".
enum class Gender : std::uint8_t { Unspecified, Female, Male, Other };

enum class MemberRole : std::uint8_t { Adult, Child };

enum class EducationLevel : std::uint8_t {
    Unknown, None, Primary, Secondary, Vocational, Bachelor, Master, Doctorate
};

struct LanguageSkill {
    std::string code;  // ISO 639-1, see vocabulary.h (Dari is "fa")
    LanguageLevel level = LanguageLevel::None;
    bool operator==(const LanguageSkill& o) const { return code == o.code && level == o.level; }
};

struct Availability {
    bool weekdayDaytime = false;
    bool evenings = false;
    bool weekends = false;
    ExtraFields extra;
    bool any() const { return weekdayDaytime || evenings || weekends; }
    bool operator==(const Availability& o) const {
        return weekdayDaytime == o.weekdayDaytime && evenings == o.evenings && weekends == o.weekends &&
               extra == o.extra;
    }
};

struct Consent {
    bool toMatching = false;   // without it the person is never matched
    std::string toMatchingDate;
    bool toResearch = false;   // anonymised outcomes may be used to improve the algorithm
    std::string toResearchDate;
    ExtraFields extra;
    bool operator==(const Consent& o) const {
        return toMatching == o.toMatching && toMatchingDate == o.toMatchingDate &&
               toResearch == o.toResearch && toResearchDate == o.toResearchDate && extra == o.extra;
    }
};

// How much a criterion matters to a participant, as they said on a sign-up
// form. NotStated: not asked or skipped (the file leaves the criterion out).
enum class StatedImportance : std::uint8_t { NotStated, NotImportant, Important, VeryImportant };

// A household's or group member's stated importance per criterion. Scoring
// weighs a pair's criteria by them (core/scoring.h, settings.participantPriorities);
// a group's priorities are derived from its members' (groupPriorityFactor).
struct StatedPriorities {
    std::array<StatedImportance, kCriterionCount> of{};  // in Criterion order, all NotStated
    ExtraFields unknownCriteria;  // criteria this version does not know, kept as read
    StatedImportance operator[](Criterion c) const { return of[static_cast<std::size_t>(c)]; }
    StatedImportance& operator[](Criterion c) { return of[static_cast<std::size_t>(c)]; }
    bool any() const {
        for (StatedImportance i : of)
            if (i != StatedImportance::NotStated) return true;
        return false;
    }
    bool operator==(const StatedPriorities& o) const { return of == o.of && unknownCriteria == o.unknownCriteria; }
    bool operator!=(const StatedPriorities& o) const { return !(*this == o); }
};

// [SECTION] Households ------------------------------------------------------------

struct HouseholdMember {
    int age = 0;
    Gender gender = Gender::Unspecified;
    MemberRole role = MemberRole::Adult;
    std::vector<LanguageSkill> languages;  // asked of adults; children may be left empty
    ExtraFields extra;
    bool operator==(const HouseholdMember& o) const {
        return age == o.age && gender == o.gender && role == o.role && languages == o.languages &&
               extra == o.extra;
    }
};

struct HouseholdPreferences {
    bool womenOnlyGroup = false;     // hard condition: only groups of women
    bool groupWithChildren = false;  // soft wish: members with children of their own
    ExtraFields extra;
    bool operator==(const HouseholdPreferences& o) const {
        return womenOnlyGroup == o.womenOnlyGroup && groupWithChildren == o.groupWithChildren &&
               extra == o.extra;
    }
};

struct Household {
    std::string id;
    std::string displayName;
    std::string municipality;
    std::string neighbourhood;  // optional
    std::vector<HouseholdMember> members;
    std::vector<std::string> interests;
    std::vector<std::string> goals;
    std::vector<std::string> workSectors;  // former or desired
    EducationLevel educationLevel = EducationLevel::Unknown;
    Availability availability;
    HouseholdPreferences preferences;
    std::vector<std::string> needs;
    std::string notes;
    Consent consent;
    StatedPriorities statedPriorities;
    ExtraFields extra;
    bool operator==(const Household& o) const;
};

// [SECTION] Welcome groups --------------------------------------------------------

struct GroupMember {
    std::string id;  // unique within its group
    std::string name;
    std::string contact;
    int age = 0;
    Gender gender = Gender::Unspecified;
    std::vector<LanguageSkill> languages;
    std::vector<std::string> interests;
    std::string occupation;  // free text, e.g. "verpleegkundige"
    std::string sector;      // vocabulary code of the occupation's sector, may be empty
    std::vector<std::string> skills;
    bool hasChildren = false;
    // Where the member lives, when a sheet gives it per person (optional).
    // Matching uses the group's own (WelcomeGroup::municipality/neighbourhood).
    std::string municipality;
    std::string neighbourhood;
    StatedPriorities statedPriorities;
    ExtraFields extra;
    bool operator==(const GroupMember& o) const;
};

// What a group can take on beyond one ordinary household.
struct GroupSupport {
    int maxHouseholdSize = 0;  // 0: no limit given
    ExtraFields extra;
    bool operator==(const GroupSupport& o) const {
        return maxHouseholdSize == o.maxHouseholdSize && extra == o.extra;
    }
};

struct WelcomeGroup {
    std::string id;
    std::string name;
    std::string municipality;
    std::string neighbourhood;
    std::vector<GroupMember> members;
    std::string coordinatorId;  // id of one of `members`
    Availability availability;
    int capacity = 1;  // households it can accompany at the same time
    GroupSupport support;
    std::vector<std::string> allowedMunicipalities;  // besides its own
    std::string notes;
    Consent consent;
    ExtraFields extra;
    bool operator==(const WelcomeGroup& o) const;
};

// [SECTION] Matches, constraints, check-ins, settings ------------------------------

// Lifecycle: Proposed -> AcceptedByGroup -> AcceptedByHousehold -> Introduced
// -> Active -> Ended; Declined from any state before Introduced, Ended from
// Introduced or Active. Both sides consent before an introduction (GDPR art.
// 22: a person decides, the software proposes).
enum class MatchStatus : std::uint8_t {
    Proposed, AcceptedByGroup, AcceptedByHousehold, Introduced, Active, Ended, Declined
};

// True when `to` may follow `from` in a match's history.
bool isAllowedTransition(MatchStatus from, MatchStatus to);
// Ended and Declined: nothing may follow.
bool isFinal(MatchStatus s);

struct MatchEvent {
    MatchStatus status = MatchStatus::Proposed;
    std::string date;
    std::string reason;
    std::string note;
    ExtraFields extra;
    bool operator==(const MatchEvent& o) const {
        return status == o.status && date == o.date && reason == o.reason && note == o.note &&
               extra == o.extra;
    }
};

struct CriterionScore {
    std::string criterion;  // e.g. "interests", "age", "language"
    double score = 0.0;     // 0..1 at proposal time
    bool operator==(const CriterionScore& o) const {
        return criterion == o.criterion && score == o.score;
    }
};

struct Match {
    std::string id;
    std::string householdId;
    std::string groupId;
    std::vector<CriterionScore> scores;
    std::vector<MatchEvent> history;  // oldest first; never empty in a valid roster
    ExtraFields extra;
    // The latest event's status (Proposed for an empty history).
    MatchStatus status() const { return history.empty() ? MatchStatus::Proposed : history.back().status; }
    bool operator==(const Match& o) const {
        return id == o.id && householdId == o.householdId && groupId == o.groupId &&
               scores == o.scores && history == o.history && extra == o.extra;
    }
};

enum class ConstraintKind : std::uint8_t { Pin, Forbid };

// A coordinator's decision about one pair: always match it (Pin) or never (Forbid).
struct Constraint {
    std::string id;
    ConstraintKind kind = ConstraintKind::Forbid;
    std::string householdId;
    std::string groupId;
    std::string reason;
    std::string author;
    std::string date;
    ExtraFields extra;
    bool operator==(const Constraint& o) const {
        return id == o.id && kind == o.kind && householdId == o.householdId && groupId == o.groupId &&
               reason == o.reason && author == o.author && date == o.date && extra == o.extra;
    }
};

// Which planned follow-up a check-in is: at about 3, 6 or 12 months after the
// introduction, or an extra one in between (AdHoc, e.g. after a phone call).
enum class CheckInMilestone : std::uint8_t { AdHoc, Month3, Month6, Month12 };

// What the household does now (the most advanced activity). Unknown when not asked.
enum class WorkStatus : std::uint8_t {
    Unknown, None, LanguageCourse, Volunteering, Looking, Education, PartTimeWork, FullTimeWork, SelfEmployed
};

// Why a match ended before its year was over. Coded, not free text: the codes
// can go into anonymised research extracts, a note cannot.
enum class EndReason : std::uint8_t {
    None, Moved, NoTime, NoConnection, LanguageBarrier, HouseholdWithdrew, GroupWithdrew, Conflict,
    GoalsReached, Other
};

// A follow-up of one match: how it is going. Every outcome is optional
// (std::nullopt / Unknown: not asked or not answered), because coordinators
// fill in what they learn over the phone. Ranges (validation.h): satisfaction
// 1..5, meetings per month 0..kMaxMeetingsPerMonth, new contacts
// 0..kMaxNewContacts; the match must exist and have been introduced.
struct CheckIn {
    std::string id;
    std::string matchId;
    std::string date;
    CheckInMilestone milestone = CheckInMilestone::AdHoc;
    std::optional<int> meetingsPerMonth;       // how often household and group meet
    std::optional<LanguageLevel> dutchLevel;   // the household's best adult Dutch level now
    WorkStatus workStatus = WorkStatus::Unknown;
    std::optional<int> newContacts;            // people the household got to know through the group
    std::optional<int> householdSatisfaction;  // 1 (very unhappy) .. 5 (very happy)
    std::optional<int> groupSatisfaction;      // 1..5
    bool endedEarly = false;                   // the match stopped before its year was over
    EndReason endReason = EndReason::None;     // why, when endedEarly
    std::string note;                          // free text: personal data, never exported
    ExtraFields extra;
    bool operator==(const CheckIn& o) const {
        return id == o.id && matchId == o.matchId && date == o.date && milestone == o.milestone &&
               meetingsPerMonth == o.meetingsPerMonth && dutchLevel == o.dutchLevel &&
               workStatus == o.workStatus && newContacts == o.newContacts &&
               householdSatisfaction == o.householdSatisfaction && groupSatisfaction == o.groupSatisfaction &&
               endedEarly == o.endedEarly && endReason == o.endReason && note == o.note && extra == o.extra;
    }
};

constexpr int kMinSatisfaction = 1;
constexpr int kMaxSatisfaction = 5;
constexpr int kMaxMeetingsPerMonth = 62;  // twice a day is already implausible
constexpr int kMaxNewContacts = 1000;

// The middle: a participant's "very important" makes a criterion count 1.25
// times, "not important" 0.75 times (scoring.h).
constexpr double kDefaultParticipantPriorities = 0.5;

struct MatchingSettings {
    CriterionWeights weights;              // core/criterion.h; by name in the file
    ExtraFields unknownWeights;            // weights of criteria this version does not know, kept as read
    double minimumScore = 0.0;             // 0..1; pairs below it are not proposed
    bool allowCrossMunicipality = false;   // otherwise only the group's own + allowed municipalities
    // How much participants' stated priorities count, 0..1 (shown as 0..100 %):
    // 0 leaves the coordinator's weights as they are (core/scoring.h).
    double participantPriorities = kDefaultParticipantPriorities;
    ExtraFields extra;
    bool operator==(const MatchingSettings& o) const {
        return weights == o.weights && unknownWeights == o.unknownWeights && minimumScore == o.minimumScore &&
               allowCrossMunicipality == o.allowCrossMunicipality &&
               participantPriorities == o.participantPriorities && extra == o.extra;
    }
};

// [SECTION] The roster ---------------------------------------------------------------

struct Roster {
    std::string programmeName;
    bool isDemo = false;  // generated, fictitious people only
    std::vector<Household> households;
    std::vector<WelcomeGroup> groups;
    std::vector<Match> matches;
    std::vector<Constraint> constraints;
    std::vector<CheckIn> checkIns;
    MatchingSettings settings;
    SignupSetup signup;  // programme keys and imported sign-ups (core/programme_keys.h)
    TeamSetup team;      // the coordinators' public keys the file can be encrypted to (core/team_keys.h)
    ExtraFields extra;
    bool operator==(const Roster& o) const;
    bool operator!=(const Roster& o) const { return !(*this == o); }
};

// [SECTION] Helpers -------------------------------------------------------------------

// "YYYY-MM-DD" with a real calendar day (leap years included), years 1900..2999.
bool isValidIsoDate(std::string_view s);

// Custom tags are "custom:<text>" with non-empty text.
constexpr std::string_view kCustomTagPrefix = "custom:";
bool isCustomTag(std::string_view tag);
std::string makeCustomTag(std::string_view text);
std::string_view customTagText(std::string_view tag);  // the text after the prefix ("" if not custom)

// Stable names used in files and messages ("A2", "native", "accepted_by_group", ...).
std::string_view toString(LanguageLevel v);
std::string_view toString(Gender v);
std::string_view toString(MemberRole v);
std::string_view toString(EducationLevel v);
std::string_view toString(MatchStatus v);
std::string_view toString(ConstraintKind v);
std::string_view toString(CheckInMilestone v);  // "ad_hoc", "month_3", "month_6", "month_12"
std::string_view toString(WorkStatus v);        // "unknown", "none", "language_course", ...
std::string_view toString(EndReason v);         // "none", "moved", "no_time", ...
std::string_view toString(StatedImportance v);  // "not_stated", "not_important", "important", "very_important"
// The three stated values only (a file leaves a criterion out for NotStated).
bool parseStatedImportance(std::string_view s, StatedImportance& out);
// Inverse of toString; false when `s` names no value (then `out` is untouched).
bool parseLanguageLevel(std::string_view s, LanguageLevel& out);
bool parseGender(std::string_view s, Gender& out);
bool parseMemberRole(std::string_view s, MemberRole& out);
bool parseEducationLevel(std::string_view s, EducationLevel& out);
bool parseMatchStatus(std::string_view s, MatchStatus& out);
bool parseConstraintKind(std::string_view s, ConstraintKind& out);
bool parseCheckInMilestone(std::string_view s, CheckInMilestone& out);
bool parseWorkStatus(std::string_view s, WorkStatus& out);
bool parseEndReason(std::string_view s, EndReason& out);

}  // namespace welkom
