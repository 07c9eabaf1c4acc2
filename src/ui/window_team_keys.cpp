#include "ui/window_team_keys.h"

#include <imgui.h>

#include "app/texts.h"
#include "ui/appearance.h"
#include "ui/widgets.h"

namespace welkom {

void TeamKeysWindow::draw(const AppState& state, CommandQueue& commands) {
    if (!m_open) return;
    if (!state.document) {
        m_open = false;
        return;
    }
    const Language lang = state.ui.language;
    const std::size_t keyCount = state.document->roster.team.keys.size();
    if (keyCount > m_keyCount) {
        m_colleagueName.clear();
        m_colleagueKey.clear();
        m_ownName.clear();
    }
    m_keyCount = keyCount;

    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(em * 44.0f, em * 30.0f), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin(labelWithId(tr(lang, TextId::TeamTitle), "team-keys").c_str(), &m_open,
                     ImGuiWindowFlags_NoSavedSettings)) {
        if (closableWindow(tr(lang, TextId::TeamTitle), lang)) m_open = false;
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(tr(lang, TextId::TeamIntro));
        ImGui::PopTextWrapPos();
        drawKeys(state, commands);
        drawAdd(state, commands);
    }
    ImGui::End();
}

void TeamKeysWindow::drawKeys(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    const std::vector<TeamKey>& keys = state.document->roster.team.keys;
    ImGui::Spacing();
    if (keys.empty()) {
        sectionTitle(tr(lang, TextId::TeamNoKeys));
        return;
    }
    sectionTitle(tr(lang, TextId::TeamTitle));
    for (std::size_t i = 0; i < keys.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::TextUnformatted(keys[i].name.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s", keys[i].publicKey.c_str());
        ImGui::SameLine();
        const std::string remove = std::string(tr(lang, TextId::TeamRemoveKey)) + ": " + keys[i].name + "###remove";
        if (ImGui::SmallButton(remove.c_str())) commands.push(RemoveTeamKey{keys[i].publicKey});
        ImGui::PopID();
    }
    const bool toKeys = state.session.toTeamKeys;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(toneColour(toKeys ? TextTone::Success : TextTone::Warning), "%s",
                       tr(lang, toKeys ? TextId::TeamSavedToKeys : TextId::TeamSavedWithPassphrase));
    ImGui::PopTextWrapPos();
    if (!toKeys && ImGui::Button(labelWithId(tr(lang, TextId::TeamSaveToKeys), "team-save-to-keys").c_str()))
        commands.push(SaveToTeamKeys{});
    if (toKeys && ImGui::Button(labelWithId(tr(lang, TextId::TeamSaveWithPassphrase), "team-save-passphrase").c_str()))
        commands.push(SaveWithPassphrase{});
}

void TeamKeysWindow::drawAdd(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    const float em = ImGui::GetFontSize();
    ImGui::Separator();
    sectionTitle(tr(lang, TextId::TeamAddColleague));
    ImGui::SetNextItemWidth(em * 12.0f);
    inputTextWithHint("###team-colleague-name", tr(lang, TextId::TeamColleagueName), m_colleagueName);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    inputTextWithHint("###team-colleague-key", tr(lang, TextId::TeamPublicKey), m_colleagueKey);
    if (ImGui::Button(labelWithId(tr(lang, TextId::TeamAddKey), "team-add-key").c_str()))
        commands.push(AddTeamKey{m_colleagueName, m_colleagueKey});

    ImGui::Separator();
    sectionTitle(tr(lang, TextId::TeamCreateOwn));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", tr(lang, TextId::TeamCreateOwnHint));
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(em * 12.0f);
    inputTextWithHint("###team-own-name", tr(lang, TextId::TeamOwnName), m_ownName);
    ImGui::SameLine();
    if (ImGui::Button(labelWithId(tr(lang, TextId::TeamCreateKey), "team-create-key").c_str()))
        commands.push(CreateTeamKey{m_ownName});
}

}  // namespace welkom
