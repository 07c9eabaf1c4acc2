// Fuzz target: age header parsing, armor and decryption (io/age.h), with a
// fixed test key. The first input byte picks what the rest is:
//   0: a whole file (binary or armored), decrypted with the test identity and
//      a passphrase (scrypt capped at a cheap work factor), plus the key and
//      identity-file parsers on the same bytes;
//   1: the payload (nonce and chunks) behind a genuine header for the test
//      identity, so the STREAM framing is reached past the header MAC;
//   2: a plaintext, encrypted to the test identity (or with a passphrase at
//      work factor 1), optionally armored, which must decrypt to itself.
//
// The test key below is fictitious, made for this target only; it protects
// nothing. Seeds in fuzz/corpus/age_fuzz/ are encrypted to it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "fuzz_words.h"
#include "io/age.h"

using namespace welkom;

namespace {

constexpr std::string_view kTestIdentity = "AGE-SECRET-KEY-1EJ8EL9STGQC77YTK9RSJ9JSGALQJT5YS35K7CPWW0RF7LQL6JXPSJT2NL0";
constexpr std::string_view kTestPassphrase = "fuzz test passphrase";
// Above this scrypt cost a stanza is refused before key derivation, which
// keeps each input fast (logN 4: 16 KiB, microseconds).
constexpr int kFuzzMaxWorkFactor = 4;

const X25519Identity& testIdentity() {
    static const X25519Identity id = *X25519Identity::parse(kTestIdentity);
    return id;
}

AgeDecryptOptions decryptOptions() {
    AgeDecryptOptions options;
    options.identities.push_back(testIdentity());
    options.passphrases.emplace_back(kTestPassphrase);
    options.maxWorkFactor = kFuzzMaxWorkFactor;
    return options;
}

// The header (through the MAC line) of a genuine file for the test identity.
const AgeBytes& genuineHeader() {
    static const AgeBytes header = [] {
        Result<AgeBytes> enc = ageEncrypt(AgeBytes{'x'}, {testIdentity().recipient()});
        FUZZ_CHECK(enc.ok(), "encrypting to the test identity");
        const std::string s(enc->begin(), enc->end());
        const std::size_t mac = s.find("\n--- ");
        const std::size_t end = s.find('\n', mac + 1) + 1;
        return AgeBytes(enc->begin(), enc->begin() + static_cast<std::ptrdiff_t>(end));
    }();
    return header;
}

void decryptAnyhow(const AgeBytes& file) {
    Result<AgeBytes> plain = ageDecrypt(file, decryptOptions());
    if (!plain) {
        FUZZ_CHECK(ageErrorKind(plain.error()).has_value(), "every age failure has a kind");
        FUZZ_CHECK(isWorded(plain.error()), "every failure can be said in English and Dutch");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t mode = data[0] % 3;
    const AgeBytes rest(data + 1, data + size);
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

    if (mode == 0) {
        decryptAnyhow(rest);
        if (ageLooksArmored(rest)) (void)ageDearmor(rest);
        (void)parseAgeIdentityFile(text);
        (void)parseAgeRecipientsFile(text);
        (void)X25519Recipient::parse(text);
    } else if (mode == 1) {
        AgeBytes file = genuineHeader();
        file.insert(file.end(), rest.begin(), rest.end());
        decryptAnyhow(file);
    } else {
        if (rest.empty()) return 0;
        const std::uint8_t flags = rest[0];
        const AgeBytes plaintext(rest.begin() + 1, rest.end());
        const bool armor = flags & 1;
        Result<AgeBytes> enc = (flags & 2)
                                   ? ageEncryptWithPassphrase(plaintext, kTestPassphrase, 1, armor)
                                   : ageEncrypt(plaintext, {testIdentity().recipient()}, armor);
        FUZZ_CHECK(enc.ok(), "encryption of any plaintext succeeds");
        Result<AgeBytes> back = ageDecrypt(*enc, decryptOptions());
        FUZZ_CHECK(back.ok(), "what we encrypt decrypts");
        FUZZ_CHECK(*back == plaintext, "round trip gives the plaintext back");
    }
    return 0;
}
