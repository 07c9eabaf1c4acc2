#include "ui/panel_learning.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "ui/a11y_tree.h"
#include "ui/appearance.h"
#include "ui/charts.h"
#include "ui/widgets.h"
#include "app/text/messages.h"

namespace welkom {
namespace {

// A forest-plot row: the interval as a line, the estimate as a dot, and the
// zero line, on a shared scale of -range..range log-odds.
void intervalBar(const Coefficient& c, float width, double range) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::Dummy(ImVec2(width, h));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    auto x = [&](double v) { return p.x + width * static_cast<float>((std::clamp(v, -range, range) + range) / (2.0 * range)); };
    const float y = p.y + h * 0.5f;
    draw->AddLine(ImVec2(x(0.0), p.y), ImVec2(x(0.0), p.y + h), ImGui::GetColorU32(ImGuiCol_TextDisabled));
    const ImU32 colour = c.low > 0.0 ? chartColour(2) : c.high < 0.0 ? chartColour(3) : chartColour(0);
    draw->AddLine(ImVec2(x(c.low), y), ImVec2(x(c.high), y), colour, 2.0f);
    draw->AddCircleFilled(ImVec2(x(c.estimate), y), h * 0.25f, colour);
}

}  // namespace

void LearningPanel::drawContent(const AppState& state, CommandQueue& commands) {
    // Inputs and the export on the left, results on the right: each column
    // scrolls on its own, so "Run learning" and "Adopt" stay in reach.
    const float left = ImGui::GetContentRegionAvail().x * 0.36f;
    ImGui::BeginChild("inputs", ImVec2(left, 0.0f));
    ImGui::TextWrapped("%s", tr(state.ui.language, TextId::LearningIntro));
    drawInputs(state, commands);
    drawExport(state, commands);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("results", ImVec2(0.0f, 0.0f), true);
    drawResults(state, commands);
    ImGui::EndChild();
}

void LearningPanel::drawInputs(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    sectionTitle(tr(lang, TextId::SuccessDefinitionTitle));
    SuccessDefinition def = state.successDefinition;
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    // Applied as typed: `def` is a fresh copy every frame, so waiting for the end of the edit would lose it.
    changed |= ImGui::InputInt((std::string(tr(lang, TextId::SuccessMonths)) + "##months").c_str(), &def.months);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    changed |= ImGui::SliderInt((std::string(tr(lang, TextId::SuccessMinHousehold)) + "##minhousehold").c_str(),
                                &def.minHouseholdSatisfaction, 0, kMaxSatisfaction);
    changed |= a11y::slider(&def.minHouseholdSatisfaction, 0, kMaxSatisfaction);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    changed |= ImGui::SliderInt((std::string(tr(lang, TextId::SuccessMinGroup)) + "##mingroup").c_str(),
                                &def.minGroupSatisfaction, 0, kMaxSatisfaction);
    changed |= a11y::slider(&def.minGroupSatisfaction, 0, kMaxSatisfaction);
    if (changed) commands.push(SetSuccessDefinition{def});

    sectionTitle(tr(lang, TextId::ResearchDatasetsTitle));
    if (state.researchDatasets.empty()) ImGui::TextDisabled("%s", tr(lang, TextId::NoResearchDatasets));
    for (std::size_t i = 0; i < state.researchDatasets.size(); ++i) {
        const ResearchDataset& d = state.researchDatasets[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::BulletText("%s: %zu %s", d.name.c_str(), d.rows.size(), tr(lang, TextId::RowsLabel));
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(lang, TextId::RemoveDataset))) commands.push(RemoveResearchDataset{i});
        ImGui::PopID();
    }
    if (ImGui::Button(tr(lang, TextId::AddResearchDataset))) commands.push(ChooseFileToOpen{FilePurpose::ResearchData});
    ImGui::SameLine();
    if (ImGui::Button(tr(lang, TextId::RunLearningButton))) commands.push(RunLearning{});
}

void LearningPanel::drawResults(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    const bool dutch = lang == Language::Dutch;
    if (!state.learning) {
        ImGui::TextDisabled("%s", tr(lang, TextId::LearningNotRun));
        return;
    }
    const LearningRun& run = *state.learning;
    const Roster& roster = state.document->roster;
    if (run.revision != state.editRevision && run.proposal.weights != roster.settings.weights)
        ImGui::TextColored(toneColour(TextTone::Warning), "%s", tr(lang, TextId::LearningStale));

    sectionTitle(tr(lang, TextId::SampleSize));
    int imported = 0;
    for (int n : run.datasetSamples) imported += n;
    ImGui::Text("%d (%d %s, %d %s), %d %s", run.fit.samples, run.rosterSamples, tr(lang, TextId::FromRoster), imported,
                tr(lang, TextId::FromImports), run.fit.successes, tr(lang, TextId::SuccessesLabel));
    if (run.fit.samples > 0 && !run.fit.converged) ImGui::TextColored(toneColour(TextTone::Error), "%s", tr(lang, TextId::NotConverged));

    sectionTitle(tr(lang, TextId::CoefficientsTitle));
    double range = 1.0;
    for (const Coefficient& c : run.fit.coefficients)
        if (c.estimated) range = std::max({range, std::fabs(c.low), std::fabs(c.high)});
    range = std::min(range, 10.0);
    const auto flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("coefficients", 5, flags)) {
        ImGui::TableSetupColumn(tr(lang, TextId::ColumnCriterion));
        ImGui::TableSetupColumn(tr(lang, TextId::ColumnN), 0, 0.4f);
        ImGui::TableSetupColumn(tr(lang, TextId::ColumnEstimate), 0, 0.6f);
        ImGui::TableSetupColumn(tr(lang, TextId::ColumnInterval));
        ImGui::TableSetupColumn("", 0, 1.6f);
        ImGui::TableHeadersRow();
        for (const Coefficient& c : run.fit.coefficients) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(criterionLabel(c.criterion, dutch).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", c.present);
            if (!c.estimated) {
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", tr(lang, TextId::NotEstimated));
                ImGui::TableNextColumn();
                ImGui::TableNextColumn();
                continue;
            }
            ImGui::TableNextColumn();
            ImGui::Text("%+.2f", c.estimate);
            ImGui::TableNextColumn();
            ImGui::Text("[%+.2f, %+.2f]", c.low, c.high);
            ImGui::TableNextColumn();
            intervalBar(c, ImGui::GetContentRegionAvail().x, range);
        }
        ImGui::EndTable();
    }

    if (!run.proposal.proposed) {
        ImGui::TextColored(toneColour(TextTone::Error), "%s", tr(lang, TextId::RefusedTitle));
        for (const Refusal& r : run.proposal.refusals) ImGui::BulletText("%s", messageText(r, dutch).c_str());
        return;
    }

    sectionTitle(tr(lang, TextId::ProposedWeightsTitle));
    // Adopting is the coordinator's decision, after reading the back-test below.
    if (run.proposal.weights == roster.settings.weights) {
        ImGui::TextColored(toneColour(TextTone::Success), "%s", tr(lang, TextId::WeightsAdopted));
    } else if (ImGui::Button(tr(lang, TextId::AdoptWeightsButton))) {
        commands.push(AdoptWeights{run.proposal.weights});
    }
    if (ImGui::BeginTable("weights", 3, flags)) {
        ImGui::TableSetupColumn(tr(lang, TextId::ColumnCriterion));
        ImGui::TableSetupColumn(tr(lang, TextId::ColumnCurrent));
        ImGui::TableSetupColumn(tr(lang, TextId::ColumnProposedWeight));
        ImGui::TableHeadersRow();
        for (Criterion criterion : allCriteria()) {
            const auto i = static_cast<std::size_t>(criterion);
            const double proposed = run.proposal.weights[criterion];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(criterionLabel(criterion, dutch).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%.2f", run.currentWeights[criterion]);
            ImGui::TableNextColumn();
            if (i < run.proposal.changed.size() && run.proposal.changed[i]) ImGui::Text("%.2f", proposed);
            else ImGui::TextDisabled("%.2f (%s)", proposed, tr(lang, TextId::KeptTooWide));
        }
        ImGui::EndTable();
    }

    if (run.backTest) {
        const BackTest& bt = *run.backTest;
        sectionTitle(tr(lang, TextId::BackTestTitle));
        ImGui::Text("%s: %d", tr(lang, TextId::BackTestHouseholds), bt.households);
        ImGui::Text("%s: %d", tr(lang, TextId::BackTestSame), bt.sameAsActual);
        ImGui::Text("%s: %d", tr(lang, TextId::BackTestChanged), bt.changed);
        ImGui::Text("%s: %.0f%% / %.0f%% / %.0f%%", tr(lang, TextId::BackTestSuccess), bt.meanSuccessActual * 100.0,
                    bt.meanSuccessBefore * 100.0, bt.meanSuccessAfter * 100.0);
        for (std::size_t i = 0; i < bt.changes.size() && i < 12; ++i) {
            const BackTestChange& c = bt.changes[i];
            ImGui::BulletText("%s: %s -> %s (%.0f%% -> %.0f%%)", c.householdId.c_str(),
                              c.groupBefore.empty() ? "-" : c.groupBefore.c_str(),
                              c.groupAfter.empty() ? "-" : c.groupAfter.c_str(), c.successBefore * 100.0,
                              c.successAfter * 100.0);
        }
        if (bt.changes.size() > 12) ImGui::TextDisabled("... +%zu", bt.changes.size() - 12);
        ImGui::TextDisabled("%s", tr(lang, TextId::BackTestCaveat));
    }

}

void LearningPanel::drawExport(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    const bool dutch = lang == Language::Dutch;
    sectionTitle(tr(lang, TextId::ResearchExportTitle));
    ImGui::TextWrapped("%s", tr(lang, TextId::ResearchExportHelp));
    if (ImGui::Button(tr(lang, TextId::ExportResearchCsv))) commands.push(ExportResearch{ResearchFormat::Csv});
    ImGui::SameLine();
    if (ImGui::Button(tr(lang, TextId::ExportResearchJson))) commands.push(ExportResearch{ResearchFormat::Json});
    if (!state.researchExport) return;
    const ResearchExportReport& r = *state.researchExport;
    ImGui::TextUnformatted(tr(lang, TextId::ExportReportTitle));
    ImGui::BulletText("%s: %d", tr(lang, TextId::ExportMatches), r.matches);
    ImGui::BulletText("%s: %d", tr(lang, TextId::ExportNotStarted), r.notStarted);
    ImGui::BulletText("%s: %d", tr(lang, TextId::ExportNoConsent), r.withoutConsent);
    ImGui::BulletText("%s (k = %d): %d", tr(lang, TextId::ExportSuppressed), r.k, r.suppressed);
    ImGui::BulletText("%s: %d", tr(lang, TextId::ExportRows), r.exported);
    for (const Message& step : r.steps) ImGui::BulletText("%s", messageText(step, dutch).c_str());
}

}  // namespace welkom
