// age: keys, round trips, tampering, truncation, armor and the hardening limits.
// scrypt runs at logN 10 here for speed, except the one test of the CLI default 18.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "io/age.h"

namespace welkom {
namespace {

constexpr int kFastWorkFactor = 10;

AgeBytes pseudoRandomBytes(std::size_t n, std::uint32_t seed) {
    std::mt19937 rng(seed);
    AgeBytes out(n);
    for (auto& b : out) b = static_cast<std::uint8_t>(rng());
    return out;
}

AgeBytes toBytes(std::string_view s) { return AgeBytes(s.begin(), s.end()); }
std::string toString(const AgeBytes& b) { return std::string(b.begin(), b.end()); }

template <typename T>
std::optional<AgeErrorKind> kindOf(const Result<T>& r) {
    if (r) return std::nullopt;
    return ageErrorKind(r.error());
}

X25519Identity newIdentity() {
    auto id = X25519Identity::generate();
    EXPECT_TRUE(id);
    return *id;
}

AgeDecryptOptions withIdentity(const X25519Identity& id) {
    AgeDecryptOptions opt;
    opt.identities.push_back(id);
    return opt;
}

AgeDecryptOptions withPassphrase(const std::string& pw) {
    AgeDecryptOptions opt;
    opt.passphrases.push_back(pw);
    return opt;
}

// Byte offset just past the header (the MAC line's LF) of a binary age file.
std::size_t headerSize(const AgeBytes& f) {
    const std::string s = toString(f);
    const std::size_t mac = s.find("\n--- ");
    return s.find('\n', mac + 1) + 1;
}

// Inserts `text` in front of the MAC line: parsing sees it, the MAC no longer matches.
AgeBytes insertBeforeMac(const AgeBytes& f, const std::string& text) {
    const std::string s = toString(f);
    const std::size_t at = s.find("\n--- ") + 1;
    AgeBytes out(f.begin(), f.begin() + static_cast<std::ptrdiff_t>(at));
    out.insert(out.end(), text.begin(), text.end());
    out.insert(out.end(), f.begin() + static_cast<std::ptrdiff_t>(at), f.end());
    return out;
}

// An unknown ("grease") stanza with `bodyBytes` of body, wrapped per the format.
std::string greaseStanza(std::size_t bodyBytes, const std::string& arg = "x") {
    // bodyBytes of 0x00 = 'A' characters, with a canonical final group.
    std::string b64;
    const std::size_t full = bodyBytes / 3, rest = bodyBytes % 3;
    b64.append(full * 4, 'A');
    if (rest == 1) b64 += "AA";
    if (rest == 2) b64 += "AAA";
    std::string out = "-> grease " + arg + "\n";
    std::size_t i = 0;
    for (; i + 64 <= b64.size(); i += 64) out += b64.substr(i, 64) + "\n";
    out += b64.substr(i) + "\n";
    return out;
}

// ---- Keys ------------------------------------------------------------------

TEST(AgeKeys, GeneratedIdentityFormatsAndParsesBack) {
    const X25519Identity id = newIdentity();
    const std::string secret = id.toString();
    EXPECT_EQ(secret.rfind("AGE-SECRET-KEY-1", 0), 0u);
    EXPECT_EQ(secret.size(), 74u);
    auto again = X25519Identity::parse(secret);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->secretBytes(), id.secretBytes());
    EXPECT_EQ(again->recipient(), id.recipient());

    const std::string pub = id.recipient().toString();
    EXPECT_EQ(pub.rfind("age1", 0), 0u);
    EXPECT_EQ(pub.size(), 62u);
    auto r = X25519Recipient::parse(pub);
    ASSERT_TRUE(r);
    EXPECT_EQ(*r, id.recipient());
    EXPECT_NE(newIdentity().recipient(), id.recipient());
}

TEST(AgeKeys, RejectsWrongCaseWrongKindAndDamage) {
    const X25519Identity id = newIdentity();
    std::string secret = id.toString();
    std::string pub = id.recipient().toString();
    std::string secretLower = secret, pubUpper = pub, secretMixed = secret, pubDamaged = pub;
    std::transform(secret.begin(), secret.end(), secretLower.begin(), [](char c) { return std::tolower(c); });
    std::transform(pub.begin(), pub.end(), pubUpper.begin(), [](char c) { return std::toupper(c); });
    // Lower-case one letter of the key data (not a digit, which has no case).
    const std::size_t letter = secret.find_first_not_of("0123456789", 16);
    ASSERT_NE(letter, std::string::npos);
    secretMixed[letter] = static_cast<char>(std::tolower(secretMixed[letter]));
    ASSERT_NE(secretMixed, secret);
    pubDamaged[10] = pubDamaged[10] == 'q' ? 'p' : 'q';

    for (const std::string& s : {secretLower, secretMixed, pub, std::string(""), std::string("AGE-SECRET-KEY-1")}) {
        auto r = X25519Identity::parse(s);
        EXPECT_EQ(kindOf(r), AgeErrorKind::InvalidKey) << s;
    }
    for (const std::string& s : {pubUpper, pubDamaged, secret, std::string("age1")}) {
        auto r = X25519Recipient::parse(s);
        EXPECT_EQ(kindOf(r), AgeErrorKind::InvalidKey) << s;
        if (!r) {
            EXPECT_EQ(r.error().code, "age.key");
            EXPECT_EQ(r.error().args.size(), 1u) << "names what is wrong with the key";
        }
    }
}

TEST(AgeKeys, ParsesIdentityFilesWithCommentsBlankLinesAndCrlf) {
    const X25519Identity a = newIdentity(), b = newIdentity();
    const std::string text = "# created: 2024-01-01T00:00:00Z\r\n# public key: " + a.recipient().toString() +
                             "\r\n" + a.toString() + "\r\n\r\n   \n# second key\n" + b.toString() + "\n";
    auto ids = parseAgeIdentityFile(text);
    ASSERT_TRUE(ids) << ids.error().code;
    ASSERT_EQ(ids->size(), 2u);
    EXPECT_EQ((*ids)[0].recipient(), a.recipient());
    EXPECT_EQ((*ids)[1].recipient(), b.recipient());

    auto bad = parseAgeIdentityFile("# ok\n" + a.toString() + "\nnot a key\n");
    ASSERT_FALSE(bad);
    // Named by its line: "Line 3: Invalid age key: ..." once worded.
    EXPECT_EQ(bad.error().code, "age.key.line");
    EXPECT_EQ(ageErrorKind(bad.error()), AgeErrorKind::InvalidKey);
    ASSERT_EQ(bad.error().args.size(), 2u);
    EXPECT_EQ(bad.error().args[0], Arg::integerOf(3));
    EXPECT_EQ(bad.error().args[1], Arg::messageOf(message("age.detail.secret_key_form")));

    EXPECT_EQ(kindOf(parseAgeIdentityFile("# only a comment\n\n")), AgeErrorKind::InvalidKey);
    EXPECT_EQ(kindOf(parseAgeIdentityFile("")), AgeErrorKind::InvalidKey);
}

TEST(AgeKeys, ParsesRecipientsFiles) {
    const X25519Identity a = newIdentity(), b = newIdentity();
    auto rs = parseAgeRecipientsFile("# team\n" + a.recipient().toString() + "\n\n" + b.recipient().toString());
    ASSERT_TRUE(rs);
    ASSERT_EQ(rs->size(), 2u);
    EXPECT_EQ((*rs)[1], b.recipient());
    EXPECT_EQ(kindOf(parseAgeRecipientsFile(a.toString())), AgeErrorKind::InvalidKey);
}

// ---- Round trips -------------------------------------------------------------

TEST(AgeRoundTrip, X25519AtChunkBoundariesBinaryAndArmored) {
    const X25519Identity id = newIdentity();
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{65535}, std::size_t{65536},
                          std::size_t{65537}, std::size_t{131072}, std::size_t{200000}}) {
        const AgeBytes plain = pseudoRandomBytes(n, static_cast<std::uint32_t>(n));
        for (bool armor : {false, true}) {
            auto enc = ageEncrypt(plain, {id.recipient()}, armor);
            ASSERT_TRUE(enc) << enc.error().code;
            EXPECT_EQ(ageLooksArmored(*enc), armor);
            if (!armor) {
                const std::size_t chunks = n == 0 ? 1 : (n + kAgeChunkSize - 1) / kAgeChunkSize;
                EXPECT_EQ(enc->size(), headerSize(*enc) + 16 + n + 16 * chunks) << "size " << n;
            }
            auto dec = ageDecrypt(*enc, withIdentity(id));
            ASSERT_TRUE(dec) << "size " << n << " armor " << armor << ": " << dec.error().code;
            EXPECT_EQ(*dec, plain) << "size " << n;
        }
    }
}

TEST(AgeRoundTrip, RandomSizes) {
    const X25519Identity id = newIdentity();
    std::mt19937 rng(20240611);
    for (int i = 0; i < 12; ++i) {
        const std::size_t n = rng() % 300000;
        const AgeBytes plain = pseudoRandomBytes(n, rng());
        auto enc = ageEncrypt(plain, {id.recipient()}, i % 2 == 1);
        ASSERT_TRUE(enc);
        auto dec = ageDecrypt(*enc, withIdentity(id));
        ASSERT_TRUE(dec) << n;
        EXPECT_EQ(*dec, plain) << n;
    }
}

TEST(AgeRoundTrip, PassphraseBinaryAndArmored) {
    for (std::size_t n : {std::size_t{0}, std::size_t{65536}, std::size_t{200000}}) {
        const AgeBytes plain = pseudoRandomBytes(n, 7);
        for (bool armor : {false, true}) {
            auto enc = ageEncryptWithPassphrase(plain, "vrolijke-fiets-42", kFastWorkFactor, armor);
            ASSERT_TRUE(enc) << enc.error().code;
            auto dec = ageDecrypt(*enc, withPassphrase("vrolijke-fiets-42"));
            ASSERT_TRUE(dec) << dec.error().code;
            EXPECT_EQ(*dec, plain);
        }
    }
}

TEST(AgeRoundTrip, PassphraseAtTheCliDefaultWorkFactor18) {
    const AgeBytes plain = toBytes(R"({"roster":"Fictieve Groep Zonnebloem"})");
    auto enc = ageEncryptWithPassphrase(plain, "een lange zin als wachtwoord");
    ASSERT_TRUE(enc) << enc.error().code;
    EXPECT_NE(toString(*enc).find("-> scrypt "), std::string::npos);
    EXPECT_NE(toString(*enc).find(" 18\n"), std::string::npos) << "default work factor must be 18";
    auto dec = ageDecrypt(*enc, withPassphrase("een lange zin als wachtwoord"));
    ASSERT_TRUE(dec) << dec.error().code;
    EXPECT_EQ(*dec, plain);
}

TEST(AgeRoundTrip, EveryRecipientCanDecryptAndOthersCannot) {
    std::vector<X25519Identity> ids;
    std::vector<X25519Recipient> recipients;
    for (int i = 0; i < 5; ++i) {
        ids.push_back(newIdentity());
        recipients.push_back(ids.back().recipient());
    }
    const AgeBytes plain = pseudoRandomBytes(100000, 3);
    auto enc = ageEncrypt(plain, recipients);
    ASSERT_TRUE(enc);
    for (const auto& id : ids) {
        auto dec = ageDecrypt(*enc, withIdentity(id));
        ASSERT_TRUE(dec) << dec.error().code;
        EXPECT_EQ(*dec, plain);
    }
    EXPECT_EQ(kindOf(ageDecrypt(*enc, withIdentity(newIdentity()))), AgeErrorKind::NoMatch);
    // A ring with a stranger first and a recipient later still opens.
    AgeDecryptOptions ring;
    ring.identities = {newIdentity(), ids[3]};
    EXPECT_TRUE(ageDecrypt(*enc, ring));
}

TEST(AgeRoundTrip, EncryptionIsRandomised) {
    const X25519Identity id = newIdentity();
    const AgeBytes plain = toBytes("Fictief huishouden Jansen");
    auto a = ageEncrypt(plain, {id.recipient()});
    auto b = ageEncrypt(plain, {id.recipient()});
    ASSERT_TRUE(a && b);
    EXPECT_NE(*a, *b);
}

TEST(AgeRoundTrip, ReportsProgressPerChunk) {
    const X25519Identity id = newIdentity();
    auto enc = ageEncrypt(pseudoRandomBytes(200000, 1), {id.recipient()});
    ASSERT_TRUE(enc);
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    AgeDecryptOptions opt = withIdentity(id);
    opt.onProgress = [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
    ASSERT_TRUE(ageDecrypt(*enc, opt));
    ASSERT_EQ(calls.size(), 4u);  // 3 full chunks + 1 short
    EXPECT_EQ(calls.back().first, calls.back().second);
    for (std::size_t i = 1; i < calls.size(); ++i) EXPECT_GT(calls[i].first, calls[i - 1].first);
}

// ---- Wrong keys and tampering ------------------------------------------------

TEST(AgeDecrypt, WrongKeyOrPassphraseIsNoMatch) {
    const X25519Identity id = newIdentity();
    const AgeBytes plain = toBytes("geheim");
    auto enc = ageEncrypt(plain, {id.recipient()});
    auto encPw = ageEncryptWithPassphrase(plain, "goed", kFastWorkFactor);
    ASSERT_TRUE(enc && encPw);

    auto r = ageDecrypt(*enc, withIdentity(newIdentity()));
    EXPECT_EQ(kindOf(r), AgeErrorKind::NoMatch);
    EXPECT_EQ(r.error().code, "age.no_match");
    EXPECT_EQ(kindOf(ageDecrypt(*enc, withPassphrase("goed"))), AgeErrorKind::NoMatch);
    EXPECT_EQ(kindOf(ageDecrypt(*encPw, withPassphrase("fout"))), AgeErrorKind::NoMatch);
    EXPECT_EQ(kindOf(ageDecrypt(*encPw, withIdentity(id))), AgeErrorKind::NoMatch);
    EXPECT_EQ(kindOf(ageDecrypt(*enc, AgeDecryptOptions{})), AgeErrorKind::NoMatch);
    // Several passphrases: the right one may come later.
    AgeDecryptOptions many;
    many.passphrases = {"fout", "ook fout", "goed"};
    EXPECT_TRUE(ageDecrypt(*encPw, many));
}

TEST(AgeDecrypt, AnyFlippedHeaderByteIsRejected) {
    const X25519Identity id = newIdentity(), other = newIdentity();
    auto enc = ageEncrypt(toBytes("kwetsbare gegevens"), {id.recipient(), other.recipient()});
    ASSERT_TRUE(enc);
    const std::size_t hs = headerSize(*enc);
    int hmac = 0, header = 0;
    for (std::size_t i = 0; i < hs; ++i) {
        AgeBytes bad = *enc;
        bad[i] ^= 0x01;
        auto r = ageDecrypt(bad, withIdentity(id));
        ASSERT_FALSE(r) << "flip at " << i << " went unnoticed";
        const auto k = kindOf(r);
        EXPECT_TRUE(k == AgeErrorKind::Header || k == AgeErrorKind::Hmac || k == AgeErrorKind::NoMatch)
            << "flip at " << i << ": " << r.error().code;
        hmac += k == AgeErrorKind::Hmac;
        header += k == AgeErrorKind::Header;
    }
    EXPECT_GT(hmac, 0) << "changing the other recipient's stanza must break the MAC";
    EXPECT_GT(header, 0);

    AgeBytes badVersion = *enc;
    badVersion[3] ^= 0x01;
    EXPECT_EQ(kindOf(ageDecrypt(badVersion, withIdentity(id))), AgeErrorKind::Header);
}

TEST(AgeDecrypt, ReplacedMacIsHmacFailure) {
    const X25519Identity id = newIdentity();
    auto enc = ageEncrypt(toBytes("inhoud"), {id.recipient()});
    ASSERT_TRUE(enc);
    std::string s = toString(*enc);
    const std::size_t mac = s.find("\n--- ") + 5;
    s.replace(mac, 43, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    auto r = ageDecrypt(toBytes(s), withIdentity(id));
    EXPECT_EQ(kindOf(r), AgeErrorKind::Hmac);
    EXPECT_EQ(r.error().code, "age.hmac");
}

TEST(AgeDecrypt, FlippedPayloadByteIsPayloadFailure) {
    const X25519Identity id = newIdentity();
    const AgeBytes plain = pseudoRandomBytes(200000, 9);
    auto enc = ageEncrypt(plain, {id.recipient()});
    ASSERT_TRUE(enc);
    const std::size_t hs = headerSize(*enc);
    for (std::size_t at : {hs, hs + 15, hs + 16, hs + 16 + 65551, hs + 16 + 65552, hs + 100000, enc->size() - 1}) {
        AgeBytes bad = *enc;
        bad[at] ^= 0x80;
        auto r = ageDecrypt(bad, withIdentity(id));
        EXPECT_EQ(kindOf(r), AgeErrorKind::Payload) << "flip at " << at;
        if (!r) {
            EXPECT_EQ(r.error().code, "age.payload");
        }
    }
}

TEST(AgeDecrypt, TruncatedOrExtendedPayloadIsRejected) {
    const X25519Identity id = newIdentity();
    auto enc = ageEncrypt(pseudoRandomBytes(200000, 11), {id.recipient()});
    ASSERT_TRUE(enc);
    const std::size_t hs = headerSize(*enc);
    auto cut = [&](std::size_t n) { return AgeBytes(enc->begin(), enc->begin() + static_cast<std::ptrdiff_t>(n)); };

    EXPECT_EQ(kindOf(ageDecrypt(cut(hs), withIdentity(id))), AgeErrorKind::Header) << "no nonce";
    EXPECT_EQ(kindOf(ageDecrypt(cut(hs + 10), withIdentity(id))), AgeErrorKind::Header) << "short nonce";
    for (std::size_t n : {hs + 16, hs + 20, hs + 16 + 65552, hs + 16 + 2 * 65552, hs + 16 + 3 * 65552 + 5,
                          enc->size() - 1}) {
        EXPECT_EQ(kindOf(ageDecrypt(cut(n), withIdentity(id))), AgeErrorKind::Payload) << "cut to " << n;
    }
    AgeBytes longer = *enc;
    longer.push_back(0);
    EXPECT_EQ(kindOf(ageDecrypt(longer, withIdentity(id))), AgeErrorKind::Payload);
    EXPECT_EQ(kindOf(ageDecrypt(cut(hs - 1), withIdentity(id))), AgeErrorKind::Header);
    EXPECT_EQ(kindOf(ageDecrypt(AgeBytes{}, withIdentity(id))), AgeErrorKind::Header);
}

TEST(AgeDecrypt, StreamingReleasesOnlyVerifiedChunks) {
    const X25519Identity id = newIdentity();
    const AgeBytes plain = pseudoRandomBytes(200000, 5);
    auto enc = ageEncrypt(plain, {id.recipient()});
    ASSERT_TRUE(enc);
    AgeBytes bad = *enc;
    bad[headerSize(bad) + 16 + 65552 + 10] ^= 1;  // inside the second chunk
    AgeBytes released;
    const Status st = ageDecryptTo(bad, withIdentity(id), [&](const std::uint8_t* p, std::size_t n) {
        released.insert(released.end(), p, p + n);
    });
    EXPECT_EQ(kindOf(st), AgeErrorKind::Payload);
    EXPECT_EQ(released, AgeBytes(plain.begin(), plain.begin() + 65536));
    EXPECT_EQ(kindOf(ageDecrypt(bad, withIdentity(id))), AgeErrorKind::Payload);
}

// ---- Armor -------------------------------------------------------------------

TEST(AgeArmor, WritesStrictPemAndReadsItBack) {
    for (std::size_t n = 0; n < 100; n += 1) {
        const AgeBytes bin = pseudoRandomBytes(n, static_cast<std::uint32_t>(n));
        const AgeBytes arm = ageArmor(bin);
        const std::string s = toString(arm);
        EXPECT_EQ(s.rfind("-----BEGIN AGE ENCRYPTED FILE-----\n", 0), 0u);
        EXPECT_EQ(s.substr(s.size() - 33), "-----END AGE ENCRYPTED FILE-----\n");
        std::size_t start = 0;
        while (start < s.size()) {
            const std::size_t nl = s.find('\n', start);
            EXPECT_LE(nl - start, 64u);
            EXPECT_GT(nl - start, 0u) << "no blank lines";
            start = nl + 1;
        }
        auto back = ageDearmor(arm);
        ASSERT_TRUE(back) << n;
        EXPECT_EQ(*back, bin);
    }
}

TEST(AgeArmor, AcceptsCrlfAndRejectsDamage) {
    const X25519Identity id = newIdentity();
    const AgeBytes plain = pseudoRandomBytes(1000, 2);
    auto enc = ageEncrypt(plain, {id.recipient()}, true);
    ASSERT_TRUE(enc);
    std::string crlf;
    for (char c : toString(*enc)) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    auto dec = ageDecrypt(toBytes("\n  \n" + crlf + "  \n"), withIdentity(id));
    ASSERT_TRUE(dec) << dec.error().code;
    EXPECT_EQ(*dec, plain);

    const std::string s = toString(*enc);
    const std::string broken[] = {
        "junk\n" + s,
        s + "junk\n",
        s.substr(0, s.size() - 33),                      // no END line
        std::string(s).insert(35, "\n"),                 // empty line after BEGIN
        std::string(s).replace(40, 1, "*"),              // not base64
        std::string(s).insert(35 + 64, "A"),             // a 65-character line
        std::string(s).replace(11, 3, "age"),            // lower-case label
    };
    for (const std::string& b : broken) {
        auto r = ageDecrypt(toBytes(b), withIdentity(id));
        EXPECT_EQ(kindOf(r), AgeErrorKind::Armor) << b.substr(0, 80);
        if (!r) {
            EXPECT_EQ(r.error().code, "age.armor");
        }
    }
}

// ---- Limits ------------------------------------------------------------------
// Inserting stanzas breaks the MAC, so "accepted by the parser" shows up as an HMAC
// failure (the header parsed, a key opened) and "refused" as a header failure.

TEST(AgeLimits, StanzaCount) {
    const X25519Identity id = newIdentity();
    auto enc = ageEncrypt(toBytes("x"), {id.recipient()});
    ASSERT_TRUE(enc);
    std::string justUnder, justOver;
    for (std::size_t i = 0; i + 1 < kAgeMaxStanzas; ++i) justUnder += greaseStanza(32);
    justOver = justUnder + greaseStanza(32);
    EXPECT_EQ(kindOf(ageDecrypt(insertBeforeMac(*enc, justUnder), withIdentity(id))), AgeErrorKind::Hmac);
    auto r = ageDecrypt(insertBeforeMac(*enc, justOver), withIdentity(id));
    EXPECT_EQ(kindOf(r), AgeErrorKind::Header);
    ASSERT_EQ(r.error().args.size(), 1u);
    EXPECT_EQ(r.error().args[0], Arg::messageOf(message("age.detail.too_many_stanzas")));

    std::vector<X25519Recipient> many(kAgeMaxStanzas, id.recipient());
    EXPECT_TRUE(ageEncrypt(toBytes("x"), many));
    many.push_back(id.recipient());
    EXPECT_EQ(kindOf(ageEncrypt(toBytes("x"), many)), AgeErrorKind::InvalidArgument);
}

TEST(AgeLimits, StanzaBodySize) {
    const X25519Identity id = newIdentity();
    auto enc = ageEncrypt(toBytes("x"), {id.recipient()});
    ASSERT_TRUE(enc);
    EXPECT_EQ(kindOf(ageDecrypt(insertBeforeMac(*enc, greaseStanza(kAgeMaxStanzaBodySize)), withIdentity(id))),
              AgeErrorKind::Hmac);
    EXPECT_EQ(kindOf(ageDecrypt(insertBeforeMac(*enc, greaseStanza(kAgeMaxStanzaBodySize + 1)), withIdentity(id))),
              AgeErrorKind::Header);
}

TEST(AgeLimits, HeaderSize) {
    const X25519Identity id = newIdentity();
    auto enc = ageEncrypt(toBytes("x"), {id.recipient()});
    ASSERT_TRUE(enc);
    const std::size_t base = headerSize(*enc);
    // "-> grease " + arg + "\n" + "\n" adds arg.size() + 12 bytes.
    const std::size_t argLen = kAgeMaxHeaderSize - base - 12;
    const AgeBytes atLimit = insertBeforeMac(*enc, greaseStanza(0, std::string(argLen, 'a')));
    ASSERT_EQ(headerSize(atLimit), kAgeMaxHeaderSize);
    EXPECT_EQ(kindOf(ageDecrypt(atLimit, withIdentity(id))), AgeErrorKind::Hmac);
    const AgeBytes over = insertBeforeMac(*enc, greaseStanza(0, std::string(argLen + 1, 'a')));
    EXPECT_EQ(kindOf(ageDecrypt(over, withIdentity(id))), AgeErrorKind::Header);
}

TEST(AgeLimits, WorkFactor) {
    auto enc = ageEncryptWithPassphrase(toBytes("x"), "pw", kFastWorkFactor);
    ASSERT_TRUE(enc);
    AgeDecryptOptions opt = withPassphrase("pw");
    opt.maxWorkFactor = kFastWorkFactor;
    EXPECT_TRUE(ageDecrypt(*enc, opt)) << "exactly at the caller's cap";
    opt.maxWorkFactor = kFastWorkFactor - 1;
    auto r = ageDecrypt(*enc, opt);
    EXPECT_EQ(kindOf(r), AgeErrorKind::WorkFactorTooHigh);
    EXPECT_EQ(r.error().code, "age.work_factor");

    // Above the build's cap, refused before scrypt runs even if the caller allows more.
    std::string s = toString(*enc);
    const std::size_t at = s.find(" 10\n");
    ASSERT_NE(at, std::string::npos);
    s.replace(at, 4, " " + std::to_string(kAgeMaxWorkFactor + 1) + "\n");
    opt.maxWorkFactor = 99;
    EXPECT_EQ(kindOf(ageDecrypt(toBytes(s), opt)), AgeErrorKind::WorkFactorTooHigh);

    EXPECT_EQ(kindOf(ageEncryptWithPassphrase(toBytes("x"), "pw", kAgeMaxWorkFactor + 1)),
              AgeErrorKind::InvalidArgument);
    EXPECT_EQ(kindOf(ageEncryptWithPassphrase(toBytes("x"), "pw", 0)), AgeErrorKind::InvalidArgument);
}

// ---- Encryption arguments and errors ------------------------------------------

TEST(AgeEncrypt, RefusesUnusableInput) {
    EXPECT_EQ(kindOf(ageEncrypt(toBytes("x"), {})), AgeErrorKind::InvalidArgument);
    EXPECT_EQ(kindOf(ageEncryptWithPassphrase(toBytes("x"), "", kFastWorkFactor)), AgeErrorKind::InvalidArgument);
    std::array<std::uint8_t, 32> zero{};  // a low-order point: no shared secret possible
    EXPECT_EQ(kindOf(ageEncrypt(toBytes("x"), {X25519Recipient(zero)})), AgeErrorKind::InvalidKey);
}

TEST(AgeErrors, CodesAreStableAndMessagesBilingual) {
    const std::pair<AgeErrorKind, const char*> table[] = {
        {AgeErrorKind::Header, "age.header"},     {AgeErrorKind::WorkFactorTooHigh, "age.work_factor"},
        {AgeErrorKind::Hmac, "age.hmac"},         {AgeErrorKind::NoMatch, "age.no_match"},
        {AgeErrorKind::Payload, "age.payload"},   {AgeErrorKind::Armor, "age.armor"},
        {AgeErrorKind::InvalidKey, "age.key"},    {AgeErrorKind::InvalidArgument, "age.argument"},
        {AgeErrorKind::Internal, "age.internal"},
    };
    for (const auto& [kind, code] : table) {
        EXPECT_STREQ(ageErrorCode(kind), code);
        EXPECT_EQ(ageErrorKind(codedError(code)), kind);
    }
    EXPECT_FALSE(ageErrorKind(codedError("json.syntax")));

    auto r = ageDecrypt(toBytes("dit is geen age-bestand\n"), AgeDecryptOptions{});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "age.header");
    // No words in io: the kind's code and the detail's, worded by the app's catalogues.
    ASSERT_EQ(r.error().args.size(), 1u);
    EXPECT_EQ(r.error().args[0], Arg::messageOf(message("age.detail.no_version_line")));
}

}  // namespace
}  // namespace welkom
