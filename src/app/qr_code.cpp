// QR encoder, written from ISO/IEC 18004:2015: sections 7.4 (data
// encoding, byte mode), 7.5 (Reed-Solomon), 7.7 (placement), 7.8 (masking
// and its penalty rules), 7.9 and 7.10 (format and version information).
#include "app/qr_code.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace welkom {
namespace qr_detail {
namespace {

// Table 9 of the standard, level M: error correction codewords per block,
// blocks and data codewords of group 1, and blocks of group 2 (one data
// codeword more each). Index: version - 1.
constexpr std::array<BlockLayout, 40> kLevelM = {{
    {10, 1, 16, 0},  {16, 1, 28, 0},  {26, 1, 44, 0},  {18, 2, 32, 0},  {24, 2, 43, 0},
    {16, 4, 27, 0},  {18, 4, 31, 0},  {22, 2, 38, 2},  {22, 3, 36, 2},  {26, 4, 43, 1},
    {30, 1, 50, 4},  {22, 6, 36, 2},  {22, 8, 37, 1},  {24, 4, 40, 5},  {24, 5, 41, 5},
    {28, 7, 45, 3},  {28, 10, 46, 1}, {26, 9, 43, 4},  {26, 3, 44, 11}, {26, 3, 41, 13},
    {26, 17, 42, 0}, {28, 17, 46, 0}, {28, 4, 47, 14}, {28, 6, 45, 14}, {28, 8, 47, 13},
    {28, 19, 46, 4}, {28, 22, 45, 3}, {28, 3, 45, 23}, {28, 21, 45, 7}, {28, 19, 47, 10},
    {28, 2, 46, 29}, {28, 10, 46, 23}, {28, 14, 46, 21}, {28, 14, 46, 23}, {28, 12, 47, 26},
    {28, 6, 47, 34}, {28, 29, 46, 14}, {28, 13, 46, 32}, {28, 40, 47, 7}, {28, 18, 47, 31},
}};

// GF(256) with the field's primitive polynomial x^8 + x^4 + x^3 + x^2 + 1.
struct Galois {
    std::array<std::uint8_t, 512> exp{};
    std::array<int, 256> log{};
    Galois() {
        int x = 1;
        for (int i = 0; i < 255; ++i) {
            exp[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(x);
            log[static_cast<std::size_t>(x)] = i;
            x <<= 1;
            if (x & 0x100) x ^= 0x11D;
        }
        for (int i = 255; i < 512; ++i) exp[static_cast<std::size_t>(i)] = exp[static_cast<std::size_t>(i - 255)];
    }
    std::uint8_t mul(std::uint8_t a, std::uint8_t b) const {
        if (a == 0 || b == 0) return 0;
        return exp[static_cast<std::size_t>(log[a] + log[b])];
    }
};
const Galois& galois() {
    static const Galois g;
    return g;
}

// Remainder of a polynomial division over GF(2): the BCH codes of 7.9 and 7.10.
int bchRemainder(int value, int generator, int generatorDegree) {
    for (int bit = 31 - __builtin_clz(static_cast<unsigned>(value | 1)); bit >= generatorDegree; --bit)
        if (value & (1 << bit)) value ^= generator << (bit - generatorDegree);
    return value;
}

// Centres of the alignment patterns on each axis (Annex E): from 6 to
// size - 7, evenly spaced by an even step; version 32 is the table's exception.
std::vector<int> alignmentCentres(int version) {
    if (version == 1) return {};
    const int count = version / 7 + 2;
    const int last = 4 * version + 17 - 7;
    int step = version == 32 ? 26 : (last - 6 + count - 2) / (count - 1);
    step += step % 2;
    std::vector<int> centres(static_cast<std::size_t>(count));
    centres[0] = 6;
    for (int i = count - 1, at = last; i >= 1; --i, at -= step) centres[static_cast<std::size_t>(i)] = at;
    return centres;
}

// The symbol under construction: module colours and which modules belong to
// function patterns (not data, never masked).
struct Grid {
    int size;
    std::vector<std::uint8_t> dark, function;
    explicit Grid(int version)
        : size(4 * version + 17),
          dark(static_cast<std::size_t>(size * size)),
          function(static_cast<std::size_t>(size * size)) {}
    std::size_t at(int x, int y) const { return static_cast<std::size_t>(y * size + x); }
    void set(int x, int y, bool isDark) {
        dark[at(x, y)] = isDark ? 1 : 0;
        function[at(x, y)] = 1;
    }
};

void placeFinder(Grid& g, int cx, int cy) {  // centre of the 7x7 pattern; with its separator
    for (int dy = -4; dy <= 4; ++dy)
        for (int dx = -4; dx <= 4; ++dx) {
            const int x = cx + dx, y = cy + dy;
            if (x < 0 || y < 0 || x >= g.size || y >= g.size) continue;
            const int ring = std::max(std::abs(dx), std::abs(dy));
            g.set(x, y, ring != 2 && ring != 4);
        }
}

void placeFormat(Grid& g, int bits) {
    auto bit = [&](int i) { return ((bits >> i) & 1) != 0; };
    // Around the top-left finder.
    for (int i = 0; i <= 5; ++i) g.set(8, i, bit(i));
    g.set(8, 7, bit(6));
    g.set(8, 8, bit(7));
    g.set(7, 8, bit(8));
    for (int i = 9; i < 15; ++i) g.set(14 - i, 8, bit(i));
    // Under the top-right and beside the bottom-left finder.
    for (int i = 0; i < 8; ++i) g.set(g.size - 1 - i, 8, bit(i));
    for (int i = 8; i < 15; ++i) g.set(8, g.size - 15 + i, bit(i));
    g.set(8, g.size - 8, true);  // the dark module
}

void placeVersion(Grid& g, int version) {
    if (version < 7) return;
    const int bits = versionBits(version);
    for (int i = 0; i < 18; ++i) {
        const bool isDark = ((bits >> i) & 1) != 0;
        const int a = g.size - 11 + i % 3, b = i / 3;
        g.set(a, b, isDark);
        g.set(b, a, isDark);
    }
}

Grid functionPatterns(int version) {
    Grid g(version);
    placeFinder(g, 3, 3);
    placeFinder(g, g.size - 4, 3);
    placeFinder(g, 3, g.size - 4);
    for (int i = 8; i < g.size - 8; ++i) {
        g.set(6, i, i % 2 == 0);
        g.set(i, 6, i % 2 == 0);
    }
    const std::vector<int> centres = alignmentCentres(version);
    const int first = 6, last = g.size - 7;
    for (int cy : centres)
        for (int cx : centres) {
            const bool onFinder = (cx == first && (cy == first || cy == last)) || (cx == last && cy == first);
            if (onFinder) continue;
            for (int dy = -2; dy <= 2; ++dy)
                for (int dx = -2; dx <= 2; ++dx) g.set(cx + dx, cy + dy, std::max(std::abs(dx), std::abs(dy)) != 1);
        }
    placeFormat(g, 0);  // reserved now, written with the mask later
    placeVersion(g, version);
    return g;
}

// Byte mode segment, terminator and padding (7.4.4, 7.4.10): the data codewords.
std::vector<std::uint8_t> dataCodewords(std::string_view text, int version) {
    std::vector<bool> bits;
    auto append = [&](unsigned value, int count) {
        for (int i = count - 1; i >= 0; --i) bits.push_back(((value >> i) & 1) != 0);
    };
    append(0b0100, 4);
    append(static_cast<unsigned>(text.size()), version <= 9 ? 8 : 16);
    for (unsigned char c : text) append(c, 8);
    const std::size_t capacity = static_cast<std::size_t>(blockLayout(version).dataCodewords()) * 8;
    append(0, static_cast<int>(std::min<std::size_t>(4, capacity - bits.size())));
    while (bits.size() % 8 != 0) bits.push_back(false);
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; i < bits.size(); i += 8) {
        unsigned byte = 0;
        for (std::size_t j = 0; j < 8; ++j) byte = (byte << 1) | (bits[i + j] ? 1u : 0u);
        out.push_back(static_cast<std::uint8_t>(byte));
    }
    for (std::uint8_t pad = 0xEC; out.size() < capacity / 8; pad ^= 0xEC ^ 0x11) out.push_back(pad);
    return out;
}

// Splits into blocks, adds each block's error correction, interleaves (7.6).
std::vector<std::uint8_t> finalCodewords(const std::vector<std::uint8_t>& data, const BlockLayout& layout) {
    std::vector<std::vector<std::uint8_t>> blocks, corrections;
    std::size_t start = 0;
    for (int b = 0; b < layout.shortBlocks + layout.longBlocks; ++b) {
        const std::size_t length = static_cast<std::size_t>(layout.shortBlockData + (b < layout.shortBlocks ? 0 : 1));
        blocks.emplace_back(data.begin() + static_cast<std::ptrdiff_t>(start),
                            data.begin() + static_cast<std::ptrdiff_t>(start + length));
        corrections.push_back(reedSolomon(blocks.back(), layout.ecPerBlock));
        start += length;
    }
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; i <= static_cast<std::size_t>(layout.shortBlockData); ++i)
        for (const auto& block : blocks)
            if (i < block.size()) out.push_back(block[i]);
    for (std::size_t i = 0; i < static_cast<std::size_t>(layout.ecPerBlock); ++i)
        for (const auto& ec : corrections) out.push_back(ec[i]);
    return out;
}

// Codeword bits in two-module columns from the bottom right, up and down in
// turn, skipping the vertical timing pattern (7.7.3). Remainder bits stay light.
void placeCodewords(Grid& g, const std::vector<std::uint8_t>& codewords) {
    std::size_t bit = 0;
    const std::size_t totalBits = codewords.size() * 8;
    for (int right = g.size - 1; right >= 1; right -= 2) {
        if (right == 6) right = 5;
        const bool upward = ((right + 1) & 2) == 0;
        for (int step = 0; step < g.size; ++step) {
            const int y = upward ? g.size - 1 - step : step;
            for (int x = right; x >= right - 1; --x) {
                if (g.function[g.at(x, y)]) continue;
                if (bit < totalBits) g.dark[g.at(x, y)] = (codewords[bit / 8] >> (7 - bit % 8)) & 1;
                ++bit;
            }
        }
    }
}

bool maskApplies(int mask, int x, int y) {
    const int i = y, j = x;  // the standard's row i and column j
    switch (mask) {
        case 0: return (i + j) % 2 == 0;
        case 1: return i % 2 == 0;
        case 2: return j % 3 == 0;
        case 3: return (i + j) % 3 == 0;
        case 4: return (i / 2 + j / 3) % 2 == 0;
        case 5: return (i * j) % 2 + (i * j) % 3 == 0;
        case 6: return ((i * j) % 2 + (i * j) % 3) % 2 == 0;
        default: return ((i + j) % 2 + (i * j) % 3) % 2 == 0;
    }
}

QrCode finish(const Grid& unmasked, int version, int mask) {
    Grid g = unmasked;
    for (int y = 0; y < g.size; ++y)
        for (int x = 0; x < g.size; ++x)
            if (!g.function[g.at(x, y)] && maskApplies(mask, x, y)) g.dark[g.at(x, y)] ^= 1;
    placeFormat(g, formatBits(mask));
    return QrCode{version, g.size, mask, std::move(g.dark)};
}

}  // namespace

BlockLayout blockLayout(int version) { return kLevelM[static_cast<std::size_t>(version - 1)]; }

int dataModuleCount(int version) {
    const Grid g = functionPatterns(version);
    return static_cast<int>(std::count(g.function.begin(), g.function.end(), 0));
}

std::vector<std::uint8_t> reedSolomon(const std::vector<std::uint8_t>& data, int ecCount) {
    const Galois& gf = galois();
    // Generator polynomial (x - a^0)(x - a^1)...(x - a^(n-1)), highest power first, leading 1 left out.
    std::vector<std::uint8_t> generator(static_cast<std::size_t>(ecCount));
    generator.back() = 1;
    for (int i = 0; i < ecCount; ++i) {
        const std::uint8_t root = gf.exp[static_cast<std::size_t>(i)];
        for (std::size_t j = 0; j < generator.size(); ++j) {
            generator[j] = gf.mul(generator[j], root);
            if (j + 1 < generator.size()) generator[j] ^= generator[j + 1];
        }
    }
    std::vector<std::uint8_t> remainder(static_cast<std::size_t>(ecCount));
    for (std::uint8_t byte : data) {
        const std::uint8_t factor = byte ^ remainder.front();
        std::rotate(remainder.begin(), remainder.begin() + 1, remainder.end());
        remainder.back() = 0;
        for (std::size_t j = 0; j < remainder.size(); ++j) remainder[j] ^= gf.mul(generator[j], factor);
    }
    return remainder;
}

int formatBits(int mask) {
    const int data = (0b00 << 3) | mask;  // level M is 00
    return ((data << 10) | bchRemainder(data << 10, 0x537, 10)) ^ 0x5412;
}

int versionBits(int version) { return (version << 12) | bchRemainder(version << 12, 0x1F25, 12); }

int penalty(const QrCode& code) {
    const int n = code.size;
    int total = 0;
    // Rules 1 and 3 on every row, then on every column.
    for (int pass = 0; pass < 2; ++pass) {
        for (int line = 0; line < n; ++line) {
            auto module = [&](int k) { return pass == 0 ? code.dark(k, line) : code.dark(line, k); };
            int run = 1;
            for (int k = 1; k <= n; ++k) {
                if (k < n && module(k) == module(k - 1)) {
                    ++run;
                    continue;
                }
                if (run >= 5) total += 3 + (run - 5);
                run = 1;
            }
            // 1:1:3:1:1 dark-light-dark-light-dark with four light modules on
            // one side (outside the symbol counts as light).
            auto light = [&](int k) { return k < 0 || k >= n || !module(k); };
            for (int k = -4; k < n; ++k) {
                const bool core = !light(k) && light(k + 1) && !light(k + 2) && !light(k + 3) && !light(k + 4) &&
                                  light(k + 5) && !light(k + 6);
                if (!core) continue;
                const bool before = light(k - 1) && light(k - 2) && light(k - 3) && light(k - 4);
                const bool after = light(k + 7) && light(k + 8) && light(k + 9) && light(k + 10);
                if (before || after) total += 40;
            }
        }
    }
    // Rule 2: every 2x2 block of one colour.
    for (int y = 0; y + 1 < n; ++y)
        for (int x = 0; x + 1 < n; ++x) {
            const bool c = code.dark(x, y);
            if (c == code.dark(x + 1, y) && c == code.dark(x, y + 1) && c == code.dark(x + 1, y + 1)) total += 3;
        }
    // Rule 4: 10 points for each full 5 % the dark share is away from 50 %.
    const long dark = std::count(code.modules.begin(), code.modules.end(), 1);
    const long all = static_cast<long>(n) * n;
    total += 10 * static_cast<int>(std::labs(dark * 20 - all * 10) / all);
    return total;
}

}  // namespace qr_detail

namespace {

Result<int> chooseVersion(std::string_view text) {
    for (int v = kQrMinVersion; v <= kQrMaxVersion; ++v) {
        const std::size_t neededBits = 4 + (v <= 9 ? 8 : 16) + 8 * text.size();
        if (neededBits <= static_cast<std::size_t>(qr_detail::blockLayout(v).dataCodewords()) * 8) return v;
    }
    return codedError("qr.too_long");
}

}  // namespace

Result<QrCode> encodeQrCodeWithMask(std::string_view text, int mask) {
    using namespace qr_detail;
    Result<int> version = chooseVersion(text);
    if (!version) return version.error();
    if (mask < 0 || mask > 7) return codedError("qr.mask");
    Grid grid = functionPatterns(*version);
    placeCodewords(grid, finalCodewords(dataCodewords(text, *version), blockLayout(*version)));
    return finish(grid, *version, mask);
}

Result<QrCode> encodeQrCode(std::string_view text) {
    Result<QrCode> best = encodeQrCodeWithMask(text, 0);
    if (!best) return best;
    int bestPenalty = qr_detail::penalty(*best);
    for (int mask = 1; mask < 8; ++mask) {
        Result<QrCode> candidate = encodeQrCodeWithMask(text, mask);
        const int p = qr_detail::penalty(*candidate);
        if (p < bestPenalty) {
            bestPenalty = p;
            best = std::move(candidate);
        }
    }
    return best;
}

std::string qrCodeSvg(const QrCode& code) {
    const int side = code.size + 2 * kQrQuietZone;
    std::string path;
    for (int y = 0; y < code.size; ++y)
        for (int x = 0; x < code.size; ++x) {
            if (!code.dark(x, y)) continue;
            // One unit square per dark module, runs along a row merged.
            int run = 1;
            while (x + run < code.size && code.dark(x + run, y)) ++run;
            path += "M" + std::to_string(x + kQrQuietZone) + " " + std::to_string(y + kQrQuietZone) + "h" +
                    std::to_string(run) + "v1h-" + std::to_string(run) + "z";
            x += run - 1;
        }
    const std::string s = std::to_string(side);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + s + " " + s +
           "\" width=\"" + std::to_string(side * 8) + "\" height=\"" + std::to_string(side * 8) +
           "\" shape-rendering=\"crispEdges\">\n<rect width=\"" + s + "\" height=\"" + s +
           "\" fill=\"#fff\"/>\n<path fill=\"#000\" d=\"" + path + "\"/>\n</svg>\n";
}

}  // namespace welkom
