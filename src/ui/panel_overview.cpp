#include "ui/panel_overview.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "ui/a11y_tree.h"
#include "ui/appearance.h"
#include "ui/item_registry.h"
#include "ui/roster_text.h"
#include "ui/widgets.h"
#include "app/text/messages.h"

namespace welkom {
namespace {

// A large roster's heatmap is some 200,000 rectangles in one draw list: past
// what 16-bit indices reach, and the WebGL2 renderer cannot offset them, so
// they would wrap and draw only the top rows (CMakeLists.txt sets ImDrawIdx).
static_assert(sizeof(ImDrawIdx) == 4, "the heatmap needs 32-bit vertex indices");

constexpr float kMinCellPixels = 2.0f;   // smaller cells are merged into blocks
constexpr float kMaxCellPixels = 40.0f;
constexpr int kMaxZoom = 8;

// Colour ramp from a low to a high score: dark blue, teal, green, yellow
// (perceptually ordered, readable for the common colour-vision deficiencies).
constexpr float kRamp[][3] = {{0.20f, 0.17f, 0.45f}, {0.16f, 0.42f, 0.56f}, {0.13f, 0.62f, 0.52f},
                              {0.47f, 0.80f, 0.33f}, {0.99f, 0.91f, 0.15f}};
constexpr int kRampStops = sizeof kRamp / sizeof kRamp[0];

const ImU32 kInfeasibleColour = IM_COL32(46, 46, 54, 255);
const ImU32 kForbiddenColour = IM_COL32(150, 36, 36, 255);
const ImU32 kProposedColour = IM_COL32(255, 255, 255, 255);
const ImU32 kFixedColour = IM_COL32(255, 150, 60, 255);
const ImU32 kHoverColour = IM_COL32(255, 80, 200, 255);

const char* standingText(PairStanding standing, Language lang) {
    switch (standing) {
        case PairStanding::Proposed: return tr(lang, TextId::StandingProposed);
        case PairStanding::Open: return tr(lang, TextId::StandingOpen);
        case PairStanding::Forbidden: return tr(lang, TextId::StandingForbidden);
        case PairStanding::Infeasible: return tr(lang, TextId::StandingInfeasible);
    }
    return "";
}

// A small coloured square on the current line, then `text`.
void legendSwatch(ImU32 fill, ImU32 outline, const char* text) {
    const float size = ImGui::GetTextLineHeight();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + size, at.y + size), fill);
    if (outline != 0) draw->AddRect(at, ImVec2(at.x + size, at.y + size), outline, 0.0f, 0, 2.0f);
    ImGui::Dummy(ImVec2(size, size));
    ImGui::SameLine();
    ImGui::TextUnformatted(text);
}

}  // namespace

OverviewPanel::OverviewPanel() {
    for (int i = 0; i < kPaletteSize; ++i) {
        const float t = static_cast<float>(i) / (kPaletteSize - 1) * (kRampStops - 1);
        const int stop = std::min(static_cast<int>(t), kRampStops - 2);
        const float f = t - static_cast<float>(stop);
        float rgb[3];
        for (int k = 0; k < 3; ++k) rgb[k] = kRamp[stop][k] + (kRamp[stop + 1][k] - kRamp[stop][k]) * f;
        m_palette[static_cast<std::size_t>(i)] = ImGui::ColorConvertFloat4ToU32(ImVec4(rgb[0], rgb[1], rgb[2], 1.0f));
    }
}

unsigned OverviewPanel::colourOf(float score) const {
    const int i = static_cast<int>(std::clamp(score, 0.0f, 1.0f) * (kPaletteSize - 1) + 0.5f);
    return m_palette[static_cast<std::size_t>(i)];
}

void OverviewPanel::drawContent(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    if (!state.matchingRun) {
        m_haveData = false;
        ImGui::TextWrapped("%s", tr(lang, TextId::OverviewNoRun));
        if (ImGui::Button(tr(lang, TextId::MatchingRun))) commands.push(RunMatching{state.matchMode});
        return;
    }
    const MatchingRun& run = *state.matchingRun;
    const std::uint64_t key = runFingerprint(run);
    if (!m_haveData || key != m_runKey) {
        m_distributions = proposalDistributions(run);
        m_heatmap = ScoreHeatmap{};  // rebuilt for the screen size in drawHeatmap
        m_runKey = key;
        m_haveData = true;
    }
    if (run.revision != state.editRevision) ImGui::TextColored(toneColour(TextTone::Warning), "%s", tr(lang, TextId::RunStale));
    if (run.status != SolveStatus::Optimal) ImGui::TextColored(toneColour(TextTone::Error), "%s", tr(lang, TextId::RunInfeasible));
    drawLegend(lang);
    ImGui::Checkbox(tr(lang, TextId::OverviewAsTable), &m_asTable);
    tooltipForLastItem(tr(lang, TextId::OverviewAsTableHint));

    const float distributionsWidth = std::max(ImGui::GetFontSize() * 16.0f, ImGui::GetContentRegionAvail().x * 0.28f);
    ImGui::BeginChild("heatmap", ImVec2(ImGui::GetContentRegionAvail().x - distributionsWidth, 0.0f), true,
                      ImGuiWindowFlags_HorizontalScrollbar);
    if (m_asTable) drawScoreTables(state);
    else drawHeatmap(state);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("distributions", ImVec2(0.0f, 0.0f), true);
    drawDistributions(state);
    ImGui::EndChild();
}

void OverviewPanel::drawLegend(Language lang) {
    ImGui::TextDisabled("%s", tr(lang, TextId::OverviewAxes));
    ImGui::TextUnformatted(tr(lang, TextId::LegendLow));
    ImGui::SameLine();
    // The colour ramp itself.
    const float height = ImGui::GetTextLineHeight();
    const float width = ImGui::GetFontSize() * 8.0f;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int i = 0; i < kPaletteSize; ++i) {
        const float x0 = at.x + width * static_cast<float>(i) / kPaletteSize;
        const float x1 = at.x + width * static_cast<float>(i + 1) / kPaletteSize;
        draw->AddRectFilled(ImVec2(x0, at.y), ImVec2(x1, at.y + height), m_palette[static_cast<std::size_t>(i)]);
    }
    ImGui::Dummy(ImVec2(width, height));
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(lang, TextId::LegendHigh));
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 1.5f);
    legendSwatch(kInfeasibleColour, 0, tr(lang, TextId::LegendInfeasible));
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 1.5f);
    legendSwatch(kForbiddenColour, 0, tr(lang, TextId::Forbidden));
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 1.5f);
    legendSwatch(m_palette[kPaletteSize / 2], kProposedColour, tr(lang, TextId::LegendProposed));
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 1.5f);
    legendSwatch(m_palette[kPaletteSize / 2], kFixedColour, tr(lang, TextId::LegendFixed));
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 1.5f);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    ImGui::SliderInt(tr(lang, TextId::Zoom), &m_zoom, 1, kMaxZoom, "%dx");
    a11y::slider(&m_zoom, 1, kMaxZoom);
    m_zoom = std::clamp(m_zoom, 1, kMaxZoom);
}

void OverviewPanel::drawHeatmap(const AppState& state) {
    const MatchingRun& run = *state.matchingRun;
    const int households = run.problem.matrix.households();
    const int groups = run.problem.matrix.groups();
    if (households == 0 || groups == 0) return;

    // Cell budget: the whole matrix fits the view at zoom 1; zooming in
    // enlarges the cells (and splits blocks) and the view scrolls.
    // A pixel to spare, so a view that fits exactly never grows scroll bars.
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 view(std::max(avail.x - 1.0f, 1.0f), std::max(avail.y - 1.0f, 1.0f));
    const float zoom = static_cast<float>(m_zoom);
    const int maxColumns = std::max(1, static_cast<int>(view.x * zoom / kMinCellPixels));
    const int maxRows = std::max(1, static_cast<int>(view.y * zoom / kMinCellPixels));
    const int rowsPerCell = std::max(1, (households + maxRows - 1) / maxRows);
    const int columnsPerCell = std::max(1, (groups + maxColumns - 1) / maxColumns);
    if (m_heatmap.cells.empty() || m_heatmap.rowsPerCell != rowsPerCell || m_heatmap.columnsPerCell != columnsPerCell)
        m_heatmap = buildScoreHeatmap(run, maxRows, maxColumns);
    const ScoreHeatmap& map = m_heatmap;
    const bool blocks = map.rowsPerCell > 1 || map.columnsPerCell > 1;

    const float fit = std::min(view.x / static_cast<float>(map.columns), view.y / static_cast<float>(map.rows));
    const float cell = std::clamp(fit * zoom, kMinCellPixels, kMaxCellPixels * zoom);
    const ImVec2 size(cell * static_cast<float>(map.columns), cell * static_cast<float>(map.rows));
    ImGui::InvisibleButton("###heatmap", size);
    registerLastItem("heatmap");
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 origin = ImGui::GetItemRectMin();

    // Only the cells inside the visible part of the child window.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 clipMin = draw->GetClipRectMin();
    const ImVec2 clipMax = draw->GetClipRectMax();
    const int column0 = std::clamp(static_cast<int>((clipMin.x - origin.x) / cell), 0, map.columns);
    const int column1 = std::clamp(static_cast<int>(std::ceil((clipMax.x - origin.x) / cell)), 0, map.columns);
    const int row0 = std::clamp(static_cast<int>((clipMin.y - origin.y) / cell), 0, map.rows);
    const int row1 = std::clamp(static_cast<int>(std::ceil((clipMax.y - origin.y) / cell)), 0, map.rows);
    if (column0 >= column1 || row0 >= row1) return;
    auto cellMin = [&](int row, int column) {
        return ImVec2(origin.x + cell * static_cast<float>(column), origin.y + cell * static_cast<float>(row));
    };
    // Impossible pairs are the background; open and forbidden cells are drawn
    // on it as runs of equal colour along each row.
    draw->AddRectFilled(cellMin(row0, column0), cellMin(row1, column1), kInfeasibleColour);
    for (int row = row0; row < row1; ++row) {
        int runStart = column0;
        ImU32 runColour = kInfeasibleColour;
        auto flush = [&](int end) {
            if (runColour != kInfeasibleColour && end > runStart) {
                const ImVec2 a = cellMin(row, runStart);
                draw->AddRectFilled(a, ImVec2(a.x + cell * static_cast<float>(end - runStart), a.y + cell), runColour);
            }
        };
        for (int column = column0; column < column1; ++column) {
            const HeatmapCell& c = map.at(row, column);
            const ImU32 colour = (c.flags & kCellOpen) ? colourOf(c.best)
                                 : (c.flags & kCellForbidden) ? kForbiddenColour
                                                              : kInfeasibleColour;
            if (colour != runColour) {
                flush(column);
                runStart = column;
                runColour = colour;
            }
        }
        flush(column1);
    }
    // The proposal on top: outlined cells, or white ones when too small to outline.
    const float thickness = std::max(1.0f, std::floor(cell / 8.0f));
    for (int row = row0; row < row1; ++row) {
        for (int column = column0; column < column1; ++column) {
            const std::uint8_t flags = map.at(row, column).flags;
            if (!(flags & (kCellProposed | kCellFixed))) continue;
            const ImU32 colour = (flags & kCellFixed) ? kFixedColour : kProposedColour;
            const ImVec2 a = cellMin(row, column);
            const ImVec2 b(a.x + cell, a.y + cell);
            if (cell >= 5.0f) draw->AddRect(ImVec2(a.x + thickness * 0.5f, a.y + thickness * 0.5f),
                                            ImVec2(b.x - thickness * 0.5f, b.y - thickness * 0.5f), colour, 0.0f, 0, thickness);
            else draw->AddRectFilled(a, b, colour);
        }
    }

    if (!hovered) return;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const int column = std::clamp(static_cast<int>((mouse.x - origin.x) / cell), 0, map.columns - 1);
    const int row = std::clamp(static_cast<int>((mouse.y - origin.y) / cell), 0, map.rows - 1);
    const ImVec2 a = cellMin(row, column);
    draw->AddRect(ImVec2(a.x - 1.0f, a.y - 1.0f), ImVec2(a.x + cell + 1.0f, a.y + cell + 1.0f), kHoverColour, 0.0f, 0, 2.0f);
    if (blocks) drawBlockTooltip(state, row, column);
    else drawPairTooltip(state, row, column);
}

void OverviewPanel::drawPairTooltip(const AppState& state, int row, int column) {
    const Language lang = state.ui.language;
    const bool dutch = lang == Language::Dutch;
    // Explaining a pair scores it with reasons: done once per hovered pair.
    if (m_hoverRunKey != m_runKey || m_hoverRow != row || m_hoverColumn != column || m_hoverLanguage != lang) {
        m_hover = summarizePair(state.document->roster, *state.matchingRun, row, column, dutch);
        m_hoverRunKey = m_runKey;
        m_hoverRow = row;
        m_hoverColumn = column;
        m_hoverLanguage = lang;
    }
    const PairSummary& s = m_hover;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
    rosterText(s.household);
    rosterText(s.group);
    const ImVec4 standingColour = s.standing == PairStanding::Proposed   ? toneColour(TextTone::Success)
                                  : s.standing == PairStanding::Open       ? ImGui::GetStyleColorVec4(ImGuiCol_Text)
                                  : s.standing == PairStanding::Forbidden ? toneColour(TextTone::Error)
                                                                          : toneColour(TextTone::Warning);
    ImGui::TextColored(standingColour, "%s", standingText(s.standing, lang));
    if (s.fixed) ImGui::TextColored(toneColour(TextTone::Warning), "%s", tr(lang, TextId::StandingFixed));
    ImGui::Text("%s %.2f", tr(lang, TextId::ColumnScore), s.total);
    for (const std::string& broken : s.broken) rosterTextColored(toneColour(TextTone::Error), "x " + broken);
    ImGui::Separator();
    for (const PairSummary::CriterionLine& line : s.criteria) {
        const std::string label = criterionLabel(line.criterion, dutch);
        char score[16];
        std::snprintf(score, sizeof score, "%.2f  ", line.score);
        if (line.applicable) rosterText(score + label + ": " + line.reason);
        else rosterTextDisabled("  -   " + label + ": " + line.reason);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// The pair of the table's household with `group`, explained once and kept
// while the run, the household and the language stay.
const PairSummary& OverviewPanel::tableRow(const AppState& state, int group) {
    auto it = m_tableRows.find(group);
    if (it == m_tableRows.end())
        it = m_tableRows
                 .emplace(group, summarizePair(state.document->roster, *state.matchingRun, m_tableHousehold, group,
                                               state.ui.language == Language::Dutch))
                 .first;
    return it->second;
}

void OverviewPanel::drawScoreTables(const AppState& state) {
    const Language lang = state.ui.language;
    const MatchingProblem& p = state.matchingRun->problem;
    if (p.households() == 0 || p.groups() == 0) return;
    if (m_tableRunKey != m_runKey || m_householdLabels.size() != p.householdIds.size()) {
        m_householdLabels.clear();
        for (const std::string& id : p.householdIds) {
            const auto& households = state.document->roster.households;
            const auto h = std::find_if(households.begin(), households.end(), [&](const Household& x) { return x.id == id; });
            m_householdLabels.push_back(h == households.end() ? id : id + "  " + h->displayName);
        }
        m_tableRows.clear();
        m_tableRunKey = m_runKey;
    }
    if (m_tableLanguage != lang) m_tableRows.clear();
    m_tableLanguage = lang;
    m_tableHousehold = std::clamp(m_tableHousehold, 0, p.households() - 1);

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY;
    if (ImGui::BeginTable("score-households", 1, flags, ImVec2(ImGui::GetFontSize() * 15.0f, 0.0f))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr(lang, TextId::ColumnHousehold));
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(p.households());
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(row);
                const bool selected = row == m_tableHousehold;
                if (rosterSelectable(m_householdLabels[static_cast<std::size_t>(row)], "###score-household", selected) &&
                    !selected) {
                    m_tableHousehold = row;
                    m_tableRows.clear();
                }
                a11y::selected(selected);
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    ImGui::SameLine();
    if (!ImGui::BeginTable("score-groups", 4, flags | ImGuiTableFlags_Resizable)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(lang, TextId::ColumnGroup), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr(lang, TextId::ColumnScore), ImGuiTableColumnFlags_WidthStretch, 0.4f);
    ImGui::TableSetupColumn(tr(lang, TextId::ColumnStanding), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr(lang, TextId::ColumnReasons), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableHeadersRow();
    const bool dutch = lang == Language::Dutch;
    ImGuiListClipper clipper;
    clipper.Begin(p.groups());
    while (clipper.Step()) {
        for (int group = clipper.DisplayStart; group < clipper.DisplayEnd; ++group) {
            const PairSummary& s = tableRow(state, group);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            rosterText(s.group);
            a11y::cell(s.group.c_str());
            ImGui::TableNextColumn();
            char score[16];
            std::snprintf(score, sizeof score, "%.2f", s.total);
            ImGui::TextUnformatted(score);
            a11y::cell(score);
            ImGui::TableNextColumn();
            std::string standing = standingText(s.standing, lang);
            if (s.fixed) standing += std::string(" ") + tr(lang, TextId::StandingFixed);
            ImGui::TextUnformatted(standing.c_str());
            a11y::cell(standing.c_str());
            ImGui::TableNextColumn();
            // One line on screen (rows keep one height for the clipper); the
            // whole text in the cell's accessible name and its tooltip.
            std::string reasons;
            for (const std::string& broken : s.broken) reasons += "x " + broken + "; ";
            for (const PairSummary::CriterionLine& line : s.criteria) {
                if (!line.applicable) continue;
                char value[16];
                std::snprintf(value, sizeof value, " %.2f: ", line.score);
                reasons += criterionLabel(line.criterion, dutch) + value + line.reason + "; ";
            }
            if (reasons.size() >= 2) reasons.resize(reasons.size() - 2);
            rosterText(reasons);
            a11y::cell(reasons.c_str());
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
                rosterText(reasons);
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
    }
    ImGui::EndTable();
}

void OverviewPanel::drawBlockTooltip(const AppState& state, int row, int column) {
    const Language lang = state.ui.language;
    const ScoreHeatmap& map = m_heatmap;
    const MatchingProblem& p = state.matchingRun->problem;
    const HeatmapCell& c = map.at(row, column);
    const int h0 = map.firstHousehold(row), h1 = map.lastHousehold(row);
    const int g0 = map.firstGroup(column), g1 = map.lastGroup(column);
    ImGui::BeginTooltip();
    ImGui::Text("%s .. %s  (%d %s)", p.householdIds[static_cast<std::size_t>(h0)].c_str(),
                p.householdIds[static_cast<std::size_t>(h1)].c_str(), h1 - h0 + 1, tr(lang, TextId::BlockHouseholds));
    ImGui::Text("%s .. %s  (%d %s)", p.groupIds[static_cast<std::size_t>(g0)].c_str(),
                p.groupIds[static_cast<std::size_t>(g1)].c_str(), g1 - g0 + 1, tr(lang, TextId::BlockGroups));
    const long long pairs = static_cast<long long>(h1 - h0 + 1) * (g1 - g0 + 1);
    ImGui::Text("%u / %lld %s", c.open, pairs, tr(lang, TextId::BlockOpenPairs));
    if (c.best >= 0.0f) ImGui::Text("%s %.2f", tr(lang, TextId::BlockBest), c.best);
    if (c.flags & kCellProposed) ImGui::TextUnformatted(tr(lang, TextId::BlockHasProposal));
    if (c.flags & kCellForbidden) ImGui::TextColored(toneColour(TextTone::Error), "%s", tr(lang, TextId::Forbidden));
    ImGui::TextDisabled("%s", tr(lang, TextId::OverviewBlocks));
    ImGui::EndTooltip();
}

void OverviewPanel::drawDistributions(const AppState& state) {
    const Language lang = state.ui.language;
    const bool dutch = lang == Language::Dutch;
    sectionTitle(tr(lang, TextId::DistributionsTitle));
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ImGui::GetTextLineHeight() * 1.8f;
    for (int i = -1; i < kCriterionCount; ++i) {
        const bool isTotal = i < 0;
        const ScoreDistribution& d = isTotal ? m_distributions.total : m_distributions.criteria[static_cast<std::size_t>(i)];
        const std::string label = isTotal ? std::string(tr(lang, TextId::TotalLabel))
                                          : criterionLabel(static_cast<Criterion>(i), dutch);
        ImGui::PushID(i);
        if (d.notApplicable > 0)
            ImGui::Text("%s  %s %.2f  (n=%d, %d %s)", label.c_str(), tr(lang, TextId::MeanScore), d.mean, d.counted,
                        d.notApplicable, tr(lang, TextId::NotApplicableCount));
        else
            ImGui::Text("%s  %s %.2f  (n=%d)", label.c_str(), tr(lang, TextId::MeanScore), d.mean, d.counted);
        const std::string id = "###dist-" + (isTotal ? std::string("total") : std::string(criterionName(static_cast<Criterion>(i))));
        ImGui::InvisibleButton(id.c_str(), ImVec2(std::max(width, 1.0f), height));
        registerLastItem(id.c_str() + 3);
        tooltipForLastItem(tr(lang, isTotal ? TextId::HelpTotal : criterionHelp(static_cast<Criterion>(i))));
        const ImVec2 a = ImGui::GetItemRectMin();
        const ImVec2 b = ImGui::GetItemRectMax();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg));
        const int most = *std::max_element(d.bins.begin(), d.bins.end());
        const float binWidth = (b.x - a.x) / kDistributionBins;
        for (int bin = 0; bin < kDistributionBins && most > 0; ++bin) {
            const int count = d.bins[static_cast<std::size_t>(bin)];
            if (count == 0) continue;
            const float top = b.y - (b.y - a.y) * static_cast<float>(count) / static_cast<float>(most);
            const float x0 = a.x + binWidth * static_cast<float>(bin);
            draw->AddRectFilled(ImVec2(x0 + 1.0f, top), ImVec2(x0 + binWidth - 1.0f, b.y),
                                colourOf((static_cast<float>(bin) + 0.5f) / kDistributionBins));
        }
        ImGui::PopID();
        ImGui::Spacing();
    }
}

}  // namespace welkom
