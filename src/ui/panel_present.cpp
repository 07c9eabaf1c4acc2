#include "ui/panel_present.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/presentation.h"
#include "ui/a11y_tree.h"
#include "ui/appearance.h"
#include "ui/roster_text.h"
#include "ui/widgets.h"
#include "app/text/messages.h"

namespace welkom {
namespace {

const ImVec4 kLinkColour(0.35f, 0.85f, 1.0f, 1.0f);     // cyan: readable on black
const ImVec4 kChangedColour(1.0f, 0.55f, 0.10f, 1.0f);  // orange: moved by the what-if weight

// Rows of the two columns: households and groups in the order of the roster's
// own proposal, so its links run straight across and a changed link slants.
struct Rows {
    std::vector<int> householdRow, groupRow;  // by roster index; -1: not shown
    int householdCount = 0, groupCount = 0;
    std::vector<std::size_t> households, groups;  // by row: roster index
};

Rows arrangeRows(const Roster& roster, const MatchingRun& base) {
    Rows rows;
    rows.householdRow.assign(roster.households.size(), -1);
    rows.groupRow.assign(roster.groups.size(), -1);
    for (const ProposedPair& pair : base.pairs) {
        rows.householdRow[pair.household] = rows.householdCount++;
        rows.households.push_back(pair.household);
        if (rows.groupRow[pair.group] >= 0) continue;  // a group with room for two households
        rows.groupRow[pair.group] = rows.groupCount++;
        rows.groups.push_back(pair.group);
    }
    for (std::size_t h = 0; h < roster.households.size(); ++h)
        if (rows.householdRow[h] < 0) {
            rows.householdRow[h] = rows.householdCount++;
            rows.households.push_back(h);
        }
    for (std::size_t g = 0; g < roster.groups.size(); ++g)
        if (rows.groupRow[g] < 0) {
            rows.groupRow[g] = rows.groupCount++;
            rows.groups.push_back(g);
        }
    return rows;
}

// Text cut to `width` pixels with an ellipsis.
std::string fitted(const std::string& text, float width) {
    // Text the browser lays out (Arabic script...) is not cut letter by letter: the column clips it.
    if (needsScriptRenderer(text) || ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    std::string cut = text;
    while (!cut.empty() && ImGui::CalcTextSize((cut + "...").c_str()).x > width) cut.pop_back();
    return cut + "...";
}

}  // namespace

void PresentationPanel::drawContent(const AppState& state, CommandQueue& commands) {
    drawControls(state, commands);
    ImGui::Separator();
    drawColumns(state);
}

void PresentationPanel::drawControls(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    const bool dutch = lang == Language::Dutch;
    const PresentationState& p = state.presentation;
    if (!p.whatIfRun) {
        if (const RunningJob* base = findRunningJob(state, JobPurpose::PresentationBase))
            matchingJobProgress(*base, lang);
        else if (ImGui::Button(tr(lang, TextId::PresentReplay))) {
            commands.push(ReplayBuildUp{});
        }
        return;
    }
    if (p.baseRun && p.baseRun->revision != state.editRevision)
        ImGui::TextColored(toneColour(TextTone::Warning), "%s", tr(lang, TextId::PresentStale));
    const RunComparison changes = whatIfChanges(state);
    ImGui::Text("%zu / %zu %s", p.whatIfRun->pairs.size(), state.document->roster.households.size(),
                tr(lang, TextId::PresentSummary));
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::TextColored(changes.changes.empty() ? ImGui::GetStyle().Colors[ImGuiCol_Text] : kChangedColour, "%zu %s",
                       changes.changes.size(), tr(lang, TextId::PresentChanged));
    ImGui::SameLine();
    if (ImGui::Button(tr(lang, TextId::PresentReplay))) commands.push(ReplayBuildUp{});
    if (!buildUpComplete(state)) {
        ImGui::SameLine();
        if (ImGui::Button(tr(lang, TextId::PresentSkip))) commands.push(SkipBuildUp{});
    }

    // What if: one criterion, its weight on a slider.
    ImGui::TextUnformatted(tr(lang, TextId::PresentWhatIf));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    const std::string current = criterionLabel(p.whatIfCriterion, dutch);
    if (beginCombo("###whatif-criterion", current.c_str(), tr(lang, TextId::PresentWhatIf))) {
        for (int c = 0; c < kCriterionCount; ++c) {
            const auto criterion = static_cast<Criterion>(c);
            if (ImGui::Selectable(criterionLabel(criterion, dutch).c_str(), criterion == p.whatIfCriterion))
                commands.push(SetWhatIfWeight{criterion, state.document->roster.settings.weights[criterion]});
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
    float weight = static_cast<float>(p.whatIfWeight);
    // Re-runs while dragging: a demo roster takes milliseconds.
    bool moved = ImGui::SliderFloat("###whatif", &weight, 0.0f, 3.0f, "%.1f");
    // Its name for screen readers is the sentence it finishes: "What if this counts: Age".
    const std::string sliderName = std::string(tr(lang, TextId::PresentWhatIf)) + ": " + current;
    moved |= a11y::slider(&weight, 0.0f, 3.0f, 0.1f, sliderName.c_str());
    if (moved) commands.push(SetWhatIfWeight{p.whatIfCriterion, weight});
    tooltipForLastItem(tr(lang, TextId::PresentWhatIfHint));
    const bool differs = p.whatIfWeight != state.document->roster.settings.weights[p.whatIfCriterion];
    if (differs) {
        ImGui::SameLine();
        if (ImGui::Button(tr(lang, TextId::PresentAdopt))) commands.push(AdoptWhatIfWeight{});
    }
}

void PresentationPanel::drawColumns(const AppState& state) {
    const Language lang = state.ui.language;
    const PresentationState& p = state.presentation;
    if (!p.baseRun || !p.whatIfRun) return;
    const Roster& roster = state.document->roster;
    const Rows rows = arrangeRows(roster, *p.baseRun);
    const RunComparison changes = whatIfChanges(state);
    std::vector<bool> changed(roster.households.size(), false);
    for (const RunChange& c : changes.changes) changed[c.household] = true;

    ImGui::BeginChild("columns", ImVec2(0.0f, 0.0f), false);
    const float width = ImGui::GetContentRegionAvail().x;
    const float rowHeight = ImGui::GetTextLineHeight() * 1.35f;
    const float columnWidth = width * 0.34f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float headerHeight = rowHeight * 1.3f;
    const float leftEdge = origin.x + columnWidth;          // where links start
    const float rightStart = origin.x + width - columnWidth; // where group names start
    const int rowCount = std::max(rows.householdCount, rows.groupCount);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);

    draw->AddText(origin, text, tr(lang, TextId::PresentHouseholds));
    draw->AddText(ImVec2(rightStart, origin.y), text, tr(lang, TextId::PresentGroups));
    auto rowY = [&](int row) { return origin.y + headerHeight + row * rowHeight; };

    // Which households and groups have a visible link (drawn brighter).
    const std::size_t shown = visibleLinkCount(state);
    std::vector<const ProposedPair*> links;
    for (const ProposedPair& pair : p.whatIfRun->pairs) links.push_back(&pair);
    std::sort(links.begin(), links.end(), [&](const ProposedPair* a, const ProposedPair* b) {
        return rows.householdRow[a->household] < rows.householdRow[b->household];
    });
    links.resize(std::min(shown, links.size()));
    std::vector<bool> householdLinked(roster.households.size(), false), groupLinked(roster.groups.size(), false);
    for (const ProposedPair* link : links) {
        householdLinked[link->household] = true;
        groupLinked[link->group] = true;
    }

    for (int row = 0; row < rows.householdCount; ++row) {
        const std::size_t h = rows.households[static_cast<std::size_t>(row)];
        const std::string label = fitted(roster.households[h].id + "  " + roster.households[h].displayName,
                                         columnWidth - ImGui::GetFontSize());
        // A household the what-if moved (or left without a group) is orange too.
        const ImU32 colour = changed[h] ? ImGui::GetColorU32(kChangedColour) : householdLinked[h] ? text : dim;
        draw->PushClipRect(ImVec2(origin.x, origin.y), ImVec2(leftEdge - ImGui::GetFontSize(), origin.y + 1e6f), true);
        rosterTextAt(draw, ImVec2(origin.x, rowY(row)), colour, label);
        draw->PopClipRect();
    }
    for (int row = 0; row < rows.groupCount; ++row) {
        const std::size_t g = rows.groups[static_cast<std::size_t>(row)];
        const std::string label =
            fitted(roster.groups[g].id + "  " + roster.groups[g].name, columnWidth - ImGui::GetFontSize());
        draw->PushClipRect(ImVec2(rightStart, origin.y), ImVec2(origin.x + width, origin.y + 1e6f), true);
        rosterTextAt(draw, ImVec2(rightStart, rowY(row)), groupLinked[g] ? text : dim, label);
        draw->PopClipRect();
    }

    // Links with the pair's score; changed ones on top.
    const float thickness = std::max(1.5f, ImGui::GetFontSize() * 0.12f);
    for (int pass = 0; pass < 2; ++pass) {
        for (const ProposedPair* link : links) {
            const bool moved = changed[link->household];
            if (moved != (pass == 1)) continue;
            const ImVec2 a(leftEdge, rowY(rows.householdRow[link->household]) + rowHeight * 0.4f);
            const ImVec2 b(rightStart - ImGui::GetFontSize() * 0.5f, rowY(rows.groupRow[link->group]) + rowHeight * 0.4f);
            const ImU32 colour = ImGui::GetColorU32(moved ? kChangedColour : kLinkColour);
            char score[16];
            std::snprintf(score, sizeof score, "%.2f", link->total);
            const ImVec2 size = ImGui::CalcTextSize(score);
            // The score stands in the household's own row, so scores never overlap;
            // the line starts after it.
            const ImVec2 at(a.x + ImGui::GetFontSize() * 0.5f, a.y - size.y * 0.5f);
            const ImVec2 lineStart(at.x + size.x + ImGui::GetFontSize() * 0.3f, a.y);
            draw->AddCircleFilled(a, thickness * 1.6f, colour);
            draw->AddText(at, colour, score);
            draw->AddLine(lineStart, b, colour, moved ? thickness * 2.0f : thickness);
            draw->AddCircleFilled(b, thickness * 1.6f, colour);
        }
    }
    // Reserve the space, so the child scrolls when the columns are long.
    ImGui::Dummy(ImVec2(width, headerHeight + rowCount * rowHeight));
    ImGui::EndChild();
}

}  // namespace welkom
