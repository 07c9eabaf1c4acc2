#include "core/outcomes.h"

#include <gtest/gtest.h>

#include "core/check_ins.h"
#include "core/demo_roster.h"
#include "core/learning.h"
#include "core/roster_fixtures.h"

namespace welkom {
namespace {

// The fixture's m1 (active since 2024-04-12) with a 12-month check-in.
Roster withYearCheckIn(int household, int group) {
    Roster r = testing::makeFixtureRoster();
    CheckIn c;
    c.id = "ci12";
    c.matchId = "m1";
    c.date = "2025-04-14";
    c.milestone = CheckInMilestone::Month12;
    c.householdSatisfaction = household;
    c.groupSatisfaction = group;
    r.checkIns.push_back(c);
    return r;
}

TEST(Outcomes, LabelsFollowTheDefinition) {
    const SuccessDefinition def;
    // Only the 3-month check-in: followed 3 months, too early to say.
    Roster r = testing::makeFixtureRoster();
    MatchOutcome o = matchOutcome(r, r.matches[0]);
    EXPECT_TRUE(o.started);
    EXPECT_EQ(o.monthsFollowed, 3);
    EXPECT_EQ(o.householdSatisfaction, 5);
    EXPECT_EQ(successLabel(o, def), Label::Unknown);

    r = withYearCheckIn(4, 4);
    EXPECT_EQ(successLabel(matchOutcome(r, r.matches[0]), def), Label::Success);
    r = withYearCheckIn(5, 3);
    EXPECT_EQ(successLabel(matchOutcome(r, r.matches[0]), def), Label::Failure);
    SuccessDefinition lenient;
    lenient.minGroupSatisfaction = 0;
    EXPECT_EQ(successLabel(matchOutcome(r, r.matches[0]), lenient), Label::Success);

    // Ended after five months: a failure whatever the satisfaction.
    r = testing::makeFixtureRoster();
    r.matches[0].history.push_back({MatchStatus::Ended, "2024-09-15", "", "", {}});
    o = matchOutcome(r, r.matches[0]);
    EXPECT_TRUE(o.endedEarly);
    EXPECT_EQ(successLabel(o, def), Label::Failure);

    // Never introduced: no outcome.
    r = testing::makeFixtureRoster();
    r.matches[0].history.resize(2);
    EXPECT_EQ(successLabel(matchOutcome(r, r.matches[0]), def), Label::Unknown);
    EXPECT_TRUE(learningSamples(r, def).empty());
}

TEST(Outcomes, StoredTotalIsTheWeightedMean) {
    const Roster r = testing::makeFixtureRoster();  // interests .75, age .5, language 1; weights 1, .5, 2
    EXPECT_NEAR(storedTotal(r.matches[0], r.settings.weights), (0.75 + 0.25 + 2.0) / 3.5, 1e-12);
    EXPECT_NEAR(storedTotal(r.matches[0], {}), 2.25 / 3, 1e-12);
}

TEST(Outcomes, StatusOverTimeCountsEachMatchOnce) {
    const Roster r = testing::makeFixtureRoster();
    const StatusSeries s = matchesByStatusOverTime(r, "2024-06-15");
    ASSERT_EQ(s.dates.front(), "2024-04-01");
    ASSERT_EQ(s.dates.back(), "2024-06-15");
    ASSERT_EQ(s.dates.size(), 4u);  // Apr, May, Jun, and the 15th of June
    EXPECT_EQ(s.counts[0][static_cast<std::size_t>(MatchStatus::Proposed)], 1);
    EXPECT_EQ(s.counts[1][static_cast<std::size_t>(MatchStatus::Active)], 1);
    for (const auto& c : s.counts) {
        int sum = 0;
        for (int n : c) sum += n;
        EXPECT_EQ(sum, 1);
    }
    EXPECT_TRUE(matchesByStatusOverTime(Roster{}).dates.empty());
}

TEST(Outcomes, CheckInCompletion) {
    const Roster r = testing::makeFixtureRoster();
    std::vector<CompletionRow> c = checkInCompletion(r, "2024-11-01");
    ASSERT_EQ(c.size(), 3u);
    EXPECT_EQ(c[0].due, 1);
    EXPECT_EQ(c[0].done, 1);
    EXPECT_EQ(c[1].due, 1);  // 6 months due on 2024-10-12, missing
    EXPECT_EQ(c[1].missing, 1);
    EXPECT_EQ(c[2].due, 0);
    EXPECT_DOUBLE_EQ(c[0].share(), 1.0);
}

TEST(Outcomes, ScoreBinsAndFairnessOnADemoRoster) {
    const Roster r = generateDemoRoster({400, 300, 3, 21});
    const SuccessDefinition def;
    const std::vector<ScoreBinRow> bins = outcomesByCriterionScore(r, def, 4);
    ASSERT_EQ(bins.size(), static_cast<std::size_t>(kCriterionCount * 4));
    int labelled = 0;
    for (const MatchOutcome& o : matchOutcomes(r)) labelled += successLabel(o, def) != Label::Unknown ? 1 : 0;
    int interestsTotal = 0;
    for (const ScoreBinRow& b : bins) {
        EXPECT_LE(b.successes, b.matches);
        if (b.criterion == Criterion::Interests) interestsTotal += b.matches;
    }
    EXPECT_EQ(interestsTotal, labelled);  // demo matches store every criterion

    const std::vector<FairnessRow> rows = fairnessTable(r, def);
    int perDimension[3] = {0, 0, 0};
    for (const FairnessRow& row : rows) {
        EXPECT_LE(row.proposed, static_cast<int>(r.households.size()));
        EXPECT_LE(row.successes, row.labelled);
        EXPECT_LE(row.labelled, row.started);
        perDimension[static_cast<int>(row.dimension)] += row.households;
    }
    int consenting = 0;
    for (const Household& h : r.households) consenting += h.consent.toMatching ? 1 : 0;
    for (int n : perDimension) EXPECT_EQ(n, consenting);
}

TEST(Outcomes, HouseholdCategories) {
    Household h;
    h.members = {{30, Gender::Female, MemberRole::Adult, {{"ar", LanguageLevel::Native}, {"nl", LanguageLevel::A2}}, {}}};
    EXPECT_EQ(householdType(h), "single");
    EXPECT_EQ(householdGender(h), "female");
    EXPECT_EQ(languageGroup(h), "ar");
    h.members.push_back({5, Gender::Male, MemberRole::Child, {}, {}});
    EXPECT_EQ(householdType(h), "single_parent");
    EXPECT_EQ(householdGender(h), "female");  // children do not count
    h.members.push_back({33, Gender::Male, MemberRole::Adult, {}, {}});
    EXPECT_EQ(householdType(h), "family");
    EXPECT_EQ(householdGender(h), "mixed");
}

}  // namespace
}  // namespace welkom
