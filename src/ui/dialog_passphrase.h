// PassphraseDialog: asks for the passphrase to open an encrypted roster, or
// chooses one (typed twice, with a strength hint) on the first save.
// Open while state.passphrasePrompt is set. The typed text lives only in this
// dialog's buffers (and ImGui's edit state of its fields) and is wiped as soon
// as it is handed over or cancelled.
#pragma once

#include <array>

#include <imgui.h>

#include "app/app_state.h"
#include "app/commands.h"

namespace welkom {

class PassphraseDialog {
public:
    ~PassphraseDialog() { wipe(); }
    void draw(const AppState& state, CommandQueue& commands);

private:
    void wipe();

    std::array<char, 256> m_passphrase{};
    std::array<char, 256> m_confirm{};
    std::array<ImGuiID, 2> m_fieldIds{};  // the two fields, for wiping ImGui's copy
    bool m_wasOpen = false;
};

}  // namespace welkom
