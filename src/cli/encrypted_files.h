// Reading and writing files that may be age-encrypted, for the `welkom`
// commands: decrypt with identity files (-i) or a passphrase (passphrase.h),
// remember how a file was encrypted, and encrypt output the same way, so a
// command that reads an encrypted roster never writes it back in the clear
// unless asked to.
//
// Usage:
//   Result<OpenedFile> in = openFile("haarlem.welkom.age", identityPaths);
//   if (!in) return reportError(in.error());                 // exit code from exitCodeFor()
//   ... change in->plaintext ...
//   Result<std::string> out = seal(newBytes, in->encryption);
//   writeFile("haarlem.welkom.age", *out);
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "io/age.h"
#include "io/roster_json.h"

namespace welkom::cli {

struct Encryption {
    enum class Kind { None, Passphrase, Recipients };
    Kind kind = Kind::None;
    std::string passphrase;                   // Kind::Passphrase
    std::vector<X25519Recipient> recipients;  // Kind::Recipients
    int workFactor = kAgeDefaultWorkFactor;
    bool armor = false;
};

struct OpenedFile {
    std::string plaintext;
    Encryption encryption;  // how it was encrypted (Kind::None for a plain file)
};

// Reads every identity file (age-keygen format). Errors name the file.
Result<std::vector<X25519Identity>> readIdentityFiles(const std::vector<std::string>& paths);

// Reads `path`; an age file (binary or armored) is decrypted with the
// identities from `identityPaths`, or, when there are none, with a passphrase
// from readPassphrase(). A file that is not age is returned as it is.
Result<OpenedFile> openFile(const std::string& path, const std::vector<std::string>& identityPaths);

// Opens a roster file (plain or encrypted) and loads it all or nothing. On a
// roster with errors the Error says so and `problems` receives every problem.
Result<OpenedFile> openRoster(const std::string& path, const std::vector<std::string>& identityPaths,
                              LoadedRoster& loaded, std::vector<Problem>& problems);

// For commands that only read a roster: opens it like openRoster, prints its
// errors on stderr (in Dutch when `dutch`) and wipes the plaintext and
// passphrase. Returns the exit code to stop with, or nothing when `loaded` holds the roster.
std::optional<int> readRosterOrReport(const std::string& path, const std::vector<std::string>& identityPaths,
                                      bool dutch, LoadedRoster& loaded);

// Encrypts `plaintext` as `how` says (Kind::None returns it unchanged).
Result<std::string> seal(const std::string& plaintext, const Encryption& how);

// The exit code for an error: "io." -> kExitIo, "cli." -> kExitUsage, otherwise kExitProblems.
int exitCodeFor(const Error& error);

// Parses a whole number option such as --work-factor; "cli.bad_number" naming the option.
Result<int> intOption(const std::string& name, const std::string& text, int lo, int hi);

}  // namespace welkom::cli
