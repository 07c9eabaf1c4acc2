#include "ui/panel_programme.h"

#include <imgui.h>

#include "ui/widgets.h"

namespace welkom {

void ProgrammePanel::drawContent(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    const Roster& roster = state.document->roster;
    if (roster.isDemo) demoNotice(lang);
    ImGui::TextUnformatted(roster.programmeName.c_str());
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
