#include "ui/tour_window.h"

#include <string>

#include <imgui.h>

#include "app/tour.h"
#include "ui/item_registry.h"

namespace welkom {
namespace {

const ImVec4 kHighlight(1.0f, 0.78f, 0.10f, 1.0f);  // amber: visible on dark and on high contrast
const ImVec4 kDoneColour(0.45f, 0.85f, 0.50f, 1.0f);

bool pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false); }

}  // namespace

void TourWindow::draw(const AppState& state, CommandQueue& commands) {
    if (!state.ui.tour.active || !state.document) {
        m_wasDone = false;
        return;
    }
    const Language lang = state.ui.language;
    const TourStep step = currentTourStep(state);
    const bool done = tourStepDone(state, step);
    const bool needsRun = tourStepNeedsRun(state, step);
    // Take the keyboard focus when a step begins or its task gets done.
    const bool newStep = state.ui.tour.stepChanges != m_seenStepChanges;
    if (newStep || (done && !m_wasDone)) ImGui::SetNextWindowFocus();
    m_seenStepChanges = state.ui.tour.stepChanges;
    m_wasDone = done;

    drawHighlight(state);

    // Bottom corner away from what the step points at.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = ImGui::GetFontSize() * 24.0f;
    bool targetOnLeft = true;
    if (auto rect = ItemRegistry::instance().find(tourHighlight(state)))
        targetOnLeft = rect->x + rect->w * 0.5f < viewport->WorkPos.x + viewport->WorkSize.x * 0.5f;
    const float margin = ImGui::GetFontSize();
    const float bottom = viewport->WorkPos.y + viewport->WorkSize.y - ImGui::GetFrameHeightWithSpacing() - margin;
    const ImVec2 pos = targetOnLeft ? ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - margin, bottom)
                                    : ImVec2(viewport->WorkPos.x + margin, bottom);
    ImGui::SetNextWindowPos(pos, ImGuiCond_Always, ImVec2(targetOnLeft ? 1.0f : 0.0f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f));  // height 0: fits the step's text
    const std::string title = std::string(tr(lang, TextId::TourWindowTitle)) + "  " + tr(lang, TextId::TourStepWord) +
                              " " + std::to_string(state.ui.tour.step + 1) + " " + tr(lang, TextId::TourOfWord) + " " +
                              std::to_string(kTourStepCount) + "###tour";
    // NoNavInputs: the arrow keys and Enter turn the tour's pages (below). Left
    // to ImGui's keyboard navigation too, an arrow key after a click would also
    // move the highlight onto the language button, and Enter would press it.
    const auto flags = ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                       ImGuiWindowFlags_NoNavInputs;
    bool open = true;
    if (ImGui::Begin(title.c_str(), &open, flags)) {
        ImGui::PushStyleColor(ImGuiCol_Text, kHighlight);
        ImGui::TextWrapped("%s", tr(lang, tourTitle(step)));
        ImGui::PopStyleColor();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(tr(lang, tourBody(step)));
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (needsRun) {
            ImGui::TextWrapped("%s", tr(lang, TextId::TourNeedsRun));
        } else if (tourTask(step) != TextId::Count) {
            if (done) ImGui::TextColored(kDoneColour, "%s", tr(lang, TextId::TourDone));
            else ImGui::TextWrapped("%s %s", tr(lang, TextId::TourToDo), tr(lang, tourTask(step)));
        }
        ImGui::Separator();
        const bool first = state.ui.tour.step == 0;
        const bool last = state.ui.tour.step + 1 == kTourStepCount;
        ImGui::BeginDisabled(first);
        if (ImGui::Button((std::string(tr(lang, TextId::TourBackButton)) + "###tour-back").c_str()))
            commands.push(TourBack{});
        ImGui::EndDisabled();
        ImGui::SameLine();
        const TextId nextLabel = last ? TextId::TourFinishButton : TextId::TourNextButton;
        if (ImGui::Button((std::string(tr(lang, nextLabel)) + "###tour-next").c_str())) commands.push(TourNext{});
        ImGui::SameLine();
        if (ImGui::Button((std::string(tr(lang, TextId::TourEndButton)) + "###tour-end").c_str()))
            commands.push(EndTour{});
        ImGui::SameLine();
        // Switch the language at any step.
        const bool dutch = lang == Language::Dutch;
        if (ImGui::SmallButton(dutch ? "English###tour-language" : "Nederlands###tour-language"))
            commands.push(SetLanguage{dutch ? Language::English : Language::Dutch});
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", tr(lang, TextId::TourKeysHint));
        ImGui::PopTextWrapPos();

        if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::GetIO().WantTextInput) {
            if (pressed(ImGuiKey_RightArrow) || pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter))
                commands.push(TourNext{});
            else if (pressed(ImGuiKey_LeftArrow) && !first) commands.push(TourBack{});
            else if (pressed(ImGuiKey_Escape)) commands.push(EndTour{});
        }
    }
    ImGui::End();
    if (!open) commands.push(EndTour{});
}

// A frame around the item the step points at, on top of every window.
void TourWindow::drawHighlight(const AppState& state) {
    const auto rect = ItemRegistry::instance().find(tourHighlight(state));
    if (!rect || !rect->visible()) return;
    const float pad = 4.0f;
    // Pulses gently so the eye finds it; the frame itself never disappears.
    const float pulse = 0.75f + 0.25f * static_cast<float>(ImGui::GetTime() - static_cast<int>(ImGui::GetTime()));
    ImVec4 colour = kHighlight;
    colour.w = pulse;
    ImGui::GetForegroundDrawList()->AddRect(ImVec2(rect->x - pad, rect->y - pad),
                                            ImVec2(rect->x + rect->w + pad, rect->y + rect->h + pad),
                                            ImGui::GetColorU32(colour), 4.0f, 0, 3.0f);
}

}  // namespace welkom
