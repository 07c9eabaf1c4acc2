#include "ui/workspace.h"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "ui/panel_programme.h"
#include "ui/panel_start.h"
#include "ui/widgets.h"

namespace welkom {
namespace {

constexpr ImGuiWindowFlags kFullScreenFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                              ImGuiWindowFlags_NoSavedSettings |
                                              ImGuiWindowFlags_NoBringToFrontOnFocus;

// "Visible###id": the tab's ImGui ID does not change with the language.
std::string labelWithId(const char* visible, const char* id) { return std::string(visible) + "###" + id; }

}  // namespace

Workspace::Workspace() {
    // Every panel, in tab order.
    m_panels.push_back(std::make_unique<StartPanel>());
    m_panels.push_back(std::make_unique<ProgrammePanel>());
}

void Workspace::draw(const AppState& state, CommandQueue& commands) {
    m_visiblePanels.clear();
    handleShortcuts(state, commands);
    drawMenuBar(state, commands);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float statusHeight = ImGui::GetFrameHeightWithSpacing();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, viewport->WorkSize.y - statusHeight));
    if (ImGui::Begin("###workspace", nullptr, kFullScreenFlags)) {
        drawErrors(state, commands);
        const Language lang = state.ui.language;
        if (!state.document) {
            // Start screen: a centred column rather than tabs.
            const float width = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 34.0f);
            ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
            ImGui::BeginChild("###start", ImVec2(width, 0.0f), false);
            for (auto& panel : m_panels) {
                if (!panel->isAvailable(state)) continue;
                m_visiblePanels.emplace_back(panel->id());
                panel->drawContent(state, commands);
            }
            ImGui::EndChild();
        } else if (ImGui::BeginTabBar("###panels")) {
            for (auto& panel : m_panels) {
                if (!panel->isAvailable(state)) continue;
                if (ImGui::BeginTabItem(labelWithId(tr(lang, panel->title()), panel->id()).c_str())) {
                    m_visiblePanels.emplace_back(panel->id());
                    ImGui::BeginChild(panel->id());
                    panel->drawContent(state, commands);
                    ImGui::EndChild();
                    ImGui::EndTabItem();
                }
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
    drawStatusBar(state, commands);
}

void Workspace::drawMenuBar(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    if (!ImGui::BeginMainMenuBar()) return;
    ImGui::TextUnformatted("Welkom " WELKOM_VERSION);
    if (state.document && state.document->roster.isDemo) demoBadge(lang);
    if (ImGui::BeginMenu(labelWithId(tr(lang, TextId::MenuFile), "menu-file").c_str())) {
        if (ImGui::MenuItem(tr(lang, TextId::MenuCloseRoster), nullptr, false, state.document.has_value()))
            commands.push(CloseRoster{});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(labelWithId(tr(lang, TextId::MenuLanguage), "menu-language").c_str())) {
        if (ImGui::MenuItem("English", nullptr, lang == Language::English)) commands.push(SetLanguage{Language::English});
        if (ImGui::MenuItem("Nederlands", nullptr, lang == Language::Dutch)) commands.push(SetLanguage{Language::Dutch});
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void Workspace::drawStatusBar(const AppState& state, CommandQueue&) {
    const Language lang = state.ui.language;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float height = ImGui::GetFrameHeightWithSpacing();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x, viewport->WorkPos.y + viewport->WorkSize.y - height));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, height));
    if (ImGui::Begin("###statusbar", nullptr, kFullScreenFlags)) {
        if (!state.document) {
            ImGui::TextDisabled("%s", tr(lang, TextId::StatusNoRoster));
        } else {
            if (state.document->roster.isDemo) {
                demoBadge(lang);
                ImGui::SameLine();
            }
            ImGui::TextUnformatted(state.document->roster.programmeName.c_str());
            ImGui::SameLine();
            ImGui::TextDisabled("|");
            ImGui::SameLine();
            ImGui::TextUnformatted(tr(lang, state.unsaved ? TextId::StatusUnsaved : TextId::StatusSaved));
        }
    }
    ImGui::End();
}

void Workspace::drawErrors(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    for (std::size_t i = 0; i < state.errors.size(); ++i) {
        const Error& error = state.errors[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.40f, 1.0f));
        const std::string& text = (lang == Language::Dutch && !error.messageNl.empty()) ? error.messageNl : error.message;
        ImGui::TextWrapped("%s: %s", tr(lang, TextId::ErrorTitle), text.c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(lang, TextId::Dismiss))) commands.push(DismissError{i});
        ImGui::PopID();
    }
}

void Workspace::handleShortcuts(const AppState& state, CommandQueue& commands) {
    const ImGuiIO& io = ImGui::GetIO();
    // Text fields handle their own Ctrl+Z.
    if (!state.document || io.WantTextInput || !io.KeyCtrl) return;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)) {
        if (io.KeyShift) commands.push(RedoEdit{});
        else commands.push(UndoEdit{});
    }
}

}  // namespace welkom
