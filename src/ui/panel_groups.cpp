#include "ui/panel_groups.h"

#include <imgui.h>

#include "ui/roster_text.h"

namespace welkom {
namespace {

std::string coordinatorName(const WelcomeGroup& g) {
    for (const GroupMember& m : g.members)
        if (m.id == g.coordinatorId) return m.name;
    return {};
}

std::vector<RecordColumn<WelcomeGroup>> groupColumns() {
    return {
        {TextId::ColumnId, [](const WelcomeGroup& g, Language) { return g.id; }, {}, 0.6f},
        {TextId::ColumnName, [](const WelcomeGroup& g, Language) { return g.name; }, {}, 1.4f},
        {TextId::ColumnMunicipality, [](const WelcomeGroup& g, Language) { return g.municipality; }, {}, 1.0f},
        {TextId::ColumnPeople, [](const WelcomeGroup& g, Language) { return std::to_string(g.members.size()); },
         [](const WelcomeGroup& g) { return static_cast<double>(g.members.size()); }, 0.5f},
        {TextId::ColumnCoordinator, [](const WelcomeGroup& g, Language) { return coordinatorName(g); }, {}, 1.0f},
        {TextId::ColumnCapacity, [](const WelcomeGroup& g, Language) { return std::to_string(g.capacity); },
         [](const WelcomeGroup& g) { return static_cast<double>(g.capacity); }, 0.5f},
    };
}

}  // namespace

GroupsPanel::GroupsPanel() : RecordPanel(groupColumns()) {}

bool GroupsPanel::drawFields(const AppState& state, WelcomeGroup& draft) {
    const Language lang = state.ui.language;
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18.0f);
    changed |= inputTextCommitted(tr(lang, TextId::ColumnName), draft.name);
    rosterTextPreview(draft.name, tr(lang, TextId::AsWritten));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18.0f);
    changed |= inputTextCommitted(tr(lang, TextId::ColumnMunicipality), draft.municipality);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5.0f);
    ImGui::InputInt(tr(lang, TextId::ColumnCapacity), &draft.capacity, 0);
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    changed |= consentEditor(draft.consent, lang);

    if (ImGui::TreeNodeEx(tr(lang, TextId::FieldMembers), ImGuiTreeNodeFlags_DefaultOpen)) {
        const auto flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("members", 5, flags)) {
            ImGui::TableSetupColumn(tr(lang, TextId::ColumnCoordinator), ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn(tr(lang, TextId::ColumnName));
            ImGui::TableSetupColumn(tr(lang, TextId::FieldAge), ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn(tr(lang, TextId::ColumnLanguages));
            ImGui::TableSetupColumn(tr(lang, TextId::FieldOccupation));
            ImGui::TableHeadersRow();
            for (std::size_t i = 0; i < draft.members.size(); ++i) {
                GroupMember& member = draft.members[i];
                ImGui::PushID(static_cast<int>(i));
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                // Marking the coordinator: one member per group.
                if (ImGui::RadioButton("##coordinator", draft.coordinatorId == member.id)) {
                    draft.coordinatorId = member.id;
                    changed = true;
                }
                tooltipForLastItem(tr(lang, TextId::FieldCoordinator));
                ImGui::TableNextColumn();
                ImGui::SetNextItemWidth(-1.0f);
                changed |= inputTextCommitted("##name", member.name);
                ImGui::TableNextColumn();
                ImGui::SetNextItemWidth(ImGui::GetFontSize() * 3.5f);
                ImGui::InputInt("##age", &member.age, 0);
                changed |= ImGui::IsItemDeactivatedAfterEdit();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(describeLanguages(member.languages).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(member.occupation.c_str());
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
        ImGui::TreePop();
    }
    return changed;
}

}  // namespace welkom
