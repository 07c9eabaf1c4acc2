#include "ui/panel_matches.h"

#include <imgui.h>

#include "ui/roster_text.h"
#include "ui/widgets.h"

namespace welkom {
namespace {

constexpr MatchStatus kStatuses[] = {MatchStatus::Proposed,   MatchStatus::AcceptedByGroup, MatchStatus::AcceptedByHousehold,
                                     MatchStatus::Introduced, MatchStatus::Active,          MatchStatus::Ended,
                                     MatchStatus::Declined};

}  // namespace

void MatchesPanel::drawContent(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    const Roster& roster = state.document->roster;
    if (roster.matches.empty()) {
        ImGui::TextWrapped("%s", tr(lang, TextId::NoMatches));
        return;
    }
    const auto flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                       ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
    if (ImGui::BeginTable("matches", 5, flags, ImVec2(0.0f, ImGui::GetContentRegionAvail().y * 0.5f))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr(lang, TextId::ColumnId), 0, 0.5f);
        ImGui::TableSetupColumn(tr(lang, TextId::ColumnHousehold));
        ImGui::TableSetupColumn(tr(lang, TextId::ColumnGroup));
        ImGui::TableSetupColumn(tr(lang, TextId::ColumnStatus));
        ImGui::TableSetupColumn(tr(lang, TextId::ColumnSince), 0, 0.6f);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(roster.matches.size()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const Match& m = roster.matches[static_cast<std::size_t>(row)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (ImGui::Selectable(m.id.c_str(), m_selected == m.id, ImGuiSelectableFlags_SpanAllColumns))
                    m_selected = m.id;
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(m.householdId.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(m.groupId.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(statusText(m.status(), lang));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(m.history.empty() ? "" : m.history.back().date.c_str());
            }
        }
        ImGui::EndTable();
    }
    if (!m_selected) return;
    const Match* match = nullptr;
    for (const Match& m : roster.matches)
        if (m.id == *m_selected) match = &m;
    if (!match) return;

    sectionTitle(tr(lang, TextId::MatchHistory));
    for (const MatchEvent& e : match->history) {
        ImGui::Bullet();
        rosterText(e.date + "  " + statusText(e.status, lang) + "  " + e.reason + "  " + e.note);
    }
    if (isFinal(match->status())) return;

    ImGui::TextUnformatted(tr(lang, TextId::NextStep));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18.0f);
    inputTextWithHint("##reason", tr(lang, TextId::ReasonLabel), m_reason);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18.0f);
    inputTextWithHint("##note", tr(lang, TextId::NoteLabel), m_note);
    for (MatchStatus next : kStatuses) {
        if (!isAllowedTransition(match->status(), next)) continue;
        if (ImGui::Button(statusText(next, lang))) {
            commands.push(AdvanceMatch{match->id, next, m_reason, m_note});
            m_reason.clear();
            m_note.clear();
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
}

}  // namespace welkom
