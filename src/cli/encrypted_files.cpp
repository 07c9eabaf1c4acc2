#include "cli/encrypted_files.h"

#include <iostream>

#include <charconv>

#include <sodium.h>

#include "app/text/open_errors.h"
#include "io/roster_files.h"
#include "io/team_keys.h"
#include "app/text/messages.h"
#include "cli/cli.h"
#include "cli/passphrase.h"

namespace welkom::cli {

namespace {

AgeBytes toBytes(const std::string& s) { return AgeBytes(s.begin(), s.end()); }

// Wipes decrypted or encrypted-from bytes that are no longer needed.
void wipeBytes(AgeBytes& b) {
    if (!b.empty()) sodium_memzero(b.data(), b.size());
    b.clear();
}

bool isAgeFile(const std::string& bytes) {
    return classifyRosterFile(bytes) == RosterFileKind::Encrypted;
}

// The error after the name of the file it is about ("file.error").
Error atPath(const std::string& path, const Error& e) { return codedError("file.error", {Arg::textOf(path), errorArg(e)}); }

}  // namespace

Result<std::vector<X25519Identity>> readIdentityFiles(const std::vector<std::string>& paths) {
    std::vector<X25519Identity> out;
    for (const std::string& path : paths) {
        Result<std::string> text = readFile(path);
        if (!text) return text.error();
        auto ids = parseAgeIdentityFile(*text);
        wipe(*text);
        if (!ids) return atPath(path, ids.error());
        out.insert(out.end(), ids->begin(), ids->end());
    }
    return out;
}

Result<OpenedFile> openFile(const std::string& path, const std::vector<std::string>& identityPaths) {
    Result<std::string> bytes = readFile(path);
    if (!bytes) return bytes.error();
    OpenedFile out;
    if (!isAgeFile(*bytes)) {
        out.plaintext = std::move(*bytes);
        return out;
    }
    AgeDecryptOptions options;
    const AgeBytes file = toBytes(*bytes);
    out.encryption.armor = ageLooksArmored(file);
    if (!identityPaths.empty()) {
        auto ids = readIdentityFiles(identityPaths);
        if (!ids) return ids.error();
        options.identities = *ids;
        out.encryption.kind = Encryption::Kind::Recipients;
        for (const X25519Identity& id : *ids) out.encryption.recipients.push_back(id.recipient());
    } else {
        Result<std::string> pass = readPassphrase("Passphrase for " + path, false);
        if (!pass) return pass.error();
        options.passphrases.push_back(*pass);
        out.encryption.kind = Encryption::Kind::Passphrase;
        out.encryption.passphrase = std::move(*pass);
    }
    Result<AgeBytes> plain = ageDecrypt(file, options);
    for (std::string& p : options.passphrases) wipe(p);
    if (!plain) {
        return atPath(path, explainOpenError(plain.error()));
    }
    out.plaintext.assign(plain->begin(), plain->end());
    wipeBytes(*plain);
    return out;
}

Result<OpenedFile> openRoster(const std::string& path, const std::vector<std::string>& identityPaths,
                              LoadedRoster& loaded, std::vector<Problem>& problems) {
    Result<OpenedFile> file = openFile(path, identityPaths);
    if (!file) return file;
    Result<LoadedRoster> r = loadRoster(file->plaintext, &problems);
    if (!r) {
        return atPath(path, explainOpenError(r.error(), problems));
    }
    loaded = std::move(*r);
    // A roster saved to its team's keys is written back to all of them (as
    // the app does), not only to the keys that opened it here.
    if (file->encryption.kind == Encryption::Kind::Recipients && !loaded.roster.team.keys.empty()) {
        Result<std::vector<X25519Recipient>> team = teamRecipients(loaded.roster.team);
        if (!team) return atPath(path, team.error());
        file->encryption.recipients = std::move(*team);
    }
    return file;
}

Result<std::string> seal(const std::string& plaintext, const Encryption& how) {
    if (how.kind == Encryption::Kind::None) return plaintext;
    AgeBytes plain = toBytes(plaintext);
    Result<AgeBytes> enc = how.kind == Encryption::Kind::Passphrase
                               ? ageEncryptWithPassphrase(plain, how.passphrase, how.workFactor, how.armor)
                               : ageEncrypt(plain, how.recipients, how.armor);
    wipeBytes(plain);
    if (!enc) return enc.error();
    return std::string(enc->begin(), enc->end());
}

int exitCodeFor(const Error& error) {
    if (error.code.rfind("io.", 0) == 0) return kExitIo;
    if (error.code.rfind("cli.", 0) == 0) return kExitUsage;
    return kExitProblems;
}

Result<int> intOption(const std::string& name, const std::string& text, int lo, int hi) {
    int v = 0;
    const char* end = text.data() + text.size();
    auto [p, ec] = std::from_chars(text.data(), end, v);
    if (text.empty() || ec != std::errc() || p != end || v < lo || v > hi) {
        return codedError("cli.bad_number", {Arg::textOf(name), Arg::integerOf(lo), Arg::integerOf(hi), Arg::textOf(text)});
    }
    return v;
}

std::optional<int> readRosterOrReport(const std::string& path, const std::vector<std::string>& identityPaths,
                                      bool dutch, LoadedRoster& loaded) {
    std::vector<Problem> problems;
    Result<OpenedFile> file = openRoster(path, identityPaths, loaded, problems);
    if (!file) {
        for (const Problem& p : problems)
            if (p.severity == Severity::Error) std::cerr << formatProblemText(p, dutch) << "\n";
        return failWith(exitCodeFor(file.error()), file.error());
    }
    wipe(file->plaintext);
    wipe(file->encryption.passphrase);
    return std::nullopt;
}

}  // namespace welkom::cli
