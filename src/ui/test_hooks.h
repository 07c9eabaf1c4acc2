// Test hooks: where is the item labelled "Run matching" on screen?
//
// Dear ImGui draws everything into one canvas, so browser tests cannot find
// widgets in the DOM. Built with IMGUI_ENABLE_TEST_ENGINE, ImGui reports each
// item's rectangle (ItemAdd) and label (ItemInfo) to hooks defined in
// test_hooks.cpp; this keeps the last complete frame's answers.
//   ItemRegistry::instance().beginFrame();   // before ImGui::NewFrame()
//   ... draw, ImGui::Render() ...
//   ItemRegistry::instance().endFrame();
//   auto rect = ItemRegistry::instance().find("Try with fictitious people");
// Rectangles are in ImGui coordinates (CSS pixels in the browser).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

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

    // Called from ImGui's hooks.
    void recordRect(unsigned id, const ItemRect& rect);
    void recordLabel(unsigned id, const char* label);

private:
    struct Frame {
        std::unordered_map<unsigned, ItemRect> rectById;
        std::unordered_map<std::string, unsigned> idByLabel;
    };
    Frame m_current;
    Frame m_last;
};

}  // namespace welkom
