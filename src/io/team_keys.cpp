#include "io/team_keys.h"

#include <algorithm>

#include "io/programme_keys.h"

namespace welkom {

namespace {

std::string_view trimmed(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

// Name and room for one more key; the key itself is checked by the caller.
Status checkNewKey(const std::string& name, const std::string& publicKey, const TeamSetup& team) {
    if (trimmed(name).empty()) return codedError("team.name_missing");
    if (team.keys.size() >= kMaxTeamKeys)
        return codedError("team.too_many", {Arg::integerOf(static_cast<long long>(kMaxTeamKeys))});
    for (const TeamKey& k : team.keys)
        if (k.publicKey == publicKey) return codedError("team.key_taken", {Arg::textOf(k.name)});
    return Ok{};
}

}  // namespace

Result<TeamKey> teamKeyFrom(std::string name, std::string_view publicKey, const TeamSetup& team) {
    Result<X25519Recipient> recipient = X25519Recipient::parse(trimmed(publicKey));
    if (!recipient) return codedError("team.key_invalid", recipient.error().args);  // age.key's detail
    TeamKey key;
    key.name = std::string(trimmed(name));
    key.publicKey = recipient->toString();
    if (Status ok = checkNewKey(key.name, key.publicKey, team); !ok) return ok.error();
    return key;
}

Result<NewTeamKey> createTeamKey(std::string name, std::string createdUtc, const TeamSetup& team) {
    if (!isValidKeyTimestamp(createdUtc)) return codedError("signup.key_date");
    Result<X25519Identity> id = X25519Identity::generate();
    if (!id) return id.error();
    NewTeamKey out;
    out.key.name = std::string(trimmed(name));
    out.key.publicKey = id->recipient().toString();
    if (Status ok = checkNewKey(out.key.name, out.key.publicKey, team); !ok) return ok.error();
    out.identityFile = "# created: " + createdUtc + "\n# public key: " + out.key.publicKey + "\n" + id->toString() + "\n";
    return out;
}

Result<std::vector<X25519Recipient>> teamRecipients(const TeamSetup& team) {
    if (team.keys.empty()) return codedError("team.no_keys");
    std::vector<X25519Recipient> out;
    out.reserve(team.keys.size());
    for (const TeamKey& k : team.keys) {
        Result<X25519Recipient> r = X25519Recipient::parse(k.publicKey);
        if (!r) return codedError("team.key_invalid", r.error().args);
        out.push_back(*r);
    }
    return out;
}

Result<std::string> teamRecipientsText(const TeamSetup& team) {
    Result<std::vector<X25519Recipient>> recipients = teamRecipients(team);
    if (!recipients) return recipients.error();
    std::string text;
    for (const X25519Recipient& r : *recipients) text += r.toString() + "\n";
    return text;
}

}  // namespace welkom
