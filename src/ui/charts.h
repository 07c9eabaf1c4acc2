// Bar charts drawn with ImGui's draw lists (no plotting library, no network):
// grouped or stacked bars with a value axis, group labels under the bars, a
// legend, axis titles and a tooltip with the exact value under the mouse.
//
// Usage (inside a panel's drawContent):
//   BarChart chart;
//   chart.groups = {"3 months", "6 months", "12 months"};
//   chart.series = {{"done", colour}, {"missing", colour}};
//   chart.values = {{4, 1}, {3, 2}, {1, 0}};    // [group][series]
//   chart.stacked = true;
//   chart.xTitle = "check-in"; chart.yTitle = "check-ins";
//   drawBarChart("completion", chart, ImVec2(0, 220));
// Only draws: the data comes from core/outcomes.h series prepared by the panel.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

namespace welkom {

struct ChartSeries {
    std::string name;
    ImU32 colour = 0;
};

struct BarChart {
    std::vector<std::string> groups;          // one label per group on the x axis
    std::vector<ChartSeries> series;          // legend, in drawing order
    std::vector<std::vector<double>> values;  // [group][series], >= 0
    std::vector<std::string> groupNotes;      // optional second line under a group ("n=12")
    bool stacked = false;                     // series on top of each other, else side by side
    double yMax = 0.0;                        // 0: from the data
    bool percent = false;                     // axis and tooltips as 0-100 %
    int labelEvery = 1;                       // label every n-th group (long time axes)
    std::string xTitle, yTitle;
};

// Draws `chart` in a region of `size` (x or y 0: the available width, 200 px).
void drawBarChart(const char* id, const BarChart& chart, ImVec2 size);

// A colour per index from a palette that stays apart on a dark background.
ImU32 chartColour(int index);

}  // namespace welkom
