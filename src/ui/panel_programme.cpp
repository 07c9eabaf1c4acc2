#include "ui/panel_programme.h"

#include <imgui.h>

#include "ui/widgets.h"

namespace welkom {

void ProgrammePanel::drawContent(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    const Roster& roster = state.document->roster;
    if (roster.isDemo) demoNotice(lang);
    if (!m_editingName) m_nameEdit = roster.programmeName;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20.0f);
    inputText(tr(lang, TextId::ProgrammeNameLabel), m_nameEdit);
    m_editingName = ImGui::IsItemActive();
    // One undo step per finished edit, not one per keystroke.
    if (ImGui::IsItemDeactivatedAfterEdit() && m_nameEdit != roster.programmeName)
        commands.push(RenameProgramme{m_nameEdit});
    if (!roster.isDemo && state.session.passphrase.empty()) ImGui::TextDisabled("%s", tr(lang, TextId::AutosaveNeedsSave));
    ImGui::Separator();
    if (ImGui::BeginTable("counts", 2, ImGuiTableFlags_SizingFixedFit)) {
        const struct {
            TextId label;
            std::size_t count;
        } rows[] = {{TextId::OverviewHouseholds, roster.households.size()},
                    {TextId::OverviewGroups, roster.groups.size()},
                    {TextId::OverviewMatches, roster.matches.size()}};
        for (const auto& row : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(lang, row.label));
            ImGui::TableNextColumn();
            ImGui::Text("%zu", row.count);
        }
        ImGui::EndTable();
    }
}

}  // namespace welkom
