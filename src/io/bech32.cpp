// Bech32 after BIP-173 (https://github.com/bitcoin/bips/blob/master/bip-0173.mediawiki),
// written from the specification.
#include "io/bech32.h"

#include <sodium.h>

#include <array>

namespace welkom {
namespace {

constexpr char kCharset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

std::uint32_t polymod(const std::vector<std::uint8_t>& values) {
    constexpr std::array<std::uint32_t, 5> kGen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd,
                                                   0x2a1462b3};
    std::uint32_t chk = 1;
    for (std::uint8_t v : values) {
        std::uint32_t top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ v;
        for (int i = 0; i < 5; ++i) {
            if ((top >> i) & 1) chk ^= kGen[i];
        }
    }
    return chk;
}

char toLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char toUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// hrp expanded for the checksum: high bits, a zero, low bits (over the lower-case hrp).
std::vector<std::uint8_t> hrpExpand(std::string_view hrpLower) {
    std::vector<std::uint8_t> out;
    out.reserve(hrpLower.size() * 2 + 1);
    for (char c : hrpLower) out.push_back(static_cast<std::uint8_t>(static_cast<unsigned char>(c) >> 5));
    out.push_back(0);
    for (char c : hrpLower) out.push_back(static_cast<std::uint8_t>(static_cast<unsigned char>(c) & 31));
    return out;
}

// Regroups bits; when decoding (pad == false) leftover bits must be fewer than
// `from` and zero, otherwise the encoding is not canonical.
bool convertBits(const std::vector<std::uint8_t>& in, int from, int to, bool pad,
                 std::vector<std::uint8_t>& out) {
    std::uint32_t acc = 0;
    int bits = 0;
    const std::uint32_t maxv = (1u << to) - 1;
    for (std::uint8_t v : in) {
        if ((v >> from) != 0) return false;
        acc = (acc << from) | v;
        bits += from;
        while (bits >= to) {
            bits -= to;
            out.push_back(static_cast<std::uint8_t>((acc >> bits) & maxv));
        }
    }
    if (pad) {
        if (bits > 0) out.push_back(static_cast<std::uint8_t>((acc << (to - bits)) & maxv));
    } else if (bits >= from || ((acc << (to - bits)) & maxv) != 0) {
        return false;
    }
    return true;
}

// Secret keys pass through here, so intermediate buffers are wiped.
void wipe(std::vector<std::uint8_t>& v) {
    if (!v.empty()) sodium_memzero(v.data(), v.size());
}

// What is wrong, as a bech32.detail.* code.
Error invalid(const char* detail) { return errorWithDetail("bech32.invalid", detail); }

}  // namespace

std::string bech32Encode(std::string_view hrp, const std::vector<std::uint8_t>& data) {
    bool upper = false;
    std::string hrpLower;
    for (char c : hrp) {
        if (c >= 'A' && c <= 'Z') upper = true;
        hrpLower.push_back(toLower(c));
    }
    std::vector<std::uint8_t> values;
    convertBits(data, 8, 5, true, values);
    std::vector<std::uint8_t> enc = hrpExpand(hrpLower);
    enc.insert(enc.end(), values.begin(), values.end());
    enc.insert(enc.end(), 6, 0);
    const std::uint32_t mod = polymod(enc) ^ 1;
    for (int i = 0; i < 6; ++i) values.push_back(static_cast<std::uint8_t>((mod >> (5 * (5 - i))) & 31));

    std::string out = hrpLower + '1';
    for (std::uint8_t v : values) out.push_back(kCharset[v]);
    wipe(values);
    wipe(enc);
    if (upper) {
        for (char& c : out) c = toUpper(c);
    }
    return out;
}

Result<Bech32Data> bech32Decode(std::string_view text) {
    bool hasLower = false, hasUpper = false;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x21 || u > 0x7e) return invalid("bech32.detail.character_range");
        if (c >= 'a' && c <= 'z') hasLower = true;
        if (c >= 'A' && c <= 'Z') hasUpper = true;
    }
    if (hasLower && hasUpper) return invalid("bech32.detail.mixed_case");
    const std::size_t sep = text.rfind('1');
    if (sep == std::string_view::npos || sep == 0) return invalid("bech32.detail.no_separator");
    if (text.size() - sep - 1 < 6) return invalid("bech32.detail.too_short");

    std::string hrpLower;
    for (char c : text.substr(0, sep)) hrpLower.push_back(toLower(c));
    std::vector<std::uint8_t> values;
    for (char c : text.substr(sep + 1)) {
        const char* p = nullptr;
        const char lc = toLower(c);
        for (const char* q = kCharset; *q; ++q) {
            if (*q == lc) p = q;
        }
        if (!p) return invalid("bech32.detail.alphabet");
        values.push_back(static_cast<std::uint8_t>(p - kCharset));
    }
    std::vector<std::uint8_t> chk = hrpExpand(hrpLower);
    chk.insert(chk.end(), values.begin(), values.end());
    const bool checksumOk = polymod(chk) == 1;
    wipe(chk);
    if (!checksumOk) {
        wipe(values);
        return invalid("bech32.detail.checksum");
    }

    values.resize(values.size() - 6);
    Bech32Data out;
    out.hrp = std::string(text.substr(0, sep));
    const bool paddingOk = convertBits(values, 5, 8, false, out.data);
    wipe(values);
    if (!paddingOk) {
        wipe(out.data);
        return invalid("bech32.detail.padding");
    }
    return out;
}

}  // namespace welkom
