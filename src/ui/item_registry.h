// The items Dear ImGui drew in the last frame: where they are, what they are
// called and what kind of control they are.
//
// Dear ImGui draws everything into one canvas and keeps no list of widgets.
// Built with IMGUI_ENABLE_TEST_ENGINE, it reports each item's rectangle
// (ItemAdd) and label (ItemInfo) to hooks defined in item_registry.cpp; this
// registry keeps the last complete frame's items. Three users read it: the
// guided tour (where to point), the accessibility mirror (ui/a11y_tree.h) and
// the browser test interface (window.welkomTest.itemRect).
//   ItemRegistry::instance().beginFrame();   // before ImGui::NewFrame()
//   ... draw, ImGui::Render() ...
//   ItemRegistry::instance().endFrame();
//   auto rect = ItemRegistry::instance().find("Try with fictitious people");
// Rectangles are in ImGui coordinates (CSS pixels in the browser).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct ImGuiContext;

namespace welkom {

struct ItemRect {
    float x, y, w, h;
    // The visible area of the item's window: an item outside it must be
    // scrolled to before it can be clicked.
    float clipX = 0, clipY = 0, clipW = 0, clipH = 0;
    // Whether a click in the item's middle reaches it.
    bool visible() const {
        const float cx = x + w * 0.5f, cy = y + h * 0.5f;
        return cx >= clipX && cx < clipX + clipW && cy >= clipY && cy < clipY + clipH;
    }
};

// What kind of control an item is, as far as the hooks (and the small
// annotations of ui/a11y_tree.h) can tell.
enum class ItemKind : std::uint8_t {
    Unknown,      // reported without a label (InvisibleButton, combo, table header)
    Button,
    Checkbox,
    Radio,
    Slider,
    TextField,
    Tab,
    MenuOpener,   // BeginMenu: opens a menu
    MenuItem,
    Disclosure,   // tree node, collapsing header
    Selectable,
    Image,        // a picture with a text alternative (a11y::image)
};

// One item of a frame, in the order ImGui submitted it.
struct RegisteredItem {
    unsigned id = 0;
    ItemRect rect{};
    std::string label;       // as given to ImGui ("Save##toolbar")
    std::string loggedText;  // what the widget wrote to ImGui's text log: "[Save]", "(x) Fair", "{0.5} Age"
    ItemKind kind = ItemKind::Unknown;
    bool checked = false;    // checkbox, radio, menu item with a tick
    bool expanded = false;   // disclosure, menu opener
    bool disabled = false;
    bool selected = false;   // tab in front; selectable (annotation)
    bool headerCell = false; // a table's column header
    // Where it sits: ImGui's window and, inside a table, the table and cell.
    const void* window = nullptr;
    const void* tabBar = nullptr;
    const void* table = nullptr;
    int row = -1, column = -1;
};

// Names the last item for the test hooks, for items ImGui 1.86 reports
// without a label (InvisibleButton): registerLastItem("heatmap").
void registerLastItem(const char* label);

class ItemRegistry {
public:
    static ItemRegistry& instance();
    // Switches ImGui's hooks on for `context` (they are off by default).
    static void enableFor(ImGuiContext* context);

    // Starts recording a frame; endFrame() makes it the answer for find().
    void beginFrame();
    void endFrame();
    // The item with this visible label (text before "##"), or this full label
    // or ID string ("Save##toolbar", "Tab###programme"), in the last frame.
    std::optional<ItemRect> find(std::string_view label) const;
    // The ImGui ID of that item, in the last frame (0: none).
    unsigned findId(std::string_view label) const;
    // The items of the last frame, in submission order.
    const std::vector<RegisteredItem>& items() const { return m_last.items; }
    // The item being recorded in this frame with this ID, or null (annotations).
    RegisteredItem* current(unsigned id);

    // Called from ImGui's hooks.
    void recordRect(unsigned id, const ItemRect& rect);
    void recordLabel(unsigned id, const char* label);
    RegisteredItem& recordItem(unsigned id);

private:
    struct Frame {
        std::vector<RegisteredItem> items;
        std::unordered_map<unsigned, std::size_t> indexById;
        std::unordered_map<std::string, unsigned> idByLabel;
    };
    Frame m_current;
    Frame m_last;
};

}  // namespace welkom
