#include "core/check_ins.h"

#include <gtest/gtest.h>

#include "core/roster_fixtures.h"

namespace welkom {
namespace {

TEST(Dates, DayNumbersRoundTripAndKnownValues) {
    EXPECT_EQ(dayNumber("1970-01-01"), 0);
    EXPECT_EQ(dayNumber("2025-01-01"), 20089);  // the demo generator's start day
    EXPECT_EQ(dayNumber("2000-02-30"), std::nullopt);
    for (int day = -25567; day < 40000; day += 17) {
        const std::string s = isoDateFromDay(day);
        ASSERT_TRUE(isValidIsoDate(s)) << s;
        ASSERT_EQ(dayNumber(s), day) << s;
    }
}

TEST(Dates, AddMonthsClampsToMonthEnd) {
    EXPECT_EQ(addMonths("2024-01-31", 1), "2024-02-29");
    EXPECT_EQ(addMonths("2023-01-31", 1), "2023-02-28");
    EXPECT_EQ(addMonths("2024-11-15", 3), "2025-02-15");
    EXPECT_EQ(addMonths("2024-04-12", 12), "2025-04-12");
    EXPECT_EQ(addMonths("2024-03-10", -3), "2023-12-10");
    EXPECT_EQ(addMonths("nonsense", 3), "");
}

TEST(Dates, MonthsBetweenRounds) {
    EXPECT_EQ(monthsBetween("2024-01-01", "2025-01-01"), 12);
    EXPECT_EQ(monthsBetween("2024-01-01", "2024-12-26"), 12);  // 360 days
    EXPECT_EQ(monthsBetween("2024-01-01", "2024-01-10"), 0);
    EXPECT_EQ(monthsBetween("2024-06-01", "2024-01-01"), -5);
    EXPECT_EQ(monthsBetween("", "2024-01-01"), std::nullopt);
    EXPECT_EQ(monthOf("2024-06-17"), "2024-06");
}

TEST(CheckIns, DueOverdueAndUpcomingForLiveMatchesOnly) {
    Roster r = testing::makeFixtureRoster();  // m1 active since 2024-04-12, month-3 check-in done
    // 6 months: due 2024-10-12.
    auto due = dueCheckIns(r, "2024-09-20");
    EXPECT_TRUE(due.empty());  // 22 days ahead, beyond the 14-day look-ahead
    due = dueCheckIns(r, "2024-10-01");
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].milestone, CheckInMilestone::Month6);
    EXPECT_EQ(due[0].state, DueState::Upcoming);
    EXPECT_EQ(due[0].daysLate, -11);
    EXPECT_EQ(due[0].dueDate, "2024-10-12");
    due = dueCheckIns(r, "2024-10-26");
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].state, DueState::Due);
    due = dueCheckIns(r, "2025-04-20");  // 6 months overdue, 12 months due (since 2025-04-12)
    ASSERT_EQ(due.size(), 2u);
    EXPECT_EQ(due[0].milestone, CheckInMilestone::Month6);
    EXPECT_EQ(due[0].state, DueState::Overdue);
    EXPECT_EQ(due[1].milestone, CheckInMilestone::Month12);
    EXPECT_EQ(due[1].state, DueState::Due);
    EXPECT_EQ(due[1].householdId, "h1");

    // An ad-hoc check-in does not count as the 6-month one; a month_6 one does.
    CheckIn c;
    c.id = "ci2";
    c.matchId = "m1";
    c.date = "2024-10-10";
    r.checkIns.push_back(c);
    EXPECT_EQ(dueCheckIns(r, "2024-10-26").size(), 1u);
    EXPECT_EQ(dueCheckIns(r, "2025-05-01")[1].state, DueState::Overdue);  // 19 days after the 12-month date
    r.checkIns.back().milestone = CheckInMilestone::Month6;
    EXPECT_TRUE(dueCheckIns(r, "2024-10-26").empty());

    // Ended matches have nothing due; an invalid today gives nothing.
    r.matches[0].history.push_back({MatchStatus::Ended, "2024-11-01", "", "", {}});
    EXPECT_TRUE(dueCheckIns(r, "2025-05-01").empty());
    r.matches[0].history.pop_back();
    EXPECT_TRUE(dueCheckIns(r, "yesterday").empty());
}

TEST(CheckIns, StartEndAndOrderOfCheckIns) {
    Roster r = testing::makeFixtureRoster();
    EXPECT_EQ(matchStartDate(r.matches[0]), "2024-04-12");
    EXPECT_EQ(matchEndDate(r.matches[0]), "");
    EXPECT_TRUE(matchStarted(r.matches[0]));
    CheckIn early;
    early.id = "ci0";
    early.matchId = "m1";
    early.date = "2024-05-01";
    CheckIn undated = early;
    undated.id = "ciX";
    undated.date = "";
    r.checkIns.push_back(undated);
    r.checkIns.push_back(early);
    const auto order = checkInsOf(r, "m1");
    ASSERT_EQ(order.size(), 3u);
    EXPECT_EQ(r.checkIns[order[0]].id, "ci0");
    EXPECT_EQ(r.checkIns[order[1]].id, "ci1");
    EXPECT_EQ(r.checkIns[order[2]].id, "ciX");
}

}  // namespace
}  // namespace welkom
