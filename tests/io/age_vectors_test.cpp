// Conformance: every age test vector (C2SP CCTV testkit, in the shared folder,
// never copied into the repo) must give its expected outcome class and, when
// the vector says so, the SHA-256 of the plaintext released before the outcome.
#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "app/text/messages.h"  // errorText: the catalogues word every failure
#include "io/age.h"
#include "io/test_inflate.h"

#ifdef WELKOM_TEST_HAVE_ZLIB
#include <zlib.h>
#endif

namespace welkom {
namespace {

namespace fs = std::filesystem;

fs::path vectorDir() { return fs::path(WELKOM_SHARED_DIR) / "testdata" / "age-vectors"; }

std::vector<std::string> listVectors() {
    std::vector<std::string> names;
    std::error_code ec;
    if (!fs::is_directory(vectorDir(), ec)) return names;
    for (const auto& e : fs::directory_iterator(vectorDir(), ec)) {
        const std::string name = e.path().filename().string();
        if (name != "LICENSE" && e.is_regular_file()) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

AgeBytes readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return AgeBytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Vector {
    std::multimap<std::string, std::string> meta;
    AgeBytes file;  // the age file (still compressed if meta says so)
    std::string get(const std::string& k) const {
        auto it = meta.find(k);
        return it == meta.end() ? std::string() : it->second;
    }
};

// Metadata lines up to the first empty line, then the age file verbatim.
bool parseVector(const AgeBytes& raw, Vector& v) {
    const std::string text(raw.begin(), raw.end());
    const std::size_t end = text.find("\n\n");
    if (end == std::string::npos) return false;
    std::size_t pos = 0;
    while (pos < end) {
        std::size_t nl = text.find('\n', pos);
        if (nl > end) nl = end;
        const std::string line = text.substr(pos, nl - pos);
        const std::size_t colon = line.find(": ");
        if (colon == std::string::npos) return false;
        v.meta.emplace(line.substr(0, colon), line.substr(colon + 2));
        pos = nl + 1;
    }
    v.file.assign(raw.begin() + static_cast<std::ptrdiff_t>(end + 2), raw.end());
    return true;
}

bool inflateVector(const AgeBytes& in, AgeBytes& out) {
#ifdef WELKOM_TEST_HAVE_ZLIB
    z_stream zs{};
    if (inflateInit(&zs) != Z_OK) return false;
    zs.next_in = const_cast<Bytef*>(in.data());
    zs.avail_in = static_cast<uInt>(in.size());
    out.clear();
    int rc = Z_OK;
    std::uint8_t buf[1 << 16];
    while (rc == Z_OK) {
        zs.next_out = buf;
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        out.insert(out.end(), buf, buf + (sizeof buf - zs.avail_out));
    }
    inflateEnd(&zs);
    return rc == Z_STREAM_END;
#else
    return testing_inflate::zlibDecompress(in, out);
#endif
}

std::string outcomeOf(const Status& st) {
    if (st) return "success";
    const auto kind = ageErrorKind(st.error());
    if (!kind) return "non-age error " + st.error().code;
    switch (*kind) {
        case AgeErrorKind::Header:
        case AgeErrorKind::WorkFactorTooHigh:  // the spec counts this as a header failure
            return "header failure";
        case AgeErrorKind::Hmac: return "HMAC failure";
        case AgeErrorKind::NoMatch: return "no match";
        case AgeErrorKind::Payload: return "payload failure";
        case AgeErrorKind::Armor: return "armor failure";
        default: return "unexpected " + st.error().code;
    }
}

std::string hex(const std::uint8_t* p, std::size_t n) {
    std::string s;
    char b[3];
    for (std::size_t i = 0; i < n; ++i) {
        std::snprintf(b, sizeof b, "%02x", p[i]);
        s += b;
    }
    return s;
}

class AgeVectorTest : public ::testing::TestWithParam<std::string> {};
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(AgeVectorTest);

TEST_P(AgeVectorTest, GivesExpectedOutcome) {
    Vector v;
    ASSERT_TRUE(parseVector(readFile(vectorDir() / GetParam()), v)) << "unreadable vector";
    for (const auto& entry : v.meta) {
        const std::string& key = entry.first;
        static const char* kKnown[] = {"expect", "payload", "file key", "identity", "passphrase",
                                       "armored", "compressed", "comment"};
        if (std::none_of(std::begin(kKnown), std::end(kKnown), [&](const char* k) { return key == k; })) {
            GTEST_SKIP() << "vector has unknown key '" << key << "' (the testkit says to skip it)";
        }
    }
    if (v.get("compressed") == "zlib") {
        AgeBytes inflated;
        ASSERT_TRUE(inflateVector(v.file, inflated)) << "zlib data does not inflate";
        v.file.swap(inflated);
    } else {
        ASSERT_TRUE(v.get("compressed").empty()) << "unknown compression " << v.get("compressed");
    }

    AgeDecryptOptions opt;
    const auto ids = v.meta.equal_range("identity");
    for (auto it = ids.first; it != ids.second; ++it) {
        auto id = X25519Identity::parse(it->second);
        ASSERT_TRUE(id) << id.error().code;
        opt.identities.push_back(*id);
    }
    const auto pws = v.meta.equal_range("passphrase");
    for (auto it = pws.first; it != pws.second; ++it) opt.passphrases.push_back(it->second);

    EXPECT_EQ(ageLooksArmored(v.file), v.get("armored") == "yes");

    crypto_hash_sha256_state sha;
    crypto_hash_sha256_init(&sha);
    const Status st = ageDecryptTo(v.file, opt, [&](const std::uint8_t* p, std::size_t n) {
        crypto_hash_sha256_update(&sha, p, n);
    });
    std::uint8_t digest[32];
    crypto_hash_sha256_final(&sha, digest);

    EXPECT_EQ(outcomeOf(st), v.get("expect")) << (st ? std::string("decrypted") : st.error().code);
    if (!v.get("payload").empty()) {
        EXPECT_EQ(hex(digest, sizeof digest), v.get("payload"));
    }
    if (!st) {
        // Every failure a vector reaches has its words in both catalogues
        // (a code without a text would show as "[code]").
        for (bool dutch : {false, true}) {
            const std::string words = errorText(st.error(), dutch);
            EXPECT_FALSE(words.empty());
            EXPECT_EQ(words.find('['), std::string::npos) << words;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Shared, AgeVectorTest, ::testing::ValuesIn(listVectors()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(AgeVectors, FolderIsPresentAndComplete) {
    if (!fs::is_directory(vectorDir())) {
        GTEST_SKIP() << "age test vectors not found at " << vectorDir().string()
                     << " (set WELKOM_SHARED_DIR); the conformance tests did not run";
    }
    EXPECT_GE(listVectors().size(), 80u);
}

// The wasm build inflates with the test's own decoder; prove it against zlib natively.
TEST(AgeVectors, OwnInflateMatchesZlib) {
#ifndef WELKOM_TEST_HAVE_ZLIB
    GTEST_SKIP() << "zlib not linked in this build (wasm): nothing to compare the test inflater with";
#else
    int compared = 0;
    for (const std::string& name : listVectors()) {
        Vector v;
        ASSERT_TRUE(parseVector(readFile(vectorDir() / name), v));
        if (v.get("compressed") != "zlib") continue;
        AgeBytes viaZlib, viaOwn;
        ASSERT_TRUE(inflateVector(v.file, viaZlib)) << name;
        ASSERT_TRUE(testing_inflate::zlibDecompress(v.file, viaOwn)) << name;
        EXPECT_EQ(viaOwn, viaZlib) << name;
        ++compared;
    }
    if (compared == 0) GTEST_SKIP() << "no compressed vectors found at " << vectorDir().string();
#endif
}

}  // namespace
}  // namespace welkom
