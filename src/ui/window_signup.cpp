#include "ui/window_signup.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/text/messages.h"
#include "ui/a11y_tree.h"
#include "ui/appearance.h"
#include "ui/widgets.h"

namespace welkom {
namespace {

constexpr const char* kImportPopup = "###signup-import";

std::string withId(TextId text, Language lang, const char* id) { return labelWithId(tr(lang, text), id); }

// The modules as squares on a white field with the quiet zone; for screen
// readers a picture named `alt` and described by the link it holds.
void drawQrCode(const QrCode& qr, const std::string& alt, const std::string& link) {
    const float module = std::max(2.0f, std::floor(ImGui::GetFontSize() * 0.22f));
    const float side = static_cast<float>(qr.size + 2 * kQrQuietZone) * module;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x) {
            if (!qr.dark(x, y)) continue;
            const ImVec2 a(origin.x + static_cast<float>(x + kQrQuietZone) * module,
                           origin.y + static_cast<float>(y + kQrQuietZone) * module);
            draw->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32(0, 0, 0, 255));
        }
    const ImRect bounds(origin, ImVec2(origin.x + side, origin.y + side));
    ImGui::ItemSize(bounds);
    if (!ImGui::ItemAdd(bounds, ImGui::GetID("###qr"))) return;
    a11y::image(alt.c_str());
    a11y::describeLastItem(link.c_str());
}

// A popup asking to confirm `question`; true when the coordinator said yes.
bool confirmPopup(const std::string& title, const char* question, const std::string& yes, Language lang) {
    bool confirmed = false;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 26.0f, 0.0f));
    if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(question);
        ImGui::PopTextWrapPos();
        if (ImGui::Button(yes.c_str())) {
            confirmed = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr(lang, TextId::Cancel))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    return confirmed;
}

// The name of the household or member a sign-up adds, as the roster will show it.
std::string addedName(const Roster& merged, const SignupFileOutcome& f) {
    if (f.form == SignupForm::Household) {
        for (const Household& h : merged.households)
            if (h.id == f.recordId) return h.displayName;
        return {};
    }
    for (const WelcomeGroup& g : merged.groups)
        for (const GroupMember& m : g.members)
            if (m.id == f.recordId) return m.name + " (" + g.name + ")";
    return {};
}

}  // namespace

const QrCode* SignupFormsWindow::qrCodeFor(const std::string& link, int slot) {
    if (m_qrLinks[slot] != link || !m_qrCodes[slot]) {
        m_qrLinks[slot] = link;
        Result<QrCode> qr = encodeQrCode(link);
        m_qrCodes[slot] = qr ? std::optional<QrCode>(std::move(*qr)) : std::nullopt;
    }
    return m_qrCodes[slot] ? &*m_qrCodes[slot] : nullptr;
}

void SignupFormsWindow::draw(const AppState& state, CommandQueue& commands) {
    if (!m_open) return;
    if (!state.document) {
        m_open = false;
        return;
    }
    const Language lang = state.ui.language;
    // The keys' public parts, read again only after an edit: parsing them
    // every frame would copy the secret keys around the heap for nothing.
    if (m_keysRevision != state.editRevision || m_keysRevision == 0) {
        m_keys = programmeKeyInfos(state.document->roster.signup);
        m_keysRevision = state.editRevision;
    }
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(em * 44.0f, em * 42.0f), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin(withId(TextId::SignupTitle, lang, "signup-forms").c_str(), &m_open, ImGuiWindowFlags_NoSavedSettings)) {
        if (closableWindow(tr(lang, TextId::SignupTitle), lang)) m_open = false;
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(tr(lang, TextId::SignupIntro));
        ImGui::PopTextWrapPos();
        drawKeys(state, commands);
        if (!m_keys.empty()) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextDisabled("%s", tr(lang, TextId::SignupLinkHint));
            ImGui::PopTextWrapPos();
            // The two forms side by side, each with its link and QR code.
            if (ImGui::BeginTable("###signup-forms-table", 2, ImGuiTableFlags_SizingStretchSame)) {
                ImGui::TableNextColumn();
                drawForm(state, commands, SignupForm::Household);
                ImGui::TableNextColumn();
                drawForm(state, commands, SignupForm::GroupMember);
                ImGui::EndTable();
            }
        }
        ImGui::Separator();
        ImGui::TextUnformatted(tr(lang, TextId::SignupImportHint));
        ImGui::SameLine();
        if (ImGui::Button(withId(TextId::MenuImportSignups, lang, "signup-import-choose").c_str()))
            commands.push(ChooseFileToOpen{FilePurpose::Signups});
    }
    ImGui::End();
}

void SignupFormsWindow::drawKeys(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    const std::vector<ProgrammeKeyInfo>& keys = m_keys;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(toneColour(TextTone::Warning), "%s", tr(lang, TextId::SignupKeyKept));
    ImGui::PopTextWrapPos();
    if (keys.empty()) {
        sectionTitle(tr(lang, TextId::SignupNoKey));
        if (ImGui::Button(withId(TextId::SignupCreateKey, lang, "signup-create-key").c_str()))
            commands.push(CreateProgrammeKey{});
        return;
    }
    sectionTitle(tr(lang, TextId::SignupCurrentKey));
    ImGui::Text("%s: %s   (%s %s)", tr(lang, TextId::SignupFingerprint), keys[0].fingerprint.c_str(),
                tr(lang, TextId::SignupCreated), keys[0].created.c_str());
    tooltipForLastItem(tr(lang, TextId::SignupFingerprintHint));
    ImGui::TextDisabled("%s", keys[0].publicKey.c_str());

    const std::string replaceTitle = withId(TextId::SignupReplaceYes, lang, "signup-replace-confirm");
    if (ImGui::Button(withId(TextId::SignupReplaceKey, lang, "signup-replace-key").c_str()))
        ImGui::OpenPopup(replaceTitle.c_str());
    if (confirmPopup(replaceTitle, tr(lang, TextId::SignupReplaceConfirm),
                     withId(TextId::SignupReplaceYes, lang, "signup-replace-yes"), lang))
        commands.push(CreateProgrammeKey{});
    ImGui::SameLine();
    if (ImGui::Button(withId(TextId::SignupExportKeys, lang, "signup-export-keys").c_str()))
        commands.push(ExportProgrammeKeys{});
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(toneColour(TextTone::Error), "%s", tr(lang, TextId::SignupExportWarning));
    ImGui::PopTextWrapPos();

    if (keys.size() > 1) {
        sectionTitle(tr(lang, TextId::SignupOldKeys));
        const std::string deleteTitle = withId(TextId::SignupDeleteYes, lang, "signup-delete-confirm");
        bool askDelete = false;
        for (std::size_t i = 1; i < keys.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            ImGui::Text("%s: %s   (%s %s)", tr(lang, TextId::SignupFingerprint), keys[i].fingerprint.c_str(),
                        tr(lang, TextId::SignupCreated), keys[i].created.c_str());
            ImGui::SameLine();
            const std::string id = "signup-delete-key-" + std::to_string(i);
            if (ImGui::SmallButton(withId(TextId::SignupDeleteOldKey, lang, id.c_str()).c_str())) {
                m_keyToDelete = keys[i].publicKey;
                askDelete = true;
            }
            ImGui::PopID();
        }
        if (askDelete) ImGui::OpenPopup(deleteTitle.c_str());
        if (confirmPopup(deleteTitle, tr(lang, TextId::SignupDeleteConfirm),
                         withId(TextId::SignupDeleteYes, lang, "signup-delete-yes"), lang))
            commands.push(DeleteProgrammeKey{m_keyToDelete});
    }
}

void SignupFormsWindow::drawForm(const AppState& state, CommandQueue& commands, SignupForm form) {
    const Language lang = state.ui.language;
    const std::string link = signupLink(state.ui.signupPageUrl, form, state.document->roster.programmeName,
                                        m_keys.front().publicKey);
    const bool household = form == SignupForm::Household;
    const char* name = household ? "household" : "member";
    ImGui::PushID(name);
    sectionTitle(tr(lang, household ? TextId::SignupFormHousehold : TextId::SignupFormMember));
    // Read-only, so the link can be selected and copied by hand too; its
    // label (the form's name) stays visible at the field's right.
    std::string text = link;
    const char* label = tr(lang, TextId::SignupLinkLabel);
    ImGui::SetNextItemWidth(-(ImGui::CalcTextSize(label).x + ImGui::GetStyle().ItemInnerSpacing.x));
    const std::string field = std::string(label) + "###signup-link-" + name;
    ImGui::InputText(field.c_str(), text.data(), text.size() + 1, ImGuiInputTextFlags_ReadOnly);
    a11y::describeLastItem(tr(lang, household ? TextId::SignupFormHousehold : TextId::SignupFormMember));
    if (ImGui::Button(withId(TextId::SignupCopy, lang, (std::string("signup-copy-") + name).c_str()).c_str()))
        commands.push(CopyText{link});
    ImGui::SameLine();
    if (ImGui::Button(withId(TextId::SignupSaveQr, lang, (std::string("signup-save-qr-") + name).c_str()).c_str()))
        commands.push(SaveSignupQrCode{form});
    if (const QrCode* qr = qrCodeFor(link, household ? 0 : 1))
        drawQrCode(*qr, std::string(tr(lang, TextId::SignupQrCode)) + ": " +
                            tr(lang, household ? TextId::SignupFormHousehold : TextId::SignupFormMember),
                   link);
    ImGui::PopID();
}

void SignupImportDialog::draw(const AppState& state, CommandQueue& commands) {
    const std::string title = std::string(tr(state.ui.language, TextId::ImportTitle)) + kImportPopup;
    if (!state.signupImport) {
        if (ImGui::BeginPopupModal(title.c_str())) {
            ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        return;
    }
    const Language lang = state.ui.language;
    const MessageTexts texts(languageCode(lang));
    const SignupImportPreview& preview = state.signupImport->preview;
    if (!ImGui::IsPopupOpen(kImportPopup)) ImGui::OpenPopup(title.c_str());
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(em * 40.0f, em * 30.0f), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    const ImVec4 error = toneColour(TextTone::Error), warning = toneColour(TextTone::Warning);
    auto problemLine = [&](const Problem& p, const std::string& prefix) {
        const std::string words = prefix + (p.path.empty() ? "" : p.path + ": ") + texts.problem(p);
        ImGui::TextColored(p.severity == Severity::Error ? error : warning, "%s", words.c_str());
    };
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(tr(lang, TextId::ImportIntro));
    const float buttonsHeight = ImGui::GetFrameHeightWithSpacing() * 2.0f;
    ImGui::BeginChild("###signup-import-files", ImVec2(0.0f, -buttonsHeight), true);
    ImGui::PushTextWrapPos(0.0f);
    if (preview.refusal) ImGui::TextColored(error, "%s", texts.render(*preview.refusal).c_str());
    for (const SignupFileOutcome& f : preview.files) {
        ImGui::Separator();
        if (f.refusal) {  // the refusal names the file
            const std::string refusal = texts.render(*f.refusal);
            ImGui::TextColored(error, "%s", refusal.c_str());
            a11y::announce(refusal, true);
            ImGui::Indent();
        } else {
            ImGui::TextUnformatted(f.name.c_str());
            ImGui::Indent();
            const char* code = f.form == SignupForm::Household ? "signup.adds_household"
                             : f.newGroup                      ? "signup.adds_member_new_group"
                                                               : "signup.adds_member";
            const std::string adds = texts.text(code, {f.recordId, f.groupId});
            const std::string who = addedName(preview.merged, f);
            const std::string line = f.name + ": " + (who.empty() ? adds : adds + ": " + who);
            ImGui::TextUnformatted((who.empty() ? adds : adds + ": " + who).c_str());
            a11y::announce(line);
        }
        for (const std::string& id : f.probableDuplicates)
            ImGui::TextColored(warning, "%s", texts.text("signup.probable_duplicate", {f.name, id}).c_str());
        for (const Problem& p : f.problems) problemLine(p, "");
        ImGui::Unindent();
    }
    // The merged roster's errors block the import; its warnings are the roster's as usual.
    bool heading = false;
    for (const Problem& p : preview.problems) {
        if (p.severity != Severity::Error) continue;
        if (!heading) {
            ImGui::Separator();
            ImGui::TextUnformatted(tr(lang, TextId::ImportRosterProblems));
            heading = true;
        }
        problemLine(p, "");
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    const bool blocked = preview.hasErrors();
    if (blocked) {
        ImGui::TextColored(error, "%s", tr(lang, TextId::ImportBlocked));
        a11y::announce(tr(lang, TextId::ImportBlocked), true);
    }
    ImGui::PopTextWrapPos();
    ImGui::BeginDisabled(blocked);
    if (ImGui::Button(withId(TextId::ImportApply, lang, "signup-import-apply").c_str())) commands.push(ConfirmSignupImport{});
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(withId(TextId::Cancel, lang, "signup-import-cancel").c_str())) commands.push(CancelSignupImport{});
    ImGui::EndPopup();
}

}  // namespace welkom
