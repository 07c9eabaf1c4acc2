// The programme's sign-up keys (core/programme_keys.h): age X25519 key pairs.
// Participants' sign-up pages encrypt to the current key's public key; the
// coordinator's Welkom decrypts with any key the roster keeps.
//
// Usage:
//   Result<ProgrammeKey> key = createProgrammeKey("2026-12-05T13:50:41Z");
//   makeCurrentKey(roster.signup, std::move(*key));        // the old key stays, second
//   std::string file = identityFileText(roster.signup);    // age-keygen format, for `age -d -i`
//   Result<std::vector<X25519Identity>> ids = programmeIdentities(roster.signup);
//
// Errors carry codes only (the app's text layer words them): signup.no_key,
// signup.key_date, and age.key for a damaged identity.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/programme_keys.h"
#include "core/result.h"
#include "io/age.h"

namespace welkom {

// "YYYY-MM-DDTHH:MM:SSZ" with a real date and time (the created: line of age-keygen).
bool isValidKeyTimestamp(std::string_view s);

// A fresh key created at `createdUtc` (isValidKeyTimestamp, else "signup.key_date").
Result<ProgrammeKey> createProgrammeKey(std::string createdUtc);

// Puts `key` first (current); the previous current key is kept as the newest old key.
void makeCurrentKey(SignupSetup& setup, ProgrammeKey key);

// Every key's identity, current first. "signup.no_key" when there is none.
Result<std::vector<X25519Identity>> programmeIdentities(const SignupSetup& setup);

// The current key's public key. "signup.no_key" when there is none.
Result<X25519Recipient> programmeRecipient(const SignupSetup& setup);

// Short fingerprint of a public key to read out on the phone: the first 8
// bytes of its SHA-256 as four groups of four hex digits, "3f2a-91c0-5b7e-d844".
std::string keyFingerprint(const X25519Recipient& recipient);

// Every key as an age-keygen identity file: per key "# created: ...",
// "# public key: age1..." and the AGE-SECRET-KEY-1 line, current key first.
// The one way a programme key leaves an encrypted roster.
Result<std::string> identityFileText(const SignupSetup& setup);

// SHA-256 of `bytes`, lowercase hex (64 characters).
std::string sha256Hex(std::string_view bytes);

}  // namespace welkom
