// Check-ins over time: calendar arithmetic on the roster's ISO dates, when a
// match started and ended, and which planned check-ins (about 3, 6 and 12
// months after the introduction) are coming up, due or overdue on a given day.
//
// Usage:
//   for (const DueCheckIn& d : dueCheckIns(roster, "2025-06-30"))
//       show(d.matchId, toString(d.milestone), d.dueDate, d.state, d.daysLate);
//
// Why "today" is a parameter: core has no clock (deterministic tests, and the
// web app and the CLI read the date their own way).
//
// Rules: a match starts on the date of its first `introduced` event (or
// `active`, if it skipped that step); only live matches (introduced or active)
// have check-ins due. Milestone M is due on start + M calendar months (the day
// is clamped to the month's end: 31 January + 1 month = 28/29 February) and is
// done when a check-in of that match has that milestone; ad-hoc check-ins
// never stand in for one, because the outcomes at 3/6/12 months are what the
// learning compares. Cost: O(matches + check-ins).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/roster.h"

namespace welkom {

// [SECTION] Dates ---------------------------------------------------------------------

// Days since 1970-01-01 of a valid ISO date (isValidIsoDate), else nullopt.
std::optional<int> dayNumber(std::string_view isoDate);
// Inverse of dayNumber; for days of years 1900..2999.
std::string isoDateFromDay(int day);
// The date `months` calendar months later (negative: earlier), day clamped to
// the month's length; "" when `isoDate` is not valid.
std::string addMonths(std::string_view isoDate, int months);
// Whole months from `from` to `to`, rounded to the nearest (days / 30.4375),
// negative when `to` is earlier; nullopt when either date is invalid. Rounded
// rather than truncated so a year ended on day 360 counts as 12 months.
std::optional<int> monthsBetween(std::string_view from, std::string_view to);
// "YYYY-MM" of a date ("" if shorter than 7 characters): month-level dates
// for anonymised extracts.
std::string monthOf(std::string_view isoDate);

// [SECTION] Match lifetime ------------------------------------------------------------

// Date of the first introduced/active event, "" when it never started or that
// event has no date.
std::string matchStartDate(const Match& m);
// Date of the ended event, "" when not ended (or undated).
std::string matchEndDate(const Match& m);
// True for a match that was introduced (whatever happened after).
bool matchStarted(const Match& m);
// 3, 6, 12 (0 for AdHoc).
int milestoneMonths(CheckInMilestone m);
constexpr CheckInMilestone kPlannedMilestones[] = {CheckInMilestone::Month3, CheckInMilestone::Month6,
                                                   CheckInMilestone::Month12};

// [SECTION] Due and overdue -------------------------------------------------------------

enum class DueState : std::uint8_t { Upcoming, Due, Overdue };
std::string_view toString(DueState s);  // "upcoming", "due", "overdue"

struct DueCheckIn {
    std::size_t matchIndex = 0;  // into roster.matches
    std::string matchId, householdId, groupId;
    CheckInMilestone milestone = CheckInMilestone::Month3;
    std::string dueDate;
    int daysLate = 0;  // today - dueDate; negative while upcoming
    DueState state = DueState::Upcoming;
};

struct DueOptions {
    int lookAheadDays = 14;  // list milestones this many days before they are due
    int graceDays = 14;      // due (not yet overdue) until this many days after
};

// Milestones of live matches not yet done, from lookAheadDays before their due
// date on. Ordered: overdue (most late first), due, upcoming (soonest first),
// then by match index. Empty when `today` is not a valid date.
std::vector<DueCheckIn> dueCheckIns(const Roster& roster, std::string_view today, const DueOptions& options = {});

// Check-ins of one match (indices into roster.checkIns), oldest first
// (undated last, in file order).
std::vector<std::size_t> checkInsOf(const Roster& roster, std::string_view matchId);

}  // namespace welkom
