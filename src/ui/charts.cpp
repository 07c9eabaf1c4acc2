#include "ui/charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/roster_text.h"

namespace welkom {
namespace {

// A "nice" axis maximum (1, 2, 2.5, 5 x 10^k) at or above `v`.
double niceCeiling(double v) {
    if (!(v > 0.0)) return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (step * magnitude >= v - 1e-9) return step * magnitude;
    return 10.0 * magnitude;
}

std::string formatValue(double v, bool percent) {
    char text[32];
    if (percent) std::snprintf(text, sizeof text, "%.0f%%", v * 100.0);
    else if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(text, sizeof text, "%.0f", v);
    else std::snprintf(text, sizeof text, "%.2f", v);
    return text;
}

}  // namespace

ImU32 chartColour(int index) {
    static constexpr ImU32 kPalette[] = {
        IM_COL32(86, 156, 214, 255),  IM_COL32(229, 166, 72, 255),  IM_COL32(106, 190, 120, 255),
        IM_COL32(214, 96, 96, 255),   IM_COL32(170, 130, 220, 255), IM_COL32(120, 200, 200, 255),
        IM_COL32(200, 200, 110, 255), IM_COL32(220, 140, 190, 255),
    };
    constexpr int n = static_cast<int>(sizeof kPalette / sizeof kPalette[0]);
    return kPalette[((index % n) + n) % n];
}

void drawBarChart(const char* id, const BarChart& chart, ImVec2 size) {
    ImGui::PushID(id);
    const float fontSize = ImGui::GetFontSize();
    if (size.x <= 0.0f) size.x = ImGui::GetContentRegionAvail().x;
    if (size.y <= 0.0f) size.y = fontSize * 14.0f;
    const ImU32 textColour = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dimColour = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 gridColour = ImGui::GetColorU32(ImGuiCol_Separator);

    // Legend on its own line, as ordinary items (readable, wraps).
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        if (s > 0) ImGui::SameLine(0.0f, fontSize);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + fontSize * 0.2f),
                                                  ImVec2(p.x + fontSize * 0.8f, p.y + fontSize), chart.series[s].colour);
        ImGui::Dummy(ImVec2(fontSize, fontSize));
        ImGui::SameLine(0.0f, fontSize * 0.3f);
        rosterText(chart.series[s].name);
    }

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("chart", size);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();

    // Value axis range.
    double top = chart.yMax;
    if (top <= 0.0) {
        for (const auto& row : chart.values) {
            double sum = 0.0, most = 0.0;
            for (double v : row) {
                sum += v;
                most = std::max(most, v);
            }
            top = std::max(top, chart.stacked ? sum : most);
        }
        top = niceCeiling(top);
        // Counts: whole numbers at every one of the four ticks.
        if (!chart.percent) top = std::max(4.0, std::ceil(top / 4.0) * 4.0);
    }

    float axisWidth = 0.0f;
    for (int t = 0; t <= 4; ++t)
        axisWidth = std::max(axisWidth, ImGui::CalcTextSize(formatValue(top * t / 4.0, chart.percent).c_str()).x);
    axisWidth += fontSize * 0.6f;
    const float titleHeight = fontSize * 1.3f;  // y title above the plot
    const bool notes = !chart.groupNotes.empty();
    const float bottomHeight = fontSize * (notes ? 3.4f : 2.4f);  // group labels (+ notes) and x title
    const ImVec2 plotMin(origin.x + axisWidth, origin.y + titleHeight);
    const ImVec2 plotMax(origin.x + size.x - fontSize * 0.5f, origin.y + size.y - bottomHeight);
    if (plotMax.x - plotMin.x < 20.0f || plotMax.y - plotMin.y < 20.0f) {
        ImGui::PopID();
        return;
    }

    draw->AddText(ImVec2(origin.x, origin.y), dimColour, chart.yTitle.c_str());
    // Grid and value ticks at 0, 1/4 .. 1 of the top.
    for (int t = 0; t <= 4; ++t) {
        const double v = top * t / 4.0;
        const float y = plotMax.y - (plotMax.y - plotMin.y) * static_cast<float>(t) / 4.0f;
        draw->AddLine(ImVec2(plotMin.x, y), ImVec2(plotMax.x, y), gridColour);
        const std::string label = formatValue(v, chart.percent);
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        draw->AddText(ImVec2(plotMin.x - w - fontSize * 0.3f, y - fontSize * 0.5f), dimColour, label.c_str());
    }
    draw->AddLine(ImVec2(plotMin.x, plotMin.y), ImVec2(plotMin.x, plotMax.y), textColour);
    draw->AddLine(ImVec2(plotMin.x, plotMax.y), ImVec2(plotMax.x, plotMax.y), textColour);

    const std::size_t groups = chart.groups.size();
    const std::size_t seriesCount = std::max<std::size_t>(1, chart.series.size());
    const float slot = groups > 0 ? (plotMax.x - plotMin.x) / static_cast<float>(groups) : 0.0f;
    const float groupWidth = slot * 0.8f;
    const float barWidth = chart.stacked ? groupWidth : groupWidth / static_cast<float>(seriesCount);
    const float scale = static_cast<float>((plotMax.y - plotMin.y) / top);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    std::string tooltip;

    for (std::size_t g = 0; g < groups; ++g) {
        const float left = plotMin.x + slot * static_cast<float>(g) + (slot - groupWidth) * 0.5f;
        float base = plotMax.y;
        const std::vector<double> empty;
        const std::vector<double>& row = g < chart.values.size() ? chart.values[g] : empty;
        for (std::size_t s = 0; s < row.size() && s < chart.series.size(); ++s) {
            const float h = static_cast<float>(std::clamp(row[s], 0.0, top)) * scale;
            const float x0 = chart.stacked ? left : left + barWidth * static_cast<float>(s);
            const ImVec2 a(x0, chart.stacked ? base - h : plotMax.y - h);
            const ImVec2 b(x0 + std::max(1.0f, barWidth - 1.0f), chart.stacked ? base : plotMax.y);
            draw->AddRectFilled(a, b, chart.series[s].colour);
            if (hovered && mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y - 2.0f && mouse.y <= b.y)
                tooltip = chart.groups[g] + " - " + chart.series[s].name + ": " + formatValue(row[s], chart.percent);
            if (chart.stacked) base -= h;
        }
        const int every = std::max(1, chart.labelEvery);
        if (static_cast<int>(g) % every == 0) {
            const std::string& label = chart.groups[g];
            const float w = rosterTextSize(label).x;
            const float centre = plotMin.x + slot * (static_cast<float>(g) + 0.5f);
            const float x = every > 1 ? left : centre - w * 0.5f;
            rosterTextAt(draw, ImVec2(x, plotMax.y + fontSize * 0.2f), textColour, label);
            if (notes && g < chart.groupNotes.size()) {
                const float nw = ImGui::CalcTextSize(chart.groupNotes[g].c_str()).x;
                draw->AddText(ImVec2(centre - nw * 0.5f, plotMax.y + fontSize * 1.2f), dimColour,
                              chart.groupNotes[g].c_str());
            }
        }
    }
    const float xTitleWidth = ImGui::CalcTextSize(chart.xTitle.c_str()).x;
    draw->AddText(ImVec2((plotMin.x + plotMax.x - xTitleWidth) * 0.5f, origin.y + size.y - fontSize * 1.2f), dimColour,
                  chart.xTitle.c_str());
    if (!tooltip.empty()) {
        ImGui::BeginTooltip();
        rosterText(tooltip);
        ImGui::EndTooltip();
    }
    ImGui::PopID();
}

}  // namespace welkom
