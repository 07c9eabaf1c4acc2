// What the roster keeps for sign-up forms (issue #14): the programme's keys
// and which sign-ups were imported already. Core only holds them; creating
// keys, encrypting and reading sign-ups is io's (io/programme_keys.h,
// io/signup.h), because core does no cryptography.
//
// The identities are secrets: they are written only into encrypted roster
// files (RosterWriteOptions::includeProgrammeKeys) and into an explicit
// identity export, never into logs or plain outputs.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace welkom {

struct ProgrammeKey {
    std::string identity;  // "AGE-SECRET-KEY-1..." (age X25519 identity)
    std::string created;   // "YYYY-MM-DDTHH:MM:SSZ" (UTC), as age-keygen writes it
    std::vector<std::pair<std::string, std::string>> extra;  // unknown fields, kept (roster.h ExtraFields)
    bool operator==(const ProgrammeKey& o) const {
        return identity == o.identity && created == o.created && extra == o.extra;
    }
};

struct SignupSetup {
    // keys[0] is the current key (sign-up links carry its public key); the
    // others are replaced keys kept, newest first, so that sign-ups sent to
    // them still open. Empty: the programme has no key yet.
    std::vector<ProgrammeKey> keys;
    // SHA-256 (lowercase hex) of every sign-up document imported, so that a
    // file imported twice is recognised.
    std::vector<std::string> importedSignups;
    std::vector<std::pair<std::string, std::string>> extra;  // unknown fields, kept
    bool operator==(const SignupSetup& o) const {
        return keys == o.keys && importedSignups == o.importedSignups && extra == o.extra;
    }
};

}  // namespace welkom
