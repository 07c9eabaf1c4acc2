#include "ui/appearance.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

namespace welkom {
namespace {

// Ranges we need: Latin-1 and Latin Extended-A/B and Additional (Şükrü, Zoë,
// Nguyễn), Greek (Ελένη), Cyrillic and its supplement (Ярослава), general
// punctuation, currency and arrows. Arabic script is not shaped by ImGui, so
// names are entered in Latin script.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x052F, 0x1E00, 0x1EFF,
    0x2000, 0x206F, 0x20A0, 0x20CF, 0x2190, 0x21FF, 0x2212, 0x2212, 0,
};

// Black background, white text, saturated blue controls and yellow for what
// is active: body text at 21:1, labels on every control at 5:1 or more.
void makeHighContrast(ImGuiStyle& style) {
    ImVec4* c = style.Colors;
    const ImVec4 black(0.0f, 0.0f, 0.0f, 1.0f), white(1.0f, 1.0f, 1.0f, 1.0f);
    const ImVec4 blue(0.05f, 0.30f, 0.75f, 1.0f), brightBlue(0.12f, 0.40f, 0.92f, 1.0f);
    const ImVec4 yellow(1.0f, 0.85f, 0.0f, 1.0f);
    c[ImGuiCol_Text] = white;
    c[ImGuiCol_TextDisabled] = ImVec4(0.80f, 0.80f, 0.80f, 1.0f);
    c[ImGuiCol_WindowBg] = c[ImGuiCol_ChildBg] = c[ImGuiCol_MenuBarBg] = black;
    c[ImGuiCol_PopupBg] = ImVec4(0.06f, 0.06f, 0.06f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.85f, 0.85f, 0.85f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.12f, 0.12f, 0.16f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = c[ImGuiCol_FrameBgActive] = ImVec4(0.20f, 0.20f, 0.30f, 1.0f);
    c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgCollapsed] = ImVec4(0.10f, 0.10f, 0.10f, 1.0f);
    c[ImGuiCol_TitleBgActive] = blue;
    c[ImGuiCol_Button] = c[ImGuiCol_Header] = c[ImGuiCol_Tab] = blue;
    c[ImGuiCol_ButtonHovered] = c[ImGuiCol_HeaderHovered] = c[ImGuiCol_TabHovered] = brightBlue;
    c[ImGuiCol_ButtonActive] = c[ImGuiCol_HeaderActive] = c[ImGuiCol_TabActive] = brightBlue;
    c[ImGuiCol_TabUnfocused] = blue;
    c[ImGuiCol_TabUnfocusedActive] = brightBlue;
    c[ImGuiCol_SliderGrab] = c[ImGuiCol_SliderGrabActive] = c[ImGuiCol_CheckMark] = yellow;
    c[ImGuiCol_PlotHistogram] = yellow;
    c[ImGuiCol_Separator] = ImVec4(0.70f, 0.70f, 0.70f, 1.0f);
    c[ImGuiCol_NavHighlight] = yellow;
    style.FrameBorderSize = 1.0f;
    style.WindowBorderSize = 1.0f;
}

bool s_highContrast = false;  // the style applyStyle last set

float linearChannel(float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); }

float relativeLuminance(const ImVec4& c) {
    return 0.2126f * linearChannel(c.x) + 0.7152f * linearChannel(c.y) + 0.0722f * linearChannel(c.z);
}

}  // namespace

ImVec4 toneColour(TextTone tone) {
    switch (tone) {
        case TextTone::Error: return s_highContrast ? ImVec4(1.0f, 0.60f, 0.55f, 1.0f) : ImVec4(1.0f, 0.45f, 0.40f, 1.0f);
        case TextTone::Warning: return s_highContrast ? ImVec4(1.0f, 0.85f, 0.0f, 1.0f) : ImVec4(1.0f, 0.80f, 0.35f, 1.0f);
        case TextTone::Success: return s_highContrast ? ImVec4(0.55f, 0.95f, 0.60f, 1.0f) : ImVec4(0.45f, 0.85f, 0.50f, 1.0f);
    }
    return ImGui::GetStyleColorVec4(ImGuiCol_Text);
}

float contrastRatio(const ImVec4& a, const ImVec4& b) {
    const float la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

ImVec4 composite(const ImVec4& top, const ImVec4& bottom) {
    const float a = top.w;
    return ImVec4(top.x * a + bottom.x * (1.0f - a), top.y * a + bottom.y * (1.0f - a),
                  top.z * a + bottom.z * (1.0f - a), 1.0f);
}

void applyStyle(float uiScale, bool highContrast) {
    s_highContrast = highContrast;
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    // ImGui's dark style puts white labels on light blue when hovered or
    // pressed (3.0:1) and grey hints on fields (3.4:1): darker blues and a
    // lighter grey bring every pair to WCAG's 4.5:1 (see appearance_test.cpp).
    ImVec4* c = style.Colors;
    c[ImGuiCol_ButtonHovered] = c[ImGuiCol_TabHovered] = ImVec4(0.16f, 0.40f, 0.72f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.10f, 0.33f, 0.62f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.16f, 0.40f, 0.72f, 0.90f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.12f, 0.36f, 0.66f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.64f, 0.64f, 0.64f, 1.0f);
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.GrabRounding = 3.0f;
    style.TabRounding = 3.0f;
    style.FramePadding = ImVec2(6.0f, 4.0f);
    style.ItemSpacing = ImVec2(8.0f, 6.0f);
    if (highContrast) makeHighContrast(style);
    style.ScaleAllSizes(uiScale);
    ImGui::GetStyle() = style;
}

bool applyAppearance(const char* path, float pixelRatio, float uiScale, bool highContrast) {
    applyStyle(uiScale, highContrast);
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.OversampleH = 1;  // rasterised at the real pixel size: no need to oversample
    config.OversampleV = 1;
    const float pixels = kBaseFontSize * uiScale * pixelRatio;
    // Read the file ourselves: ImGui asserts on a missing file instead of failing.
    size_t size = 0;
    void* data = ImFileLoadToMemory(path, "rb", &size, 0);
    ImFont* font = data ? io.Fonts->AddFontFromMemoryTTF(data, static_cast<int>(size), pixels, &config, kGlyphRanges)
                        : nullptr;  // the atlas owns `data` from here on
    if (!font) {
        ImFontConfig fallback;
        fallback.SizePixels = 13.0f * uiScale * pixelRatio;
        io.Fonts->AddFontDefault(&fallback);
    }
    // Layout happens in CSS pixels; the atlas is in device pixels.
    io.FontGlobalScale = 1.0f / pixelRatio;
    return font != nullptr;
}

}  // namespace welkom
