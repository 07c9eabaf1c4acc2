#include "ui/panel_charts.h"

#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "ui/charts.h"
#include "ui/widgets.h"
#include "app/text/messages.h"

namespace welkom {
namespace {

constexpr int kScoreBins = 4;

std::string count(const char* prefix, int n) { return std::string(prefix) + std::to_string(n); }

// Household types and genders in the interface language; language groups stay codes ("ar", "ti").
const char* categoryText(const FairnessRow& row, Language lang) {
    struct Name {
        const char* code;
        TextId text;
    };
    static constexpr Name kNames[] = {{"single", TextId::TypeSingle},       {"couple", TextId::TypeCouple},
                                      {"single_parent", TextId::TypeSingleParent}, {"family", TextId::TypeFamily},
                                      {"adults", TextId::TypeAdults},       {"female", TextId::GenderFemale},
                                      {"male", TextId::GenderMale},         {"mixed", TextId::GenderMixed},
                                      {"unspecified", TextId::GenderUnspecified}};
    if (row.dimension != FairnessDimension::LanguageGroup)
        for (const Name& n : kNames)
            if (row.category == n.code) return tr(lang, n.text);
    return row.category.c_str();
}

}  // namespace

void ChartsPanel::refresh(const AppState& state) {
    const Roster& roster = state.document->roster;
    const SuccessDefinition& def = state.successDefinition;
    const bool sameDefinition = def.months == m_definition.months &&
                                def.minHouseholdSatisfaction == m_definition.minHouseholdSatisfaction &&
                                def.minGroupSatisfaction == m_definition.minGroupSatisfaction;
    if (&roster == m_roster && state.editRevision == m_revision && state.clock.today == m_today && sameDefinition) return;
    m_roster = &roster;
    m_revision = state.editRevision;
    m_today = state.clock.today;
    m_definition = def;
    m_status = matchesByStatusOverTime(roster, state.clock.today);
    m_completion = checkInCompletion(roster, state.clock.today);
    m_byScore = outcomesByCriterionScore(roster, def, kScoreBins);
    m_fairness = fairnessTable(roster, def);
}

void ChartsPanel::drawContent(const AppState& state, CommandQueue&) {
    refresh(state);
    const Language lang = state.ui.language;
    const bool dutch = lang == Language::Dutch;
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ImGui::GetFontSize() * 13.0f;

    // Matches by status over time: stacked bars per month.
    sectionTitle(tr(lang, TextId::ChartStatusOverTime));
    if (m_status.dates.empty()) {
        ImGui::TextDisabled("%s", tr(lang, TextId::NoChartData));
    } else {
        BarChart chart;
        chart.stacked = true;
        for (int s = 0; s < kMatchStatusCount; ++s)
            chart.series.push_back({statusText(static_cast<MatchStatus>(s), lang), chartColour(s)});
        for (std::size_t d = 0; d < m_status.dates.size(); ++d) {
            // First days of months as "2025-03"; the last point is `today` itself.
            const std::string& date = m_status.dates[d];
            chart.groups.push_back(date.size() == 10 && date.compare(8, 2, "01") == 0 ? date.substr(0, 7) : date);
            chart.values.emplace_back(m_status.counts[d].begin(), m_status.counts[d].end());
        }
        chart.labelEvery = std::max(1, static_cast<int>(chart.groups.size()) / 8);
        chart.xTitle = tr(lang, TextId::AxisMonth);
        chart.yTitle = tr(lang, TextId::AxisMatches);
        drawBarChart("status", chart, ImVec2(width, height));
    }

    // Check-in completion, and success by criterion score, side by side.
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    ImGui::BeginGroup();
    sectionTitle(tr(lang, TextId::ChartCompletion));
    {
        BarChart chart;
        chart.stacked = true;
        chart.series = {{tr(lang, TextId::SeriesDone), chartColour(2)}, {tr(lang, TextId::SeriesMissing), chartColour(3)}};
        static constexpr TextId kMilestone[] = {TextId::MilestoneAdHoc, TextId::Milestone3, TextId::Milestone6,
                                                TextId::Milestone12};
        for (const CompletionRow& row : m_completion) {
            chart.groups.push_back(tr(lang, kMilestone[static_cast<int>(row.milestone)]));
            chart.values.push_back({static_cast<double>(row.done), static_cast<double>(row.missing)});
            char note[48];
            std::snprintf(note, sizeof note, "%d/%d", row.done, row.due);
            chart.groupNotes.push_back(note);
        }
        chart.xTitle = tr(lang, TextId::ColumnMilestone);
        chart.yTitle = tr(lang, TextId::AxisCheckIns);
        drawBarChart("completion", chart, ImVec2(half, height));
    }
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    sectionTitle(tr(lang, TextId::ChartByScore));
    {
        BarChart chart;
        chart.percent = true;
        chart.yMax = 1.0;
        for (int b = 0; b < kScoreBins; ++b) {
            char name[32];
            std::snprintf(name, sizeof name, "%d-%d%%", b * 100 / kScoreBins, (b + 1) * 100 / kScoreBins);
            chart.series.push_back({name, chartColour(4 + b)});
        }
        for (int c = 0; c < kCriterionCount; ++c) {
            const auto criterion = static_cast<Criterion>(c);
            std::vector<double> rates;
            std::string note = "n=";
            for (const ScoreBinRow& row : m_byScore) {
                if (row.criterion != criterion) continue;
                rates.push_back(row.rate());
                note += (note.size() > 2 ? "/" : "") + std::to_string(row.matches);
            }
            chart.groups.push_back(criterionLabel(criterion, dutch));
            chart.values.push_back(std::move(rates));
            chart.groupNotes.push_back(note);
        }
        chart.xTitle = tr(lang, TextId::AxisCriterion);
        chart.yTitle = tr(lang, TextId::AxisSuccessRate);
        drawBarChart("byscore", chart, ImVec2(half, height));
        tooltipForLastItem(tr(lang, TextId::ChartByScoreHelp));
    }
    ImGui::EndGroup();

    // Fairness: one chart per dimension, then every number in a table.
    sectionTitle(tr(lang, TextId::ChartFairness));
    ImGui::TextWrapped("%s", tr(lang, TextId::ChartFairnessHelp));
    struct Dimension {
        FairnessDimension dimension;
        TextId title;
    };
    static constexpr Dimension kDimensions[] = {{FairnessDimension::HouseholdType, TextId::DimensionHouseholdType},
                                                {FairnessDimension::Gender, TextId::DimensionGender},
                                                {FairnessDimension::LanguageGroup, TextId::DimensionLanguageGroup}};
    const float third = (width - 2.0f * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
    for (const Dimension& d : kDimensions) {
        if (d.dimension != FairnessDimension::HouseholdType) ImGui::SameLine();
        ImGui::BeginGroup();
        ImGui::TextUnformatted(tr(lang, d.title));
        BarChart chart;
        chart.percent = true;
        chart.yMax = 1.0;
        chart.series = {{tr(lang, TextId::SeriesProposed), chartColour(0)},
                        {tr(lang, TextId::SeriesScore), chartColour(1)},
                        {tr(lang, TextId::SeriesSuccess), chartColour(2)}};
        for (const FairnessRow& row : m_fairness) {
            if (row.dimension != d.dimension) continue;
            chart.groups.push_back(categoryText(row, lang));
            chart.values.push_back({row.proposedShare(), row.meanProposalScore, row.successRate()});
            chart.groupNotes.push_back(count("n=", row.households));
        }
        chart.xTitle = tr(lang, d.title);
        chart.yTitle = tr(lang, TextId::AxisShare);
        ImGui::PushID(static_cast<int>(d.dimension));
        drawBarChart("fairness", chart, ImVec2(third, height));
        ImGui::PopID();
        ImGui::EndGroup();
    }
    const auto flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("fairness-table", 9, flags)) {
        for (TextId column : {TextId::ColumnCriterion, TextId::ColumnHouseholds, TextId::ColumnProposed,
                              TextId::SeriesScore, TextId::ColumnDeclined, TextId::ColumnStarted,
                              TextId::ColumnKnownOutcome, TextId::ColumnSuccesses, TextId::ColumnSatisfaction})
            ImGui::TableSetupColumn(column == TextId::ColumnCriterion ? "" : tr(lang, column));
        ImGui::TableHeadersRow();
        for (const FairnessRow& row : m_fairness) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(categoryText(row, lang));
            ImGui::TableNextColumn();
            ImGui::Text("%d", row.households);
            ImGui::TableNextColumn();
            ImGui::Text("%d", row.proposed);
            ImGui::TableNextColumn();
            ImGui::Text("%.2f", row.meanProposalScore);
            ImGui::TableNextColumn();
            ImGui::Text("%d", row.declined);
            ImGui::TableNextColumn();
            ImGui::Text("%d", row.started);
            ImGui::TableNextColumn();
            ImGui::Text("%d", row.labelled);
            ImGui::TableNextColumn();
            ImGui::Text("%d", row.successes);
            ImGui::TableNextColumn();
            if (row.meanHouseholdSatisfaction) ImGui::Text("%.1f", *row.meanHouseholdSatisfaction);
            else ImGui::TextDisabled("-");
        }
        ImGui::EndTable();
    }
}

}  // namespace welkom
