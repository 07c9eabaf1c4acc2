#include "ui/widgets.h"

#include <imgui.h>

namespace welkom {
namespace {
const ImVec4 kDemoColour(0.86f, 0.20f, 0.18f, 1.0f);
}

void demoBadge(Language language) {
    ImGui::PushStyleColor(ImGuiCol_Button, kDemoColour);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, kDemoColour);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, kDemoColour);
    ImGui::SmallButton(tr(language, TextId::DemoBadge));
    ImGui::PopStyleColor(3);
    tooltipForLastItem(tr(language, TextId::DemoExplanation));
}

void demoNotice(Language language) {
    ImGui::PushStyleColor(ImGuiCol_Text, kDemoColour);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(tr(language, TextId::DemoExplanation));
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

bool inputText(const char* label, std::string& text) {
    auto grow = [](ImGuiInputTextCallbackData* data) {
        if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
            auto* str = static_cast<std::string*>(data->UserData);
            str->resize(static_cast<std::size_t>(data->BufTextLen));
            data->Buf = str->data();
        }
        return 0;
    };
    return ImGui::InputText(label, text.data(), text.capacity() + 1, ImGuiInputTextFlags_CallbackResize, grow, &text);
}

void tooltipForLastItem(const char* text) {
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

}  // namespace welkom
