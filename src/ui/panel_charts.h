// ChartsPanel: how matches are going, as pictures. Matches by status over
// time, check-in completion, success by criterion score at proposal time,
// and a fairness view (share proposed, mean proposal score and success rate
// by household type, gender and language group, with the numbers in a table
// so small categories are not hidden). Series come from core/outcomes.h and
// are recomputed only when the roster, the day or the success definition
// changes; drawing is ui/charts.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/outcomes.h"
#include "ui/panel.h"

namespace welkom {

class ChartsPanel : public Panel {
public:
    const char* id() const override { return "charts"; }
    TextId title() const override { return TextId::ChartsTitle; }
    bool isAvailable(const AppState& state) const override { return state.document.has_value(); }
    void drawContent(const AppState& state, CommandQueue& commands) override;

private:
    void refresh(const AppState& state);

    StatusSeries m_status;
    std::vector<CompletionRow> m_completion;
    std::vector<ScoreBinRow> m_byScore;
    std::vector<FairnessRow> m_fairness;
    const Roster* m_roster = nullptr;
    std::uint64_t m_revision = ~std::uint64_t{0};
    std::string m_today;
    SuccessDefinition m_definition{-1, -1, -1};
};

}  // namespace welkom
