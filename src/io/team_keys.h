// Team keys (core/team_keys.h): checking a colleague's public key, making a
// coordinator's own key pair, and the recipients a roster is saved to.
//
// Usage:
//   Result<TeamKey> key = teamKeyFrom("Bram", "age1...", roster.team);   // a colleague's key, checked
//   Result<NewTeamKey> mine = createTeamKey("Anna", "2027-03-01T09:00:00Z", roster.team);
//   offerDownload(mine->identityFile);            // age-keygen format: `age -d -i`, and Welkom's Open
//   Result<std::vector<X25519Recipient>> to = teamRecipients(roster.team);
//
// Errors carry codes only: team.name_missing, team.key_invalid (with age's
// detail), team.key_taken (the name of who has it already), team.no_keys,
// and signup.key_date for a bad creation time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/team_keys.h"
#include "io/age.h"

namespace welkom {

// Most keys in a team: an age header holds at most kAgeMaxStanzas stanzas.
constexpr std::size_t kMaxTeamKeys = kAgeMaxStanzas;

// A colleague's key as typed or pasted (surrounding spaces and line breaks
// are ignored), checked against the keys the team has already.
Result<TeamKey> teamKeyFrom(std::string name, std::string_view publicKey, const TeamSetup& team);

struct NewTeamKey {
    TeamKey key;
    std::string identityFile;  // the secret key as age-keygen writes it; the only copy
};

// A fresh key pair for `name`, created at `createdUtc` ("YYYY-MM-DDTHH:MM:SSZ").
Result<NewTeamKey> createTeamKey(std::string name, std::string createdUtc, const TeamSetup& team);

// Every key of the team as a recipient, in the roster's order; "team.no_keys" when there is none.
Result<std::vector<X25519Recipient>> teamRecipients(const TeamSetup& team);

// The same as a recipients file ("age1..." lines), the form EncryptJob takes.
Result<std::string> teamRecipientsText(const TeamSetup& team);

}  // namespace welkom
