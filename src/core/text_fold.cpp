#include "core/text_fold.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace welkom {
namespace {

struct FoldRow {
    char32_t codePoint;
    const char* folded;  // UTF-8
};

constexpr FoldRow kFoldTable[] = {
#include "core/text_fold_table.inc"
};

// Next code point of `text` from `pos` (advanced past it); U+FFFD for bytes
// that are not valid UTF-8, one byte at a time.
char32_t nextCodePoint(std::string_view text, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || pos + static_cast<std::size_t>(length) > text.size()) {
        ++pos;
        return 0xFFFD;
    }
    char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
    for (int k = 1; k < length; ++k) {
        const unsigned char next = byte(pos + static_cast<std::size_t>(k));
        if ((next & 0xC0) != 0x80) {
            ++pos;
            return 0xFFFD;
        }
        cp = (cp << 6) | (next & 0x3F);
    }
    pos += static_cast<std::size_t>(length);
    return cp;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool inRange(char32_t cp, char32_t first, char32_t last) { return cp >= first && cp <= last; }

// Characters search and sorting look through: format characters (joiners,
// bidi marks, soft hyphen), combining accents of decomposed input, Arabic
// vowel and Quranic marks, and the tatweel that only stretches a word.
bool ignored(char32_t cp) {
    return cp == 0x00AD || inRange(cp, 0x0300, 0x036F) || inRange(cp, 0x200B, 0x200F) || inRange(cp, 0x202A, 0x202E) ||
           inRange(cp, 0x2060, 0x2069) || cp == 0xFEFF || cp == 0x0640 || inRange(cp, 0x0610, 0x061A) ||
           inRange(cp, 0x064B, 0x065F) || cp == 0x0670 || inRange(cp, 0x06D6, 0x06DC) || inRange(cp, 0x06DF, 0x06E8) ||
           inRange(cp, 0x06EA, 0x06ED);
}

// One letter of the Arabic script as search sees it (0 when not a variant).
char32_t arabicBase(char32_t cp) {
    switch (cp) {
        case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673: return 0x0627;  // alef
        case 0x0649: case 0x06CC: case 0x0626: case 0x06D0: return 0x064A;                           // yeh
        case 0x06A9: case 0x06AA: return 0x0643;                                                      // kaf
        case 0x0629: case 0x06C0: case 0x06C1: case 0x06D5: return 0x0647;                           // heh
        case 0x0624: return 0x0648;                                                                   // waw
        default: break;
    }
    if (inRange(cp, 0x0660, 0x0669)) return U'0' + (cp - 0x0660);
    if (inRange(cp, 0x06F0, 0x06F9)) return U'0' + (cp - 0x06F0);
    return 0;
}

// Appends the folded form of `cp` to `out` as code points.
void appendFolded(char32_t cp, std::u32string& out) {
    if (ignored(cp)) return;
    if (const char32_t base = arabicBase(cp)) {
        out += base;
        return;
    }
    const auto* end = std::end(kFoldTable);
    const auto* row = std::lower_bound(std::begin(kFoldTable), end, cp,
                                       [](const FoldRow& r, char32_t c) { return r.codePoint < c; });
    if (row == end || row->codePoint != cp) {
        out += cp;
        return;
    }
    const std::string_view folded(row->folded);
    for (std::size_t pos = 0; pos < folded.size();) out += nextCodePoint(folded, pos);
}

std::u32string fold32(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) appendFolded(nextCodePoint(text, pos), out);
    return out;
}

// Primary weight of a folded letter: its code point, except letters that an
// alphabet puts right after another one (code point order has them elsewhere).
std::uint32_t weight(char32_t cp) {
    switch (cp) {
        case 0x067E: return 0x0628 * 8 + 1;  // پ after ب
        case 0x0686: return 0x062C * 8 + 1;  // چ after ج
        case 0x0698: return 0x0632 * 8 + 1;  // ژ after ز
        case 0x06AF: return 0x0643 * 8 + 1;  // گ after ک
        case 0x0491: return 0x0433 * 8 + 1;  // ґ after г
        case 0x0454: return 0x0435 * 8 + 1;  // є after е
        case 0x0456: return 0x0438 * 8 + 1;  // і after и
        case 0x0457: return 0x0438 * 8 + 2;  // ї after і
        case 0x0439: return 0x0438 * 8 + 3;  // й after ї
        default: return static_cast<std::uint32_t>(cp) * 8;
    }
}

void appendWeight(std::string& key, std::uint32_t w) {
    key += static_cast<char>((w >> 16) & 0xFF);
    key += static_cast<char>((w >> 8) & 0xFF);
    key += static_cast<char>(w & 0xFF);
}

bool isDigit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }

}  // namespace

std::string searchFold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t cp : fold32(text)) appendUtf8(out, cp);
    return out;
}

bool textContains(std::string_view text, std::string_view needle) {
    if (needle.empty()) return true;
    return searchFold(text).find(searchFold(needle)) != std::string::npos;
}

std::string sortKey(std::string_view text) {
    const std::u32string folded = fold32(text);
    std::string key;
    key.reserve(folded.size() * 3 + text.size() + 3);
    for (std::size_t i = 0; i < folded.size();) {
        if (!isDigit(folded[i])) {
            appendWeight(key, weight(folded[i++]));
            continue;
        }
        // A number: below every letter, then by its count of digits, then digit by digit.
        while (i + 1 < folded.size() && folded[i] == U'0' && isDigit(folded[i + 1])) ++i;
        std::size_t end = i;
        while (end < folded.size() && isDigit(folded[end])) ++end;
        appendWeight(key, 1);
        appendWeight(key, static_cast<std::uint32_t>(std::min<std::size_t>(end - i, 0xFFFFFF)));
        for (; i < end; ++i) key += static_cast<char>(folded[i]);
    }
    appendWeight(key, 0);  // then the text as written: accents and case break ties
    key.append(text.data(), text.size());
    return key;
}

bool textLess(std::string_view a, std::string_view b) { return sortKey(a) < sortKey(b); }

}  // namespace welkom
