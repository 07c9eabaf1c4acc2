// age v1 on libsodium 1.0.18. Written from the C2SP age specification and our
// implementer's notes (docs/age-format-notes.md in the shared folder).
//
// [SECTION] Errors and secret buffers
// [SECTION] Base64 (strict, canonical)
// [SECTION] HKDF-SHA256 (libsodium 1.0.18 has no HKDF API)
// [SECTION] Keys
// [SECTION] Header parsing
// [SECTION] Stanza unwrapping
// [SECTION] STREAM payload
// [SECTION] Armor
// [SECTION] Public encrypt/decrypt
#include "io/age.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

#include "io/bech32.h"

namespace welkom {

// ============================================================================
// [SECTION] Errors and secret buffers
// ============================================================================

namespace {
constexpr const char* kKeyLineCode = "age.key.line";  // an InvalidKey error naming a key file's line
}  // namespace

const char* ageErrorCode(AgeErrorKind kind) {
    switch (kind) {
        case AgeErrorKind::Header: return "age.header";
        case AgeErrorKind::WorkFactorTooHigh: return "age.work_factor";
        case AgeErrorKind::Hmac: return "age.hmac";
        case AgeErrorKind::NoMatch: return "age.no_match";
        case AgeErrorKind::Payload: return "age.payload";
        case AgeErrorKind::Armor: return "age.armor";
        case AgeErrorKind::InvalidKey: return "age.key";
        case AgeErrorKind::InvalidArgument: return "age.argument";
        case AgeErrorKind::Internal: return "age.internal";
    }
    return "age.internal";
}

std::optional<AgeErrorKind> ageErrorKind(const Error& error) {
    if (error.code == kKeyLineCode) return AgeErrorKind::InvalidKey;
    for (AgeErrorKind k : {AgeErrorKind::Header, AgeErrorKind::WorkFactorTooHigh, AgeErrorKind::Hmac,
                           AgeErrorKind::NoMatch, AgeErrorKind::Payload, AgeErrorKind::Armor,
                           AgeErrorKind::InvalidKey, AgeErrorKind::InvalidArgument, AgeErrorKind::Internal}) {
        if (error.code == ageErrorCode(k)) return k;
    }
    return std::nullopt;
}

namespace {

// An error as a code and arguments (worded by the app's catalogue): the kind's
// code ("age.header"), and what exactly is wrong as a message of its own,
// "age.detail.<detail>" ("age.detail.file_empty").
Error ageError(AgeErrorKind kind, const char* detail = nullptr, std::vector<Arg> detailArgs = {}) {
    if (!detail) return codedError(ageErrorCode(kind));
    return errorWithDetail(ageErrorCode(kind), std::string("age.detail.") + detail, std::move(detailArgs));
}

Error headerError(const char* detail) { return ageError(AgeErrorKind::Header, detail); }

bool ensureSodium() { return sodium_init() >= 0; }

Error sodiumInitError() {
    return ageError(AgeErrorKind::Internal, "no_random_source");
}

// Fixed-size secret, wiped on destruction.
template <std::size_t N>
struct Secret {
    std::array<std::uint8_t, N> b{};
    Secret() = default;
    Secret(const Secret&) = delete;
    Secret& operator=(const Secret&) = delete;
    ~Secret() { sodium_memzero(b.data(), N); }
    std::uint8_t* data() { return b.data(); }
    const std::uint8_t* data() const { return b.data(); }
    static constexpr std::size_t size() { return N; }
};

// Growable secret buffer, wiped on destruction.
struct SecretBytes {
    AgeBytes v;
    SecretBytes() = default;
    explicit SecretBytes(std::size_t n) : v(n) {}
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    ~SecretBytes() {
        if (!v.empty()) sodium_memzero(v.data(), v.size());
    }
};

constexpr std::size_t kFileKeySize = 16;
constexpr std::size_t kNonceSize = 16;
constexpr std::size_t kTagSize = crypto_aead_chacha20poly1305_IETF_ABYTES;
constexpr std::size_t kEncChunkSize = kAgeChunkSize + kTagSize;
constexpr std::string_view kVersionLine = "age-encryption.org/v1";
constexpr std::string_view kVersionPrefix = "age-encryption.org/";
constexpr std::string_view kX25519Label = "age-encryption.org/v1/X25519";
constexpr std::string_view kScryptLabel = "age-encryption.org/v1/scrypt";
constexpr std::string_view kArmorBegin = "-----BEGIN AGE ENCRYPTED FILE-----";
constexpr std::string_view kArmorEnd = "-----END AGE ENCRYPTED FILE-----";
constexpr std::size_t kArmorMaxWhitespace = 1024;

// ============================================================================
// [SECTION] Base64 (strict, canonical)
// ============================================================================

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int b64Value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

std::string b64Encode(const std::uint8_t* data, std::size_t n, bool pad) {
    std::string out;
    out.reserve((n + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        const std::uint32_t v = (std::uint32_t(data[i]) << 16) | (std::uint32_t(data[i + 1]) << 8) | data[i + 2];
        out += kB64[(v >> 18) & 63];
        out += kB64[(v >> 12) & 63];
        out += kB64[(v >> 6) & 63];
        out += kB64[v & 63];
    }
    if (n - i == 1) {
        const std::uint32_t v = std::uint32_t(data[i]) << 16;
        out += kB64[(v >> 18) & 63];
        out += kB64[(v >> 12) & 63];
        if (pad) out += "==";
    } else if (n - i == 2) {
        const std::uint32_t v = (std::uint32_t(data[i]) << 16) | (std::uint32_t(data[i + 1]) << 8);
        out += kB64[(v >> 18) & 63];
        out += kB64[(v >> 12) & 63];
        out += kB64[(v >> 6) & 63];
        if (pad) out += '=';
    }
    return out;
}

// Decodes unpadded base64; rejects any non-alphabet byte (including '=' and
// whitespace), impossible lengths and non-zero unused bits.
bool b64DecodeRaw(std::string_view s, AgeBytes& out) {
    if (s.size() % 4 == 1) return false;
    out.clear();
    out.reserve(s.size() * 3 / 4);
    std::uint32_t acc = 0;
    int bits = 0;
    for (char c : s) {
        const int v = b64Value(c);
        if (v < 0) return false;
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<std::uint8_t>((acc >> bits) & 0xff));
        }
    }
    return (acc & ((1u << bits) - 1)) == 0;  // canonical: leftover bits are zero
}

// Decodes padded base64 (armor): length a multiple of 4, '=' only as 1-2 final characters.
bool b64DecodePadded(std::string_view s, AgeBytes& out) {
    if (s.size() % 4 != 0) return false;
    std::size_t padCount = 0;
    while (padCount < 2 && padCount < s.size() && s[s.size() - 1 - padCount] == '=') ++padCount;
    const std::string_view body = s.substr(0, s.size() - padCount);
    if (padCount > 0 && body.size() % 4 != 4 - padCount) return false;
    return b64DecodeRaw(body, out);
}

bool b64DecodeExact(std::string_view s, std::size_t n, std::uint8_t* out) {
    AgeBytes tmp;
    if (!b64DecodeRaw(s, tmp) || tmp.size() != n) return false;
    std::memcpy(out, tmp.data(), n);
    return true;
}

// ============================================================================
// [SECTION] HKDF-SHA256 (RFC 5869), always 32 bytes of output
// ============================================================================

// crypto_auth_hmacsha256() only takes 32-byte keys; the init/update/final API
// takes any key length, which the salt step needs (0, 16 or 64 bytes).
void hkdfSha256(const std::uint8_t* ikm, std::size_t ikmLen, const std::uint8_t* salt, std::size_t saltLen,
                std::string_view info, std::uint8_t out[32]) {
    static const std::uint8_t kZero = 0;
    crypto_auth_hmacsha256_state st;
    Secret<32> prk;
    crypto_auth_hmacsha256_init(&st, saltLen ? salt : &kZero, saltLen);
    crypto_auth_hmacsha256_update(&st, ikm, ikmLen);
    crypto_auth_hmacsha256_final(&st, prk.data());
    crypto_auth_hmacsha256_init(&st, prk.data(), prk.size());
    crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(info.data()), info.size());
    const std::uint8_t one = 1;
    crypto_auth_hmacsha256_update(&st, &one, 1);
    crypto_auth_hmacsha256_final(&st, out);
    sodium_memzero(&st, sizeof st);
}

void headerMac(const std::uint8_t* fileKey, const std::uint8_t* headerBytes, std::size_t n, std::uint8_t out[32]) {
    Secret<32> macKey;
    hkdfSha256(fileKey, kFileKeySize, nullptr, 0, "header", macKey.data());
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, macKey.data(), macKey.size());
    crypto_auth_hmacsha256_update(&st, headerBytes, n);
    crypto_auth_hmacsha256_final(&st, out);
    sodium_memzero(&st, sizeof st);
}

const std::uint8_t kZeroNonce[crypto_aead_chacha20poly1305_IETF_NPUBBYTES] = {};

// Wraps the 16-byte file key: 32-byte body = ciphertext + tag.
void wrapFileKey(const std::uint8_t* wrapKey, const std::uint8_t* fileKey, std::uint8_t body[32]) {
    unsigned long long outLen = 0;
    crypto_aead_chacha20poly1305_ietf_encrypt(body, &outLen, fileKey, kFileKeySize, nullptr, 0, nullptr,
                                              kZeroNonce, wrapKey);
}

bool unwrapFileKey(const std::uint8_t* wrapKey, const AgeBytes& body, std::uint8_t* fileKey) {
    unsigned long long outLen = 0;
    return crypto_aead_chacha20poly1305_ietf_decrypt(fileKey, &outLen, nullptr, body.data(), body.size(), nullptr,
                                                     0, kZeroNonce, wrapKey) == 0 &&
           outLen == kFileKeySize;
}

}  // namespace

// ============================================================================
// [SECTION] Keys
// ============================================================================

Result<X25519Recipient> X25519Recipient::parse(std::string_view text) {
    auto d = bech32Decode(text);
    if (!d || d->hrp != "age" || d->data.size() != 32) {
        return ageError(AgeErrorKind::InvalidKey, "recipient_form");
    }
    std::array<std::uint8_t, 32> key{};
    std::copy(d->data.begin(), d->data.end(), key.begin());
    return X25519Recipient(key);
}

std::string X25519Recipient::toString() const { return bech32Encode("age", AgeBytes(m_key.begin(), m_key.end())); }

X25519Identity::X25519Identity(const std::array<std::uint8_t, 32>& secret) : m_secret(secret) {
    crypto_scalarmult_base(m_public.data(), m_secret.data());
}

X25519Identity::~X25519Identity() { sodium_memzero(m_secret.data(), m_secret.size()); }

Result<X25519Identity> X25519Identity::generate() {
    if (!ensureSodium()) return sodiumInitError();
    Secret<32> s;
    randombytes_buf(s.data(), s.size());
    return X25519Identity(s.b);
}

Result<X25519Identity> X25519Identity::parse(std::string_view text) {
    if (!ensureSodium()) return sodiumInitError();
    auto d = bech32Decode(text);
    SecretBytes data;
    if (d) data.v.swap(d->data);
    if (!d || d->hrp != "AGE-SECRET-KEY-" || data.v.size() != 32) {
        return ageError(AgeErrorKind::InvalidKey, "secret_key_form");
    }
    Secret<32> s;
    std::copy(data.v.begin(), data.v.end(), s.b.begin());
    return X25519Identity(s.b);
}

std::string X25519Identity::toString() const {
    SecretBytes bytes;
    bytes.v.assign(m_secret.begin(), m_secret.end());
    return bech32Encode("AGE-SECRET-KEY-", bytes.v);
}

X25519Recipient X25519Identity::recipient() const { return X25519Recipient(m_public); }

namespace {

// Calls `onLine(lineNumber, trimmedLine)` for each line that is neither blank nor a '#' comment.
template <typename F>
Status forEachKeyLine(std::string_view text, F onLine) {
    std::size_t lineNo = 0;
    while (!text.empty()) {
        ++lineNo;
        const std::size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (line.empty() || line.front() == '#') continue;
        if (auto st = onLine(lineNo, line); !st) return st;
    }
    return Ok{};
}

// A key file's line that holds no valid key: "age.key.line", {0} the line
// number, {1} what is wrong with it (the detail of the key's own error).
Error keyFileError(std::size_t lineNo, const Error& inner) {
    std::vector<Arg> args{Arg::integerOf(static_cast<long long>(lineNo))};
    args.insert(args.end(), inner.args.begin(), inner.args.end());
    return codedError(kKeyLineCode, std::move(args));
}

}  // namespace

Result<std::vector<X25519Identity>> parseAgeIdentityFile(std::string_view text) {
    std::vector<X25519Identity> out;
    auto st = forEachKeyLine(text, [&](std::size_t lineNo, std::string_view line) -> Status {
        auto id = X25519Identity::parse(line);
        if (!id) return keyFileError(lineNo, id.error());
        out.push_back(*id);
        return Ok{};
    });
    if (!st) return st.error();
    if (out.empty()) {
        return ageError(AgeErrorKind::InvalidKey, "no_identity_line");
    }
    return out;
}

bool ageLooksLikeIdentityFile(std::string_view text) {
    constexpr std::size_t kMaxIdentityFileSize = 64 * 1024;  // far above 64 keys with comments
    return text.size() <= kMaxIdentityFileSize && text.find("AGE-SECRET-KEY-1") != std::string_view::npos;
}

Result<std::vector<X25519Recipient>> parseAgeRecipientsFile(std::string_view text) {
    std::vector<X25519Recipient> out;
    auto st = forEachKeyLine(text, [&](std::size_t lineNo, std::string_view line) -> Status {
        auto r = X25519Recipient::parse(line);
        if (!r) return keyFileError(lineNo, r.error());
        out.push_back(*r);
        return Ok{};
    });
    if (!st) return st.error();
    if (out.empty()) {
        return ageError(AgeErrorKind::InvalidKey, "no_recipient_line");
    }
    return out;
}

// ============================================================================
// [SECTION] Header parsing
// ============================================================================

namespace {

struct Stanza {
    std::vector<std::string> args;  // args[0] is the type
    AgeBytes body;
};

struct Header {
    std::vector<Stanza> stanzas;
    std::size_t macInputSize = 0;  // bytes covered by the MAC: up to and including "---"
    std::array<std::uint8_t, 32> mac{};
    std::size_t size = 0;  // whole header including the MAC line's LF
};

// Strict parser after the spec's ABNF; see the notes' section 1.
Result<Header> parseHeader(const AgeBytes& f) {
    Header h;
    std::size_t pos = 0;
    const std::size_t window = std::min(f.size(), kAgeMaxHeaderSize);
    std::string_view line;
    std::size_t lineStart = 0;
    auto next = [&]() -> Status {
        const auto* begin = f.data() + pos;
        const auto* end = f.data() + window;
        const auto* newline = std::find(begin, end, std::uint8_t('\n'));
        if (newline == end) {
            if (f.size() > kAgeMaxHeaderSize) {
                return headerError("header_too_large");
            }
            return headerError("header_cut_off");
        }
        lineStart = pos;
        line = std::string_view(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(newline - begin));
        pos = static_cast<std::size_t>(newline - f.data()) + 1;
        if (line.find('\r') != std::string_view::npos) {
            return headerError("header_has_cr");
        }
        return Ok{};
    };

    if (f.empty()) return headerError("file_empty");
    if (auto st = next(); !st) return st.error();
    if (line != kVersionLine) {
        if (line.substr(0, kVersionPrefix.size()) == kVersionPrefix) {
            return headerError("unsupported_version");
        }
        return headerError("no_version_line");
    }

    for (;;) {
        if (auto st = next(); !st) return st.error();
        if (line.substr(0, 3) == "---") {
            if (h.stanzas.empty()) {
                return headerError("no_stanzas");
            }
            h.macInputSize = lineStart + 3;
            if (line.size() != 3 + 1 + 43 || line[3] != ' ' || !b64DecodeExact(line.substr(4), 32, h.mac.data())) {
                return headerError("mac_line_malformed");
            }
            h.size = pos;
            return h;
        }
        if (line.substr(0, 2) != "->") {
            return headerError("expected_stanza_or_mac");
        }
        if (h.stanzas.size() == kAgeMaxStanzas) {
            return headerError("too_many_stanzas");
        }
        Stanza s;
        std::string_view rest = line.substr(2);
        if (rest.empty()) return headerError("stanza_without_type");
        while (!rest.empty()) {
            if (rest[0] != ' ') return headerError("stanza_line_malformed");
            rest.remove_prefix(1);
            std::size_t n = 0;
            while (n < rest.size() && rest[n] != ' ') {
                const auto c = static_cast<unsigned char>(rest[n]);
                if (c < 0x21 || c > 0x7e) {
                    return headerError("stanza_argument_character");
                }
                ++n;
            }
            if (n == 0) return headerError("stanza_argument_empty");
            s.args.emplace_back(rest.substr(0, n));
            rest.remove_prefix(n);
        }
        std::string bodyText;
        for (;;) {
            if (auto st = next(); !st) return st.error();
            if (line.size() > 64) {
                return headerError("stanza_line_too_long");
            }
            bodyText += line;
            if (line.size() < 64) break;
        }
        if (!b64DecodeRaw(bodyText, s.body)) {
            return headerError("stanza_body_base64");
        }
        if (s.body.size() > kAgeMaxStanzaBodySize) {
            return headerError("stanza_body_too_large");
        }
        h.stanzas.push_back(std::move(s));
    }
}

// Serialises a header up to and including "---" (the MAC input).
std::string writeHeaderForMac(const std::vector<Stanza>& stanzas) {
    std::string out(kVersionLine);
    out += '\n';
    for (const Stanza& s : stanzas) {
        out += "->";
        for (const std::string& a : s.args) {
            out += ' ';
            out += a;
        }
        out += '\n';
        const std::string b = b64Encode(s.body.data(), s.body.size(), false);
        std::size_t i = 0;
        for (; i + 64 <= b.size(); i += 64) out.append(b, i, 64).push_back('\n');
        out.append(b, i, std::string::npos).push_back('\n');  // final short (maybe empty) line
    }
    out += "---";
    return out;
}

// ============================================================================
// [SECTION] Stanza unwrapping
// ============================================================================

struct ScryptParams {
    std::array<std::uint8_t, 16> salt{};
    int logN = 0;
};

// Checks arguments and body sizes of the stanza types we know, in the order
// the notes give (section 3 and 4), before any key is tried.
Status validateStanzas(const Header& h, int workFactorCap, std::vector<ScryptParams>& scrypt) {
    scrypt.assign(h.stanzas.size(), ScryptParams{});
    for (const Stanza& s : h.stanzas) {
        if (s.args[0] == "scrypt" && h.stanzas.size() != 1) {
            return headerError("scrypt_not_alone");
        }
    }
    for (std::size_t i = 0; i < h.stanzas.size(); ++i) {
        const Stanza& s = h.stanzas[i];
        if (s.args[0] == "X25519") {
            std::array<std::uint8_t, 32> share{};
            if (s.args.size() != 2 || !b64DecodeExact(s.args[1], 32, share.data())) {
                return headerError("x25519_arguments");
            }
            if (s.body.size() != 32) {
                return headerError("x25519_body_size");
            }
        } else if (s.args[0] == "scrypt") {
            if (s.args.size() != 3) {
                return headerError("scrypt_arguments");
            }
            if (!b64DecodeExact(s.args[1], 16, scrypt[i].salt.data())) {
                return headerError("scrypt_salt");
            }
            const std::string& wf = s.args[2];
            const bool digits = std::all_of(wf.begin(), wf.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (wf.empty() || !digits || wf[0] == '0') {
                return headerError("scrypt_work_factor_number");
            }
            int logN = 0;
            if (wf.size() <= 4) {
                for (char c : wf) logN = logN * 10 + (c - '0');
            }
            if (wf.size() > 4 || logN > workFactorCap) {
                if (wf.size() > 4)
                    return ageError(AgeErrorKind::WorkFactorTooHigh, "huge_work_factor", {Arg::integerOf(workFactorCap)});
                return ageError(AgeErrorKind::WorkFactorTooHigh, "work_factor_above_limit",
                                {Arg::textOf(std::string(wf)), Arg::integerOf(workFactorCap)});
            }
            scrypt[i].logN = logN;
            if (s.body.size() != 32) {
                return headerError("scrypt_body_size");
            }
        }
    }
    return Ok{};
}

// Finds the file key; NoMatch when nothing opens, Header for low-order shares.
Status unwrapFileKey(const Header& h, const std::vector<ScryptParams>& scrypt, const AgeDecryptOptions& opt,
                     std::uint8_t fileKey[kFileKeySize]) {
    for (std::size_t i = 0; i < h.stanzas.size(); ++i) {
        const Stanza& s = h.stanzas[i];
        if (s.args[0] == "X25519") {
            std::array<std::uint8_t, 32> share{};
            b64DecodeExact(s.args[1], 32, share.data());
            for (const X25519Identity& id : opt.identities) {
                Secret<32> shared;
                if (crypto_scalarmult(shared.data(), id.secretBytes().data(), share.data()) != 0 ||
                    sodium_is_zero(shared.data(), shared.size())) {
                    return headerError("x25519_low_order");
                }
                std::uint8_t salt[64];
                std::memcpy(salt, share.data(), 32);
                std::memcpy(salt + 32, id.recipient().bytes().data(), 32);
                Secret<32> wrapKey;
                hkdfSha256(shared.data(), shared.size(), salt, sizeof salt, kX25519Label, wrapKey.data());
                if (unwrapFileKey(wrapKey.data(), s.body, fileKey)) return Ok{};
            }
        } else if (s.args[0] == "scrypt") {
            std::uint8_t salt[kScryptLabel.size() + 16];
            std::memcpy(salt, kScryptLabel.data(), kScryptLabel.size());
            std::memcpy(salt + kScryptLabel.size(), scrypt[i].salt.data(), 16);
            for (const std::string& pw : opt.passphrases) {
                Secret<32> wrapKey;
                if (crypto_pwhash_scryptsalsa208sha256_ll(reinterpret_cast<const std::uint8_t*>(pw.data()), pw.size(),
                                                          salt, sizeof salt, 1ULL << scrypt[i].logN, 8, 1,
                                                          wrapKey.data(), wrapKey.size()) != 0) {
                    return ageError(AgeErrorKind::Internal, "scrypt_failed");
                }
                if (unwrapFileKey(wrapKey.data(), s.body, fileKey)) return Ok{};
            }
        }
        // Any other type (including "x25519", "Scrypt", plugins) is not ours: skip it.
    }
    return ageError(AgeErrorKind::NoMatch);
}

// ============================================================================
// [SECTION] STREAM payload (64 KiB chunks, ChaCha20-Poly1305, counter + last flag)
// ============================================================================

void chunkNonce(std::uint64_t counter, bool last, std::uint8_t nonce[12]) {
    std::memset(nonce, 0, 12);
    for (int i = 0; i < 8; ++i) nonce[10 - i] = static_cast<std::uint8_t>(counter >> (8 * i));
    nonce[11] = last ? 1 : 0;
}

bool openChunk(const std::uint8_t* key, std::uint64_t counter, bool last, const std::uint8_t* in, std::size_t n,
               std::uint8_t* out, std::size_t& outLen) {
    std::uint8_t nonce[12];
    chunkNonce(counter, last, nonce);
    unsigned long long len = 0;
    const bool ok =
        crypto_aead_chacha20poly1305_ietf_decrypt(out, &len, nullptr, in, n, nullptr, 0, nonce, key) == 0;
    outLen = static_cast<std::size_t>(len);
    return ok;
}

Error payloadError(const char* detail) { return ageError(AgeErrorKind::Payload, detail); }

Status decryptStream(const AgeBytes& f, std::size_t start, const std::uint8_t* key, const AgeDecryptOptions& opt,
                     const std::function<void(const std::uint8_t*, std::size_t)>& sink) {
    const std::size_t total = f.size() - start;
    SecretBytes chunk(kAgeChunkSize);
    std::size_t pos = start;
    for (std::uint64_t counter = 0;; ++counter) {
        const std::size_t remain = f.size() - pos;
        if (remain == 0) return payloadError("payload_end_missing");
        const std::size_t n = std::min(remain, kEncChunkSize);
        const std::uint8_t* in = f.data() + pos;
        std::size_t outLen = 0;
        bool last = true;
        if (n < kEncChunkSize) {
            if (n < kTagSize) return payloadError("last_block_cut_off");
            if (n == kTagSize && counter != 0) {
                return payloadError("empty_last_block");
            }
            if (!openChunk(key, counter, true, in, n, chunk.v.data(), outLen)) {
                return payloadError("block_not_authentic");
            }
        } else if (openChunk(key, counter, false, in, n, chunk.v.data(), outLen)) {
            last = false;
        } else if (!openChunk(key, counter, true, in, n, chunk.v.data(), outLen)) {
            return payloadError("block_not_authentic");
        }
        pos += n;
        sink(chunk.v.data(), outLen);
        if (opt.onProgress) opt.onProgress(pos - start, total);
        if (last) {
            if (pos != f.size()) {
                return payloadError("data_after_last_block");
            }
            return Ok{};
        }
    }
}

void encryptStream(const AgeBytes& plain, const std::uint8_t* key, AgeBytes& out) {
    const std::size_t chunks = plain.empty() ? 1 : (plain.size() + kAgeChunkSize - 1) / kAgeChunkSize;
    out.reserve(out.size() + plain.size() + chunks * kTagSize);
    for (std::size_t i = 0; i < chunks; ++i) {
        const std::size_t off = i * kAgeChunkSize;
        const std::size_t n = std::min(kAgeChunkSize, plain.size() - off);
        std::uint8_t nonce[12];
        chunkNonce(i, i + 1 == chunks, nonce);
        const std::size_t at = out.size();
        out.resize(at + n + kTagSize);
        unsigned long long len = 0;
        crypto_aead_chacha20poly1305_ietf_encrypt(out.data() + at, &len, plain.data() + off, n, nullptr, 0, nullptr,
                                                  nonce, key);
    }
}

// ============================================================================
// [SECTION] Armor
// ============================================================================

bool isArmorSpace(std::uint8_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

Error armorError(const char* detail) { return ageError(AgeErrorKind::Armor, detail); }

}  // namespace

bool ageLooksArmored(const AgeBytes& file) {
    const std::size_t n = std::min(file.size(), kVersionPrefix.size());
    if (std::equal(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(n), kVersionPrefix.begin())) return false;
    // Any "-----" near the start (even with a damaged BEGIN line or text before
    // it) means the file was meant as armor, so the armor error is the helpful one.
    const std::string_view needle = "-----";
    const std::size_t scan = std::min(file.size(), kArmorMaxWhitespace + kArmorBegin.size());
    const auto* begin = reinterpret_cast<const char*>(file.data());
    return std::string_view(begin, scan).find(needle) != std::string_view::npos;
}

bool ageStartsWithArmor(std::string_view text) { return text.substr(0, kArmorBegin.size()) == kArmorBegin; }

AgeBytes ageArmor(const AgeBytes& binary) {
    const std::string b = b64Encode(binary.data(), binary.size(), true);
    std::string out(kArmorBegin);
    out += '\n';
    for (std::size_t i = 0; i < b.size(); i += 64) out.append(b, i, 64).push_back('\n');
    out += kArmorEnd;
    out += '\n';
    return AgeBytes(out.begin(), out.end());
}

Result<AgeBytes> ageDearmor(const AgeBytes& in) {
    std::size_t pos = 0;
    while (pos < in.size() && isArmorSpace(in[pos])) ++pos;
    if (pos > kArmorMaxWhitespace) return armorError("armor_space_before");

    // Reads one line without its LF or CRLF; `eol` tells whether a line end was found.
    auto readLine = [&](bool& eol) {
        const auto* begin = in.data() + pos;
        const auto* end = in.data() + in.size();
        const auto* newline = std::find(begin, end, std::uint8_t('\n'));
        eol = newline != end;
        std::string_view line(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(newline - begin));
        pos = eol ? static_cast<std::size_t>(newline - in.data()) + 1 : in.size();
        if (eol && !line.empty() && line.back() == '\r') line.remove_suffix(1);
        return line;
    };

    bool eol = false;
    if (readLine(eol) != kArmorBegin || !eol) {
        return armorError("armor_no_begin");
    }
    std::string b64;
    bool sawShort = false;
    for (;;) {
        if (pos >= in.size()) return armorError("armor_no_end");
        const std::string_view line = readLine(eol);
        if (line == kArmorEnd) break;
        if (sawShort) return armorError("armor_short_line");
        if (!eol) return armorError("armor_no_end");
        if (line.empty()) return armorError("armor_empty_line");
        if (line.size() > 64) return armorError("armor_line_too_long");
        for (char c : line) {
            if (b64Value(c) < 0 && c != '=') {
                return armorError("armor_not_base64");
            }
        }
        sawShort = line.size() < 64;
        b64 += line;
    }
    std::size_t trailing = 0;
    for (; pos < in.size(); ++pos, ++trailing) {
        if (!isArmorSpace(in[pos])) return armorError("armor_text_after_end");
    }
    if (trailing > kArmorMaxWhitespace) return armorError("armor_space_after");
    AgeBytes out;
    if (!b64DecodePadded(b64, out)) {
        return armorError("armor_base64_padding");
    }
    return out;
}

// ============================================================================
// [SECTION] Public encrypt/decrypt
// ============================================================================

namespace {

Result<AgeBytes> encryptWithStanzas(const AgeBytes& plaintext, std::vector<Stanza> stanzas,
                                    const std::uint8_t* fileKey, bool armor) {
    std::string head = writeHeaderForMac(stanzas);
    std::uint8_t mac[32];
    headerMac(fileKey, reinterpret_cast<const std::uint8_t*>(head.data()), head.size(), mac);
    head += ' ';
    head += b64Encode(mac, sizeof mac, false);
    head += '\n';

    AgeBytes out(head.begin(), head.end());
    std::uint8_t nonce[kNonceSize];
    randombytes_buf(nonce, sizeof nonce);
    out.insert(out.end(), nonce, nonce + sizeof nonce);
    Secret<32> payloadKey;
    hkdfSha256(fileKey, kFileKeySize, nonce, sizeof nonce, "payload", payloadKey.data());
    encryptStream(plaintext, payloadKey.data(), out);
    if (armor) return ageArmor(out);
    return out;
}

}  // namespace

Result<AgeBytes> ageEncrypt(const AgeBytes& plaintext, const std::vector<X25519Recipient>& recipients, bool armor) {
    if (!ensureSodium()) return sodiumInitError();
    if (recipients.empty()) {
        return ageError(AgeErrorKind::InvalidArgument, "no_recipients");
    }
    if (recipients.size() > kAgeMaxStanzas) {
        return ageError(AgeErrorKind::InvalidArgument, "too_many_recipients");
    }
    Secret<kFileKeySize> fileKey;
    randombytes_buf(fileKey.data(), fileKey.size());
    std::vector<Stanza> stanzas;
    for (const X25519Recipient& r : recipients) {
        Secret<32> ephemeral, shared, wrapKey;
        std::uint8_t share[32];
        randombytes_buf(ephemeral.data(), ephemeral.size());
        crypto_scalarmult_base(share, ephemeral.data());
        if (crypto_scalarmult(shared.data(), ephemeral.data(), r.bytes().data()) != 0) {
            return ageError(AgeErrorKind::InvalidKey, "recipient_unusable");
        }
        std::uint8_t salt[64];
        std::memcpy(salt, share, 32);
        std::memcpy(salt + 32, r.bytes().data(), 32);
        hkdfSha256(shared.data(), shared.size(), salt, sizeof salt, kX25519Label, wrapKey.data());
        Stanza s;
        s.args = {"X25519", b64Encode(share, sizeof share, false)};
        s.body.resize(32);
        wrapFileKey(wrapKey.data(), fileKey.data(), s.body.data());
        stanzas.push_back(std::move(s));
    }
    return encryptWithStanzas(plaintext, std::move(stanzas), fileKey.data(), armor);
}

Result<AgeBytes> ageEncryptWithPassphrase(const AgeBytes& plaintext, std::string_view passphrase, int workFactor,
                                          bool armor) {
    if (!ensureSodium()) return sodiumInitError();
    if (passphrase.empty()) {
        return ageError(AgeErrorKind::InvalidArgument, "passphrase_empty");
    }
    if (workFactor < 1 || workFactor > kAgeMaxWorkFactor) {
        return ageError(AgeErrorKind::InvalidArgument, "work_factor_range", {Arg::integerOf(kAgeMaxWorkFactor)});
    }
    Secret<kFileKeySize> fileKey;
    randombytes_buf(fileKey.data(), fileKey.size());
    std::uint8_t salt[kScryptLabel.size() + 16];
    std::memcpy(salt, kScryptLabel.data(), kScryptLabel.size());
    randombytes_buf(salt + kScryptLabel.size(), 16);
    Secret<32> wrapKey;
    if (crypto_pwhash_scryptsalsa208sha256_ll(reinterpret_cast<const std::uint8_t*>(passphrase.data()),
                                              passphrase.size(), salt, sizeof salt, 1ULL << workFactor, 8, 1,
                                              wrapKey.data(), wrapKey.size()) != 0) {
        return ageError(AgeErrorKind::Internal, "scrypt_failed");
    }
    Stanza s;
    s.args = {"scrypt", b64Encode(salt + kScryptLabel.size(), 16, false), std::to_string(workFactor)};
    s.body.resize(32);
    wrapFileKey(wrapKey.data(), fileKey.data(), s.body.data());
    std::vector<Stanza> stanzas;
    stanzas.push_back(std::move(s));
    return encryptWithStanzas(plaintext, std::move(stanzas), fileKey.data(), armor);
}

namespace {

// `input` itself when binary, else its armor removed into `store`.
Result<const AgeBytes*> binaryForm(const AgeBytes& input, std::optional<AgeBytes>& store) {
    if (!ageLooksArmored(input)) return &input;
    auto d = ageDearmor(input);
    if (!d) return d.error();
    store = std::move(*d);
    return &*store;
}

}  // namespace

Status ageDecryptTo(const AgeBytes& input, const AgeDecryptOptions& options,
                    const std::function<void(const std::uint8_t*, std::size_t)>& sink) {
    if (!ensureSodium()) return sodiumInitError();
    std::optional<AgeBytes> dearmored;
    auto binary = binaryForm(input, dearmored);
    if (!binary) return binary.error();
    const AgeBytes& f = **binary;

    auto header = parseHeader(f);
    if (!header) return header.error();
    std::vector<ScryptParams> scrypt;
    const int cap = std::min(options.maxWorkFactor, kAgeMaxWorkFactor);
    if (auto st = validateStanzas(*header, cap, scrypt); !st) return st;

    Secret<kFileKeySize> fileKey;
    if (auto st = unwrapFileKey(*header, scrypt, options, fileKey.data()); !st) return st;

    std::uint8_t mac[32];
    headerMac(fileKey.data(), f.data(), header->macInputSize, mac);
    if (crypto_verify_32(mac, header->mac.data()) != 0) return ageError(AgeErrorKind::Hmac);

    if (f.size() - header->size < kNonceSize) {
        return headerError("nonce_missing");
    }
    Secret<32> payloadKey;
    hkdfSha256(fileKey.data(), fileKey.size(), f.data() + header->size, kNonceSize, "payload", payloadKey.data());
    return decryptStream(f, header->size + kNonceSize, payloadKey.data(), options, sink);
}

Result<AgeLock> ageLockOf(const AgeBytes& input) {
    std::optional<AgeBytes> dearmored;
    auto binary = binaryForm(input, dearmored);
    if (!binary) return binary.error();
    auto header = parseHeader(**binary);
    if (!header) return header.error();
    return header->stanzas.front().args.front() == "scrypt" ? AgeLock::Passphrase : AgeLock::Keys;
}

Result<AgeBytes> ageDecrypt(const AgeBytes& file, const AgeDecryptOptions& options) {
    AgeBytes out;
    out.reserve(file.size());  // plaintext is never longer than the file, so this rarely regrows
    auto st = ageDecryptTo(file, options, [&](const std::uint8_t* p, std::size_t n) {
        // Grow by hand so reallocation never leaves unwiped plaintext behind.
        if (out.size() + n > out.capacity()) {
            AgeBytes bigger;
            bigger.reserve(std::max(out.capacity() * 2, out.size() + n));
            bigger.assign(out.begin(), out.end());
            if (!out.empty()) sodium_memzero(out.data(), out.size());
            out.swap(bigger);
        }
        out.insert(out.end(), p, p + n);
    });
    if (!st) {
        if (!out.empty()) sodium_memzero(out.data(), out.size());
        return st.error();
    }
    return out;
}

}  // namespace welkom
