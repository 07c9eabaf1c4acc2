// Passphrases for the `welkom` commands, from one place: the environment
// variable WELKOM_PASSPHRASE (for scripts and tests), otherwise a prompt on
// the terminal with echo off. Never from a command-line option: arguments
// show up in `ps` and in shell history.
//
// Usage:
//   Result<std::string> p = readPassphrase("Passphrase for haarlem.welkom.age", /*confirm=*/false);
//   if (!p) { printError(p.error()); return kExitUsage; }
#pragma once

#include <string>

#include "core/result.h"

namespace welkom::cli {

constexpr const char* kPassphraseEnv = "WELKOM_PASSPHRASE";

// WELKOM_PASSPHRASE when set and not empty; otherwise asks on /dev/tty without
// echo (twice when `confirm`, for a new passphrase). Fails with
// "cli.no_passphrase" when there is neither, "cli.passphrase_mismatch" when the
// two entries differ, "cli.passphrase_empty" for an empty entry.
Result<std::string> readPassphrase(const std::string& prompt, bool confirm);

// Overwrites the string's bytes before it is released (best effort: copies
// made while it grew are out of reach).
void wipe(std::string& secret);

}  // namespace welkom::cli
