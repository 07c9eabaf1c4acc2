// Roster files as bytes: which kind of file was opened, what to call a saved
// file, and how strong a passphrase is. Language-neutral; what an open error
// means in words is the text layer's (app/text/open_errors.h).
//
//   switch (classifyRosterFile(bytes)) { case RosterFileKind::Encrypted: askPassphrase(); ... }
//   std::string name = suggestedRosterFileName("Haarlem 2027");   // "haarlem-2027.welkom.age"
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace welkom {

enum class RosterFileKind {
    Encrypted,  // age, binary or armored
    PlainJson,  // an unencrypted roster (still opens, with a warning)
    Unknown,    // anything else: refused with "not a Welkom roster"
};

RosterFileKind classifyRosterFile(std::string_view bytes);

// Largest file the app opens, checked before anything else (decryption would
// otherwise spend seconds and twice the file's size in memory on a file too
// large to be a roster). Room for a roster of kMaxRosterBytes (64 MiB)
// encrypted and armored: base64 and line breaks make that ~87 MiB.
constexpr std::size_t kMaxOpenFileBytes = std::size_t{96} * 1024 * 1024;

// "<programme>.welkom.age" with the programme name reduced to safe characters.
std::string suggestedRosterFileName(std::string_view programmeName);

enum class PassphraseStrength { TooShort, Weak, Fair, Strong };
// A rough hint, not a guarantee: length and variety of characters. Passphrases
// of several words are the advice (see README).
PassphraseStrength passphraseStrength(std::string_view passphrase);
constexpr std::size_t kMinPassphraseLength = 10;

}  // namespace welkom
