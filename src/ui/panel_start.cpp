#include "ui/panel_start.h"

#include <imgui.h>

#include "ui/appearance.h"
#include "ui/widgets.h"

namespace welkom {

void StartPanel::drawContent(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    ImGui::TextUnformatted("Welkom " WELKOM_VERSION);
    ImGui::TextDisabled("%s", tr(lang, TextId::AppTagline));
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(tr(lang, TextId::StartIntro));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();

    const ImVec2 buttonSize(-1.0f, 0.0f);
    if (state.locked) {
        ImGui::PushStyleColor(ImGuiCol_Text, toneColour(TextTone::Warning));
        ImGui::TextWrapped("%s", tr(lang, TextId::LockedNotice));
        ImGui::PopStyleColor();
        ImGui::Spacing();
    }
    if (state.recovery) {
        ImGui::TextWrapped("%s", tr(lang, TextId::RecoveryFound));
        ImGui::TextDisabled("%s  %s", state.recovery->fileName.c_str(), state.recovery->savedAt.c_str());
        if (ImGui::Button(tr(lang, TextId::RecoveryRecover), buttonSize)) commands.push(RecoverAutosave{});
        if (ImGui::Button(tr(lang, TextId::RecoveryDiscard))) commands.push(DiscardAutosave{});
        ImGui::Separator();
        ImGui::Spacing();
    }
    if (ImGui::Button(tr(lang, TextId::StartTryDemo), buttonSize)) commands.push(StartDemo{});
    tooltipForLastItem(tr(lang, TextId::StartTryDemoHint));
    if (ImGui::Button(tr(lang, TextId::StartTryDemoTour), buttonSize)) {
        commands.push(StartDemo{});
        commands.push(StartTour{});
    }
    tooltipForLastItem(tr(lang, TextId::TourOfferHint));
    if (ImGui::Button(tr(lang, TextId::StartOpenRoster), buttonSize)) commands.push(ChooseFileToOpen{});
    if (ImGui::Button(tr(lang, TextId::StartNewProgramme), buttonSize)) commands.push(NewProgramme{});
    ImGui::Spacing();
    ImGui::TextDisabled("%s", tr(lang, TextId::DropHint));
}

}  // namespace welkom
