#include "ui/appearance.h"

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

void applyStyle(float uiScale) {
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.GrabRounding = 3.0f;
    style.TabRounding = 3.0f;
    style.FramePadding = ImVec2(6.0f, 4.0f);
    style.ItemSpacing = ImVec2(8.0f, 6.0f);
    style.ScaleAllSizes(uiScale);
    ImGui::GetStyle() = style;
}

}  // namespace

bool applyAppearance(const char* path, float pixelRatio, float uiScale) {
    applyStyle(uiScale);
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
