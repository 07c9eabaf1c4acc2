// The accessibility mirror: a semantic tree of what the interface shows, for
// screen readers, keyboard users and tests that go by roles and names.
//
// Each frame, the items ImGui drew (ui/item_registry.h) become nodes with ARIA
// roles (button, checkbox, radio, slider, textbox, tab, menuitem, grid cells,
// dialog...), names (the visible labels, in the interface language), values
// and descriptions (tooltips). The tree is compared with the previous frame's
// and only the differences go to the page (web/a11y.js), which keeps a hidden
// DOM tree beside the canvas. Requests come back the other way: focus this
// item, activate it, put this text in a field, set this slider.
//
// Panels help where the hooks cannot tell, with one call after the widget:
//   ImGui::SliderFloat(...); if (a11y::slider(&weight, 0, 3, 0.1f)) commit;
//   a11y::cell(text)            // text just drawn in a table cell
//   a11y::describeLastItem(t)   // tooltip text as the item's description
//   a11y::announce(t)           // live region, once, when `t` first shows
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct ImGuiWindow;

namespace welkom {
namespace a11y {

// ---- Annotations, called by panels and widgets right after an item ----------
// The last item is a slider over [min, max] in steps of `step`. True (with
// *value changed) when assistive technology set a new value this frame.
// `name`: what to call it when it has no visible label ("###id").
bool slider(float* value, float min, float max, float step, const char* name = nullptr);
bool slider(int* value, int min, int max);
// The last item is a text field showing `text` (pass "" for a passphrase:
// its value never leaves the app), with `placeholder` as its name when it
// has no visible label. `grows`: its buffer grows with the text (std::string
// fields), so text set from the page is never cut to the buffer's size.
void textField(const char* text, const char* placeholder, bool password = false, bool grows = false);
// The last item (a selectable) is the selected one.
void selected(bool on);
// The item `id` is a combo box (ImGui::BeginCombo, which tells the hooks no
// label; by its id, since an open combo's popup is the last item after it):
// a combobox named `name` that says its `value`; open, its popup is a
// listbox of options, the one named `value` selected (WAI-ARIA's select-only
// combo box).
void comboBox(unsigned id, const char* name, const char* value, bool open);
// The last item is a picture (drawn, not a widget: give it an item with
// ImGui::ItemAdd) whose text alternative is `name`.
void image(const char* name);
// Right after Begin() of a window with a close button: names its "x" `name`
// (ImGui draws it without a label) and makes it a button.
void closeButton(const char* name);
// Text that explains the last item (its tooltip), as its description.
void describeLastItem(const char* text);
// The same, for the item with this label (resolved at the end of the frame).
void describe(std::string_view label, std::string text);
// The thing just drawn in the current table cell (text, a bar) reads `text`.
void cell(const char* text);
// The ImGui ID of the last item (for tabPanel).
unsigned lastItemId();
// The current window shows the content of the tab with this ImGui ID.
void tabPanel(unsigned tabId);
// Says `text` once in the page's live region when it first appears (shown
// in this frame, not in the previous). Errors are assertive.
void announce(const std::string& text, bool assertive = false);

// ---- Requests from the page (applied during the next frames) --------------
void requestFocus(unsigned id);
void requestActivate(unsigned id);
void requestText(unsigned id, std::string text);
void requestValue(unsigned id, double value);

// ---- Frame -----------------------------------------------------------------
// Called by ItemRegistry::beginFrame(): forgets the last frame's annotations.
void onFrameStart();
// Before ImGui::NewFrame() and right after it: apply queued requests.
void beforeNewFrame();
void afterNewFrame();
// Called by the ItemAdd hook (moves focus to an item asked for).
void onItemAdded(unsigned id, ImGuiWindow* window);

// One node of the tree (exposed for tests).
struct Node {
    unsigned id = 0;
    unsigned parent = 0;
    std::string role;   // ARIA role; "" is a plain group
    std::string name;
    std::string value;  // slider value, text field text
    std::string description;
    std::string placeholder;
    std::uint32_t states = 0;  // see kChecked...
    float min = 0, max = 0, step = 0;
    float x = 0, y = 0, w = 0, h = 0;
};
constexpr std::uint32_t kChecked = 1, kExpanded = 2, kSelected = 4, kDisabled = 8, kHasPopup = 16, kModal = 32,
                        kPassword = 64, kCheckable = 128, kLive = 256;

// Builds this frame's tree from the registry's last frame (after endFrame()).
// Returns the changes since the previous call as JSON for web/a11y.js, or ""
// when nothing changed:
//   {"lang":"nl","focus":id,"ops":[["n",id,role,name,value,desc,states,min,max,step,placeholder],
//     ["b",id,x,y,w,h],["k",parent,[children]],["d",id]],"say":[[assertive,"text"]]}
std::string buildFrame(std::string_view languageCode);
// The last built tree, parents before children (tests).
const std::vector<Node>& lastTree();
// Forget the page's state: the next buildFrame() sends everything.
void resetMirror();

}  // namespace a11y
}  // namespace welkom
