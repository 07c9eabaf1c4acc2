#include "ui/workspace.h"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "app/text/messages.h"
#include "ui/a11y_tree.h"
#include "ui/appearance.h"
#include "ui/panel_charts.h"
#include "ui/panel_groups.h"
#include "ui/panel_households.h"
#include "ui/panel_learning.h"
#include "ui/panel_matches.h"
#include "ui/panel_matching.h"
#include "ui/panel_overview.h"
#include "ui/panel_present.h"
#include "ui/panel_outcomes.h"
#include "ui/panel_problems.h"
#include "ui/panel_programme.h"
#include "ui/panel_start.h"
#include "ui/widgets.h"

namespace welkom {
namespace {

constexpr ImGuiWindowFlags kFullScreenFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                              ImGuiWindowFlags_NoSavedSettings |
                                              ImGuiWindowFlags_NoBringToFrontOnFocus;

// Opening and saving block edits behind a modal; autosaves run silently and
// the matching shows its progress in its own panel.
bool isModalJob(JobPurpose purpose) {
    return purpose == JobPurpose::OpenRoster || purpose == JobPurpose::SaveRoster || purpose == JobPurpose::SignupPreview;
}

// "Visible###id": the tab's ImGui ID does not change with the language.
std::string visibleTitle(const std::string& label) { return label.substr(0, label.find("##")); }

}  // namespace

Workspace::Workspace() {
    // Every panel, in tab order.
    m_panels.push_back(std::make_unique<StartPanel>());
    m_panels.push_back(std::make_unique<PresentationPanel>());  // presentation mode only
    m_panels.push_back(std::make_unique<ProgrammePanel>());
    m_panels.push_back(std::make_unique<HouseholdsPanel>());
    m_panels.push_back(std::make_unique<GroupsPanel>());
    m_panels.push_back(std::make_unique<MatchingPanel>());
    m_panels.push_back(std::make_unique<OverviewPanel>());
    m_panels.push_back(std::make_unique<MatchesPanel>());
    m_panels.push_back(std::make_unique<OutcomesPanel>());
    m_panels.push_back(std::make_unique<ChartsPanel>());
    m_panels.push_back(std::make_unique<LearningPanel>());
    m_panels.push_back(std::make_unique<ProblemsPanel>());
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
        drawMessages(state, commands);
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
                ImGui::Spacing();
            }
            ImGui::EndChild();
        } else if (ImGui::BeginTabBar("###panels")) {
            // A jump to a problem brings the panel holding its record to the front.
            const bool newJump = state.ui.focusRequest != m_seenFocusRequest;
            m_seenFocusRequest = state.ui.focusRequest;
            for (auto& panel : m_panels) {
                if (!panel->isAvailable(state)) continue;
                const std::string prefix = std::string("/") + panel->id() + "/";
                const bool jumpHere = newJump && state.ui.focusPath.rfind(prefix, 0) == 0;
                if (ImGui::BeginTabItem(labelWithId(tr(lang, panel->title()), panel->id()).c_str(), nullptr,
                                        jumpHere ? ImGuiTabItemFlags_SetSelected : 0)) {
                    m_visiblePanels.emplace_back(panel->id());
                    const unsigned tab = a11y::lastItemId();
                    ImGui::BeginChild(panel->id());
                    a11y::tabPanel(tab);
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
    m_tour.draw(state, commands);
    m_signupForms.draw(state, commands);
    m_teamKeys.draw(state, commands);
    m_signupImport.draw(state, commands);
    m_sheetImport.draw(state, commands);
    m_passphraseDialog.draw(state, commands);
    drawBusy(state);
}

void Workspace::drawMenuBar(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    if (!ImGui::BeginMainMenuBar()) return;
    ImGui::TextUnformatted("Welkom " WELKOM_VERSION);
    if (state.document && state.document->roster.isDemo) {
        demoBadge(lang);
        if (!state.ui.tour.active) {
            if (ImGui::SmallButton(labelWithId(tr(lang, TextId::TourOffer), "tour-offer").c_str())) commands.push(StartTour{});
            tooltipForLastItem(tr(lang, TextId::TourOfferHint));
        }
    }
    if (ImGui::BeginMenu(labelWithId(tr(lang, TextId::MenuFile), "menu-file").c_str())) {
        if (ImGui::MenuItem(tr(lang, TextId::MenuOpen))) commands.push(ChooseFileToOpen{});
        if (ImGui::MenuItem(tr(lang, TextId::MenuSave), "Ctrl+S", false, state.document.has_value()))
            commands.push(SaveRoster{});
        if (ImGui::MenuItem(labelWithId(tr(lang, TextId::MenuSignupForms), "menu-signup-forms").c_str(), nullptr, false,
                            state.document.has_value()))
            m_signupForms.open();
        if (ImGui::MenuItem(labelWithId(tr(lang, TextId::MenuTeamKeys), "menu-team-keys").c_str(), nullptr, false,
                            state.document.has_value()))
            m_teamKeys.open();
        if (ImGui::MenuItem(labelWithId(tr(lang, TextId::MenuImportSignups), "menu-import-signups").c_str(), nullptr,
                            false, state.document.has_value()))
            commands.push(ChooseFileToOpen{FilePurpose::Signups});
        if (ImGui::MenuItem(labelWithId(tr(lang, TextId::MenuImportSheet), "menu-import-sheet").c_str()))
            commands.push(ChooseFileToOpen{FilePurpose::Sheet});
        if (ImGui::MenuItem(tr(lang, TextId::MenuCloseRoster), nullptr, false, state.document.has_value()))
            commands.push(CloseRoster{});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(labelWithId(tr(lang, TextId::MenuEdit), "menu-edit").c_str())) {
        const std::string undo = std::string(tr(lang, TextId::MenuUndo)) + " " + state.history.undoLabel();
        const std::string redo = std::string(tr(lang, TextId::MenuRedo)) + " " + state.history.redoLabel();
        if (ImGui::MenuItem((undo + "###undo").c_str(), "Ctrl+Z", false, state.history.canUndo()))
            commands.push(UndoEdit{});
        if (ImGui::MenuItem((redo + "###redo").c_str(), "Ctrl+Shift+Z", false, state.history.canRedo()))
            commands.push(RedoEdit{});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(labelWithId(tr(lang, TextId::MenuView), "menu-view").c_str())) {
        if (ImGui::BeginMenu(tr(lang, TextId::MenuUiScale))) {
            for (float scale : {1.0f, 1.25f, 1.5f, 2.0f}) {
                const std::string label = std::to_string(static_cast<int>(scale * 100.0f)) + " %";
                if (ImGui::MenuItem(label.c_str(), nullptr, state.ui.uiScale == scale)) commands.push(SetUiScale{scale});
            }
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem(labelWithId(tr(lang, TextId::MenuPresentation), "menu-presentation").c_str(), nullptr,
                            state.ui.presentation))
            commands.push(SetPresentationMode{!state.ui.presentation});
        if (ImGui::BeginMenu(tr(lang, TextId::MenuLockAfter))) {
            for (int minutes : {5, 15, 30, 60}) {
                const std::string label = std::to_string(minutes) + " " + tr(lang, TextId::Minutes);
                if (ImGui::MenuItem(label.c_str(), nullptr, state.ui.lockAfterSeconds == minutes * 60.0))
                    commands.push(SetLockAfter{minutes * 60.0});
            }
            ImGui::EndMenu();
        }
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

void Workspace::drawMessages(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    auto drawList = [&](const std::vector<Error>& messages, TextId title, const ImVec4& colour, bool errors) {
        for (std::size_t i = 0; i < messages.size(); ++i) {
            const Error& message = messages[i];
            ImGui::PushID(errors ? "error" : "notice");
            ImGui::PushID(static_cast<int>(i));
            const std::string text = errorText(message, lang == Language::Dutch);
            ImGui::PushStyleColor(ImGuiCol_Text, colour);
            ImGui::TextWrapped("%s: %s", tr(lang, title), text.c_str());
            ImGui::PopStyleColor();
            a11y::announce(std::string(tr(lang, title)) + ": " + text, errors);
            if (ImGui::SmallButton(tr(lang, TextId::Dismiss))) {
                if (errors) commands.push(DismissError{i});
                else commands.push(DismissNotice{i});
            }
            ImGui::PopID();
            ImGui::PopID();
        }
    };
    drawList(state.errors, TextId::ErrorTitle, toneColour(TextTone::Error), true);
    drawList(state.notices, TextId::NoticeTitle, toneColour(TextTone::Warning), false);
}

// A modal while the worker derives keys or encrypts: the interface keeps
// drawing (and stays responsive) but edits wait until the job is done.
void Workspace::drawBusy(const AppState& state) {
    constexpr const char* kPopupId = "###busy";
    const bool anyVisible = std::any_of(state.runningJobs.begin(), state.runningJobs.end(),
                                                [](const RunningJob& j) { return isModalJob(j.purpose); });
    if (!anyVisible) {
        if (ImGui::BeginPopupModal(kPopupId)) {
            ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        return;
    }
    const Language lang = state.ui.language;
    // Autosaves run silently; opening and saving show their progress.
    auto visible = std::find_if(state.runningJobs.begin(), state.runningJobs.end(),
                                [](const RunningJob& j) { return isModalJob(j.purpose); });
    if (visible == state.runningJobs.end()) return;
    const RunningJob& job = *visible;
    const TextId busy = job.purpose == JobPurpose::OpenRoster      ? TextId::BusyOpening
                      : job.purpose == JobPurpose::SignupPreview ? TextId::BusySignups
                                                                 : TextId::BusySaving;
    const std::string title = std::string(tr(lang, busy)) + kPopupId;
    if (!ImGui::IsPopupOpen(kPopupId)) ImGui::OpenPopup(title.c_str());
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(title.c_str(), nullptr,
                               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings)) {
        if (!job.fileName.empty()) ImGui::TextDisabled("%s", job.fileName.c_str());
        const float width = ImGui::GetFontSize() * 24.0f;
        a11y::announce(visibleTitle(title));
        if (job.progress < 0.0f) ImGui::TextUnformatted(tr(lang, TextId::BusyDerivingKey));
        jobProgressBar(job.progress, width);
        ImGui::EndPopup();
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
