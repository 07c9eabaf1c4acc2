// Roster text: names and notes exactly as people wrote them, in any script.
//
// Dear ImGui's font atlas draws Latin, Greek and Cyrillic, but it does not
// shape Arabic script (joined letter forms, lam-alef), lay it out right to
// left (Unicode bidi), or hold Ethiopic. Text that needs any of that is drawn
// by the platform's ScriptTextRenderer (in the browser: the browser's own text
// engine on a 2D canvas, with Noto fonts, cached as textures) and shown as an
// image where ImGui would have put the text; all other text stays ImGui text.
// Without a renderer (native tests) everything is ImGui text.
//
// Every place that shows roster text uses these instead of ImGui::Text*:
//   rosterText(h.displayName);                         // like TextUnformatted
//   rosterTextColored(colour, note);
//   if (rosterSelectable(h.displayName, "###row-h1", selected, flags)) ...
//   rosterTextAt(drawList, pos, colour, label);         // custom-drawn panels
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace welkom {

// Whether `text` needs the ScriptTextRenderer: Arabic script, Hebrew,
// Ethiopic, or any other letter outside the UI font's glyph ranges.
bool needsScriptRenderer(std::string_view text);

// One rendered string: a texture with the text in white (coverage in alpha)
// that ImGui tints with the text colour.
struct ScriptTextImage {
    ImTextureID texture = nullptr;
    ImVec2 size;      // in ImGui units (CSS pixels)
    ImVec2 offset;    // of the image's top-left from the text's top-left
    ImVec2 uvMax{1.0f, 1.0f};
};

class ScriptTextRenderer {
public:
    virtual ~ScriptTextRenderer() = default;
    // `text` at `fontSize` (ImGui units), wrapped at `wrapWidth` (0: one line).
    // Null texture while the fonts it needs are still loading (the caller draws
    // ImGui text meanwhile and asks again next frame).
    virtual ScriptTextImage image(std::string_view text, float fontSize, float wrapWidth) = 0;
};

// The platform installs its renderer once (nullptr: none).
void setScriptTextRenderer(ScriptTextRenderer* renderer);

// ImGui::TextUnformatted for roster text (follows PushTextWrapPos).
void rosterText(std::string_view text);
void rosterTextColored(const ImVec4& colour, std::string_view text);
void rosterTextDisabled(std::string_view text);
// ImGui::TextWrapped for roster text (wraps at the end of the content region).
void rosterTextWrapped(std::string_view text);
// ImGui::Selectable showing `text`; `idSuffix` ("###pair-h1", or "") as in ImGui labels.
bool rosterSelectable(std::string_view text, const char* idSuffix, bool selected, ImGuiSelectableFlags flags = 0);
// Under a text field whose text ImGui cannot show as written (Arabic script,
// Ethiopic...): "As written:" and the text drawn by the browser. Nothing otherwise.
void rosterTextPreview(std::string_view text, const char* asWrittenLabel);
// Width and height `text` takes at the current font size (one line).
ImVec2 rosterTextSize(std::string_view text);
// ImDrawList::AddText for roster text; fontSize 0 is the current font's.
void rosterTextAt(ImDrawList* drawList, ImVec2 pos, ImU32 colour, std::string_view text, float fontSize = 0.0f);

// For browser tests: every string drawn through the renderer in the last
// frame, with its screen rectangle (the visible part: clipped).
struct DrawnScriptText {
    std::string text;
    ImVec2 min, max;          // the whole image
    ImVec2 clipMin, clipMax;  // what of it the clip rectangle let through
    ImVec2 textPos;           // where ImGui would have put the text's top-left
    float fontSize = 0.0f;    // its line height
};
const std::vector<DrawnScriptText>& drawnScriptTexts();
void beginScriptTextFrame();

}  // namespace welkom
