#include "io/programme_keys.h"

#include <sodium.h>

#include <cstddef>

#include "core/roster.h"

namespace welkom {

namespace {

bool digits(std::string_view s, std::size_t from, std::size_t count, int lo, int hi) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        value = value * 10 + (s[i] - '0');
    }
    return value >= lo && value <= hi;
}

std::string hex(const unsigned char* bytes, std::size_t n) {
    static const char* kHex = "0123456789abcdef";
    std::string out;
    out.reserve(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(kHex[bytes[i] >> 4]);
        out.push_back(kHex[bytes[i] & 15]);
    }
    return out;
}

}  // namespace

bool isValidKeyTimestamp(std::string_view s) {
    // 2026-12-05T13:50:41Z
    if (s.size() != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') return false;
    return isValidIsoDate(s.substr(0, 10)) && digits(s, 11, 2, 0, 23) && digits(s, 14, 2, 0, 59) &&
           digits(s, 17, 2, 0, 60);
}

Result<ProgrammeKey> createProgrammeKey(std::string createdUtc) {
    if (!isValidKeyTimestamp(createdUtc)) return codedError("signup.key_date");
    Result<X25519Identity> id = X25519Identity::generate();
    if (!id) return id.error();
    ProgrammeKey key;
    key.identity = id->toString();
    key.created = std::move(createdUtc);
    return key;
}

void makeCurrentKey(SignupSetup& setup, ProgrammeKey key) {
    setup.keys.insert(setup.keys.begin(), std::move(key));
}

Result<std::vector<X25519Identity>> programmeIdentities(const SignupSetup& setup) {
    if (setup.keys.empty()) return codedError("signup.no_key");
    std::vector<X25519Identity> out;
    out.reserve(setup.keys.size());
    for (const ProgrammeKey& k : setup.keys) {
        Result<X25519Identity> id = X25519Identity::parse(k.identity);
        if (!id) return id.error();
        out.push_back(std::move(*id));
    }
    return out;
}

Result<X25519Recipient> programmeRecipient(const SignupSetup& setup) {
    if (setup.keys.empty()) return codedError("signup.no_key");
    Result<X25519Identity> id = X25519Identity::parse(setup.keys.front().identity);
    if (!id) return id.error();
    return id->recipient();
}

std::string keyFingerprint(const X25519Recipient& recipient) {
    if (sodium_init() < 0) return {};
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, recipient.bytes().data(), recipient.bytes().size());
    const std::string h = hex(hash, 8);
    return h.substr(0, 4) + "-" + h.substr(4, 4) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4);
}

Result<std::string> identityFileText(const SignupSetup& setup) {
    Result<std::vector<X25519Identity>> ids = programmeIdentities(setup);
    if (!ids) return ids.error();
    std::string out;
    for (std::size_t i = 0; i < ids->size(); ++i) {
        if (i > 0) out += "\n";
        out += "# created: " + setup.keys[i].created + "\n";
        out += "# public key: " + (*ids)[i].recipient().toString() + "\n";
        out += setup.keys[i].identity + "\n";
    }
    return out;
}

std::string sha256Hex(std::string_view bytes) {
    if (sodium_init() < 0) return {};  // cannot happen with a working libsodium
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return hex(hash, sizeof hash);
}

}  // namespace welkom
