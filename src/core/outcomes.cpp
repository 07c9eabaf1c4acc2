#include "core/outcomes.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/check_ins.h"

namespace welkom {

namespace {

// Check-in indices per match id, oldest first (check_ins.h ordering).
std::unordered_map<std::string_view, std::vector<std::size_t>> checkInIndex(const Roster& roster) {
    std::unordered_map<std::string_view, std::vector<std::size_t>> byMatch;
    for (std::size_t i = 0; i < roster.checkIns.size(); ++i) byMatch[roster.checkIns[i].matchId].push_back(i);
    for (auto& [id, list] : byMatch) {
        std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
            const std::string& da = roster.checkIns[a].date;
            const std::string& db = roster.checkIns[b].date;
            const bool va = isValidIsoDate(da), vb = isValidIsoDate(db);
            if (va != vb) return va;
            return va && da < db;
        });
    }
    return byMatch;
}

MatchOutcome outcomeFrom(const Match& m, const Roster& roster, const std::vector<std::size_t>* checkIns) {
    MatchOutcome o;
    o.started = matchStarted(m);
    if (!o.started) return o;
    o.startDate = matchStartDate(m);
    o.ended = m.status() == MatchStatus::Ended;
    if (o.ended) o.endDate = matchEndDate(m);
    std::string lastDate;
    if (checkIns) {
        for (std::size_t i : *checkIns) {
            const CheckIn& c = roster.checkIns[i];
            ++o.checkIns;
            if (isValidIsoDate(c.date)) lastDate = c.date;
            if (c.householdSatisfaction) o.householdSatisfaction = c.householdSatisfaction;
            if (c.groupSatisfaction) o.groupSatisfaction = c.groupSatisfaction;
            if (c.meetingsPerMonth) o.meetingsPerMonth = c.meetingsPerMonth;
            if (c.newContacts) o.newContacts = c.newContacts;
            if (c.dutchLevel) o.dutchLevel = c.dutchLevel;
            if (c.workStatus != WorkStatus::Unknown) o.workStatus = c.workStatus;
            if (c.endedEarly) {
                o.endedEarly = true;
                if (c.endReason != EndReason::None) o.endReason = c.endReason;
            }
        }
    }
    o.monthsFollowed = monthsBetween(o.startDate, o.ended ? o.endDate : lastDate);
    if (o.ended && o.monthsFollowed && *o.monthsFollowed < kEarlyEndMonths) o.endedEarly = true;
    return o;
}

}  // namespace

MatchOutcome matchOutcome(const Roster& roster, const Match& m) {
    const std::vector<std::size_t> list = checkInsOf(roster, m.id);
    return outcomeFrom(m, roster, &list);
}

std::vector<MatchOutcome> matchOutcomes(const Roster& roster) {
    const auto index = checkInIndex(roster);
    std::vector<MatchOutcome> out;
    out.reserve(roster.matches.size());
    for (const Match& m : roster.matches) {
        const auto it = index.find(m.id);
        out.push_back(outcomeFrom(m, roster, it == index.end() ? nullptr : &it->second));
    }
    return out;
}

Label successLabel(const MatchOutcome& o, const SuccessDefinition& def) {
    if (!o.started) return Label::Unknown;
    if (o.endedEarly) return Label::Failure;
    if (!o.monthsFollowed) return Label::Unknown;
    if (*o.monthsFollowed < def.months) return o.ended ? Label::Failure : Label::Unknown;
    if (def.minHouseholdSatisfaction > 0) {
        if (!o.householdSatisfaction) return Label::Unknown;
        if (*o.householdSatisfaction < def.minHouseholdSatisfaction) return Label::Failure;
    }
    if (def.minGroupSatisfaction > 0) {
        if (!o.groupSatisfaction) return Label::Unknown;
        if (*o.groupSatisfaction < def.minGroupSatisfaction) return Label::Failure;
    }
    return Label::Success;
}

double storedTotal(const Match& m, const CriterionWeights& weights) {
    double num = 0.0, den = 0.0;
    for (const CriterionScore& s : m.scores) {
        Criterion c;
        if (!parseCriterion(s.criterion, c)) continue;
        const double w = weights[c];
        if (w <= 0.0) continue;
        num += w * s.score;
        den += w;
    }
    return den > 0.0 ? num / den : 0.5;
}

// [SECTION] Chart series ------------------------------------------------------------------

StatusSeries matchesByStatusOverTime(const Roster& roster, std::string_view until) {
    StatusSeries out;
    std::string first, last;
    for (const Match& m : roster.matches) {
        for (const MatchEvent& e : m.history) {
            if (!isValidIsoDate(e.date)) continue;
            if (first.empty() || e.date < first) first = e.date;
            if (last.empty() || e.date > last) last = e.date;
        }
    }
    if (first.empty()) return out;
    if (isValidIsoDate(until)) last = std::string(until);
    std::string day = first.substr(0, 8) + "01";
    while (day <= last) {
        std::array<int, kMatchStatusCount> counts{};
        for (const Match& m : roster.matches) {
            int status = -1;
            for (const MatchEvent& e : m.history) {
                if (isValidIsoDate(e.date) && e.date <= day) status = static_cast<int>(e.status);
            }
            if (status >= 0) ++counts[static_cast<std::size_t>(status)];
        }
        out.dates.push_back(day);
        out.counts.push_back(counts);
        day = addMonths(day, 1);
        if (day.empty()) break;
    }
    // The last point is the first of `last`'s month, so the latest events only
    // show from the next month; add `last` itself so the chart ends on today.
    if (out.dates.empty() || out.dates.back() != last) {
        std::array<int, kMatchStatusCount> counts{};
        for (const Match& m : roster.matches) {
            int status = -1;
            for (const MatchEvent& e : m.history) {
                if (isValidIsoDate(e.date) && e.date <= last) status = static_cast<int>(e.status);
            }
            if (status >= 0) ++counts[static_cast<std::size_t>(status)];
        }
        out.dates.push_back(last);
        out.counts.push_back(counts);
    }
    return out;
}

std::vector<CompletionRow> checkInCompletion(const Roster& roster, std::string_view today) {
    std::vector<CompletionRow> rows;
    for (CheckInMilestone ms : kPlannedMilestones) rows.push_back(CompletionRow{ms, 0, 0, 0});
    if (!isValidIsoDate(today)) return rows;
    std::unordered_map<std::string, bool> done;  // match id \0 milestone
    for (const CheckIn& c : roster.checkIns) {
        if (c.milestone != CheckInMilestone::AdHoc) done[c.matchId + '\0' + std::string(toString(c.milestone))] = true;
    }
    for (const Match& m : roster.matches) {
        const std::string start = matchStartDate(m);
        if (!isValidIsoDate(start)) continue;
        const std::string end = matchEndDate(m);
        for (CompletionRow& row : rows) {
            const std::string due = addMonths(start, milestoneMonths(row.milestone));
            if (due.empty() || due > today) continue;
            const bool hasIt = done.count(m.id + '\0' + std::string(toString(row.milestone))) > 0;
            // A match that ended before the milestone owes no check-in for it
            // (unless one was made anyway).
            if (!hasIt && m.status() == MatchStatus::Ended && (!isValidIsoDate(end) || end < due)) continue;
            ++row.due;
            if (hasIt) ++row.done;
            else ++row.missing;
        }
    }
    return rows;
}

std::vector<ScoreBinRow> outcomesByCriterionScore(const Roster& roster, const SuccessDefinition& def, int bins) {
    bins = std::max(1, bins);
    std::vector<ScoreBinRow> rows;
    for (int c = 0; c < kCriterionCount; ++c) {
        for (int b = 0; b < bins; ++b) {
            ScoreBinRow r;
            r.criterion = static_cast<Criterion>(c);
            r.low = static_cast<double>(b) / bins;
            r.high = static_cast<double>(b + 1) / bins;
            rows.push_back(r);
        }
    }
    const std::vector<MatchOutcome> outcomes = matchOutcomes(roster);
    for (std::size_t i = 0; i < roster.matches.size(); ++i) {
        const Label l = successLabel(outcomes[i], def);
        if (l == Label::Unknown) continue;
        for (const CriterionScore& s : roster.matches[i].scores) {
            Criterion c;
            if (!parseCriterion(s.criterion, c)) continue;
            const int b = std::min(bins - 1, std::max(0, static_cast<int>(s.score * bins)));
            ScoreBinRow& r = rows[static_cast<std::size_t>(static_cast<int>(c) * bins + b)];
            ++r.matches;
            if (l == Label::Success) ++r.successes;
        }
    }
    return rows;
}

// [SECTION] Fairness view ---------------------------------------------------------------------

std::string_view toString(FairnessDimension d) {
    switch (d) {
        case FairnessDimension::HouseholdType: return "household_type";
        case FairnessDimension::Gender: return "gender";
        case FairnessDimension::LanguageGroup: return "language_group";
    }
    return "?";
}

std::string householdType(const Household& h) {
    int adults = 0, children = 0;
    for (const HouseholdMember& m : h.members) (m.role == MemberRole::Adult ? adults : children) += 1;
    if (children == 0) return adults <= 1 ? "single" : adults == 2 ? "couple" : "adults";
    return adults <= 1 ? "single_parent" : "family";
}

std::string householdGender(const Household& h) {
    bool female = false, male = false, other = false;
    for (const HouseholdMember& m : h.members) {
        if (m.role != MemberRole::Adult) continue;
        switch (m.gender) {
            case Gender::Unspecified: return "unspecified";
            case Gender::Female: female = true; break;
            case Gender::Male: male = true; break;
            case Gender::Other: other = true; break;
        }
    }
    if (female + male + other > 1) return "mixed";
    return female ? "female" : male ? "male" : other ? "other" : "unspecified";
}

std::string languageGroup(const Household& h) {
    for (const HouseholdMember& m : h.members) {
        if (m.role != MemberRole::Adult) continue;
        const LanguageSkill* best = nullptr;
        bool speaksDutch = false;
        for (const LanguageSkill& l : m.languages) {
            if (l.code == "nl") {
                speaksDutch = true;
                continue;
            }
            if (!best || scoredLevel(l.level) > scoredLevel(best->level)) best = &l;
        }
        if (best) return best->code;
        return speaksDutch ? "nl" : "unknown";
    }
    return "unknown";
}

std::vector<FairnessRow> fairnessTable(const Roster& roster, const SuccessDefinition& def) {
    const std::vector<MatchOutcome> outcomes = matchOutcomes(roster);
    std::unordered_map<std::string_view, std::vector<std::size_t>> matchesOf;
    for (std::size_t i = 0; i < roster.matches.size(); ++i) matchesOf[roster.matches[i].householdId].push_back(i);
    std::vector<FairnessRow> out;
    for (FairnessDimension dim :
         {FairnessDimension::HouseholdType, FairnessDimension::Gender, FairnessDimension::LanguageGroup}) {
        struct Acc {
            FairnessRow row;
            double scoreSum = 0.0;
            int scoreCount = 0;
            double satSum = 0.0;
            int satCount = 0;
        };
        std::map<std::string, Acc> acc;
        for (const Household& h : roster.households) {
            const std::string cat = dim == FairnessDimension::HouseholdType ? householdType(h)
                                    : dim == FairnessDimension::Gender      ? householdGender(h)
                                                                            : languageGroup(h);
            Acc& a = acc[cat];
            const auto it = matchesOf.find(h.id);
            if (h.consent.toMatching) ++a.row.households;
            if (it == matchesOf.end()) continue;
            ++a.row.proposed;
            for (std::size_t i : it->second) {
                const Match& m = roster.matches[i];
                a.scoreSum += storedTotal(m, roster.settings.weights);
                ++a.scoreCount;
                if (m.status() == MatchStatus::Declined) ++a.row.declined;
                const MatchOutcome& o = outcomes[i];
                if (!o.started) continue;
                ++a.row.started;
                const Label l = successLabel(o, def);
                if (l != Label::Unknown) ++a.row.labelled;
                if (l == Label::Success) ++a.row.successes;
                if (o.householdSatisfaction) {
                    a.satSum += *o.householdSatisfaction;
                    ++a.satCount;
                }
            }
        }
        for (auto& [cat, a] : acc) {
            a.row.dimension = dim;
            a.row.category = cat;
            if (a.scoreCount > 0) a.row.meanProposalScore = a.scoreSum / a.scoreCount;
            if (a.satCount > 0) a.row.meanHouseholdSatisfaction = a.satSum / a.satCount;
            out.push_back(std::move(a.row));
        }
    }
    return out;
}

}  // namespace welkom
