#include "ui/secret_text.h"

#include <sodium.h>

#include <imgui_internal.h>

namespace welkom {
namespace {

template <typename T>
void wipeVector(ImVector<T>& v) {
    // Up to the capacity: text past the current size may be older text.
    if (v.Data) sodium_memzero(v.Data, static_cast<std::size_t>(v.Capacity) * sizeof(T));
    v.clear();
}

}  // namespace

bool wipeTextEditState(ImGuiID id) {
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g || id == 0 || g->InputTextState.ID != id) return false;
    if (g->ActiveId == id) ImGui::ClearActiveID();
    ImGuiInputTextState& state = g->InputTextState;
    wipeVector(state.TextW);
    wipeVector(state.TextA);
    wipeVector(state.InitialTextA);
    sodium_memzero(&state.Stb, sizeof state.Stb);  // the undo record holds deleted characters
    state.CurLenW = state.CurLenA = 0;
    state.TextAIsValid = false;
    state.ID = 0;
    return true;
}

void wipeTypedCharacters() {
    if (!ImGui::GetCurrentContext()) return;
    ImVector<ImWchar>& queue = ImGui::GetIO().InputQueueCharacters;
    // Past Size only: characters still queued belong to the next frame.
    if (queue.Data && queue.Capacity > queue.Size)
        sodium_memzero(queue.Data + queue.Size, static_cast<std::size_t>(queue.Capacity - queue.Size) * sizeof(ImWchar));
}

}  // namespace welkom
