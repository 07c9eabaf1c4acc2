// Appearance: the UI font with the glyphs our participants' names need
// (Latin Extended, Greek, Cyrillic), rasterised for the screen's pixel ratio
// so text stays crisp on high-DPI screens, and the style scaled to the
// coordinator's UI scale.
//   applyAppearance("/assets/fonts/ui.ttf", pixelRatio, uiScale);
//   then the renderer rebuilds its font texture.
// Presentation mode adds high contrast: a projector washes out dark greys.
//   applyAppearance(path, pixelRatio, kPresentationScale, /*highContrast=*/true);
#pragma once

namespace welkom {

// Base size of body text in CSS pixels at UI scale 1.
constexpr float kBaseFontSize = 16.0f;

// Replaces the fonts in ImGui's atlas and resets the style for `uiScale`.
// Returns false (and uses ImGui's built-in font) when the font file cannot be read.
bool applyAppearance(const char* fontPath, float pixelRatio, float uiScale, bool highContrast = false);
// The style alone (no font): the dark default, or black and white with bright
// accents and visible borders for a projector.
void applyStyle(float uiScale, bool highContrast);

}  // namespace welkom
