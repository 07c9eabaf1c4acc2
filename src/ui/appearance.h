// Appearance: the UI font with the glyphs our participants' names need
// (Latin Extended, Greek, Cyrillic), rasterised for the screen's pixel ratio
// so text stays crisp on high-DPI screens, and the style scaled to the
// coordinator's UI scale.
//   applyAppearance("/assets/fonts/ui.ttf", pixelRatio, uiScale);
//   then the renderer rebuilds its font texture.
// Presentation mode adds high contrast: a projector washes out dark greys.
//   applyAppearance(path, pixelRatio, kPresentationScale, /*highContrast=*/true);
#pragma once

#include <imgui.h>

namespace welkom {

// Base size of body text in CSS pixels at UI scale 1.
constexpr float kBaseFontSize = 16.0f;

// Replaces the fonts in ImGui's atlas and resets the style for `uiScale`.
// Returns false (and uses ImGui's built-in font) when the font file cannot be read.
bool applyAppearance(const char* fontPath, float pixelRatio, float uiScale, bool highContrast = false);
// The style alone (no font): the dark default, or black and white with bright
// accents and visible borders for a projector.
void applyStyle(float uiScale, bool highContrast);

// Text that carries a meaning has one colour per tone, chosen per style so it
// keeps WCAG's 4.5:1 on the panels' backgrounds (tests/ui/appearance_test.cpp
// measures every pair). Never the only sign: the words say it too.
enum class TextTone { Error, Warning, Success };
ImVec4 toneColour(TextTone tone);

// Text over the fill of a bar (ImGuiCol_PlotHistogram, yellow in both styles).
inline const ImVec4 kTextOnFill(0.0f, 0.0f, 0.0f, 1.0f);

// The colour the platform clears the canvas to, behind every window.
inline const ImVec4 kCanvasColour(0.09f, 0.09f, 0.11f, 1.0f);

// WCAG 2.1 contrast ratio (1 to 21) of two opaque colours.
float contrastRatio(const ImVec4& a, const ImVec4& b);
// `top` with its alpha laid over the opaque `bottom`.
ImVec4 composite(const ImVec4& top, const ImVec4& bottom);

}  // namespace welkom
