// OutcomesPanel ("Check-ins"): the follow-up of live matches. Lists the
// check-ins that are due or overdue today (core/check_ins.h), lets the
// coordinator pick a started match, see its check-ins and enter or edit one
// with every field (date, which check-in, meetings, Dutch level, work or
// study, new contacts, both satisfactions, ended early and why, a note).
// Saving pushes AddCheckIn / UpdateCheckIn; the app checks the values with
// the core rules and shows what it refused.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/check_ins.h"
#include "ui/panel.h"

namespace welkom {

class OutcomesPanel : public Panel {
public:
    const char* id() const override { return "outcomes"; }
    TextId title() const override { return TextId::OutcomesTitle; }
    bool isAvailable(const AppState& state) const override { return state.document.has_value(); }
    void drawContent(const AppState& state, CommandQueue& commands) override;

private:
    void drawDueList(const AppState& state);
    void drawMatchCheckIns(const AppState& state);
    void drawEditor(const AppState& state, CommandQueue& commands);
    void startNew(const std::string& matchId, CheckInMilestone milestone, const std::string& today);

    // Due list, recomputed when the roster or the day changes.
    std::vector<DueCheckIn> m_due;
    std::uint64_t m_dueRevision = ~std::uint64_t{0};
    std::string m_dueToday;
    const Roster* m_dueRoster = nullptr;

    std::string m_matchId;    // match being followed up
    std::string m_editingId;  // check-in being edited; empty: a new one
    CheckIn m_draft;
    bool m_awaitingAdd = false;  // a new check-in was saved; edit it once it is in the roster
    std::uint64_t m_revisionAtSave = 0;
};

}  // namespace welkom
