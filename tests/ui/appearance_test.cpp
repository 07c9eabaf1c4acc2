// The UI font built into the app covers the names of our participants.
#include "ui/appearance.h"

#include <cstring>
#include <vector>

#include <imgui_internal.h>

#include <gtest/gtest.h>

#include "ui/ui_test_context.h"
#include "ui/widgets.h"

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

// WCAG 2.1 1.4.3: every text colour of both styles against every surface it
// is drawn on, composited as the GPU does (a surface's alpha over the window,
// the window's over the canvas).
TEST(Appearance, EveryTextColourMeetsFourAndAHalfToOneInBothStyles) {
    HeadlessImGui imgui;
    EXPECT_NEAR(contrastRatio(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)), 21.0f, 0.01f);
    // #767676 on white: the lightest grey with 4.5:1, WCAG's usual example (4.54:1).
    const float grey = 118.0f / 255.0f;
    EXPECT_NEAR(contrastRatio(ImVec4(grey, grey, grey, 1), ImVec4(1, 1, 1, 1)), 4.54f, 0.01f);
    // Surfaces with text on them. Hovered and active states count too: the
    // label stays on screen while the pointer or focus is there.
    const ImGuiCol labelled[] = {ImGuiCol_WindowBg, ImGuiCol_ChildBg, ImGuiCol_PopupBg, ImGuiCol_MenuBarBg,
                                 ImGuiCol_FrameBg, ImGuiCol_FrameBgHovered, ImGuiCol_FrameBgActive, ImGuiCol_TitleBg,
                                 ImGuiCol_TitleBgActive, ImGuiCol_Button, ImGuiCol_ButtonHovered, ImGuiCol_ButtonActive,
                                 ImGuiCol_Header, ImGuiCol_HeaderHovered, ImGuiCol_HeaderActive, ImGuiCol_Tab,
                                 ImGuiCol_TabHovered, ImGuiCol_TabActive, ImGuiCol_TabUnfocused,
                                 ImGuiCol_TabUnfocusedActive, ImGuiCol_TableHeaderBg, ImGuiCol_TableRowBgAlt};
    // Hints, and the tones of messages, sit on panels, popups and table rows.
    const ImGuiCol plain[] = {ImGuiCol_WindowBg, ImGuiCol_ChildBg, ImGuiCol_PopupBg, ImGuiCol_FrameBg,
                              ImGuiCol_TableRowBgAlt};
    for (bool highContrast : {false, true}) {
        applyStyle(1.0f, highContrast);
        const ImGuiStyle& style = ImGui::GetStyle();
        const ImVec4 window = composite(style.Colors[ImGuiCol_WindowBg], kCanvasColour);
        auto surface = [&](ImGuiCol c) {
            return c == ImGuiCol_WindowBg ? window : composite(style.Colors[c], window);
        };
        auto check = [&](const char* what, const ImVec4& text, ImGuiCol on) {
            const float ratio = contrastRatio(text, surface(on));
            EXPECT_GE(ratio, 4.5f) << (highContrast ? "high-contrast" : "default") << " style: " << what << " on "
                                   << ImGui::GetStyleColorName(on) << " is " << ratio << ":1";
        };
        for (ImGuiCol on : labelled) check("Text", style.Colors[ImGuiCol_Text], on);
        // Bars: the part of their text over the fill, and the rest on the frame.
        check("the text over a bar's fill", kTextOnFill, ImGuiCol_PlotHistogram);
        check("the text beside a bar's fill", style.Colors[ImGuiCol_Text], ImGuiCol_FrameBg);
        for (ImGuiCol on : plain) {
            check("TextDisabled", style.Colors[ImGuiCol_TextDisabled], on);
            check("the error tone", toneColour(TextTone::Error), on);
            check("the warning tone", toneColour(TextTone::Warning), on);
            check("the success tone", toneColour(TextTone::Success), on);
        }
    }
}

// A score bar's text over the yellow fill is drawn in kTextOnFill, not in
// the white text colour (1.9:1 on yellow): a full bar has it, an empty none.
TEST(Appearance, TextOverABarsFillIsDark) {
    HeadlessImGui imgui;
    applyStyle(1.0f, false);
    auto darkVertices = [&](float fraction) {
        int dark = 0;
        for (int frame = 0; frame < 2; ++frame) {  // a new window is laid out on its first frame
            dark = 0;
            imgui.frame([&] {
                ImGui::SetNextWindowPos(ImVec2(0, 0));
                ImGui::SetNextWindowSize(ImVec2(300, 100));
                ImGui::Begin("bars");
                valueBar(fraction, 120.0f, "1.00");
                const ImU32 onFill = ImGui::ColorConvertFloat4ToU32(kTextOnFill);
                for (const ImDrawVert& v : ImGui::GetWindowDrawList()->VtxBuffer) dark += v.col == onFill;
                ImGui::End();
            });
        }
        return dark;
    };
    EXPECT_GT(darkVertices(1.0f), 0) << "the text over a full bar";
    EXPECT_EQ(darkVertices(0.0f), 0) << "no text over an empty bar's fill";
}

}  // namespace
}  // namespace welkom
