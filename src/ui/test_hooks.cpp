#include "ui/test_hooks.h"

#include <cstdarg>
#include <cstring>

#include <imgui.h>
#include <imgui_internal.h>

namespace welkom {

ItemRegistry& ItemRegistry::instance() {
    static ItemRegistry registry;
    return registry;
}

void ItemRegistry::enableFor(ImGuiContext* context) { context->TestEngineHookItems = true; }

void ItemRegistry::beginFrame() { m_current = Frame{}; }

void ItemRegistry::endFrame() {
    m_last = std::move(m_current);
    m_current = Frame{};
}

std::optional<ItemRect> ItemRegistry::find(std::string_view label) const {
    auto byLabel = m_last.idByLabel.find(std::string(label));
    if (byLabel == m_last.idByLabel.end()) return std::nullopt;
    auto byId = m_last.rectById.find(byLabel->second);
    if (byId == m_last.rectById.end()) return std::nullopt;
    return byId->second;
}

void ItemRegistry::recordRect(unsigned id, const ItemRect& rect) { m_current.rectById[id] = rect; }

void ItemRegistry::recordLabel(unsigned id, const char* label) {
    if (!label || !*label) return;
    // The first item with a label wins, so a repeated label finds the first one on screen.
    m_current.idByLabel.emplace(label, id);
    if (const char* hashes = std::strstr(label, "##")) {
        if (hashes != label) m_current.idByLabel.emplace(std::string(label, hashes), id);
        // "Visible###id": the part after ### is the stable ID string.
        if (hashes[2] == '#' && hashes[3]) m_current.idByLabel.emplace(hashes + 3, id);
    }
}

void registerLastItem(const char* label) {
    if (GImGui && GImGui->TestEngineHookItems) ItemRegistry::instance().recordLabel(ImGui::GetItemID(), label);
}

}  // namespace welkom

// ---- Hooks declared in imgui_internal.h ------------------------------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
    const ImRect clip = ctx->CurrentWindow ? ctx->CurrentWindow->ClipRect : bb;
    welkom::ItemRegistry::instance().recordRect(id, {bb.Min.x, bb.Min.y, bb.GetWidth(), bb.GetHeight(), clip.Min.x,
                                                     clip.Min.y, clip.GetWidth(), clip.GetHeight()});
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    welkom::ItemRegistry::instance().recordLabel(id, label);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
