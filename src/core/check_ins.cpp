#include "core/check_ins.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

namespace welkom {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain,
// howardhinnant.github.io/date_algorithms.html): exact integer arithmetic.
int daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civilFromDays(int z, int& y, int& m, int& d) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp + (mp < 10 ? 3 : -9);
    y = yoe + era * 400 + (m <= 2 ? 1 : 0);
}

int daysInMonth(int y, int m) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return kDays[static_cast<std::size_t>(m - 1)] + (m == 2 && leap ? 1 : 0);
}

int digits(std::string_view s, std::size_t from, std::size_t n) {
    int out = 0;
    for (std::size_t i = from; i < from + n; ++i) out = out * 10 + (s[i] - '0');
    return out;
}

std::string format(int y, int m, int d) {
    char buf[11];
    buf[0] = static_cast<char>('0' + y / 1000 % 10);
    buf[1] = static_cast<char>('0' + y / 100 % 10);
    buf[2] = static_cast<char>('0' + y / 10 % 10);
    buf[3] = static_cast<char>('0' + y % 10);
    buf[4] = '-';
    buf[5] = static_cast<char>('0' + m / 10);
    buf[6] = static_cast<char>('0' + m % 10);
    buf[7] = '-';
    buf[8] = static_cast<char>('0' + d / 10);
    buf[9] = static_cast<char>('0' + d % 10);
    return std::string(buf, 10);
}

}  // namespace

std::optional<int> dayNumber(std::string_view s) {
    if (!isValidIsoDate(s)) return std::nullopt;
    return daysFromCivil(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
}

std::string isoDateFromDay(int day) {
    int y = 0, m = 0, d = 0;
    civilFromDays(day, y, m, d);
    return format(y, m, d);
}

std::string addMonths(std::string_view s, int months) {
    if (!isValidIsoDate(s)) return {};
    const int y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
    const int index = y * 12 + (m - 1) + months;
    const int ny = index / 12, nm = index % 12 + 1;
    if (ny < 1900 || ny > 2999) return {};
    return format(ny, nm, std::min(d, daysInMonth(ny, nm)));
}

std::optional<int> monthsBetween(std::string_view from, std::string_view to) {
    const auto a = dayNumber(from), b = dayNumber(to);
    if (!a || !b) return std::nullopt;
    // Rounded to nearest in integers: months = round(days * 400 / 12175).
    const long long days = static_cast<long long>(*b) - *a;
    const long long num = days * 400;
    const long long q = num >= 0 ? (num + 6087) / 12175 : -((-num + 6087) / 12175);
    return static_cast<int>(q);
}

std::string monthOf(std::string_view isoDate) {
    return isoDate.size() >= 7 ? std::string(isoDate.substr(0, 7)) : std::string();
}

std::string matchStartDate(const Match& m) {
    for (const MatchEvent& e : m.history) {
        if (e.status == MatchStatus::Introduced || e.status == MatchStatus::Active) return e.date;
    }
    return {};
}

std::string matchEndDate(const Match& m) {
    for (const MatchEvent& e : m.history) {
        if (e.status == MatchStatus::Ended) return e.date;
    }
    return {};
}

bool matchStarted(const Match& m) {
    for (const MatchEvent& e : m.history) {
        if (e.status == MatchStatus::Introduced || e.status == MatchStatus::Active) return true;
    }
    return false;
}

int milestoneMonths(CheckInMilestone m) {
    switch (m) {
        case CheckInMilestone::Month3: return 3;
        case CheckInMilestone::Month6: return 6;
        case CheckInMilestone::Month12: return 12;
        case CheckInMilestone::AdHoc: return 0;
    }
    return 0;
}

std::string_view toString(DueState s) {
    switch (s) {
        case DueState::Upcoming: return "upcoming";
        case DueState::Due: return "due";
        case DueState::Overdue: return "overdue";
    }
    return "?";
}

std::vector<DueCheckIn> dueCheckIns(const Roster& roster, std::string_view today, const DueOptions& options) {
    std::vector<DueCheckIn> out;
    const auto now = dayNumber(today);
    if (!now) return out;
    // (match id, milestone) pairs already done.
    std::unordered_set<std::string> done;
    for (const CheckIn& c : roster.checkIns) {
        if (c.milestone == CheckInMilestone::AdHoc) continue;
        done.insert(c.matchId + '\0' + static_cast<char>('0' + static_cast<int>(c.milestone)));
    }
    for (std::size_t i = 0; i < roster.matches.size(); ++i) {
        const Match& m = roster.matches[i];
        const MatchStatus st = m.status();
        if (st != MatchStatus::Introduced && st != MatchStatus::Active) continue;
        const std::string start = matchStartDate(m);
        if (!isValidIsoDate(start)) continue;
        for (CheckInMilestone ms : kPlannedMilestones) {
            if (done.count(m.id + '\0' + static_cast<char>('0' + static_cast<int>(ms))) > 0) continue;
            const std::string due = addMonths(start, milestoneMonths(ms));
            const auto dueDay = dayNumber(due);
            if (!dueDay) continue;
            const int late = *now - *dueDay;
            if (late < -options.lookAheadDays) continue;
            DueCheckIn d;
            d.matchIndex = i;
            d.matchId = m.id;
            d.householdId = m.householdId;
            d.groupId = m.groupId;
            d.milestone = ms;
            d.dueDate = due;
            d.daysLate = late;
            d.state = late < 0 ? DueState::Upcoming : late <= options.graceDays ? DueState::Due : DueState::Overdue;
            out.push_back(std::move(d));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const DueCheckIn& a, const DueCheckIn& b) {
        if (a.state != b.state) return static_cast<int>(a.state) > static_cast<int>(b.state);
        if (a.daysLate != b.daysLate) return a.daysLate > b.daysLate;
        return a.matchIndex < b.matchIndex;
    });
    return out;
}

std::vector<std::size_t> checkInsOf(const Roster& roster, std::string_view matchId) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < roster.checkIns.size(); ++i) {
        if (roster.checkIns[i].matchId == matchId) out.push_back(i);
    }
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
        const std::string& da = roster.checkIns[a].date;
        const std::string& db = roster.checkIns[b].date;
        const bool va = isValidIsoDate(da), vb = isValidIsoDate(db);
        if (va != vb) return va;
        return va && da < db;
    });
    return out;
}

}  // namespace welkom
