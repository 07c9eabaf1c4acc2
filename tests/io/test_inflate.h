// A small zlib (RFC 1950) / DEFLATE (RFC 1951) decoder for tests only, written
// from the RFCs. It exists because Emscripten's -sUSE_ZLIB downloads zlib at
// build time, which our offline wasm build cannot do; native tests use zlib and
// cross-check this decoder against it.
//
// Usage:
//   std::vector<std::uint8_t> out;
//   if (!testing_inflate::zlibDecompress(compressed, out)) FAIL();
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace welkom::testing_inflate {

class BitReader {
public:
    BitReader(const std::uint8_t* p, std::size_t n) : m_p(p), m_n(n) {}
    // Reads `need` bits (LSB first); sets failed() past the end.
    std::uint32_t bits(int need) {
        while (m_count < need) {
            if (m_pos >= m_n) {
                m_failed = true;
                return 0;
            }
            m_buf |= std::uint32_t(m_p[m_pos++]) << m_count;
            m_count += 8;
        }
        const std::uint32_t v = m_buf & ((1u << need) - 1);
        m_buf >>= need;
        m_count -= need;
        return v;
    }
    void alignToByte() {
        m_buf = 0;
        m_count = 0;
    }
    bool readByte(std::uint8_t& b) {
        if (m_pos >= m_n) return false;
        b = m_p[m_pos++];
        return true;
    }
    bool failed() const { return m_failed; }
    std::size_t bytePos() const { return m_pos; }

private:
    const std::uint8_t* m_p;
    std::size_t m_n;
    std::size_t m_pos = 0;
    std::uint32_t m_buf = 0;
    int m_count = 0;
    bool m_failed = false;
};

// Canonical Huffman code: number of codes per length and symbols in code order.
struct Huffman {
    std::uint16_t count[16] = {};
    std::vector<std::uint16_t> symbols;

    // False if the lengths over-subscribe the code space.
    bool build(const std::uint8_t* lengths, int n) {
        for (int i = 0; i < n; ++i) ++count[lengths[i]];
        count[0] = 0;
        int left = 1;
        for (int len = 1; len < 16; ++len) {
            left = left * 2 - count[len];
            if (left < 0) return false;
        }
        std::uint16_t offs[16] = {};
        for (int len = 1; len < 15; ++len) offs[len + 1] = static_cast<std::uint16_t>(offs[len] + count[len]);
        symbols.assign(static_cast<std::size_t>(n), 0);
        for (int s = 0; s < n; ++s) {
            if (lengths[s]) symbols[offs[lengths[s]]++] = static_cast<std::uint16_t>(s);
        }
        return true;
    }

    // Decodes one symbol bit by bit; -1 on error.
    int decode(BitReader& br) const {
        int code = 0, first = 0, index = 0;
        for (int len = 1; len < 16; ++len) {
            code |= static_cast<int>(br.bits(1));
            if (br.failed()) return -1;
            const int c = count[len];
            if (code - first < c) return symbols[static_cast<std::size_t>(index + code - first)];
            index += c;
            first = (first + c) << 1;
            code <<= 1;
        }
        return -1;
    }
};

inline bool inflateCodes(BitReader& br, const Huffman& lit, const Huffman& dist, std::vector<std::uint8_t>& out) {
    static const std::uint16_t kLenBase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                               31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    static const std::uint8_t kLenExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                               2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    static const std::uint16_t kDistBase[30] = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,
                                                33,  49,  65,  97,  129, 193,  257,  385,  513,  769,
                                                1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    static const std::uint8_t kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                                6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
    for (;;) {
        int sym = lit.decode(br);
        if (sym < 0) return false;
        if (sym < 256) {
            out.push_back(static_cast<std::uint8_t>(sym));
        } else if (sym == 256) {
            return true;
        } else {
            sym -= 257;
            if (sym >= 29) return false;
            const std::size_t len = kLenBase[sym] + br.bits(kLenExtra[sym]);
            const int ds = dist.decode(br);
            if (ds < 0 || ds >= 30) return false;
            const std::size_t d = kDistBase[ds] + br.bits(kDistExtra[ds]);
            if (br.failed() || d > out.size()) return false;
            const std::size_t from = out.size() - d;
            for (std::size_t i = 0; i < len; ++i) out.push_back(out[from + i]);
        }
    }
}

// Raw DEFLATE stream; `consumed` gets the number of input bytes used.
inline bool inflateRaw(const std::uint8_t* p, std::size_t n, std::vector<std::uint8_t>& out, std::size_t& consumed) {
    BitReader br(p, n);
    bool last = false;
    while (!last) {
        last = br.bits(1) != 0;
        const std::uint32_t type = br.bits(2);
        if (br.failed()) return false;
        if (type == 0) {  // stored
            br.alignToByte();
            std::uint8_t b[4];
            for (auto& x : b) {
                if (!br.readByte(x)) return false;
            }
            const unsigned len = b[0] | (b[1] << 8), nlen = b[2] | (b[3] << 8);
            if ((len ^ 0xffffu) != nlen) return false;
            for (unsigned i = 0; i < len; ++i) {
                std::uint8_t x;
                if (!br.readByte(x)) return false;
                out.push_back(x);
            }
        } else if (type == 1) {  // fixed codes
            std::uint8_t lengths[288 + 30];
            for (int i = 0; i < 144; ++i) lengths[i] = 8;
            for (int i = 144; i < 256; ++i) lengths[i] = 9;
            for (int i = 256; i < 280; ++i) lengths[i] = 7;
            for (int i = 280; i < 288; ++i) lengths[i] = 8;
            for (int i = 0; i < 30; ++i) lengths[288 + i] = 5;
            Huffman lit, dist;
            if (!lit.build(lengths, 288) || !dist.build(lengths + 288, 30)) return false;
            if (!inflateCodes(br, lit, dist, out)) return false;
        } else if (type == 2) {  // dynamic codes
            static const std::uint8_t kOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
            const int nlen = static_cast<int>(br.bits(5)) + 257;
            const int ndist = static_cast<int>(br.bits(5)) + 1;
            const int ncode = static_cast<int>(br.bits(4)) + 4;
            if (br.failed() || nlen > 286 || ndist > 30) return false;
            std::uint8_t lengths[320] = {};
            for (int i = 0; i < ncode; ++i) lengths[kOrder[i]] = static_cast<std::uint8_t>(br.bits(3));
            Huffman cl;
            if (br.failed() || !cl.build(lengths, 19)) return false;
            int i = 0;
            while (i < nlen + ndist) {
                const int sym = cl.decode(br);
                if (sym < 0) return false;
                if (sym < 16) {
                    lengths[i++] = static_cast<std::uint8_t>(sym);
                    continue;
                }
                std::uint8_t value = 0;
                int repeat = 0;
                if (sym == 16) {
                    if (i == 0) return false;
                    value = lengths[i - 1];
                    repeat = 3 + static_cast<int>(br.bits(2));
                } else if (sym == 17) {
                    repeat = 3 + static_cast<int>(br.bits(3));
                } else {
                    repeat = 11 + static_cast<int>(br.bits(7));
                }
                if (br.failed() || i + repeat > nlen + ndist) return false;
                while (repeat--) lengths[i++] = value;
            }
            Huffman lit, dist;
            if (!lit.build(lengths, nlen) || !dist.build(lengths + nlen, ndist)) return false;
            if (!inflateCodes(br, lit, dist, out)) return false;
        } else {
            return false;
        }
    }
    consumed = br.bytePos();
    return true;
}

// zlib container: 2-byte header (deflate, no preset dictionary), data, Adler-32.
inline bool zlibDecompress(const std::vector<std::uint8_t>& in, std::vector<std::uint8_t>& out) {
    out.clear();
    if (in.size() < 6) return false;
    const unsigned cmf = in[0], flg = in[1];
    if ((cmf & 0x0f) != 8 || ((cmf << 8) | flg) % 31 != 0 || (flg & 0x20)) return false;
    std::size_t used = 0;
    if (!inflateRaw(in.data() + 2, in.size() - 2, out, used)) return false;
    const std::size_t at = 2 + used;
    if (in.size() < at + 4) return false;
    std::uint32_t a = 1, b = 0;
    for (std::uint8_t x : out) {
        a = (a + x) % 65521;
        b = (b + a) % 65521;
    }
    const std::uint32_t want = (std::uint32_t(in[at]) << 24) | (std::uint32_t(in[at + 1]) << 16) |
                               (std::uint32_t(in[at + 2]) << 8) | in[at + 3];
    return ((b << 16) | a) == want;
}

}  // namespace welkom::testing_inflate
