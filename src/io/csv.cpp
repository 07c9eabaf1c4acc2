// Index:
//   [SECTION] Encodings
//   [SECTION] Reader
//   [SECTION] Writer
#include "io/csv.h"

#include <array>
#include <cstdint>

namespace welkom {

// [SECTION] Encodings -------------------------------------------------------------

bool isValidUtf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
        else return false;  // continuation byte, overlong lead (C0, C1) or F5..FF
        if (n - i < len) return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

namespace {

// Windows-1252 0x80..0x9F; 0 marks the five undefined bytes.
constexpr std::array<std::uint16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80..87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88..8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90..97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98..9F
};

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string hexByte(unsigned char b) {
    static const char* kDigits = "0123456789ABCDEF";
    return std::string("0x") + kDigits[b >> 4] + kDigits[b & 0xF];
}

// Line (1-based) of a byte offset, for errors found before records are known.
std::size_t lineOf(std::string_view s, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < s.size(); ++i) {
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) ++line;
    }
    return line;
}

Arg lineArg(std::string_view s, std::size_t offset) { return Arg::integerOf(static_cast<long long>(lineOf(s, offset))); }

// The sheet's encoding cannot be read: csv.encoding with what is wrong (a csv.detail.* message).
Error encodingError(const char* detail, std::vector<Arg> args = {}) {
    return errorWithDetail("csv.encoding", detail, std::move(args));
}

std::size_t firstInvalidUtf8(std::string_view s) {
    // Bisect-free: check growing prefixes at sequence starts. Only used for the message.
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t len = 1;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0xF0) len = 4;
        else if (c >= 0xE0) len = 3;
        else if (c >= 0xC0) len = 2;
        if (!isValidUtf8(s.substr(i, len))) return i;
        i += len;
    }
    return s.size();
}

}  // namespace

Result<std::string> windows1252ToUtf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (b < 0x80) {
            out.push_back(static_cast<char>(b));
        } else if (b < 0xA0) {
            const std::uint16_t cp = kCp1252High[b - 0x80];
            if (cp == 0) {
                return encodingError("csv.detail.undefined_byte", {lineArg(bytes, i), Arg::textOf(hexByte(b))});
            }
            appendUtf8(out, cp);
        } else {
            appendUtf8(out, b);  // Latin-1 range: the code point is the byte
        }
    }
    return out;
}

std::string csvColumnLetters(std::size_t column) {
    std::string out;
    while (column > 0) {
        const std::size_t d = (column - 1) % 26;
        out.insert(out.begin(), static_cast<char>('A' + d));
        column = (column - 1) / 26;
    }
    return out;
}

// [SECTION] Reader ----------------------------------------------------------------

namespace {

// Where in the sheet, as an argument: csv.at.row (row) or csv.at.cell (row, column, its letters).
Arg at(std::size_t row, std::size_t column) {
    const auto r = Arg::integerOf(static_cast<long long>(row));
    if (column == 0) return Arg::coded("csv.at.row", {r});
    return Arg::coded("csv.at.cell",
                      {r, Arg::integerOf(static_cast<long long>(column)), Arg::textOf(csvColumnLetters(column))});
}

// Counts candidate delimiters in the first record, outside quotes.
char detectDelimiter(std::string_view s) {
    std::size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (char c : s) {
        if (c == '"') quoted = !quoted;  // a doubled quote toggles twice: no change
        else if (quoted) continue;
        else if (c == '\n' || c == '\r') break;
        else if (c == ',') ++comma;
        else if (c == ';') ++semicolon;
        else if (c == '\t') ++tab;
    }
    if (tab > comma && tab > semicolon) return '\t';
    if (semicolon > comma) return ';';
    return ',';
}

class Reader {
public:
    Reader(std::string_view text, char delimiter) : m_s(text), m_delim(delimiter) {}

    Status run(std::vector<CsvRow>& rows) {
        std::size_t row = 1;
        while (m_i < m_s.size()) {
            CsvRow record;
            std::size_t rowBytes = 0;
            for (;;) {
                const std::size_t column = record.size() + 1;
                if (column > kCsvMaxColumns) {
                    return codedError("csv.too_many_columns", {at(row, 0), Arg::integerOf(kCsvMaxColumns)});
                }
                if (++m_cells > kCsvMaxCells) {
                    return codedError("csv.too_many_cells", {at(row, column), Arg::integerOf(kCsvMaxCells)});
                }
                std::string field;
                if (Status st = readField(row, column, field); !st) return st;
                rowBytes += field.size();
                record.push_back(std::move(field));
                if (rowBytes > kCsvMaxRowBytes) {
                    return codedError("csv.row_too_long", {at(row, 0), Arg::integerOf(kCsvMaxRowBytes >> 20)});
                }
                if (m_i < m_s.size() && m_s[m_i] == m_delim) {
                    ++m_i;
                    ++rowBytes;
                    continue;
                }
                // End of record: CRLF, LF, CR or the end of the text.
                if (m_i < m_s.size() && m_s[m_i] == '\r') ++m_i;
                if (m_i < m_s.size() && m_s[m_i] == '\n') ++m_i;
                break;
            }
            rows.push_back(std::move(record));
            ++row;
        }
        return Ok{};
    }

private:
    Status tooLong(std::size_t row, std::size_t column) const {
        return codedError("csv.field_too_long", {at(row, column), Arg::integerOf(kCsvMaxFieldBytes >> 20)});
    }

    // Appends unquoted text up to the next delimiter or line end.
    Status readBare(std::size_t row, std::size_t column, std::string& field) {
        const std::size_t start = m_i;
        while (m_i < m_s.size()) {
            const char c = m_s[m_i];
            if (c == m_delim || c == '\n' || c == '\r') break;
            ++m_i;
        }
        if (field.size() + (m_i - start) > kCsvMaxFieldBytes) return tooLong(row, column);
        field.append(m_s.data() + start, m_i - start);
        return Ok{};
    }

    Status readField(std::size_t row, std::size_t column, std::string& field) {
        if (m_i >= m_s.size() || m_s[m_i] != '"') return readBare(row, column, field);
        ++m_i;  // opening quote
        for (;;) {
            if (m_i >= m_s.size()) {
                return codedError("csv.unterminated_quote", {at(row, column)});
            }
            const char c = m_s[m_i];
            if (c == '"') {
                if (m_i + 1 < m_s.size() && m_s[m_i + 1] == '"') {
                    field.push_back('"');
                    m_i += 2;
                } else {
                    ++m_i;
                    break;
                }
            } else if (c == '\r') {
                field.push_back('\n');
                ++m_i;
                if (m_i < m_s.size() && m_s[m_i] == '\n') ++m_i;
            } else {
                // Copy a run of ordinary characters at once.
                std::size_t j = m_i;
                while (j < m_s.size() && m_s[j] != '"' && m_s[j] != '\r') ++j;
                if (field.size() + (j - m_i) > kCsvMaxFieldBytes) return tooLong(row, column);
                field.append(m_s.data() + m_i, j - m_i);
                m_i = j;
            }
            if (field.size() > kCsvMaxFieldBytes) return tooLong(row, column);
        }
        return readBare(row, column, field);  // lenient: text after the closing quote
    }

    std::string_view m_s;
    char m_delim;
    std::size_t m_i = 0;
    std::size_t m_cells = 0;
};

}  // namespace

Result<CsvTable> readCsv(std::string_view bytes, const CsvReadOptions& options) {
    if (bytes.size() > kCsvMaxFileBytes) {
        return codedError("csv.too_large", {Arg::integerOf(kCsvMaxFileBytes >> 20)});
    }
    const std::string_view kUtf16Le("\xFF\xFE", 2), kUtf16Be("\xFE\xFF", 2), kBom("\xEF\xBB\xBF", 3);
    if (bytes.substr(0, 2) == kUtf16Le || bytes.substr(0, 2) == kUtf16Be) {
        return encodingError("csv.detail.utf16");
    }
    if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
        return codedError("csv.binary", {lineArg(bytes, nul)});
    }

    CsvTable table;
    std::string decoded;
    std::string_view text = bytes;
    if (bytes.substr(0, 3) == kBom) {
        text.remove_prefix(3);
        table.encoding = CsvEncoding::Utf8Bom;
        if (!isValidUtf8(text)) {
            const std::size_t bad = firstInvalidUtf8(text);
            return encodingError("csv.detail.bad_utf8", {lineArg(text, bad)});
        }
    } else if (!isValidUtf8(text)) {
        Result<std::string> converted = windows1252ToUtf8(text);
        if (!converted) return converted.error();
        decoded = std::move(*converted);
        text = decoded;
        table.encoding = CsvEncoding::Windows1252;
    }

    table.delimiter = options.delimiter != 0 ? options.delimiter : detectDelimiter(text);
    if (Status st = Reader(text, table.delimiter).run(table.rows); !st) return st.error();
    return table;
}

// [SECTION] Writer ----------------------------------------------------------------

namespace {

bool looksLikeNumberOrPhone(std::string_view s) {
    bool digit = false;
    for (char c : s) {
        if (c >= '0' && c <= '9') digit = true;
        else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')' && c != '.' && c != ',' && c != '/')
            return false;
    }
    return digit;
}

}  // namespace

std::string writeCsv(const std::vector<CsvRow>& rows, const CsvWriteOptions& options) {
    std::string out;
    if (options.byteOrderMark) out += "\xEF\xBB\xBF";
    const char* eol = options.crlf ? "\r\n" : "\n";
    for (const CsvRow& row : rows) {
        for (std::size_t k = 0; k < row.size(); ++k) {
            if (k > 0) out.push_back(options.delimiter);
            std::string cell = row[k];
            if (options.guardFormulas && !cell.empty()) {
                const char c = cell.front();
                const bool risky = c == '=' || c == '@' || c == '\t' || c == '\r' ||
                                   ((c == '+' || c == '-') && !looksLikeNumberOrPhone(cell));
                if (risky) cell.insert(cell.begin(), '\'');
            }
            const bool quote = cell.find_first_of(std::string{options.delimiter, '"', '\r', '\n'}) != std::string::npos ||
                               (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
            if (!quote) {
                out += cell;
                continue;
            }
            out.push_back('"');
            for (char c : cell) {
                if (c == '"') out.push_back('"');
                out.push_back(c);
            }
            out.push_back('"');
        }
        out += eol;
    }
    return out;
}

std::string writeSpreadsheetCsv(const std::vector<CsvRow>& rows, bool excelSemicolons) {
    CsvWriteOptions options;
    if (excelSemicolons) {
        options.delimiter = ';';
        options.byteOrderMark = true;
    }
    return writeCsv(rows, options);
}

}  // namespace welkom
