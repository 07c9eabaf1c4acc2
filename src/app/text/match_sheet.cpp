#include "app/text/match_sheet.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/csv.h"

namespace welkom {

namespace {

std::string_view statusWords(MatchStatus s, bool dutch) {
    switch (s) {
        case MatchStatus::Proposed: return dutch ? "voorgesteld" : "proposed";
        case MatchStatus::AcceptedByGroup: return dutch ? "geaccepteerd door groep" : "accepted by group";
        case MatchStatus::AcceptedByHousehold: return dutch ? "geaccepteerd door huishouden" : "accepted by household";
        case MatchStatus::Introduced: return dutch ? "kennisgemaakt" : "introduced";
        case MatchStatus::Active: return dutch ? "actief" : "active";
        case MatchStatus::Ended: return dutch ? "beëindigd" : "ended";
        case MatchStatus::Declined: return dutch ? "afgewezen" : "declined";
    }
    return "?";
}

}  // namespace

std::string exportMatchesCsv(const Roster& roster, const MatchExportOptions& options) {
    const bool nl = options.dutchHeaders;
    std::vector<CsvRow> rows;
    if (nl) {
        rows.push_back({"koppeling", "huishouden", "groep", "gemeente", "coördinator", "contact coördinator", "status",
                        "voorgesteld op", "status sinds"});
    } else {
        rows.push_back({"match", "household", "group", "municipality", "coordinator", "coordinator contact", "status",
                        "proposed on", "status since"});
    }
    std::unordered_map<std::string_view, const Household*> households;
    std::unordered_map<std::string_view, const WelcomeGroup*> groups;
    for (const Household& h : roster.households) households.emplace(h.id, &h);
    for (const WelcomeGroup& g : roster.groups) groups.emplace(g.id, &g);
    for (const Match& m : roster.matches) {
        if (options.liveOnly && isFinal(m.status())) continue;
        const auto h = households.find(m.householdId);
        const auto g = groups.find(m.groupId);
        const WelcomeGroup* group = g == groups.end() ? nullptr : g->second;
        const GroupMember* coordinator = nullptr;
        if (group) {
            for (const GroupMember& member : group->members)
                if (member.id == group->coordinatorId) coordinator = &member;
        }
        rows.push_back({m.id, h == households.end() ? m.householdId : h->second->displayName,
                        group ? group->name : m.groupId, group ? group->municipality : std::string{},
                        coordinator ? coordinator->name : std::string{},
                        coordinator ? coordinator->contact : std::string{}, std::string(statusWords(m.status(), nl)),
                        m.history.empty() ? std::string{} : m.history.front().date,
                        m.history.empty() ? std::string{} : m.history.back().date});
    }
    return writeSpreadsheetCsv(rows, options.dutchExcel);
}

}  // namespace welkom
