// Sign-up forms (issue #14), the coordinator's side:
//   SignupFormsWindow   File > Sign-up forms...: the programme key (create,
//                       replace, delete old ones, export), and per form its
//                       link and QR code
//   SignupImportDialog  the preview of sign-up files (state.signupImport):
//                       what each adds or why it is refused; Import or Cancel
// Both only draw state and push commands (app/commands.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/commands.h"
#include "app/qr_code.h"

namespace welkom {

class SignupFormsWindow {
public:
    void open() { m_open = true; }
    void draw(const AppState& state, CommandQueue& commands);

private:
    void drawKeys(const AppState& state, CommandQueue& commands);
    void drawForm(const AppState& state, CommandQueue& commands, SignupForm form);
    const QrCode* qrCodeFor(const std::string& link, int slot);

    bool m_open = false;
    std::vector<ProgrammeKeyInfo> m_keys;  // of the roster at m_keysRevision
    std::uint64_t m_keysRevision = 0;
    // The symbols of the two links, made again only when a link changes.
    std::string m_qrLinks[2];
    std::optional<QrCode> m_qrCodes[2];
    std::string m_keyToDelete;  // the old key the confirmation is about
};

class SignupImportDialog {
public:
    void draw(const AppState& state, CommandQueue& commands);
};

}  // namespace welkom
