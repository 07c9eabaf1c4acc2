// The QR encoder against the standard: Reed-Solomon against the worked
// examples' codewords, the format and version information against the
// standard's tables, the block table against the symbol's own module count,
// the function patterns module by module, and (when the machine has zbar's
// `zbarimg`) whole symbols read back by a real decoder.
#include "app/qr_code.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace welkom {
namespace {

using qr_detail::blockLayout;

// ISO/IEC 18004 Annex I: "01234567" as 1-M; its 16 data codewords and the
// 10 error correction codewords the standard lists.
TEST(QrCode, ReedSolomonMatchesTheStandardsWorkedExample) {
    const std::vector<std::uint8_t> data = {0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11,
                                            0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11};
    const std::vector<std::uint8_t> expected = {0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55};
    EXPECT_EQ(qr_detail::reedSolomon(data, 10), expected);
}

// "HELLO WORLD" as 1-M (alphanumeric), a second widely published vector.
TEST(QrCode, ReedSolomonMatchesHelloWorld1M) {
    const std::vector<std::uint8_t> data = {0x20, 0x5B, 0x0B, 0x78, 0xD1, 0x72, 0xDC, 0x4D,
                                            0x43, 0x40, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11};
    const std::vector<std::uint8_t> expected = {0xC4, 0x23, 0x27, 0x77, 0xEB, 0xD7, 0xE7, 0xE2, 0x5D, 0x17};
    EXPECT_EQ(qr_detail::reedSolomon(data, 10), expected);
}

// Table C.1 of the standard, level M, masks 0 to 7.
TEST(QrCode, FormatInformationMatchesTheStandardsTable) {
    const int expected[8] = {0b101010000010010, 0b101000100100101, 0b101111001111100, 0b101101101001011,
                             0b100010111111001, 0b100000011001110, 0b100111110010111, 0b100101010100000};
    for (int mask = 0; mask < 8; ++mask) EXPECT_EQ(qr_detail::formatBits(mask), expected[mask]) << mask;
}

// Table D.1: versions 7, 10, 21 and 40.
TEST(QrCode, VersionInformationMatchesTheStandardsTable) {
    EXPECT_EQ(qr_detail::versionBits(7), 0x07C94);
    EXPECT_EQ(qr_detail::versionBits(10), 0x0A4D3);
    EXPECT_EQ(qr_detail::versionBits(21), 0x15683);
    EXPECT_EQ(qr_detail::versionBits(40), 0x28C69);
}

// The block table and the placed function patterns agree: every version's
// codewords fill its data modules, with the standard's 0, 3, 4 or 7 remainder bits.
TEST(QrCode, BlockTableFillsEveryVersionExactly) {
    for (int v = kQrMinVersion; v <= kQrMaxVersion; ++v) {
        const int modules = qr_detail::dataModuleCount(v);
        const int remainder = modules - 8 * blockLayout(v).totalCodewords();
        const int expectedRemainder = v == 1 ? 0 : v <= 6 ? 7 : v <= 13 ? 0 : v <= 20 ? 3 : v <= 27 ? 4 : v <= 34 ? 3 : 0;
        EXPECT_EQ(remainder, expectedRemainder) << "version " << v;
    }
    // Byte capacities at level M (Table 7): 14 bytes in version 1, 213 in version 10, 2,331 in version 40.
    EXPECT_EQ(blockLayout(1).dataCodewords(), 16);
    EXPECT_EQ(blockLayout(10).dataCodewords(), 216);
    EXPECT_EQ(blockLayout(40).dataCodewords(), 2334);
}

TEST(QrCode, ChoosesTheSmallestVersion) {
    EXPECT_EQ(encodeQrCode(std::string(14, 'a'))->version, 1);
    EXPECT_EQ(encodeQrCode(std::string(15, 'a'))->version, 2);
    EXPECT_EQ(encodeQrCode(std::string(213, 'a'))->version, 10);
    EXPECT_EQ(encodeQrCode(std::string(214, 'a'))->version, 11);
    EXPECT_EQ(encodeQrCode(std::string(2331, 'a'))->version, 40);
    EXPECT_EQ(encodeQrCode(std::string(2332, 'a')).error().code, "qr.too_long");
}

// Finder patterns in three corners, timing patterns between them, the dark
// module, and the format information in both places, read back.
TEST(QrCode, FunctionPatternsAndFormatAreWhereTheStandardPutsThem) {
    const Result<QrCode> qr = encodeQrCode("https://example.org/welkom/signup.html#v=1&form=household");
    ASSERT_TRUE(qr);
    const int n = qr->size;
    EXPECT_EQ(n, 4 * qr->version + 17);
    auto finderAt = [&](int x0, int y0) {
        for (int dy = 0; dy < 7; ++dy)
            for (int dx = 0; dx < 7; ++dx) {
                const int ring = std::max(std::abs(dx - 3), std::abs(dy - 3));
                EXPECT_EQ(qr->dark(x0 + dx, y0 + dy), ring != 2) << x0 + dx << "," << y0 + dy;
            }
    };
    finderAt(0, 0);
    finderAt(n - 7, 0);
    finderAt(0, n - 7);
    for (int i = 8; i < n - 8; ++i) {
        EXPECT_EQ(qr->dark(i, 6), i % 2 == 0);
        EXPECT_EQ(qr->dark(6, i), i % 2 == 0);
    }
    EXPECT_TRUE(qr->dark(8, n - 8));
    int first = 0, second = 0;
    for (int i = 0; i <= 5; ++i) first |= qr->dark(8, i) << i;
    first |= qr->dark(8, 7) << 6 | qr->dark(8, 8) << 7 | qr->dark(7, 8) << 8;
    for (int i = 9; i < 15; ++i) first |= qr->dark(14 - i, 8) << i;
    for (int i = 0; i < 8; ++i) second |= qr->dark(n - 1 - i, 8) << i;
    for (int i = 8; i < 15; ++i) second |= qr->dark(8, n - 15 + i) << i;
    EXPECT_EQ(first, qr_detail::formatBits(qr->mask));
    EXPECT_EQ(second, first);
}

TEST(QrCode, ChosenMaskHasTheLowestPenalty) {
    const std::string link = "https://example.org/welkom/signup.html#v=1&form=group-member&programme=Samen%20Hier";
    const Result<QrCode> chosen = encodeQrCode(link);
    ASSERT_TRUE(chosen);
    for (int mask = 0; mask < 8; ++mask)
        EXPECT_LE(qr_detail::penalty(*chosen), qr_detail::penalty(*encodeQrCodeWithMask(link, mask))) << mask;
}

TEST(QrCode, SvgHasTheQuietZoneAndOneSquarePerDarkRun) {
    const Result<QrCode> qr = encodeQrCode("welkom");
    ASSERT_TRUE(qr);
    const std::string svg = qrCodeSvg(*qr);
    EXPECT_NE(svg.find("viewBox=\"0 0 29 29\""), std::string::npos);  // 21 + 2 x 4
    EXPECT_NE(svg.find("M4 4h7v1h-7z"), std::string::npos);            // the top-left finder's top row
}

// Whole symbols read back by zbar, when the machine has it (Debian: zbar-tools).
void writePgm(const QrCode& qr, const std::string& path) {
    const int scale = 4, side = (qr.size + 2 * kQrQuietZone) * scale;
    std::ofstream out(path, std::ios::binary);
    out << "P5\n" << side << " " << side << "\n255\n";
    for (int py = 0; py < side; ++py)
        for (int px = 0; px < side; ++px) {
            const int x = px / scale - kQrQuietZone, y = py / scale - kQrQuietZone;
            const bool dark = x >= 0 && y >= 0 && x < qr.size && y < qr.size && qr.dark(x, y);
            out.put(static_cast<char>(dark ? 0 : 255));
        }
}

std::string decodeWithZbar(const std::string& path) {
    const std::string command = "zbarimg --quiet --raw -Sbinary '" + path + "' 2>/dev/null";
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[4096];
        std::size_t n;
        while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
        pclose(pipe);
    }
    return out;
}

TEST(QrCode, ZbarReadsEverySymbolBack) {
#ifdef __EMSCRIPTEN__
    GTEST_SKIP() << "no processes under Node";
#else
    if (std::system("command -v zbarimg >/dev/null 2>&1") != 0) GTEST_SKIP() << "zbarimg not installed";
#endif
    const std::string path = ::testing::TempDir() + "/welkom-qr-test-" + std::to_string(::getpid()) + ".pgm";
    std::vector<std::string> texts = {
        "https://example.org/welkom/signup.html#v=1&form=household&programme=Samen%20Hier%20Haarlem&"
        "key=age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p",
        "file:///home/fictief/USB/welkom-signup.html#v=1&form=group-member&programme=Test",
        "Welkom, \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD1\x96\xD1\x82",
    };
    // One text per version range and every mask.
    for (std::size_t length : {1u, 14u, 40u, 100u, 150u, 213u, 300u, 500u, 900u, 1500u, 2331u})
    {
        std::string text;
        for (std::size_t i = 0; i < length; ++i) text += static_cast<char>('!' + (i * 7) % 90);
        texts.push_back(std::move(text));
    }
    for (const std::string& text : texts) {
        for (int mask = 0; mask < 8; ++mask) {
            const Result<QrCode> qr = encodeQrCodeWithMask(text, mask);
            ASSERT_TRUE(qr);
            writePgm(*qr, path);
            std::string decoded = decodeWithZbar(path);
            if (!decoded.empty() && decoded.back() == '\n') decoded.pop_back();
            EXPECT_TRUE(decoded == text) << "version " << qr->version << " mask " << mask << ": read back "
                                         << decoded.size() << " bytes of " << text.size();
        }
    }
    std::remove(path.c_str());
}

}  // namespace
}  // namespace welkom
