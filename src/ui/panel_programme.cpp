#include "ui/panel_programme.h"

#include <imgui.h>

#include "ui/widgets.h"

namespace welkom {

void ProgrammePanel::drawContent(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    const Document& doc = *state.document;
    if (doc.isDemo) demoNotice(lang);
    ImGui::TextUnformatted(doc.programmeName.c_str());
    ImGui::Separator();
    if (ImGui::BeginTable("counts", 2, ImGuiTableFlags_SizingFixedFit)) {
        const struct {
            TextId label;
            int count;
        } rows[] = {{TextId::OverviewHouseholds, doc.householdCount},
                    {TextId::OverviewGroups, doc.groupCount},
                    {TextId::OverviewMatches, doc.matchCount}};
        for (const auto& row : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(lang, row.label));
            ImGui::TableNextColumn();
            ImGui::Text("%d", row.count);
        }
        ImGui::EndTable();
    }
}

}  // namespace welkom
