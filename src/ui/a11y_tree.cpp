#include "ui/a11y_tree.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/jobs.h"  // wipeSecret
#include "io/json_dom.h"
#include "ui/item_registry.h"

namespace welkom {
namespace a11y {
namespace {

// What panels said about items in the frame being drawn.
struct ItemNote {
    bool slider = false;
    float min = 0, max = 0, step = 0;
    std::string value;
    bool textField = false;
    bool password = false;
    std::string placeholder;
    bool selected = false;
    bool combo = false, comboOpen = false;
    std::string description;
};
struct CellNote {
    const ImGuiTable* table;
    int row, column;
    std::string text;
    ImRect rect;
};
// An open combo box's popup: a listbox named like its combo box, whose
// option with the combo box's value is the selected one.
struct ListboxNote {
    std::string name;
    std::string value;
};
struct Notes {
    std::unordered_map<unsigned, ItemNote> items;
    std::unordered_map<const ImGuiWindow*, ListboxNote> listboxes;
    std::vector<std::pair<std::string, std::string>> descriptionsByLabel;
    std::vector<CellNote> cells;
    std::unordered_map<const ImGuiWindow*, unsigned> tabPanels;
    std::vector<std::pair<std::string, bool>> announcements;
};
Notes s_notes;

// Requests from the page.
struct TextRequest {
    unsigned id = 0;
    std::string text;
    int framesLeft = 0;
};
unsigned s_focusRequest = 0;
unsigned s_activateRequest = 0;
// Text fields whose buffer grows (ImGuiInputTextFlags_CallbackResize): text
// from the page is not cut to their buffer's current size.
std::unordered_set<unsigned> s_growingFields;
TextRequest s_textRequest;
std::unordered_map<unsigned, double> s_valueRequests;

// What the page has (the previous frame's tree).
struct Sent {
    std::unordered_map<unsigned, Node> nodes;
    std::unordered_map<unsigned, std::vector<unsigned>> children;
    std::unordered_set<std::string> announced;
    std::string language;
    unsigned focus = 0;
};
Sent s_sent;
std::vector<Node> s_tree;

ItemNote& noteForLastItem() { return s_notes.items[ImGui::GetItemID()]; }

std::string visibleLabel(const std::string& label) {
    const std::size_t hashes = label.find("##");
    std::string visible = hashes == std::string::npos ? label : label.substr(0, hashes);
    while (!visible.empty() && visible.back() == ' ') visible.pop_back();
    return visible;
}

std::string formatNumber(double value, float step) {
    char text[32];
    const int decimals = step >= 1.0f ? 0 : std::clamp(static_cast<int>(std::ceil(-std::log10(step) - 1e-6)), 0, 6);
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

unsigned hashIds(unsigned a, int b, int c) {
    const int data[3] = {static_cast<int>(a), b, c};
    return ImHashData(data, sizeof data, 0x5eed);
}

// The tree of one frame, built from the registry and the notes.
class TreeBuilder {
public:
    std::vector<Node> nodes;

    Node* find(unsigned id) {
        auto it = m_index.find(id);
        return it == m_index.end() ? nullptr : &nodes[it->second];
    }

    Node& add(unsigned id, unsigned parent, std::string role) {
        m_index.emplace(id, nodes.size());
        Node& node = nodes.emplace_back();
        node.id = id;
        node.parent = parent;
        node.role = std::move(role);
        return node;
    }

    unsigned windowNode(const ImGuiWindow* window) {
        if (!window) return 0;
        if (find(window->ID)) return window->ID;
        const ImGuiWindowFlags flags = window->Flags;
        const bool nested = (flags & ImGuiWindowFlags_ChildWindow) && !(flags & ImGuiWindowFlags_Popup) &&
                            !(flags & ImGuiWindowFlags_ChildMenu);
        const unsigned parent = nested ? windowNode(window->ParentWindow) : 0;
        std::string role, name;
        std::uint32_t states = 0;
        if (flags & ImGuiWindowFlags_Modal) {
            role = "dialog";
            name = visibleLabel(window->Name);
            states = kModal;
        } else if (flags & ImGuiWindowFlags_ChildMenu) {
            role = "menu";
        } else if (std::strcmp(window->Name, "##MainMenuBar") == 0) {
            role = "menubar";
        } else if (flags & ImGuiWindowFlags_Tooltip) {
            role = "tooltip";
        } else if (auto list = s_notes.listboxes.find(window); list != s_notes.listboxes.end()) {
            role = "listbox";
            name = list->second.name;
        } else if (auto tab = s_notes.tabPanels.find(window); tab != s_notes.tabPanels.end()) {
            role = "tabpanel";
            if (const Node* tabNode = find(tab->second)) name = tabNode->name;
        }
        Node& node = add(window->ID, parent, role);
        node.name = std::move(name);
        node.states = states;
        return window->ID;
    }

    unsigned tableNode(const ImGuiTable* table) {
        if (find(table->ID)) return table->ID;
        const unsigned parent = windowNode(table->OuterWindow);
        add(table->ID, parent, "grid");
        return table->ID;
    }

    unsigned cellNode(const ImGuiTable* table, int row, int column, bool header) {
        const unsigned id = hashIds(table->ID, row, column);
        if (find(id)) return id;
        const unsigned rowId = hashIds(table->ID, row, -1);
        if (!find(rowId)) add(rowId, tableNode(table), "row");
        Node& cell = add(id, rowId, header ? "columnheader" : "gridcell");
        if (header && column >= 0 && column < table->ColumnsCount) cell.name = ImGui::TableGetColumnName(table, column);
        return id;
    }

    void grow(unsigned id, const ImRect& rect) {
        Node* node = find(id);
        if (!node || rect.GetWidth() <= 0 || rect.GetHeight() <= 0) return;
        if (node->w <= 0) {
            node->x = rect.Min.x, node->y = rect.Min.y, node->w = rect.GetWidth(), node->h = rect.GetHeight();
            return;
        }
        const float x1 = std::max(node->x + node->w, rect.Max.x), y1 = std::max(node->y + node->h, rect.Max.y);
        node->x = std::min(node->x, rect.Min.x), node->y = std::min(node->y, rect.Min.y);
        node->w = x1 - node->x, node->h = y1 - node->y;
    }

private:
    std::unordered_map<unsigned, std::size_t> m_index;
};

// The part of an item's rectangle inside its window's visible area.
ImRect visiblePart(const ItemRect& r) {
    ImRect rect(r.x, r.y, r.x + r.w, r.y + r.h);
    rect.ClipWithFull(ImRect(r.clipX, r.clipY, r.clipX + r.clipW, r.clipY + r.clipH));
    if (rect.Min.x > rect.Max.x || rect.Min.y > rect.Max.y) rect = ImRect(r.clipX, r.clipY, r.clipX, r.clipY);
    return rect;
}

void addItem(TreeBuilder& tree, const RegisteredItem& item) {
    auto* window = static_cast<const ImGuiWindow*>(item.window);
    auto* table = static_cast<const ImGuiTable*>(item.table);
    if (table && item.headerCell) {  // TableHeader(): report the column's name
        const unsigned cell = tree.cellNode(table, item.row, item.column, true);
        tree.grow(cell, visiblePart(item.rect));
        return;
    }
    if (item.kind == ItemKind::Unknown) return;
    const auto noteIt = s_notes.items.find(item.id);
    const ItemNote* note = noteIt == s_notes.items.end() ? nullptr : &noteIt->second;
    std::string name = visibleLabel(item.label);
    if (name.empty() && note) name = note->placeholder;
    if (name.empty()) return;  // nothing to call it by

    unsigned parent = 0;
    if (table && item.row >= 0 && item.column >= 0) parent = tree.cellNode(table, item.row, item.column, false);
    else if (item.tabBar) {
        auto* bar = static_cast<const ImGuiTabBar*>(item.tabBar);
        if (!tree.find(bar->ID)) tree.add(bar->ID, tree.windowNode(window), "tablist");
        parent = bar->ID;
    } else parent = tree.windowNode(window);

    std::string role;
    std::uint32_t states = item.disabled ? kDisabled : 0;
    std::string value;
    switch (item.kind) {
        case ItemKind::Button: role = "button"; break;
        case ItemKind::Checkbox: role = "checkbox"; states |= kCheckable | (item.checked ? kChecked : 0); break;
        case ItemKind::Radio: role = "radio"; states |= kCheckable | (item.checked ? kChecked : 0); break;
        case ItemKind::Slider: role = "slider"; break;
        case ItemKind::TextField: role = "textbox"; break;
        case ItemKind::Tab: role = "tab"; states |= item.selected ? kSelected : 0; break;
        case ItemKind::MenuOpener: role = "menuitem"; states |= kHasPopup | (item.expanded ? kExpanded : 0); break;
        case ItemKind::MenuItem:
            role = item.checked ? "menuitemcheckbox" : "menuitem";
            if (item.checked) states |= kCheckable | kChecked;
            break;
        case ItemKind::Disclosure: role = "button"; states |= item.expanded ? kExpanded : 0; break;
        case ItemKind::Selectable: role = "button"; break;
        case ItemKind::Image: role = "img"; break;
        case ItemKind::Unknown: break;
    }
    if (item.kind == ItemKind::TextField && !(note && note->textField)) {
        // InputInt and friends: the value is in the log, "{42} Age".
        const std::size_t close = item.loggedText.find('}');
        if (item.loggedText.size() > 1 && close != std::string::npos) value = item.loggedText.substr(1, close - 1);
        // The log pads a field's text with a space on each side.
        while (!value.empty() && value.front() == ' ') value.erase(value.begin());
        while (!value.empty() && value.back() == ' ') value.pop_back();
    }
    // A menu bar holds menu items only: its buttons act as menu items.
    if (role == "button" && tree.find(parent) && tree.find(parent)->role == "menubar") role = "menuitem";
    // The WAI-ARIA combo box pattern: a combobox opens a listbox of options,
    // the one with the combo box's value selected.
    if (note && note->combo) role = "combobox";
    if (item.kind == ItemKind::Selectable && window) {
        if (auto list = s_notes.listboxes.find(window); list != s_notes.listboxes.end()) {
            role = "option";
            if (name == list->second.value) states |= kSelected;
        }
    }
    Node& node = tree.add(item.id, parent, role);
    node.name = std::move(name);
    node.states = states;
    node.value = std::move(value);
    if (note) {
        node.description = note->description;
        if (note->slider) {
            node.role = "slider";
            node.min = note->min, node.max = note->max, node.step = note->step;
            node.value = note->value;
        }
        if (note->textField) {
            node.role = "textbox";
            node.value = note->password ? std::string() : note->value;
            node.placeholder = note->placeholder;
            if (note->password) node.states |= kPassword;
        }
        if (note->combo) {  // "Milestone: 3 months", opening its list
            node.name = note->placeholder + ": " + note->value;
            node.states |= kHasPopup | (note->comboOpen ? kExpanded : 0);
        }
        if (note->selected) {
            node.states |= kSelected;
            if (table) {
                if (Node* row = tree.find(tree.find(parent)->parent)) {
                    row->states |= kSelected;
                    row->description = note->description;
                }
            }
        }
    }
    const ImRect rect = visiblePart(item.rect);
    node.x = rect.Min.x, node.y = rect.Min.y, node.w = rect.GetWidth(), node.h = rect.GetHeight();
    if (table) tree.grow(parent, rect);
}


void appendNumber(std::string& out, double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    out += text;
}

bool sameProperties(const Node& a, const Node& b) {
    return a.parent == b.parent && a.role == b.role && a.name == b.name && a.value == b.value &&
           a.description == b.description && a.placeholder == b.placeholder && a.states == b.states && a.min == b.min &&
           a.max == b.max && a.step == b.step;
}

bool sameBounds(const Node& a, const Node& b) {
    auto near = [](float p, float q) { return std::fabs(p - q) < 0.5f; };
    return near(a.x, b.x) && near(a.y, b.y) && near(a.w, b.w) && near(a.h, b.h);
}

}  // namespace

// ---- Annotations -------------------------------------------------------------

bool slider(float* value, float min, float max, float step, const char* name) {
    const unsigned id = ImGui::GetItemID();
    if (RegisteredItem* item = ItemRegistry::instance().current(id)) item->kind = ItemKind::Slider;
    bool set = false;
    if (auto request = s_valueRequests.find(id); request != s_valueRequests.end()) {
        *value = std::clamp(static_cast<float>(request->second), min, max);
        s_valueRequests.erase(request);
        set = true;
    }
    ItemNote& note = s_notes.items[id];
    note.slider = true;
    note.min = min, note.max = max, note.step = step;
    note.value = formatNumber(*value, step);
    if (name) note.placeholder = name;
    return set;
}

bool slider(int* value, int min, int max) {
    float v = static_cast<float>(*value);
    const bool set = slider(&v, static_cast<float>(min), static_cast<float>(max), 1.0f);
    if (set) *value = static_cast<int>(std::lround(v));
    return set;
}

void textField(const char* text, const char* placeholder, bool password, bool grows) {
    if (grows) s_growingFields.insert(ImGui::GetItemID());
    ItemNote& note = noteForLastItem();
    note.textField = true;
    note.password = password;
    note.value = password || !text ? "" : text;
    note.placeholder = placeholder ? placeholder : "";
    if (RegisteredItem* item = ItemRegistry::instance().current(ImGui::GetItemID())) item->kind = ItemKind::TextField;
}

void selected(bool on) {
    if (on) noteForLastItem().selected = true;
}

void comboBox(unsigned id, const char* name, const char* value, bool open) {
    ItemNote& note = s_notes.items[id];
    note.combo = true;
    note.comboOpen = open;
    note.placeholder = name ? name : "";
    note.value = value ? value : "";
    if (RegisteredItem* item = ItemRegistry::instance().current(id)) item->kind = ItemKind::Button;
    // Open, BeginCombo has made its popup the current window.
    if (open) s_notes.listboxes[GImGui->CurrentWindow] = {note.placeholder, note.value};
}

void image(const char* name) {
    if (!name || !*name) return;
    noteForLastItem().placeholder = name;
    if (RegisteredItem* item = ItemRegistry::instance().current(ImGui::GetItemID())) item->kind = ItemKind::Image;
}

void closeButton(const char* name) {
    ImGuiWindow* window = GImGui->CurrentWindow;
    const unsigned id = ImHashStr("#CLOSE", 0, window->ID);  // as ImGui::Begin names it
    s_notes.items[id].placeholder = name ? name : "";
    if (RegisteredItem* item = ItemRegistry::instance().current(id)) item->kind = ItemKind::Button;
}

void describeLastItem(const char* text) {
    if (text && *text) noteForLastItem().description = text;
}

void describe(std::string_view label, std::string text) {
    s_notes.descriptionsByLabel.emplace_back(std::string(label), std::move(text));
}

void cell(const char* text) {
    ImGuiContext& g = *GImGui;
    ImGuiTable* table = g.CurrentTable;
    if (!table || !text || !*text) return;
    s_notes.cells.push_back({table, table->CurrentRow, table->CurrentColumn, text, g.LastItemData.Rect});
}

unsigned lastItemId() { return ImGui::GetItemID(); }

void tabPanel(unsigned tabId) { s_notes.tabPanels[GImGui->CurrentWindow] = tabId; }

void announce(const std::string& text, bool assertive) {
    if (!text.empty()) s_notes.announcements.emplace_back(text, assertive);
}

// ---- Requests ------------------------------------------------------------------

void requestFocus(unsigned id) { s_focusRequest = id; }
void requestActivate(unsigned id) { s_activateRequest = id; }
void requestText(unsigned id, std::string text) {
    wipeSecret(s_textRequest.text);  // a request not yet served
    s_textRequest = {id, std::move(text), 30};
}
void requestValue(unsigned id, double value) { s_valueRequests[id] = value; }

namespace {
bool isTextField(unsigned id) {
    for (const RegisteredItem& item : ItemRegistry::instance().items())
        if (item.id == id) return item.kind == ItemKind::TextField;
    return false;
}

void activateNextFrame(unsigned id, bool forInput) {
    ImGuiContext& g = *GImGui;
    g.NavNextActivateId = id;
    g.NavNextActivateFlags = forInput ? ImGuiActivateFlags_PreferInput : ImGuiActivateFlags_None;
}

// Puts `text` into the active text field (ImGui keeps its own copy while a
// field is being edited, and copies it to the panel's string each frame).
void replaceActiveText(const std::string& text) {
    ImGuiInputTextState& state = GImGui->InputTextState;
    const bool grows = s_growingFields.count(state.ID) > 0;
    const int capacity = state.BufCapacityA > 0 && !grows ? state.BufCapacityA : static_cast<int>(text.size()) + 1;
    std::string fitting = text.substr(0, static_cast<std::size_t>(std::max(0, capacity - 1)));
    // Do not cut a UTF-8 sequence in half.
    while (!fitting.empty() && (static_cast<unsigned char>(fitting.back()) & 0xC0) == 0x80 &&
           fitting.size() < text.size())
        fitting.pop_back();
    const int chars = ImTextCountCharsFromUtf8(fitting.c_str(), nullptr);
    if (state.TextW.Size < chars + 1) state.TextW.resize(chars + 1);
    state.CurLenW = ImTextStrFromUtf8(state.TextW.Data, state.TextW.Size, fitting.c_str(), nullptr);
    state.CurLenA = static_cast<int>(fitting.size());
    wipeSecret(fitting);  // may be a passphrase typed into the mirror's password field
    state.Stb.cursor = state.Stb.select_start = state.Stb.select_end = state.CurLenW;
    state.Stb.has_preferred_x = 0;
    state.Edited = true;
}
}  // namespace

void onFrameStart() { s_notes = Notes{}; }

void beforeNewFrame() {
    if (s_activateRequest) {
        activateNextFrame(s_activateRequest, isTextField(s_activateRequest));
        s_activateRequest = 0;
    }
}

void afterNewFrame() {
    if (!s_textRequest.id) return;
    ImGuiContext& g = *GImGui;
    if (g.ActiveId == s_textRequest.id && g.InputTextState.ID == s_textRequest.id) {
        replaceActiveText(s_textRequest.text);
        wipeSecret(s_textRequest.text);
        s_textRequest = {};
    } else if (--s_textRequest.framesLeft <= 0) {
        wipeSecret(s_textRequest.text);
        s_textRequest = {};
    } else if (g.ActiveId != s_textRequest.id) {
        s_focusRequest = s_textRequest.id;
        activateNextFrame(s_textRequest.id, true);
    }
}

void onItemAdded(unsigned id, ImGuiWindow* window) {
    if (id != s_focusRequest || !window) return;
    s_focusRequest = 0;
    ImGuiContext& g = *GImGui;
    if (g.ActiveId != 0 && g.ActiveId != id) ImGui::ClearActiveID();
    ImGui::SetFocusID(id, window);
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = g.NavMousePosDirty = true;
    ImGui::ScrollToBringRectIntoView(window, g.LastItemData.Rect);
}

// ---- Frame -----------------------------------------------------------------------

std::string buildFrame(std::string_view languageCode) {
    constexpr int kMaxNewNodesPerFrame = 24;
    TreeBuilder tree;
    const ItemRegistry& registry = ItemRegistry::instance();
    for (const auto& [label, text] : s_notes.descriptionsByLabel)
        if (const unsigned id = registry.findId(label)) s_notes.items[id].description = text;
    for (const RegisteredItem& item : registry.items()) addItem(tree, item);
    for (const CellNote& c : s_notes.cells) {
        const unsigned id = tree.cellNode(c.table, c.row, c.column, false);
        Node* cellNode = tree.find(id);
        if (!cellNode->name.empty()) cellNode->name += ' ';
        cellNode->name += c.text;
        tree.grow(id, c.rect);
    }

    std::string ops;
    // The page's work grows with the elements it creates: a screen that is
    // mostly new, like a run's proposal table arriving, goes out over a few
    // frames, kMaxNewNodesPerFrame at a time
    // and parents first, so no frame pays for all of it (issue #16, item 7).
    std::unordered_set<unsigned> onPage;  // what the page holds after this frame
    int newNodes = 0;
    for (const Node& node : tree.nodes) {
        auto before = s_sent.nodes.find(node.id);
        const bool known = before != s_sent.nodes.end();
        const bool parentOnPage = node.parent == 0 || onPage.count(node.parent) > 0;
        if (!known && (!parentOnPage || newNodes >= kMaxNewNodesPerFrame)) continue;  // a later frame
        if (!known) ++newNodes;
        onPage.insert(node.id);
        if (!known || !sameProperties(node, before->second)) {
            ops += ops.empty() ? "[\"n\"," : ",[\"n\",";
            ops += std::to_string(node.id) + ",";
            appendJsonString(ops, node.role);
            ops += ',';
            appendJsonString(ops, node.name);
            ops += ',';
            appendJsonString(ops, node.value);
            ops += ',';
            appendJsonString(ops, node.description);
            ops += ',' + std::to_string(node.states) + ',';
            appendNumber(ops, node.min);
            ops += ',';
            appendNumber(ops, node.max);
            ops += ',';
            appendNumber(ops, node.step);
            ops += ',';
            appendJsonString(ops, node.placeholder);
            ops += ']';
        }
        if (!known || !sameBounds(node, before->second)) {
            ops += ops.empty() ? "[\"b\"," : ",[\"b\",";
            ops += std::to_string(node.id);
            for (float v : {node.x, node.y, node.w, node.h}) {
                ops += ',';
                appendNumber(ops, std::round(v * 10.0f) / 10.0f);
            }
            ops += ']';
        }
    }
    std::unordered_map<unsigned, std::vector<unsigned>> children;  // of what is on the page
    for (const Node& node : tree.nodes)
        if (onPage.count(node.id) && (node.parent == 0 || onPage.count(node.parent)))
            children[node.parent].push_back(node.id);
    for (const auto& [id, node] : s_sent.nodes) {
        if (tree.find(id)) continue;
        ops += ops.empty() ? "[\"d\"," : ",[\"d\",";
        ops += std::to_string(id) + "]";
    }
    for (const auto& [parent, list] : children) {
        auto before = s_sent.children.find(parent);
        if (before != s_sent.children.end() && before->second == list) continue;
        ops += ops.empty() ? "[\"k\"," : ",[\"k\",";
        ops += std::to_string(parent) + ",[";
        for (std::size_t i = 0; i < list.size(); ++i) ops += (i ? "," : "") + std::to_string(list[i]);
        ops += "]]";
    }

    std::string say;
    std::unordered_set<std::string> shown;
    for (const auto& [text, assertive] : s_notes.announcements) {
        shown.insert(text);
        if (s_sent.announced.count(text)) continue;
        say += say.empty() ? "[" : ",[";
        say += assertive ? "true," : "false,";
        appendJsonString(say, text);
        say += ']';
    }

    unsigned focus = 0;
    if (GImGui && !GImGui->NavDisableHighlight && onPage.count(GImGui->NavId)) focus = GImGui->NavId;
    const bool focusChanged = focus != 0 && focus != s_sent.focus;
    const bool languageChanged = languageCode != s_sent.language;

    std::string out;
    if (!ops.empty() || !say.empty() || focusChanged || languageChanged) {
        out = "{\"lang\":";
        appendJsonString(out, languageCode);
        out += ",\"focus\":" + std::to_string(focusChanged ? focus : 0u);
        out += ",\"ops\":[" + ops + "],\"say\":[" + say + "]}";
    }

    s_sent.nodes.clear();
    for (const Node& node : tree.nodes)
        if (onPage.count(node.id)) s_sent.nodes.emplace(node.id, node);
    s_sent.children = std::move(children);
    s_sent.announced = std::move(shown);
    s_sent.language = std::string(languageCode);
    if (focus) s_sent.focus = focus;
    s_tree = std::move(tree.nodes);
    s_notes = Notes{};
    s_focusRequest = 0;
    return out;
}

const std::vector<Node>& lastTree() { return s_tree; }

void resetMirror() { s_sent = Sent{}; }

}  // namespace a11y
}  // namespace welkom
