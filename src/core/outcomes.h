// Outcomes of matches and the tables behind the "how are matches going"
// charts: matches by status over time, check-in completion, success by
// criterion score, and a fairness view (proposal quality and outcomes by
// household type, gender and language group). No drawing here: the UI plots
// these series, the CLI prints them, the learning (learning.h) uses the same
// success definition.
//
// Usage:
//   SuccessDefinition def;                              // active at 12 months, both satisfied (>= 4)
//   std::vector<MatchOutcome> outcomes = matchOutcomes(roster);   // per roster.matches
//   Label l = successLabel(outcomes[i], def);
//   StatusSeries s = matchesByStatusOverTime(roster, "2025-12-31");
//   std::vector<CompletionRow> c = checkInCompletion(roster, "2025-12-31");
//   std::vector<ScoreBinRow> b = outcomesByCriterionScore(roster, def, 4);
//   std::vector<FairnessRow> f = fairnessTable(roster, def);
//
// What counts as an outcome, and why:
// - A match has an outcome only once it started (introduced). Followed
//   months run from the start to the end date, or, while live, to the latest
//   dated check-in (what the coordinator actually knows), rounded to whole
//   months (check_ins.h, monthsBetween).
// - Latest answers win (satisfaction, meetings, Dutch level, work): the
//   12-month check-in is the one the success definition is about.
// - successLabel is Unknown rather than a guess when the data does not say:
//   a live match not yet followed for `months`, or satisfaction not asked.
//   Labels must not be invented, because the learning trusts them.
// Cost: every function is O(roster) except where noted.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/roster.h"
#include "core/scoring.h"

namespace welkom {

// [SECTION] Outcomes and the success definition -------------------------------------------

struct MatchOutcome {
    bool started = false;
    std::string startDate;  // "YYYY-MM-DD" from a roster, "YYYY-MM" (or coarser) from research files
    std::string endDate;
    bool ended = false;
    bool endedEarly = false;  // a check-in said so, or it ended before 11 followed months
    EndReason endReason = EndReason::None;
    std::optional<int> monthsFollowed;
    int checkIns = 0;
    std::optional<int> householdSatisfaction, groupSatisfaction;
    std::optional<int> meetingsPerMonth, newContacts;
    std::optional<LanguageLevel> dutchLevel;
    WorkStatus workStatus = WorkStatus::Unknown;
};

// A year that ends within this many followed months counts as early (a
// "year" that ends after 11.5 months is a completed year: rounding, holidays).
constexpr int kEarlyEndMonths = 11;

MatchOutcome matchOutcome(const Roster& roster, const Match& m);
// One per roster.matches, in order. O(matches + check-ins).
std::vector<MatchOutcome> matchOutcomes(const Roster& roster);

// The coordinator's definition of success. Default: still active at 12
// months with both satisfactions >= 4. A minimum of 0 drops that condition.
struct SuccessDefinition {
    int months = 12;
    int minHouseholdSatisfaction = 4;
    int minGroupSatisfaction = 4;
};

enum class Label : std::uint8_t { Unknown, Success, Failure };
// Failure: ended early, or ended before `months`. Success: followed for at
// least `months` without ending early, with the latest satisfactions at or
// above the minimums. Unknown otherwise (not started, not followed long
// enough yet, or satisfaction not known).
Label successLabel(const MatchOutcome& o, const SuccessDefinition& def);

// The stored proposal-time score of a match under `weights`: the weighted
// mean over its stored criterion scores (the same combination as scoring.h;
// criteria without a stored score drop out; 0.5 when none applies).
double storedTotal(const Match& m, const CriterionWeights& weights);

// [SECTION] Chart series ------------------------------------------------------------------

constexpr int kMatchStatusCount = 7;

// Matches per status on the first day of every month, from the month of the
// earliest dated event to the month of `until` (or of the latest event when
// `until` is empty or invalid). A match counts from its first dated event; its
// status on a day is that of its latest event dated on or before it.
struct StatusSeries {
    std::vector<std::string> dates;                             // "YYYY-MM-01"
    std::vector<std::array<int, kMatchStatusCount>> counts;     // per date, indexed by MatchStatus
};
StatusSeries matchesByStatusOverTime(const Roster& roster, std::string_view until = {});

// Per planned milestone: how many were due by `today` (the match had started
// and had not ended before the due date), how many of those have their
// check-in, and how many are missing (the rest; overdue ones among them).
struct CompletionRow {
    CheckInMilestone milestone = CheckInMilestone::Month3;
    int due = 0;
    int done = 0;
    int missing = 0;
    double share() const { return due > 0 ? static_cast<double>(done) / due : 0.0; }
};
std::vector<CompletionRow> checkInCompletion(const Roster& roster, std::string_view today);

// Success by proposal-time criterion score: for each criterion and each of
// `bins` equal score bins ([0, 1/bins), ..., [1 - 1/bins, 1]), the matches
// with that stored score and a known outcome.
struct ScoreBinRow {
    Criterion criterion = Criterion::Interests;
    double low = 0.0, high = 0.0;
    int matches = 0;  // with a known outcome
    int successes = 0;
    double rate() const { return matches > 0 ? static_cast<double>(successes) / matches : 0.0; }
};
std::vector<ScoreBinRow> outcomesByCriterionScore(const Roster& roster, const SuccessDefinition& def, int bins = 4);

// [SECTION] Fairness view ---------------------------------------------------------------------

enum class FairnessDimension : std::uint8_t { HouseholdType, Gender, LanguageGroup };
std::string_view toString(FairnessDimension d);  // "household_type", "gender", "language_group"

// Household type from its members: "single", "couple", "single_parent",
// "family" (2+ adults and children), "adults" (3+ adults, no children).
std::string householdType(const Household& h);
// The adults' genders: "female", "male" (all the same), "mixed", "unspecified"
// (any adult without one).
std::string householdGender(const Household& h);
// The first adult's strongest non-Dutch language (first listed on ties), "nl"
// when only Dutch, "unknown" without languages. The home language, not the
// one a match uses: groups are compared by where people come from.
std::string languageGroup(const Household& h);

struct FairnessRow {
    FairnessDimension dimension = FairnessDimension::HouseholdType;
    std::string category;
    int households = 0;      // consenting to matching
    int proposed = 0;        // households with at least one match (any status)
    double meanProposalScore = 0.0;  // storedTotal over their matches, under the roster's weights
    int declined = 0;        // matches declined
    int started = 0;         // matches introduced
    int labelled = 0;        // matches with a known outcome
    int successes = 0;
    std::optional<double> meanHouseholdSatisfaction;  // latest, over started matches that have one
    double proposedShare() const { return households > 0 ? static_cast<double>(proposed) / households : 0.0; }
    double successRate() const { return labelled > 0 ? static_cast<double>(successes) / labelled : 0.0; }
};
// All three dimensions, categories in name order within each. Small
// categories are kept (n is shown): hiding them would hide exactly the groups
// the view is for.
std::vector<FairnessRow> fairnessTable(const Roster& roster, const SuccessDefinition& def);

}  // namespace welkom
