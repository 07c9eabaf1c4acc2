#include "ui/dialog_passphrase.h"

#include <cstring>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>  // ImGui::GetItemID

#include "app/text/messages.h"
#include "io/roster_files.h"
#include "ui/a11y_tree.h"
#include "ui/appearance.h"
#include "ui/secret_text.h"
#include "ui/widgets.h"

namespace welkom {
namespace {

constexpr const char* kPopupId = "###passphrase";

TextId strengthText(PassphraseStrength strength) {
    switch (strength) {
        case PassphraseStrength::TooShort: return TextId::StrengthTooShort;
        case PassphraseStrength::Weak: return TextId::StrengthWeak;
        case PassphraseStrength::Fair: return TextId::StrengthFair;
        case PassphraseStrength::Strong: return TextId::StrengthStrong;
    }
    return TextId::StrengthWeak;
}

ImVec4 strengthColour(PassphraseStrength strength) {
    switch (strength) {
        case PassphraseStrength::TooShort:
        case PassphraseStrength::Weak: return toneColour(TextTone::Error);
        case PassphraseStrength::Fair: return toneColour(TextTone::Warning);
        case PassphraseStrength::Strong: return toneColour(TextTone::Success);
    }
    return ImVec4(1, 1, 1, 1);
}

}  // namespace

void PassphraseDialog::wipe() {
    // volatile: keep the compiler from dropping the wipe of a buffer about to be reused.
    volatile char* p = m_passphrase.data();
    for (std::size_t i = 0; i < m_passphrase.size(); ++i) p[i] = 0;
    volatile char* c = m_confirm.data();
    for (std::size_t i = 0; i < m_confirm.size(); ++i) c[i] = 0;
    // ImGui's own copy of the field being edited (see ui/secret_text.h).
    for (ImGuiID& id : m_fieldIds) {
        wipeTextEditState(id);
        id = 0;
    }
    wipeTypedCharacters();
}

void PassphraseDialog::draw(const AppState& state, CommandQueue& commands) {
    const bool wanted = state.passphrasePrompt.has_value();
    if (!wanted) {
        // A prompt can also end without this dialog (a key file dropped on
        // it); ImGui then closes the popup it no longer draws.
        if (m_wasOpen) wipe();
        m_wasOpen = false;
        return;
    }
    const PassphrasePrompt& prompt = *state.passphrasePrompt;
    const Language lang = state.ui.language;
    const bool saving = prompt.purpose == PassphrasePrompt::Purpose::Save;
    const bool withKey = !saving && prompt.withKey;
    const std::string title =
        std::string(tr(lang, saving ? TextId::PassphraseSaveTitle : TextId::PassphraseOpenTitle)) + kPopupId;
    if (!ImGui::IsPopupOpen(kPopupId)) ImGui::OpenPopup(title.c_str());
    const bool justOpened = !m_wasOpen;
    m_wasOpen = true;

    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30.0f, 0.0f));
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                                            ImGuiWindowFlags_NoSavedSettings)) {
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    if (!prompt.fileName.empty()) ImGui::TextDisabled("%s", prompt.fileName.c_str());
    ImGui::TextUnformatted(tr(lang, saving    ? TextId::PassphraseSaveIntro
                                    : withKey ? TextId::KeyOpenIntro
                                              : TextId::PassphraseOpenIntro));
    if (prompt.reason) {
        const std::string message = errorText(*prompt.reason, lang == Language::Dutch);
        ImGui::TextColored(toneColour(TextTone::Error), "%s", message.c_str());
        a11y::announce(message, true);
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    if (justOpened || ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1.0f);
    const char* fieldLabel = tr(lang, withKey ? TextId::KeyLabel : TextId::PassphraseLabel);
    bool submit = ImGui::InputTextWithHint("##passphrase", fieldLabel, m_passphrase.data(), m_passphrase.size(),
                                           ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    m_fieldIds[0] = ImGui::GetItemID();
    a11y::textField("", fieldLabel, true);
    bool ready = m_passphrase[0] != '\0';
    if (saving) {
        ImGui::SetNextItemWidth(-1.0f);
        submit |= ImGui::InputTextWithHint("##confirm", tr(lang, TextId::PassphraseConfirmLabel), m_confirm.data(),
                                           m_confirm.size(),
                                           ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
        m_fieldIds[1] = ImGui::GetItemID();
        a11y::textField("", tr(lang, TextId::PassphraseConfirmLabel), true);
        const PassphraseStrength strength = passphraseStrength(m_passphrase.data());
        ImGui::TextColored(strengthColour(strength), "%s", tr(lang, strengthText(strength)));
        a11y::announce(tr(lang, strengthText(strength)));
        const bool same = std::strcmp(m_passphrase.data(), m_confirm.data()) == 0;
        if (!same && m_confirm[0] != '\0')
            ImGui::TextColored(toneColour(TextTone::Error), "%s", tr(lang, TextId::PassphraseMismatch));
        ready = ready && same && strength != PassphraseStrength::TooShort;
    }
    ImGui::Spacing();

    ImGui::BeginDisabled(!ready);
    submit |= ImGui::Button(tr(lang, saving ? TextId::PassphraseSaveButton : TextId::PassphraseOpenButton));
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool cancel = ImGui::Button(tr(lang, TextId::Cancel)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    // The prompt stays while the picker is open: the chosen key file comes back as OpenFile.
    if (withKey && ImGui::Button(labelWithId(tr(lang, TextId::KeyChooseFile), "key-choose-file").c_str()))
        commands.push(ChooseFileToOpen{FilePurpose::Identity});
    bool toTeamKeys = false;
    if (saving && state.document && !state.document->roster.team.keys.empty()) {
        ImGui::Separator();
        toTeamKeys = ImGui::Button(labelWithId(tr(lang, TextId::SaveToTeamKeysInstead), "save-to-team-keys").c_str());
    }

    if (toTeamKeys) {
        commands.push(SaveToTeamKeys{});
        wipe();
        ImGui::CloseCurrentPopup();
    } else if (submit && ready && withKey) {
        commands.push(SubmitIdentity{std::string(m_passphrase.data())});
        wipe();
        ImGui::CloseCurrentPopup();
    } else if (submit && ready) {
        commands.push(SubmitPassphrase{std::string(m_passphrase.data())});
        wipe();
        ImGui::CloseCurrentPopup();
    } else if (cancel) {
        commands.push(CancelPassphrase{});
        wipe();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace welkom
