#include "ui/panel_matching.h"

#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "app/tour.h"
#include "ui/widgets.h"

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

// Weight presets: interests, age, language, goals, family, availability, distance.
struct Preset {
    TextId label;
    double weights[kCriterionCount];
};
constexpr Preset kPresets[] = {
    {TextId::PresetBalanced, {1, 1, 1, 1, 1, 1, 1}},
    {TextId::PresetLanguage, {1, 0.5, 3, 1, 1, 0.5, 0.5}},
    {TextId::PresetInterests, {3, 1, 1, 1, 0.5, 0.5, 0.5}},
};

double weightOf(const Roster& roster, Criterion c) {
    for (const CriterionWeight& w : roster.settings.weights)
        if (w.criterion == criterionName(c)) return w.weight;
    return 1.0;  // scoring.h: missing weights count as 1
}

// A small bar with the score printed on it.
void scoreBar(double score, float width) {
    char text[16];
    std::snprintf(text, sizeof text, "%.2f", score);
    ImGui::ProgressBar(static_cast<float>(score), ImVec2(width, 0.0f), text);
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
        const TextId phase = running->progress < 0.0f ? TextId::MatchingSolving : TextId::MatchingScoring;
        jobProgressBar(running->progress, ImGui::GetFontSize() * 12.0f, tr(lang, phase));
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
        if (ImGui::SmallButton(tr(lang, preset.label))) {
            for (int c = 0; c < kCriterionCount; ++c)
                commands.push(SetCriterionWeight{std::string(criterionName(static_cast<Criterion>(c))), preset.weights[c]});
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
    const float sliderWidth = ImGui::GetFontSize() * 7.0f;
    for (int c = 0; c < kCriterionCount; ++c) {
        const auto criterion = static_cast<Criterion>(c);
        ImGui::PushID(c);
        float weight = static_cast<float>(weightOf(roster, criterion));
        ImGui::SetNextItemWidth(sliderWidth);
        ImGui::SliderFloat(criterionLabel(criterion, lang == Language::Dutch).c_str(), &weight, 0.0f, 3.0f, "%.1f");
        // One undoable step when the slider is let go.
        if (ImGui::IsItemDeactivatedAfterEdit())
            commands.push(SetCriterionWeight{std::string(criterionName(criterion)), weight});
        tooltipForLastItem(tr(lang, criterionHelp(criterion)));
        ImGui::PopID();
        if (c % 4 != 3 && c + 1 < kCriterionCount) ImGui::SameLine();
    }
}

void MatchingPanel::drawResults(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    if (!state.matchingRun) {
        ImGui::TextWrapped("%s", tr(lang, TextId::NotRunYet));
        return;
    }
    const MatchingRun& run = *state.matchingRun;
    const Roster& roster = state.document->roster;
    if (run.revision != state.editRevision) ImGui::TextColored(ImVec4(1.0f, 0.80f, 0.35f, 1.0f), "%s", tr(lang, TextId::RunStale));
    if (run.status != SolveStatus::Optimal) {
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.40f, 1.0f), "%s", tr(lang, TextId::RunInfeasible));
        const auto& conflicts = lang == Language::Dutch ? run.conflictsNl : run.conflicts;
        for (const std::string& c : conflicts) ImGui::BulletText("%s", c.c_str());
        return;
    }
    ImGui::Text("%zu / %zu %s  |  %s %.2f  |  %s %.2f", run.pairs.size(), roster.households.size(),
                tr(lang, TextId::RunSummary), tr(lang, TextId::TotalScore), run.total, tr(lang, TextId::WorstScore),
                run.worst);

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
                ImGui::Text("%s  %s", h.id.c_str(), h.displayName.c_str());
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", tr(lang, TextId::Unmatched));
                ImGui::PopID();
                continue;
            }
            const ProposedPair& pair = run.pairs[static_cast<std::size_t>(row)];
            const Household& h = roster.households[pair.household];
            const WelcomeGroup& g = roster.groups[pair.group];
            ImGui::TableNextColumn();
            const bool selected = state.pairDetail && state.pairDetail->household == pair.household &&
                                  state.pairDetail->group == pair.group;
            const std::string label = h.id + "  " + h.displayName + "###pair-" + h.id;
            if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
                commands.push(SelectPair{pair.household, pair.group});
            ImGui::TableNextColumn();
            ImGui::Text("%s  %s", g.id.c_str(), g.name.c_str());
            ImGui::TableNextColumn();
            scoreBar(pair.total, -1.0f);
            for (int c = 0; c < kCriterionCount; ++c) {
                ImGui::TableNextColumn();
                if (pair.applicable[static_cast<std::size_t>(c)]) scoreBar(pair.scores[static_cast<std::size_t>(c)], -1.0f);
                else ImGui::TextDisabled("-");
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
    ImGui::Text("%s  %s", h.id.c_str(), h.displayName.c_str());
    ImGui::Text("%s  %s", g.id.c_str(), g.name.c_str());
    scoreBar(d.report.total, ImGui::GetFontSize() * 10.0f);
    if (!d.whyNot.empty()) ImGui::TextWrapped("%s", (dutch ? d.whyNotNl : d.whyNot).c_str());

    sectionTitle(tr(lang, TextId::HardConditions));
    for (const HardVerdict& v : d.report.hard) {
        if (v.ok) continue;
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.40f, 1.0f), "x %s", renderReason(v.reason, dutch).c_str());
    }
    if (d.report.feasible) ImGui::TextColored(ImVec4(0.45f, 0.85f, 0.50f, 1.0f), "ok");

    sectionTitle(tr(lang, TextId::Criteria));
    for (const CriterionResult& c : d.report.soft) {
        ImGui::PushID(static_cast<int>(c.criterion));
        if (c.applicable) scoreBar(c.score, ImGui::GetFontSize() * 4.0f);
        else ImGui::TextDisabled("  -  ");
        ImGui::SameLine();
        ImGui::TextWrapped("%s: %s", criterionLabel(c.criterion, dutch).c_str(), renderReason(c.reason, dutch).c_str());
        tooltipForLastItem(tr(lang, criterionHelp(c.criterion)));
        ImGui::PopID();
    }

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
        ImGui::BulletText("%s %s - %s: %s", constraintWord(c.kind, lang), c.householdId.c_str(), c.groupId.c_str(),
                          c.reason.c_str());
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
