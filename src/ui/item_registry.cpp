#include "ui/item_registry.h"

#include <cfloat>
#include <climits>
#include <cstring>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/a11y_tree.h"

namespace welkom {
namespace {
void stopLog(ImGuiContext& g);
}

ItemRegistry& ItemRegistry::instance() {
    static ItemRegistry registry;
    return registry;
}

void ItemRegistry::enableFor(ImGuiContext* context) { context->TestEngineHookItems = true; }

void ItemRegistry::beginFrame() {
    m_current = Frame{};
    a11y::onFrameStart();
}

void ItemRegistry::endFrame() {
    if (GImGui) stopLog(*GImGui);
    m_last = std::move(m_current);
    m_current = Frame{};
}

std::optional<ItemRect> ItemRegistry::find(std::string_view label) const {
    auto byLabel = m_last.idByLabel.find(std::string(label));
    if (byLabel == m_last.idByLabel.end()) return std::nullopt;
    auto byId = m_last.indexById.find(byLabel->second);
    if (byId == m_last.indexById.end()) return std::nullopt;
    return m_last.items[byId->second].rect;
}

unsigned ItemRegistry::findId(std::string_view label) const {
    auto byLabel = m_last.idByLabel.find(std::string(label));
    return byLabel == m_last.idByLabel.end() ? 0u : byLabel->second;
}

RegisteredItem* ItemRegistry::current(unsigned id) {
    auto it = m_current.indexById.find(id);
    return it == m_current.indexById.end() ? nullptr : &m_current.items[it->second];
}

RegisteredItem& ItemRegistry::recordItem(unsigned id) {
    auto [it, added] = m_current.indexById.emplace(id, m_current.items.size());
    if (added) {
        m_current.items.emplace_back();
        m_current.items.back().id = id;
    }
    return m_current.items[it->second];
}

void ItemRegistry::recordRect(unsigned id, const ItemRect& rect) { recordItem(id).rect = rect; }

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

namespace {

// The kind of control is read from what the widget writes to ImGui's text log:
// buttons log "[label]", checkboxes "[x] label", radio buttons "(x) label",
// sliders and text fields "{value} label". The log is switched on from an
// item's ItemAdd to its ItemInfo only: left on, it would stop ImGui from
// clipping lists (ImGuiListClipper shows every row while logging).
unsigned s_loggingFor = 0;

void stopLog(ImGuiContext& g) {
    if (!g.LogEnabled || g.LogType != ImGuiLogType_Buffer) return;
    if (s_loggingFor) {
        if (RegisteredItem* item = ItemRegistry::instance().current(s_loggingFor))
            // Not LogBuffer.begin(): that asserts on a buffer emptied by resize(0).
            item->loggedText.assign(g.LogBuffer.Buf.Data ? g.LogBuffer.Buf.Data : "", g.LogBuffer.size());
    }
    g.LogBuffer.Buf.resize(0);
    g.LogEnabled = false;
    s_loggingFor = 0;
}

void startLog(ImGuiContext& g, unsigned id) {
    if (g.LogEnabled) return;  // someone else's log (ImGui::LogToClipboard)
    g.LogBuffer.Buf.resize(0);
    g.LogEnabled = true;
    g.LogType = ImGuiLogType_Buffer;
    g.LogNextPrefix = g.LogNextSuffix = nullptr;
    g.LogDepthRef = g.CurrentWindow ? g.CurrentWindow->DC.TreeDepth : 0;
    g.LogDepthToExpand = INT_MIN / 2;  // never open tree nodes because of the log
    g.LogLinePosY = FLT_MAX;
    g.LogLineFirstItem = true;
    s_loggingFor = id;
}

bool startsWith(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

// Is `id` the child window that EndChild() just added to its parent?
bool isChildWindowItem(ImGuiWindow* window, ImGuiID id) {
    for (ImGuiWindow* child : window->DC.ChildWindows)
        if (child->ChildId == id) return true;
    return false;
}

}  // namespace

}  // namespace welkom

// ---- Hooks declared in imgui_internal.h ------------------------------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
    using namespace welkom;
    ImGuiContext& g = *ctx;
    stopLog(g);
    ImGuiWindow* window = g.CurrentWindow;
    const ImRect clip = window ? window->ClipRect : bb;
    RegisteredItem& item = ItemRegistry::instance().recordItem(id);
    item.rect = {bb.Min.x, bb.Min.y, bb.GetWidth(), bb.GetHeight(), clip.Min.x, clip.Min.y, clip.GetWidth(), clip.GetHeight()};
    item.window = window;
    item.disabled = (g.CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
    bool header = false;
    if (ImGuiTable* table = g.CurrentTable; table && window == table->InnerWindow) {
        item.table = table;
        item.row = table->CurrentRow;
        item.column = table->CurrentColumn;
        header = (table->RowFlags & ImGuiTableRowFlags_Headers) != 0;
        item.headerCell = header;
    }
    // TabItem() reports its label before it adds itself (the kind is set here, too).
    if (g.CurrentTabBar && ImGui::TabBarFindTabByID(g.CurrentTabBar, id)) {
        item.tabBar = g.CurrentTabBar;
        item.kind = ItemKind::Tab;
        item.selected = g.CurrentTabBar->SelectedTabId == id;
    }
    a11y::onItemAdded(id, window);
    // Log what the widget draws, unless ImGui is about to clip it (it then
    // reports no ItemInfo) or it is a child window or table header (neither does).
    const bool clipped = window && !bb.Overlaps(window->ClipRect) && id != g.ActiveId && id != g.NavId;
    if (!clipped && !header && window && !isChildWindowItem(window, id)) startLog(g, id);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    using namespace welkom;
    ImGuiContext& g = *ctx;
    if (s_loggingFor == id) stopLog(g);
    ItemRegistry& registry = ItemRegistry::instance();
    registry.recordLabel(id, label);
    RegisteredItem& item = registry.recordItem(id);
    if (label) item.label = label;
    auto* window = static_cast<const ImGuiWindow*>(item.window);
    const std::string& logged = item.loggedText;
    // Trim the log's leading spaces (indentation) once.
    const std::size_t first = logged.find_first_not_of(" \r\n");
    if (first != std::string::npos && first > 0) item.loggedText.erase(0, first);
    if (!item.tabBar && g.CurrentTabBar && ImGui::TabBarFindTabByID(g.CurrentTabBar, id)) item.tabBar = g.CurrentTabBar;
    if (item.tabBar) {
        item.kind = ItemKind::Tab;
        item.selected = static_cast<const ImGuiTabBar*>(item.tabBar)->SelectedTabId == id;
    } else if (window && (window->Flags & ImGuiWindowFlags_ChildMenu)) {
        item.kind = (flags & ImGuiItemStatusFlags_Openable) ? ItemKind::MenuOpener : ItemKind::MenuItem;
    } else if (window && window->DC.NavLayerCurrent == ImGuiNavLayer_Menu && !startsWith(logged, "[")) {
        item.kind = (flags & ImGuiItemStatusFlags_Openable) ? ItemKind::MenuOpener : ItemKind::MenuItem;
    } else if (flags & ImGuiItemStatusFlags_Openable) {
        item.kind = ItemKind::Disclosure;
    } else if (flags & ImGuiItemStatusFlags_Checkable) {
        item.kind = ItemKind::Checkbox;
    } else if (startsWith(logged, "(x)") || startsWith(logged, "( )")) {
        item.kind = ItemKind::Radio;
        item.checked = startsWith(logged, "(x)");
    } else if (startsWith(logged, "{")) {
        if (item.kind != ItemKind::Slider) item.kind = ItemKind::TextField;
    } else if (startsWith(logged, "[")) {
        item.kind = ItemKind::Button;
    } else if (item.kind == ItemKind::Unknown) {
        item.kind = ItemKind::Selectable;
    }
    if (flags & ImGuiItemStatusFlags_Checkable) item.checked = (flags & ImGuiItemStatusFlags_Checked) != 0;
    if (flags & ImGuiItemStatusFlags_Openable) item.expanded = (flags & ImGuiItemStatusFlags_Opened) != 0;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
