// Secrets typed into Dear ImGui text fields (the passphrase): ImGui keeps its
// own copy of the text being edited (the field's edit state: wide and UTF-8
// buffers, the text as it was on focus, and the undo record of deleted
// characters) until another field is edited. These wipe such copies.
#pragma once

#include <imgui.h>

namespace welkom {

// Zeroes and frees ImGui's edit state when it belongs to field `id` (ends its
// editing first). Returns whether it did.
bool wipeTextEditState(ImGuiID id);

// Zeroes what is left of typed characters in ImGui's input queue (consumed
// each frame, but its buffer keeps them until it is reused or freed).
void wipeTypedCharacters();

}  // namespace welkom
