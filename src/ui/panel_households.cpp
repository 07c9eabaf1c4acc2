#include "ui/panel_households.h"

#include <algorithm>

#include <imgui.h>

#include "ui/roster_text.h"

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

HouseholdsPanel::HouseholdsPanel() : RecordPanel(householdColumns()) {}

bool HouseholdsPanel::drawFields(const AppState& state, Household& draft) {
    const Language lang = state.ui.language;
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18.0f);
    changed |= inputTextCommitted(tr(lang, TextId::FieldDisplayName), draft.displayName);
    rosterTextPreview(draft.displayName, tr(lang, TextId::AsWritten));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18.0f);
    changed |= inputTextCommitted(tr(lang, TextId::ColumnMunicipality), draft.municipality);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18.0f);
    changed |= inputTextCommitted(tr(lang, TextId::FieldNeighbourhood), draft.neighbourhood);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18.0f);
    changed |= inputTextCommitted(tr(lang, TextId::FieldNotes), draft.notes);
    rosterTextPreview(draft.notes, tr(lang, TextId::AsWritten));
    changed |= consentEditor(draft.consent, lang);

    if (ImGui::TreeNodeEx(tr(lang, TextId::FieldMembers), ImGuiTreeNodeFlags_DefaultOpen)) {
        for (std::size_t i = 0; i < draft.members.size(); ++i) {
            HouseholdMember& member = draft.members[i];
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
        changed |= tagPicker("interests", VocabularyKind::Interests, draft.interests, lang);
        ImGui::TreePop();
    }
    return changed;
}

}  // namespace welkom
