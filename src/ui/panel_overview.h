// OverviewPanel: the matching run as pictures. A heatmap of every household
// (rows) against every welcome group (columns), coloured by total score, with
// impossible and forbidden pairs set apart and the proposal outlined; hovering
// a cell shows the pair's reasons. Beside it, the score distributions of the
// proposal per criterion, each with the criterion's tooltip.
//
// The data comes from app/overview.h and is rebuilt only when the run (its
// fingerprint) or the heatmap's cell budget changes; each frame draws only
// the visible cells, merged into runs of equal colour. A roster with more
// households or groups than pixels is shown in blocks (one cell per block).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/overview.h"
#include "ui/panel.h"

namespace welkom {

class OverviewPanel : public Panel {
public:
    OverviewPanel();
    const char* id() const override { return "overview"; }
    TextId title() const override { return TextId::ScoreOverviewTitle; }
    bool isAvailable(const AppState& state) const override { return state.document.has_value(); }
    void drawContent(const AppState& state, CommandQueue& commands) override;

    static constexpr int kPaletteSize = 64;

private:
    void drawLegend(Language lang);
    void drawHeatmap(const AppState& state);
    void drawPairTooltip(const AppState& state, int row, int column);
    void drawBlockTooltip(const AppState& state, int row, int column);
    void drawDistributions(const AppState& state);
    void drawScoreTables(const AppState& state);
    const PairSummary& tableRow(const AppState& state, int group);
    unsigned colourOf(float score) const;

    std::array<unsigned, kPaletteSize> m_palette{};  // low -> high score (ImU32)
    std::uint64_t m_runKey = 0;
    bool m_haveData = false;
    ProposalDistributions m_distributions;
    ScoreHeatmap m_heatmap;
    int m_zoom = 1;
    // The tooltip of the hovered pair, kept while the mouse stays on it.
    std::uint64_t m_hoverRunKey = 0;
    int m_hoverRow = -1, m_hoverColumn = -1;
    Language m_hoverLanguage = Language::English;
    PairSummary m_hover;
    // The heatmap as tables (keyboard, screen readers): the households, and
    // for the selected one each group's pair, explained when first shown.
    bool m_asTable = false;
    int m_tableHousehold = 0;  // matrix row
    std::uint64_t m_tableRunKey = 0;
    Language m_tableLanguage = Language::English;
    std::vector<std::string> m_householdLabels;     // per matrix row
    std::unordered_map<int, PairSummary> m_tableRows;  // group (matrix column) -> its pair
};

}  // namespace welkom
