#include "core/roster.h"

#include <array>

namespace welkom {

bool Household::operator==(const Household& o) const {
    return id == o.id && displayName == o.displayName && municipality == o.municipality &&
           neighbourhood == o.neighbourhood && members == o.members && interests == o.interests &&
           goals == o.goals && workSectors == o.workSectors && educationLevel == o.educationLevel &&
           availability == o.availability && preferences == o.preferences && needs == o.needs &&
           notes == o.notes && consent == o.consent && statedPriorities == o.statedPriorities && extra == o.extra;
}

bool GroupMember::operator==(const GroupMember& o) const {
    return id == o.id && name == o.name && contact == o.contact && age == o.age && gender == o.gender &&
           languages == o.languages && interests == o.interests && occupation == o.occupation &&
           sector == o.sector && skills == o.skills && hasChildren == o.hasChildren &&
           municipality == o.municipality && neighbourhood == o.neighbourhood &&
           statedPriorities == o.statedPriorities && extra == o.extra;
}

bool WelcomeGroup::operator==(const WelcomeGroup& o) const {
    return id == o.id && name == o.name && municipality == o.municipality &&
           neighbourhood == o.neighbourhood && members == o.members && coordinatorId == o.coordinatorId &&
           availability == o.availability && capacity == o.capacity && support == o.support &&
           allowedMunicipalities == o.allowedMunicipalities && notes == o.notes && consent == o.consent &&
           extra == o.extra;
}

bool Roster::operator==(const Roster& o) const {
    return programmeName == o.programmeName && isDemo == o.isDemo && households == o.households &&
           groups == o.groups && matches == o.matches && constraints == o.constraints &&
           checkIns == o.checkIns && settings == o.settings && signup == o.signup && team == o.team && extra == o.extra;
}

bool isFinal(MatchStatus s) { return s == MatchStatus::Ended || s == MatchStatus::Declined; }

bool isAllowedTransition(MatchStatus from, MatchStatus to) {
    using S = MatchStatus;
    switch (from) {
        case S::Proposed: return to == S::AcceptedByGroup || to == S::Declined;
        case S::AcceptedByGroup: return to == S::AcceptedByHousehold || to == S::Declined;
        case S::AcceptedByHousehold: return to == S::Introduced || to == S::Declined;
        case S::Introduced: return to == S::Active || to == S::Ended;
        case S::Active: return to == S::Ended;
        case S::Ended:
        case S::Declined: return false;
    }
    return false;
}

bool isValidIsoDate(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    auto digits = [&](size_t from, size_t n, int& out) {
        out = 0;
        for (size_t i = from; i < from + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    int y = 0, m = 0, d = 0;
    if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return false;
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int maxDay = kDays[static_cast<size_t>(m - 1)] + (m == 2 && leap ? 1 : 0);
    return d <= maxDay;
}

bool isCustomTag(std::string_view tag) {
    return tag.size() > kCustomTagPrefix.size() && tag.substr(0, kCustomTagPrefix.size()) == kCustomTagPrefix;
}

std::string makeCustomTag(std::string_view text) {
    std::string out(kCustomTagPrefix);
    out.append(text);
    return out;
}

std::string_view customTagText(std::string_view tag) {
    return isCustomTag(tag) ? tag.substr(kCustomTagPrefix.size()) : std::string_view{};
}

// [SECTION] Enum names ------------------------------------------------------------
// One table per enum, indexed by the enum's value, so toString and parse agree.

namespace {

constexpr std::array<std::string_view, 10> kLevelNames = {"none", "A0", "A1", "A2",     "B1",
                                                          "B2",   "C1", "C2", "native", "unknown"};
constexpr std::array<std::string_view, 4> kGenderNames = {"unspecified", "female", "male", "other"};
constexpr std::array<std::string_view, 2> kRoleNames = {"adult", "child"};
constexpr std::array<std::string_view, 8> kEducationNames = {
    "unknown", "none", "primary", "secondary", "vocational", "bachelor", "master", "doctorate"};
constexpr std::array<std::string_view, 7> kStatusNames = {
    "proposed", "accepted_by_group", "accepted_by_household", "introduced", "active", "ended", "declined"};
constexpr std::array<std::string_view, 2> kKindNames = {"pin", "forbid"};
constexpr std::array<std::string_view, 4> kMilestoneNames = {"ad_hoc", "month_3", "month_6", "month_12"};
constexpr std::array<std::string_view, 9> kWorkStatusNames = {
    "unknown", "none", "language_course", "volunteering", "looking", "education", "part_time_work",
    "full_time_work", "self_employed"};
constexpr std::array<std::string_view, 10> kEndReasonNames = {
    "none", "moved", "no_time", "no_connection", "language_barrier", "household_withdrew", "group_withdrew",
    "conflict", "goals_reached", "other"};
constexpr std::array<std::string_view, 4> kImportanceNames = {"not_stated", "not_important", "important",
                                                              "very_important"};

template <typename E, size_t N>
bool parseFrom(const std::array<std::string_view, N>& names, std::string_view s, E& out) {
    for (size_t i = 0; i < N; ++i) {
        if (names[i] == s) {
            out = static_cast<E>(i);
            return true;
        }
    }
    return false;
}

template <typename E, size_t N>
std::string_view nameOf(const std::array<std::string_view, N>& names, E v) {
    const auto i = static_cast<size_t>(v);
    return i < N ? names[i] : std::string_view{"?"};
}

}  // namespace

std::string_view toString(LanguageLevel v) { return nameOf(kLevelNames, v); }
std::string_view toString(Gender v) { return nameOf(kGenderNames, v); }
std::string_view toString(MemberRole v) { return nameOf(kRoleNames, v); }
std::string_view toString(EducationLevel v) { return nameOf(kEducationNames, v); }
std::string_view toString(MatchStatus v) { return nameOf(kStatusNames, v); }
std::string_view toString(ConstraintKind v) { return nameOf(kKindNames, v); }
std::string_view toString(CheckInMilestone v) { return nameOf(kMilestoneNames, v); }
std::string_view toString(WorkStatus v) { return nameOf(kWorkStatusNames, v); }
std::string_view toString(EndReason v) { return nameOf(kEndReasonNames, v); }
std::string_view toString(StatedImportance v) { return nameOf(kImportanceNames, v); }

bool parseLanguageLevel(std::string_view s, LanguageLevel& out) { return parseFrom(kLevelNames, s, out); }
bool parseGender(std::string_view s, Gender& out) { return parseFrom(kGenderNames, s, out); }
bool parseMemberRole(std::string_view s, MemberRole& out) { return parseFrom(kRoleNames, s, out); }
bool parseEducationLevel(std::string_view s, EducationLevel& out) { return parseFrom(kEducationNames, s, out); }
bool parseMatchStatus(std::string_view s, MatchStatus& out) { return parseFrom(kStatusNames, s, out); }
bool parseConstraintKind(std::string_view s, ConstraintKind& out) { return parseFrom(kKindNames, s, out); }
bool parseCheckInMilestone(std::string_view s, CheckInMilestone& out) { return parseFrom(kMilestoneNames, s, out); }
bool parseWorkStatus(std::string_view s, WorkStatus& out) { return parseFrom(kWorkStatusNames, s, out); }
bool parseEndReason(std::string_view s, EndReason& out) { return parseFrom(kEndReasonNames, s, out); }
bool parseStatedImportance(std::string_view s, StatedImportance& out) {
    StatedImportance v{};
    if (!parseFrom(kImportanceNames, s, v) || v == StatedImportance::NotStated) return false;
    out = v;
    return true;
}

}  // namespace welkom
