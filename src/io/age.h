// age v1 file encryption (https://c2sp.org/age, "age-encryption.org/v1") on
// libsodium: the format in which Welkom stores rosters on the coordinator's
// machine, readable and writable by the reference `age` CLI as well.
//
// Supported: X25519 recipients/identities (`age1...`, `AGE-SECRET-KEY-1...`),
// scrypt passphrases, and the ASCII armor. Other stanza types (plugins,
// post-quantum `mlkem768x25519`) are parsed and skipped, as the spec requires.
// Whole files live in memory: rosters are small, and the browser hands us bytes.
//
// Usage:
//   auto id = X25519Identity::generate();                       // keep id->toString() secret
//   auto enc = ageEncrypt(bytes, {id->recipient()});           // or ageEncryptWithPassphrase
//   AgeDecryptOptions opt;
//   opt.identities.push_back(*id);                              // and/or opt.passphrases
//   auto plain = ageDecrypt(*enc, opt);                         // armor is auto-detected
//   if (!plain && ageErrorKind(plain.error()) == AgeErrorKind::NoMatch) askForAnotherKey();
//
// Errors: every failure is an Error whose code starts with "age." and maps to
// one AgeErrorKind (see ageErrorKind()). They hold no words: the code is the
// kind's, and what exactly is wrong is its argument, a message coded
// age.detail.<what>. A key file's bad line has the code age.key.line (line
// number, detail). The app's catalogues word them (errorText in app/text/messages.h).
// Secrets (file keys, wrap keys, identity bytes, scrypt inputs) are wiped with
// sodium_memzero when they go out of scope. Passphrase strings given by the
// caller stay the caller's to wipe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace welkom {

using AgeBytes = std::vector<std::uint8_t>;

// ---- Limits (hardening against hostile files; all are far above what age writes) ----

// Most stanzas (recipients) in one header; also the most recipients we encrypt to.
constexpr std::size_t kAgeMaxStanzas = 64;
// Largest stanza body, decoded. Known stanzas have 32 bytes; this leaves room for plugins.
constexpr std::size_t kAgeMaxStanzaBodySize = 8 * 1024;
// Largest header, from the version line through the MAC line's newline.
constexpr std::size_t kAgeMaxHeaderSize = 256 * 1024;
// scrypt: age writes logN 18 (256 MiB); logN needs 128 * 8 * 2^logN bytes of memory.
constexpr int kAgeDefaultWorkFactor = 18;
#ifdef __EMSCRIPTEN__
// wasm32 cannot address the 4 GiB that logN 22 needs; 20 needs 1 GiB.
constexpr int kAgeMaxWorkFactor = 20;
#else
// Same cap as the Go library and the age CLI.
constexpr int kAgeMaxWorkFactor = 22;
#endif
// Plaintext bytes per STREAM chunk (fixed by the format).
constexpr std::size_t kAgeChunkSize = 64 * 1024;

// ---- Errors ----

// The outcome classes of the age test vectors, plus our own API failures.
enum class AgeErrorKind {
    Header,             // "age.header": malformed header, bad stanza, missing/short nonce, not age
    WorkFactorTooHigh,  // "age.work_factor": scrypt logN above the cap (a header failure in the spec)
    Hmac,               // "age.hmac": a key opened a stanza but the header MAC is wrong (tampering)
    NoMatch,            // "age.no_match": no identity or passphrase opens any stanza
    Payload,            // "age.payload": encrypted content damaged, truncated or extended
    Armor,              // "age.armor": the -----BEGIN AGE ENCRYPTED FILE----- text is malformed
    InvalidKey,         // "age.key" ("age.key.line" naming a key file's line): a recipient/identity string or identity file is invalid
    InvalidArgument,    // "age.argument": bad encryption input (no recipients, empty passphrase...)
    Internal,           // "age.internal": libsodium failed (out of memory for scrypt, no RNG)
};

// The kind of an age error, or nullopt when `error` did not come from age.
std::optional<AgeErrorKind> ageErrorKind(const Error& error);
// The stable code string of a kind, e.g. "age.no_match".
const char* ageErrorCode(AgeErrorKind kind);

// ---- Keys ----

// An age X25519 recipient (public key), written as "age1..." (lower case).
class X25519Recipient {
public:
    // Parses "age1..." (Bech32, lower case, 32-byte key). Fails with "age.key".
    static Result<X25519Recipient> parse(std::string_view text);
    explicit X25519Recipient(const std::array<std::uint8_t, 32>& publicKey) : m_key(publicKey) {}

    std::string toString() const;
    const std::array<std::uint8_t, 32>& bytes() const { return m_key; }
    bool operator==(const X25519Recipient& o) const { return m_key == o.m_key; }
    bool operator!=(const X25519Recipient& o) const { return m_key != o.m_key; }

private:
    std::array<std::uint8_t, 32> m_key;
};

// An age X25519 identity (secret key), written as "AGE-SECRET-KEY-1..." (upper
// case). The secret bytes are wiped when the object is destroyed.
class X25519Identity {
public:
    // 32 fresh random bytes. Fails only if libsodium cannot initialise.
    static Result<X25519Identity> generate();
    // Parses "AGE-SECRET-KEY-1..." (Bech32, upper case, 32 bytes). Fails with "age.key".
    static Result<X25519Identity> parse(std::string_view text);

    X25519Identity(const X25519Identity&) = default;
    X25519Identity& operator=(const X25519Identity&) = default;
    ~X25519Identity();

    std::string toString() const;  // the secret key text; handle like a password
    X25519Recipient recipient() const;
    const std::array<std::uint8_t, 32>& secretBytes() const { return m_secret; }

private:
    explicit X25519Identity(const std::array<std::uint8_t, 32>& secret);
    std::array<std::uint8_t, 32> m_secret;
    std::array<std::uint8_t, 32> m_public;
};

// Parses an identity file as age-keygen writes it: one AGE-SECRET-KEY-1 per
// line, '#' comment lines and blank lines ignored, CRLF tolerated. Fails with
// "age.key" (naming the line) on anything else or when it holds no identity.
Result<std::vector<X25519Identity>> parseAgeIdentityFile(std::string_view text);
// True when `text` is small and holds an AGE-SECRET-KEY-1 line start: meant
// as an identity file (parseAgeIdentityFile then says what is wrong with it).
bool ageLooksLikeIdentityFile(std::string_view text);

// Parses a recipients file (one age1... per line, same comment rules).
Result<std::vector<X25519Recipient>> parseAgeRecipientsFile(std::string_view text);

// ---- Encrypt ----

// Encrypts to 1..kAgeMaxStanzas X25519 recipients; any of their identities
// decrypts. `armor` writes the PEM text form instead of binary.
Result<AgeBytes> ageEncrypt(const AgeBytes& plaintext, const std::vector<X25519Recipient>& recipients,
                            bool armor = false);

// Encrypts with a passphrase through scrypt with N = 2^workFactor (1..kAgeMaxWorkFactor;
// 18, the CLI default, costs ~1 s and 256 MiB). An empty passphrase is refused.
Result<AgeBytes> ageEncryptWithPassphrase(const AgeBytes& plaintext, std::string_view passphrase,
                                          int workFactor = kAgeDefaultWorkFactor, bool armor = false);

// ---- Decrypt ----

struct AgeDecryptOptions {
    std::vector<X25519Identity> identities;
    std::vector<std::string> passphrases;  // tried on scrypt stanzas, in order
    // Refuse scrypt stanzas above this logN (clamped to kAgeMaxWorkFactor) with
    // AgeErrorKind::WorkFactorTooHigh before spending the time and memory.
    int maxWorkFactor = kAgeMaxWorkFactor;
    // Called after each verified 64 KiB chunk with (payload bytes done, payload bytes total).
    std::function<void(std::size_t, std::size_t)> onProgress;
};

// Decrypts a binary or armored age file (auto-detected). On failure no
// plaintext is returned (partial output is wiped).
Result<AgeBytes> ageDecrypt(const AgeBytes& file, const AgeDecryptOptions& options);

// The streaming form: `sink` receives each authenticated chunk in order as soon
// as it verifies. If the result is an error, the chunks already delivered are
// genuine but the plaintext is incomplete (or followed by junk); discard them.
Status ageDecryptTo(const AgeBytes& file, const AgeDecryptOptions& options,
                    const std::function<void(const std::uint8_t*, std::size_t)>& sink);

// How a file says it opens, read from its header alone (nothing is decrypted):
// with a passphrase (its one stanza is scrypt) or with a key (X25519 or
// other recipient stanzas). Fails as ageDecrypt would on a malformed header.
enum class AgeLock { Passphrase, Keys };
Result<AgeLock> ageLockOf(const AgeBytes& file);

// ---- Armor ----

// True when `file` is not binary age (no "age-encryption.org/" start) and has a "-----"
// within its first ~1 KiB, i.e. it was meant as armor even if the BEGIN line is damaged.
bool ageLooksArmored(const AgeBytes& file);
// True when `text` starts with the armor's BEGIN line.
bool ageStartsWithArmor(std::string_view text);
// PEM-armors a binary age file ("-----BEGIN AGE ENCRYPTED FILE-----", 64-column base64, LF).
AgeBytes ageArmor(const AgeBytes& binary);
// Strictly removes the armor (RFC 7468 strict form); fails with "age.armor".
Result<AgeBytes> ageDearmor(const AgeBytes& armored);

}  // namespace welkom
