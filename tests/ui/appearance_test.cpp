// The UI font built into the app covers the names of our participants.
#include "ui/appearance.h"

#include <cstring>
#include <vector>

#include <imgui_internal.h>

#include <gtest/gtest.h>

#include "ui/ui_test_context.h"

namespace welkom {
namespace {

// Decodes UTF-8 (valid input only) into code points.
std::vector<ImWchar> codePoints(const char* text) {
    std::vector<ImWchar> out;
    const char* end = text + std::strlen(text);
    while (text < end) {
        unsigned int c = 0;
        text += ImTextCharFromUtf8(&c, text, end);
        out.push_back(static_cast<ImWchar>(c));
    }
    return out;
}

TEST(Appearance, UiFontHasGlyphsForLatinExtendedCyrillicAndGreekNames) {
    HeadlessImGui imgui;
    ASSERT_TRUE(applyAppearance(WELKOM_UI_FONT, 2.0f, 1.0f)) << "font file " << WELKOM_UI_FONT;
    HeadlessImGui::buildFontAtlas();
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    for (const char* name : {"Şükrü", "Ярослава", "Ελένη", "Zoë", "Nguyễn", "Đorđe", "Mehmet Çelik"}) {
        for (ImWchar c : codePoints(name)) {
            EXPECT_NE(font->FindGlyphNoFallback(c), nullptr) << "no glyph U+" << std::hex << c << " in " << name;
        }
    }
    EXPECT_FLOAT_EQ(ImGui::GetIO().FontGlobalScale, 0.5f) << "atlas in device pixels, layout in CSS pixels";
}

TEST(Appearance, MissingFontFallsBackToTheBuiltInOne) {
    HeadlessImGui imgui;
    EXPECT_FALSE(applyAppearance("/nonexistent/font.ttf", 1.0f, 1.5f));
    HeadlessImGui::buildFontAtlas();
    EXPECT_EQ(ImGui::GetIO().Fonts->Fonts.Size, 1);
    EXPECT_GT(ImGui::GetStyle().FramePadding.x, 6.0f) << "style scaled by the UI scale";
}

}  // namespace
}  // namespace welkom
