#include "ui/panel_households.h"

#include <algorithm>

#include <imgui.h>

#include "ui/record_focus.h"

namespace welkom {
namespace {

std::string languagesOf(const Household& h) {
    std::vector<std::string> codes;
    for (const HouseholdMember& m : h.members)
        for (const LanguageSkill& l : m.languages)
            if (std::find(codes.begin(), codes.end(), l.code) == codes.end()) codes.push_back(l.code);
    std::string out;
    for (const std::string& c : codes) out += (out.empty() ? "" : ", ") + c;
    return out;
}

std::vector<RecordColumn<Household>> householdColumns() {
    return {
        {TextId::ColumnId, [](const Household& h, Language) { return h.id; }, {}, 0.6f},
        {TextId::ColumnName, [](const Household& h, Language) { return h.displayName; }, {}, 1.4f},
        {TextId::ColumnMunicipality, [](const Household& h, Language) { return h.municipality; }, {}, 1.0f},
        {TextId::ColumnPeople, [](const Household& h, Language) { return std::to_string(h.members.size()); },
         [](const Household& h) { return static_cast<double>(h.members.size()); }, 0.5f},
        {TextId::ColumnLanguages, [](const Household& h, Language) { return languagesOf(h); }, {}, 1.0f},
        {TextId::ColumnConsent,
         [](const Household& h, Language l) { return std::string(tr(l, h.consent.toMatching ? TextId::Yes : TextId::No)); },
         {}, 0.5f},
    };
}

}  // namespace

HouseholdsPanel::HouseholdsPanel() : m_table(householdColumns()) {}

void HouseholdsPanel::drawContent(const AppState& state, CommandQueue& commands) {
    const Roster& roster = state.document->roster;
    if (auto focused = focusedRecord(state, "/households/", m_focusRequest)) m_table.select(*focused);
    const float tableHeight = ImGui::GetContentRegionAvail().y * 0.5f;
    m_table.draw("households", roster.households, state.editRevision, state.ui.language, tableHeight);
    ImGui::Separator();
    if (auto selected = m_table.selected()) drawEditor(state, commands, *selected);
    else ImGui::TextDisabled("%s", tr(state.ui.language, TextId::EditorSelectHint));
}

void HouseholdsPanel::drawEditor(const AppState& state, CommandQueue& commands, std::size_t index) {
    const Language lang = state.ui.language;
    const Household& current = state.document->roster.households[index];
    // Follow the document (undo, other edits) unless a field is being typed in.
    if (m_draftIndex != index || (m_draftRevision != state.editRevision && !ImGui::IsAnyItemActive())) {
        m_draft = current;
        m_draftIndex = index;
        m_draftRevision = state.editRevision;
    }
    ImGui::BeginChild("editor");
    ImGui::TextDisabled("%s", m_draft.id.c_str());
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18.0f);
    changed |= inputTextCommitted(tr(lang, TextId::FieldDisplayName), m_draft.displayName);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18.0f);
    changed |= inputTextCommitted(tr(lang, TextId::ColumnMunicipality), m_draft.municipality);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18.0f);
    changed |= inputTextCommitted(tr(lang, TextId::FieldNeighbourhood), m_draft.neighbourhood);
    changed |= consentEditor(m_draft.consent, lang);

    if (ImGui::TreeNodeEx(tr(lang, TextId::FieldMembers), ImGuiTreeNodeFlags_DefaultOpen)) {
        for (std::size_t i = 0; i < m_draft.members.size(); ++i) {
            HouseholdMember& member = m_draft.members[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5.0f);
            ImGui::InputInt(tr(lang, TextId::FieldAge), &member.age, 0);
            changed |= ImGui::IsItemDeactivatedAfterEdit();
            ImGui::SameLine();
            ImGui::TextDisabled("%s  %s", tr(lang, member.role == MemberRole::Adult ? TextId::RoleAdult : TextId::RoleChild),
                                describeLanguages(member.languages).c_str());
            ImGui::PopID();
        }
        ImGui::TreePop();
    }
    if (ImGui::TreeNodeEx(tr(lang, TextId::ColumnInterests), ImGuiTreeNodeFlags_DefaultOpen)) {
        changed |= tagPicker("interests", VocabularyKind::Interests, m_draft.interests, lang);
        ImGui::TreePop();
    }
    recordProblems(state, "/households/" + std::to_string(index));
    ImGui::EndChild();
    if (changed && !(m_draft == current)) commands.push(UpdateHousehold{index, m_draft});
}

}  // namespace welkom
