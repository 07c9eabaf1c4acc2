// CSV as coordinators really have it: exported from Excel, LibreOffice or
// Google Sheets, sometimes edited by hand. The reader takes the bytes of a
// whole file and returns its records as UTF-8 text; the writer produces
// RFC 4180 text for mail merges.
//
// Usage:
//   Result<CsvTable> t = readCsv(bytes);            // delimiter and encoding detected
//   if (!t) show(errorText(t.error(), dutch));      // "row 12, column 3: field longer than 1 MiB"
//   else for (const CsvRow& row : t->rows) ...;     // rows[0] is the header line
//
//   std::string out = writeCsv({{"naam", "gemeente"}, {"Familie A.", "Haarlem"}}, {';', true});
//
// What the reader accepts, and why:
// - Comma, semicolon or tab separated, detected from the first record (outside
//   quotes): Excel with Dutch regional settings writes semicolons, because the
//   comma is the decimal separator there.
// - UTF-8 with or without a byte order mark (Excel's "CSV UTF-8" writes one),
//   and Windows-1252 (Excel's plain "CSV" on a Western European Windows): a file
//   that is not valid UTF-8 and has no BOM is transcoded from Windows-1252,
//   including € and curly quotes. UTF-16 files and files with NUL bytes are
//   refused with a hint to save as "CSV UTF-8".
// - Quoted fields with doubled quotes and embedded line breaks; records end
//   at CRLF, LF or CR. Line breaks inside fields become LF. Text after a
//   closing quote is kept (`"abc"def` reads as abcdef), as Python's csv does.
// - Rows may have different numbers of fields: the importer, which knows the
//   header, reports that per row.
// Rows are numbered from 1 (the header) as a spreadsheet numbers records;
// a quoted field with line breaks still counts as one row.
//
// Hostile input: the limits below are checked while reading, so a huge field
// or row fails fast with an error naming its row and column. Nothing throws.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace welkom {

// Larger files are refused before reading (the same limit as roster files).
constexpr std::size_t kCsvMaxFileBytes = std::size_t{64} * 1024 * 1024;
// Most fields in one record; sign-up sheets have tens of columns.
constexpr std::size_t kCsvMaxColumns = 512;
// Longest field and longest record (fields plus separators), in UTF-8 bytes.
// A notes column may hold a long text; nothing an intake writes comes near.
constexpr std::size_t kCsvMaxFieldBytes = std::size_t{1024} * 1024;
constexpr std::size_t kCsvMaxRowBytes = std::size_t{4} * 1024 * 1024;
// Most fields in the whole file: bounds memory for files of many tiny fields
// (a 64 MB file of ";;;;" would otherwise be 64 million strings). A sign-up
// sheet of 20,000 households with 60 columns has 1.2 million.
constexpr std::size_t kCsvMaxCells = std::size_t{4} * 1000 * 1000;

enum class CsvEncoding {
    Utf8,         // no byte order mark
    Utf8Bom,      // with EF BB BF (removed)
    Windows1252,  // transcoded to UTF-8
};

using CsvRow = std::vector<std::string>;

struct CsvTable {
    char delimiter = ',';
    CsvEncoding encoding = CsvEncoding::Utf8;
    std::vector<CsvRow> rows;  // rows[i] is row i + 1; every row has at least one field
};

struct CsvReadOptions {
    char delimiter = 0;  // 0: detect ',' ';' or '\t' from the first record
};

// Error codes: "csv.too_large", "csv.encoding", "csv.binary", "csv.too_many_columns",
// "csv.field_too_long", "csv.row_too_long", "csv.too_many_cells", "csv.unterminated_quote".
// Messages name the row and, where it applies, the column (1-based).
Result<CsvTable> readCsv(std::string_view bytes, const CsvReadOptions& options = {});

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool isValidUtf8(std::string_view bytes);

// Windows-1252 to UTF-8. Fails ("csv.encoding") on the five bytes the code page
// leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), naming the byte offset.
Result<std::string> windows1252ToUtf8(std::string_view bytes);

// The spreadsheet name of a 1-based column number: 1 -> "A", 27 -> "AA".
std::string csvColumnLetters(std::size_t column);

struct CsvWriteOptions {
    char delimiter = ',';
    bool byteOrderMark = false;  // Excel needs it to read UTF-8 (é, ë, €) correctly
    bool crlf = true;            // RFC 4180 line ends
    // Spreadsheets run a cell that starts with = + - @ as a formula, so text
    // from sign-up forms could execute when the export is opened. Such cells get
    // a leading apostrophe, except ones that look like phone numbers or
    // numbers ("+31 6 1234 5678", "-3").
    bool guardFormulas = true;
};

// Quotes a field when it holds the delimiter, a quote, CR or LF, or starts or
// ends with a space (which some spreadsheets would trim); doubles quotes.
std::string writeCsv(const std::vector<CsvRow>& rows, const CsvWriteOptions& options = {});
// A sheet for people to open in a spreadsheet program: RFC 4180 with guarded
// formulas, or with `excelSemicolons` ';' separated with a byte order mark,
// as Excel set to Dutch (and other comma-decimal languages) reads it.
std::string writeSpreadsheetCsv(const std::vector<CsvRow>& rows, bool excelSemicolons);

}  // namespace welkom
