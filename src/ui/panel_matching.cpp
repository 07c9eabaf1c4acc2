#include "ui/panel_matching.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include <imgui.h>

#include "app/tour.h"
#include "ui/a11y_tree.h"
#include "ui/appearance.h"
#include "ui/roster_text.h"
#include "ui/widgets.h"
#include "app/text/messages.h"

namespace welkom {
namespace {

struct ModeChoice {
    MatchMode mode;
    TextId label;
    TextId help;
};
constexpr ModeChoice kModes[] = {{MatchMode::BestTotal, TextId::ModeBestTotal, TextId::ModeBestTotalHelp},
                                 {MatchMode::Fair, TextId::ModeFair, TextId::ModeFairHelp},
                                 {MatchMode::Stable, TextId::ModeStable, TextId::ModeStableHelp}};

// Weight presets, in Criterion order: interests, age, language, goals,
// family, availability, distance.
struct Preset {
    TextId label;
    std::array<double, kCriterionCount> weights;
};
constexpr Preset kPresets[] = {
    {TextId::PresetBalanced, {1, 1, 1, 1, 1, 1, 1}},
    {TextId::PresetLanguage, {1, 0.5, 3, 1, 1, 0.5, 0.5}},
    {TextId::PresetInterests, {3, 1, 1, 1, 0.5, 0.5, 0.5}},
};

// A small bar with the score printed on it.
void scoreBar(double score, float width) {
    char text[16];
    std::snprintf(text, sizeof text, "%.2f", score);
    valueBar(static_cast<float>(score), width, text);
    a11y::cell(text);
}

const char* constraintWord(ConstraintKind kind, Language lang) {
    return tr(lang, kind == ConstraintKind::Pin ? TextId::Pinned : TextId::Forbidden);
}

}  // namespace

void MatchingPanel::drawContent(const AppState& state, CommandQueue& commands) {
    drawControls(state, commands);
    ImGui::Separator();
    const float detailWidth = ImGui::GetContentRegionAvail().x * 0.42f;
    ImGui::BeginChild("results", ImVec2(ImGui::GetContentRegionAvail().x - detailWidth, 0.0f));
    drawResults(state, commands);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("detail", ImVec2(0.0f, 0.0f), true);
    drawPairDetail(state, commands);
    drawComparison(state);
    ImGui::EndChild();
}

void MatchingPanel::drawControls(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    ImGui::TextUnformatted(tr(lang, TextId::MatchingMode));
    for (const ModeChoice& choice : kModes) {
        ImGui::SameLine();
        if (ImGui::RadioButton(tr(lang, choice.label), state.matchMode == choice.mode))
            commands.push(RunMatching{choice.mode});
        tooltipForLastItem(tr(lang, choice.help));
    }
    ImGui::SameLine();
    const RunningJob* running = findRunningJob(state, JobPurpose::Matching);
    if (running) {
        // The worker is busy: show how far it got; accepting waits for the result.
        matchingJobProgress(*running, lang);
        ImGui::SameLine();
        if (ImGui::Button(tr(lang, TextId::MatchingCancel))) commands.push(CancelMatching{});
    } else if (ImGui::Button(tr(lang, TextId::MatchingRun))) {
        commands.push(RunMatching{state.matchMode});
    }
    if (!running && state.matchingRun && state.matchingRun->status == SolveStatus::Optimal &&
        !state.matchingRun->pairs.empty()) {
        ImGui::SameLine();
        if (ImGui::Button(tr(lang, TextId::AcceptProposal))) commands.push(AcceptProposal{});
        tooltipForLastItem(tr(lang, TextId::AcceptHelp));
    }
    drawWeights(state, commands);
}

void MatchingPanel::drawWeights(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    const Roster& roster = state.document->roster;
    if (!ImGui::CollapsingHeader(tr(lang, TextId::Weights), ImGuiTreeNodeFlags_DefaultOpen)) return;
    for (const Preset& preset : kPresets) {
        if (ImGui::SmallButton(tr(lang, preset.label))) commands.push(ApplyWeightPreset{CriterionWeights(preset.weights)});
        ImGui::SameLine();
    }
    ImGui::NewLine();
    const float sliderWidth = ImGui::GetFontSize() * 7.0f;
    for (int c = 0; c < kCriterionCount; ++c) {
        const auto criterion = static_cast<Criterion>(c);
        ImGui::PushID(c);
        float weight = static_cast<float>(roster.settings.weights[criterion]);
        ImGui::SetNextItemWidth(sliderWidth);
        ImGui::SliderFloat(criterionLabel(criterion, lang == Language::Dutch).c_str(), &weight, 0.0f, 3.0f, "%.1f");
        // One undoable step when the slider is let go (or set by assistive technology).
        const bool setByMirror = a11y::slider(&weight, 0.0f, 3.0f, 0.1f);
        if (ImGui::IsItemDeactivatedAfterEdit() || setByMirror)
            commands.push(SetCriterionWeight{criterion, weight});
        tooltipForLastItem(tr(lang, criterionHelp(criterion)));
        ImGui::PopID();
        if (c % 4 != 3 && c + 1 < kCriterionCount) ImGui::SameLine();
    }
    // Participants' priorities: shown in %, stored as 0..1 (settings.participantPriorities).
    float percent = static_cast<float>(roster.settings.participantPriorities * 100.0);
    ImGui::SetNextItemWidth(sliderWidth);
    ImGui::SliderFloat(tr(lang, TextId::ParticipantPriorities), &percent, 0.0f, 100.0f, "%.0f %%");
    const bool setByMirror = a11y::slider(&percent, 0.0f, 100.0f, 5.0f);
    if (ImGui::IsItemDeactivatedAfterEdit() || setByMirror)
        commands.push(SetParticipantPriorities{static_cast<double>(percent) / 100.0});
    tooltipForLastItem(tr(lang, TextId::ParticipantPrioritiesHelp));
}

void MatchingPanel::drawResults(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    if (!state.matchingRun) {
        ImGui::TextWrapped("%s", tr(lang, TextId::NotRunYet));
        return;
    }
    const MatchingRun& run = *state.matchingRun;
    const Roster& roster = state.document->roster;
    if (run.revision != state.editRevision) ImGui::TextColored(toneColour(TextTone::Warning), "%s", tr(lang, TextId::RunStale));
    if (run.status != SolveStatus::Optimal) {
        ImGui::TextColored(toneColour(TextTone::Error), "%s", tr(lang, TextId::RunInfeasible));
        const auto& conflicts = lang == Language::Dutch ? run.conflictsNl : run.conflicts;
        for (const std::string& c : conflicts) ImGui::BulletText("%s", c.c_str());
        return;
    }
    char summary[256];
    std::snprintf(summary, sizeof summary, "%zu / %zu %s  |  %s %.2f  |  %s %.2f", run.pairs.size(),
                  roster.households.size(), tr(lang, TextId::RunSummary), tr(lang, TextId::TotalScore), run.total,
                  tr(lang, TextId::WorstScore), run.worst);
    ImGui::TextUnformatted(summary);
    a11y::announce(summary);

    const int columns = 3 + kCriterionCount;
    const auto flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                       ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("proposal", columns, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(lang, TextId::ColumnHousehold), 0, 1.6f);
    ImGui::TableSetupColumn(tr(lang, TextId::ColumnGroup), 0, 1.6f);
    ImGui::TableSetupColumn(tr(lang, TextId::ColumnScore), 0, 0.8f);
    for (int c = 0; c < kCriterionCount; ++c)
        ImGui::TableSetupColumn(criterionLabel(static_cast<Criterion>(c), lang == Language::Dutch).c_str(), 0, 0.6f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(run.pairs.size() + run.unmatched.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            ImGui::TableNextRow();
            ImGui::PushID(row);
            if (static_cast<std::size_t>(row) >= run.pairs.size()) {
                const Household& h = roster.households[run.unmatched[static_cast<std::size_t>(row) - run.pairs.size()]];
                ImGui::TableNextColumn();
                const std::string household = h.id + "  " + h.displayName;
                rosterText(household);
                a11y::cell(household.c_str());
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", tr(lang, TextId::Unmatched));
                a11y::cell(tr(lang, TextId::Unmatched));
                ImGui::PopID();
                continue;
            }
            const ProposedPair& pair = run.pairs[static_cast<std::size_t>(row)];
            const Household& h = roster.households[pair.household];
            const WelcomeGroup& g = roster.groups[pair.group];
            ImGui::TableNextColumn();
            const bool selected = state.pairDetail && state.pairDetail->household == pair.household &&
                                  state.pairDetail->group == pair.group;
            if (rosterSelectable(h.id + "  " + h.displayName, ("###pair-" + h.id).c_str(), selected,
                                 ImGuiSelectableFlags_SpanAllColumns))
                commands.push(SelectPair{pair.household, pair.group});
            a11y::selected(selected);
            ImGui::TableNextColumn();
            const std::string group = g.id + "  " + g.name;
            rosterText(group);
            a11y::cell(group.c_str());
            ImGui::TableNextColumn();
            scoreBar(pair.total, -1.0f);
            for (int c = 0; c < kCriterionCount; ++c) {
                ImGui::TableNextColumn();
                if (pair.applicable[static_cast<std::size_t>(c)]) scoreBar(pair.scores[static_cast<std::size_t>(c)], -1.0f);
                else {
                    ImGui::TextDisabled("-");
                    a11y::cell("-");
                }
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void MatchingPanel::drawPairDetail(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    const bool dutch = lang == Language::Dutch;
    if (!state.pairDetail) {
        ImGui::TextWrapped("%s", tr(lang, TextId::SelectPairHint));
        return;
    }
    const PairDetail& d = *state.pairDetail;
    const Roster& roster = state.document->roster;
    const Household& h = roster.households[d.household];
    const WelcomeGroup& g = roster.groups[d.group];
    rosterText(h.id + "  " + h.displayName);
    rosterText(g.id + "  " + g.name);
    scoreBar(d.report.total, ImGui::GetFontSize() * 10.0f);
    if (!d.whyNot.empty()) ImGui::TextWrapped("%s", (dutch ? d.whyNotNl : d.whyNot).c_str());

    sectionTitle(tr(lang, TextId::HardConditions));
    for (const HardVerdict& v : d.report.hard) {
        if (v.ok) continue;
        rosterTextColored(toneColour(TextTone::Error), "x " + renderReason(v.reason, dutch));
    }
    if (d.report.feasible) ImGui::TextColored(toneColour(TextTone::Success), "ok");

    sectionTitle(tr(lang, TextId::Criteria));
    std::string explanation;  // the pair's row in the proposal reads it as its description
    for (const CriterionResult& c : d.report.soft) {
        ImGui::PushID(static_cast<int>(c.criterion));
        if (c.applicable) scoreBar(c.score, ImGui::GetFontSize() * 4.0f);
        else ImGui::TextDisabled("  -  ");
        ImGui::SameLine();
        std::string line = criterionLabel(c.criterion, dutch) + ": " + renderReason(c.reason, dutch);
        if (c.priority) line += "; " + renderReason(*c.priority, dutch);
        rosterTextWrapped(line);
        explanation += (explanation.empty() ? "" : "; ") + line;
        tooltipForLastItem(tr(lang, criterionHelp(c.criterion)));
        ImGui::PopID();
    }

    a11y::describe("pair-" + h.id, explanation);

    if (!d.alternatives.empty()) {
        sectionTitle(tr(lang, TextId::Alternatives));
        for (const AlternativeGroup& alt : d.alternatives) {
            const WelcomeGroup& other = roster.groups[alt.group];
            char line[256];
            std::snprintf(line, sizeof line, "%s  %.2f  (%s %.2f)###alt-%s", other.id.c_str(), alt.score,
                          tr(lang, TextId::LossIfForced), alt.loss, other.id.c_str());
            if (ImGui::Selectable(line, alt.group == d.group)) commands.push(SelectPair{d.household, alt.group});
        }
    }

    sectionTitle(tr(lang, TextId::ReasonLabel));
    // The tour's pin step points at the buttons below: bring them into view once.
    if (state.ui.tour.active && currentTourStep(state) == TourStep::TryPin &&
        m_tourScrolled != state.ui.tour.stepChanges) {
        ImGui::SetScrollHereY(0.3f);
        m_tourScrolled = state.ui.tour.stepChanges;
    }
    ImGui::SetNextItemWidth(-1.0f);
    inputTextWithHint("##reason", tr(lang, TextId::ReasonLabel), m_reason);
    if (ImGui::Button(tr(lang, TextId::PinPair))) {
        commands.push(AddConstraint{ConstraintKind::Pin, h.id, g.id, m_reason});
        m_reason.clear();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(lang, TextId::ForbidPair))) {
        commands.push(AddConstraint{ConstraintKind::Forbid, h.id, g.id, m_reason});
        m_reason.clear();
    }
    for (const Constraint& c : roster.constraints) {
        if (c.householdId != h.id) continue;
        ImGui::PushID(c.id.c_str());
        ImGui::Bullet();
        rosterText(std::string(constraintWord(c.kind, lang)) + " " + c.householdId + " - " + c.groupId + ": " + c.reason);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(lang, TextId::Release))) commands.push(RemoveConstraint{c.id});
        ImGui::PopID();
    }
}

void MatchingPanel::drawComparison(const AppState& state) {
    if (!state.previousRun || !state.matchingRun) return;
    const Language lang = state.ui.language;
    const RunComparison diff = compareRuns(*state.previousRun, *state.matchingRun);
    sectionTitle(tr(lang, TextId::CompareTitle));
    ImGui::Text("%s %.2f -> %.2f  |  %zu -> %zu", tr(lang, TextId::TotalScore), diff.totalBefore, diff.totalAfter,
                diff.matchedBefore, diff.matchedAfter);
    if (diff.changes.empty()) ImGui::TextDisabled("%s", tr(lang, TextId::NoChanges));
    const Roster& roster = state.document->roster;
    for (const RunChange& change : diff.changes) {
        auto name = [&](const std::optional<std::size_t>& g) {
            return g ? roster.groups[*g].id : std::string(tr(lang, TextId::Unmatched));
        };
        ImGui::BulletText("%s: %s (%.2f) -> %s (%.2f)", roster.households[change.household].id.c_str(),
                          name(change.before).c_str(), change.scoreBefore, name(change.after).c_str(), change.scoreAfter);
    }
}

}  // namespace welkom
