// QR codes (ISO/IEC 18004) for the sign-up links a coordinator prints on a
// flyer: byte mode, error correction level M (15 % of the symbol may be lost),
// the smallest version 1..40 that holds the text, and the mask with the
// lowest penalty by the standard's four rules. Pure computation: the
// interface draws the modules, qrCodeSvg() makes the printable file.
//
//   Result<QrCode> qr = encodeQrCode("https://example.org/signup.html#v=1&...");
//   for (int y = 0; y < qr->size; ++y) for (int x = 0; x < qr->size; ++x) if (qr->dark(x, y)) ...
//   std::string svg = qrCodeSvg(*qr);
//
// The parts are exposed for the tests, which check them against the
// standard's worked examples (tests/app/qr_code_test.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace welkom {

constexpr int kQrMinVersion = 1;
constexpr int kQrMaxVersion = 40;
// Quiet zone around the symbol that readers need, in modules.
constexpr int kQrQuietZone = 4;

struct QrCode {
    int version = 1;
    int size = 21;  // modules per side: 4 * version + 17
    int mask = 0;   // 0..7, the pattern chosen by penalty
    std::vector<std::uint8_t> modules;  // size * size, row by row; 1 = dark
    bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y * size + x)] != 0; }
};

// The symbol for `text` (its bytes, UTF-8 as is). "qr.too_long" when even
// version 40 cannot hold it (2,331 bytes at level M).
Result<QrCode> encodeQrCode(std::string_view text);
// The same with the mask given (0..7) instead of chosen: tests and the penalty rules.
Result<QrCode> encodeQrCodeWithMask(std::string_view text, int mask);

// A square SVG of the symbol with its quiet zone, black on white, one unit
// per module (scales to any print size).
std::string qrCodeSvg(const QrCode& code);

namespace qr_detail {

// Error correction blocks of a version at level M.
struct BlockLayout {
    int ecPerBlock;
    int shortBlocks, shortBlockData;  // group 1
    int longBlocks;                   // group 2: shortBlockData + 1 data codewords each
    int dataCodewords() const { return shortBlocks * shortBlockData + longBlocks * (shortBlockData + 1); }
    int totalCodewords() const { return (shortBlocks + longBlocks) * ecPerBlock + dataCodewords(); }
};
BlockLayout blockLayout(int version);

// Modules left for codewords once the function patterns are placed
// (remainder bits included): the table above must fill them exactly.
int dataModuleCount(int version);

// Reed-Solomon error correction codewords of `data` (GF(256), polynomial 0x11D).
std::vector<std::uint8_t> reedSolomon(const std::vector<std::uint8_t>& data, int ecCount);

// 15-bit format information of level M with `mask`, BCH-protected and masked
// with 0x5412; 18-bit version information (versions 7 and up).
int formatBits(int mask);
int versionBits(int version);

// Penalty of a finished symbol by the four rules (runs, 2x2 blocks,
// finder-like patterns, balance of dark and light).
int penalty(const QrCode& code);

}  // namespace qr_detail

}  // namespace welkom
