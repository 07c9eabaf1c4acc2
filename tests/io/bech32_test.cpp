// Bech32 against the BIP-173 examples, plus age's differences (no length cap).
#include <gtest/gtest.h>

#include <cctype>

#include "io/bech32.h"

namespace welkom {
namespace {

TEST(Bech32, AcceptsBip173ValidStrings) {
    for (const char* s : {"A12UEL5L", "a12uel5l", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw"}) {
        auto d = bech32Decode(s);
        ASSERT_TRUE(d) << s;
        EXPECT_EQ(bech32Encode(d->hrp, d->data), s) << "re-encoding must give the same text";
    }
    EXPECT_EQ(bech32Decode("A12UEL5L")->hrp, "A");  // case of the hrp is kept for the caller to check
    EXPECT_EQ(bech32Decode("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw")->data.size(), 20u);
}

TEST(Bech32, RejectsBip173InvalidStrings) {
    for (const char* s : {
             "A1G7SGD8",       // checksum computed over upper case
             "pzry9x0s0muk",   // no separator
             "1pzry9x0s0muk",  // empty hrp
             "x1b4n0q5v",      // invalid data character
             "li1dgmt3",       // checksum too short
             "A12uEL5L",       // mixed case
             "a12uel5m",       // wrong checksum
             "a 12uel5l",      // space
         }) {
        auto d = bech32Decode(s);
        EXPECT_FALSE(d) << s;
        if (!d) {
            EXPECT_EQ(d.error().code, "bech32.invalid");
        }
    }
}

TEST(Bech32, HasNoNinetyCharacterLimit) {
    std::vector<std::uint8_t> data(100);
    for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(i * 7);
    const std::string s = bech32Encode("age", data);
    EXPECT_GT(s.size(), 90u);
    auto d = bech32Decode(s);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->data, data);
}

TEST(Bech32, UpperCaseHrpGivesUpperCaseTextWithTheSameChecksum) {
    const std::vector<std::uint8_t> data = {1, 2, 3, 250};
    const std::string upper = bech32Encode("AGE-SECRET-KEY-", data);
    const std::string lower = bech32Encode("age-secret-key-", data);
    std::string upperLowered = upper;
    for (char& c : upperLowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(upperLowered, lower);
    EXPECT_TRUE(bech32Decode(upper));
}

// Builds a Bech32 string from raw 5-bit groups with a valid checksum (BIP-173
// reference polymod), to reach the padding check behind the checksum check.
std::string withChecksum(const std::string& hrp, std::vector<std::uint8_t> groups) {
    static const char* kCharset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    auto polymod = [](const std::vector<std::uint8_t>& v) {
        const std::uint32_t gen[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        std::uint32_t chk = 1;
        for (std::uint8_t x : v) {
            const std::uint32_t top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ x;
            for (int i = 0; i < 5; ++i) chk ^= ((top >> i) & 1) ? gen[i] : 0;
        }
        return chk;
    };
    std::vector<std::uint8_t> v;
    for (char c : hrp) v.push_back(static_cast<std::uint8_t>(c >> 5));
    v.push_back(0);
    for (char c : hrp) v.push_back(static_cast<std::uint8_t>(c & 31));
    v.insert(v.end(), groups.begin(), groups.end());
    v.insert(v.end(), 6, 0);
    const std::uint32_t mod = polymod(v) ^ 1;
    for (int i = 0; i < 6; ++i) groups.push_back(static_cast<std::uint8_t>((mod >> (5 * (5 - i))) & 31));
    std::string out = hrp + "1";
    for (std::uint8_t g : groups) out += kCharset[g];
    return out;
}

TEST(Bech32, RejectsNonZeroPaddingBits) {
    // 0xff = 11111 111 -> groups 31, 28 (two zero padding bits).
    auto ok = bech32Decode(withChecksum("a", {31, 28}));
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->data, std::vector<std::uint8_t>{0xff});
    EXPECT_EQ(bech32Encode("a", {0xff}), withChecksum("a", {31, 28}));
    EXPECT_FALSE(bech32Decode(withChecksum("a", {31, 31})));  // padding bits set
    EXPECT_FALSE(bech32Decode(withChecksum("a", {31, 28, 0})));  // a whole spare group
}

}  // namespace
}  // namespace welkom
