#include "ui/roster_text.h"

#include <algorithm>

#include <imgui_internal.h>

namespace welkom {
namespace {

ScriptTextRenderer* s_renderer = nullptr;
std::vector<DrawnScriptText> s_drawn;

bool inRange(unsigned cp, unsigned first, unsigned last) { return cp >= first && cp <= last; }

// The UI font's glyph ranges (ui/appearance.cpp) less the bidi controls,
// which only the browser's layout understands.
bool atlasDraws(unsigned cp) {
    if (inRange(cp, 0x200E, 0x200F) || inRange(cp, 0x202A, 0x202E) || inRange(cp, 0x2066, 0x2069)) return false;
    return cp < 0x20 || inRange(cp, 0x0020, 0x024F) || inRange(cp, 0x0370, 0x03FF) || inRange(cp, 0x0400, 0x052F) ||
           inRange(cp, 0x1E00, 0x1EFF) || inRange(cp, 0x2000, 0x206F) || inRange(cp, 0x20A0, 0x20CF) ||
           inRange(cp, 0x2190, 0x21FF) || cp == 0x2212;
}

// The image for `text`, or a null texture when ImGui should draw it itself.
ScriptTextImage scriptImage(std::string_view text, float fontSize, float wrapWidth) {
    if (!s_renderer || !needsScriptRenderer(text)) return {};
    return s_renderer->image(text, fontSize, wrapWidth);
}

void drawImage(ImDrawList* drawList, ImVec2 pos, ImU32 colour, std::string_view text, const ScriptTextImage& image,
               float fontSize) {
    const ImVec2 min(pos.x + image.offset.x, pos.y + image.offset.y);
    const ImVec2 max(min.x + image.size.x, min.y + image.size.y);
    drawList->AddImage(image.texture, min, max, ImVec2(0.0f, 0.0f), image.uvMax, colour);
    const ImVec4 clip = drawList->_ClipRectStack.back();
    s_drawn.push_back({std::string(text), min, max, ImVec2(std::max(min.x, clip.x), std::max(min.y, clip.y)),
                       ImVec2(std::min(max.x, clip.z), std::min(max.y, clip.w)), pos, fontSize});
}

// The wrap width ImGui::TextWrapped would use here (0: none).
float currentWrapWidth() {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float wrapPos = window->DC.TextWrapPos;
    if (wrapPos < 0.0f) return 0.0f;
    return std::max(ImGui::CalcWrapWidthForPos(window->DC.CursorPos, wrapPos), 1.0f);
}

// TextUnformatted's layout (imgui_widgets.cpp TextEx) with the image as the text.
void itemText(std::string_view text, ImU32 colour) {
    const ScriptTextImage image = scriptImage(text, ImGui::GetFontSize(), currentWrapWidth());
    if (!image.texture) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextUnformatted(text.data(), text.data() + text.size());
        ImGui::PopStyleColor();
        return;
    }
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;
    const ImVec2 pos(window->DC.CursorPos.x, window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);
    const ImVec2 size(image.size.x, std::max(image.size.y + image.offset.y * 2.0f, ImGui::GetFontSize()));
    const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    ImGui::ItemSize(size, 0.0f);
    if (!ImGui::ItemAdd(bb, 0)) return;
    drawImage(window->DrawList, pos, colour, text, image, ImGui::GetFontSize());
}

}  // namespace

bool needsScriptRenderer(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) continue;
        // Decode just enough: anything malformed is ImGui's business ('?').
        unsigned cp = 0;
        int extra = 0;
        if ((lead >> 5) == 0x6) cp = lead & 0x1F, extra = 1;
        else if ((lead >> 4) == 0xE) cp = lead & 0x0F, extra = 2;
        else if ((lead >> 3) == 0x1E) cp = lead & 0x07, extra = 3;
        else continue;
        if (i + static_cast<std::size_t>(extra) >= text.size()) return false;
        for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3F);
        i += static_cast<std::size_t>(extra);
        if (!atlasDraws(cp)) return true;
    }
    return false;
}

void setScriptTextRenderer(ScriptTextRenderer* renderer) { s_renderer = renderer; }

void rosterText(std::string_view text) { itemText(text, ImGui::GetColorU32(ImGuiCol_Text)); }

void rosterTextColored(const ImVec4& colour, std::string_view text) { itemText(text, ImGui::GetColorU32(colour)); }

void rosterTextDisabled(std::string_view text) { itemText(text, ImGui::GetColorU32(ImGuiCol_TextDisabled)); }

void rosterTextWrapped(std::string_view text) {
    ImGui::PushTextWrapPos(0.0f);
    rosterText(text);
    ImGui::PopTextWrapPos();
}

void rosterTextPreview(std::string_view text, const char* asWrittenLabel) {
    if (!needsScriptRenderer(text)) return;
    ImGui::TextDisabled("%s", asWrittenLabel);
    ImGui::SameLine();
    rosterTextWrapped(text);
}

bool rosterSelectable(std::string_view text, const char* idSuffix, bool selected, ImGuiSelectableFlags flags) {
    const ScriptTextImage image = scriptImage(text, ImGui::GetFontSize(), 0.0f);
    std::string label(text);
    if (!image.texture) return ImGui::Selectable((label + idSuffix).c_str(), selected, flags);
    // The label is hidden ("##"), so ImGui draws no text; the image goes where it would.
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::Selectable(("##" + label + idSuffix).c_str(), selected, flags,
                                           ImVec2(0.0f, std::max(image.size.y + image.offset.y * 2.0f, ImGui::GetFontSize())));
    drawImage(ImGui::GetWindowDrawList(), pos, ImGui::GetColorU32(ImGuiCol_Text), text, image, ImGui::GetFontSize());
    return pressed;
}

ImVec2 rosterTextSize(std::string_view text) {
    const ScriptTextImage image = scriptImage(text, ImGui::GetFontSize(), 0.0f);
    if (!image.texture) return ImGui::CalcTextSize(text.data(), text.data() + text.size());
    return ImVec2(image.size.x, ImGui::GetFontSize());
}

void rosterTextAt(ImDrawList* drawList, ImVec2 pos, ImU32 colour, std::string_view text, float fontSize) {
    if (fontSize <= 0.0f) fontSize = ImGui::GetFontSize();
    const ScriptTextImage image = scriptImage(text, fontSize, 0.0f);
    if (!image.texture) {
        drawList->AddText(ImGui::GetFont(), fontSize, pos, colour, text.data(), text.data() + text.size());
        return;
    }
    drawImage(drawList, pos, colour, text, image, fontSize);
}

const std::vector<DrawnScriptText>& drawnScriptTexts() { return s_drawn; }

void beginScriptTextFrame() { s_drawn.clear(); }

}  // namespace welkom
