// Workspace: the whole screen. A menu bar (app name, version, DEMO badge,
// language), the panels (the start screen when no roster is open, otherwise
// one tab per available panel), a status bar, and the dialogs (passphrase,
// work in progress, the guided tour). Registers every panel in
// one list and handles the global shortcuts (Ctrl+Z, Ctrl+Shift+Z).
//   Workspace workspace;
//   each frame, between ImGui::NewFrame() and ImGui::Render():
//     workspace.draw(state, commands);
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ui/dialog_passphrase.h"
#include "ui/panel.h"
#include "ui/tour_window.h"
#include "ui/dialog_sheet_import.h"
#include "ui/window_signup.h"
#include "ui/window_team_keys.h"

namespace welkom {

class Workspace {
public:
    Workspace();
    void draw(const AppState& state, CommandQueue& commands);
    // Ids of the panels drawn in the last frame (for the test interface).
    const std::vector<std::string>& visiblePanels() const { return m_visiblePanels; }

private:
    void drawMenuBar(const AppState& state, CommandQueue& commands);
    void drawStatusBar(const AppState& state, CommandQueue& commands);
    void drawMessages(const AppState& state, CommandQueue& commands);
    void drawBusy(const AppState& state);
    void handleShortcuts(const AppState& state, CommandQueue& commands);

    std::vector<std::unique_ptr<Panel>> m_panels;
    PassphraseDialog m_passphraseDialog;
    TourWindow m_tour;
    SignupFormsWindow m_signupForms;
    TeamKeysWindow m_teamKeys;
    SignupImportDialog m_signupImport;
    SheetImportDialog m_sheetImport;
    std::uint64_t m_seenFocusRequest = 0;
    std::vector<std::string> m_visiblePanels;
};

}  // namespace welkom
