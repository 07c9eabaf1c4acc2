// Team keys (issue #14, item 7): the age public keys of the coordinators who
// share this roster. A roster saved "to the team's keys" is an age file with
// one X25519 stanza per key, so each coordinator opens it with their own
// identity file and nobody shares a passphrase. Core only holds the keys;
// checking and encrypting is io's (io/team_keys.h).
//
// Only public keys live here: the roster file is readable by every key in
// this list, and each secret key stays in its owner's identity file.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace welkom {

struct TeamKey {
    std::string name;       // who holds it, as the coordinators call each other
    std::string publicKey;  // "age1..." (age X25519 recipient)
    std::vector<std::pair<std::string, std::string>> extra;  // unknown fields, kept (roster.h ExtraFields)
    bool operator==(const TeamKey& o) const { return name == o.name && publicKey == o.publicKey && extra == o.extra; }
};

struct TeamSetup {
    std::vector<TeamKey> keys;
    std::vector<std::pair<std::string, std::string>> extra;  // unknown fields, kept
    bool operator==(const TeamSetup& o) const { return keys == o.keys && extra == o.extra; }
};

}  // namespace welkom
