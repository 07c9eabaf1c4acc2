// The CSV reader on the dialects spreadsheet programs write (semicolons, BOM,
// Windows-1252, quoted line breaks, CRLF), its limits just under and just over,
// and the writer's quoting. Header recognition and row problems of the
// importer are in roster_csv_test.cpp.
#include "io/csv.h"

#include <gtest/gtest.h>

#include <string>

#include "app/text/messages.h"

namespace welkom {
namespace {

CsvTable mustRead(std::string_view bytes, const CsvReadOptions& options = {}) {
    Result<CsvTable> t = readCsv(bytes, options);
    EXPECT_TRUE(t.ok()) << (t ? "" : errorText(t.error(), false));
    return t ? *t : CsvTable{};
}

TEST(CsvReader, CommaSeparatedUtf8) {
    const CsvTable t = mustRead("naam,gemeente\nFamilie Aarts,Haarlem\n");
    EXPECT_EQ(t.delimiter, ',');
    EXPECT_EQ(t.encoding, CsvEncoding::Utf8);
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[1], (CsvRow{"Familie Aarts", "Haarlem"}));
}

TEST(CsvReader, DetectsSemicolonsAsDutchExcelWritesThem) {
    // Dutch Excel: semicolons, and commas inside fields need no quotes.
    const CsvTable t = mustRead("naam;interesses;leeftijden kinderen\r\nFamilie Bos;koken, voetbal;4,9\r\n");
    EXPECT_EQ(t.delimiter, ';');
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[1], (CsvRow{"Familie Bos", "koken, voetbal", "4,9"}));
}

TEST(CsvReader, DetectsTabsAndHonoursAnExplicitDelimiter) {
    EXPECT_EQ(mustRead("a\tb\tc\n1\t2\t3\n").delimiter, '\t');
    CsvReadOptions forced;
    forced.delimiter = ';';
    const CsvTable t = mustRead("a,b;c\n", forced);
    EXPECT_EQ(t.rows[0], (CsvRow{"a,b", "c"}));
}

TEST(CsvReader, DelimiterInsideQuotedHeaderDoesNotCount) {
    const CsvTable t = mustRead("\"talen; niveau\",naam\nar:native,Sami\n");
    EXPECT_EQ(t.delimiter, ',');
    EXPECT_EQ(t.rows[0][0], "talen; niveau");
}

TEST(CsvReader, StripsUtf8ByteOrderMark) {
    const CsvTable t = mustRead("\xEF\xBB\xBFnaam;gemeente\nJoëlle;Zoetermeer\n");
    EXPECT_EQ(t.encoding, CsvEncoding::Utf8Bom);
    EXPECT_EQ(t.rows[0][0], "naam");
    EXPECT_EQ(t.rows[1][0], "Jo\xC3\xABlle");
}

TEST(CsvReader, TranscodesWindows1252IncludingEuroAndCurlyQuotes) {
    // "Coördinator;Opmerking" / "Loïs;€ 5 en “koffie”" as Excel's plain CSV writes them.
    const std::string cp1252 = "Co\xF6rdinator;Opmerking\r\nLo\xEFs;\x80 5 en \x93koffie\x94\r\n";
    const CsvTable t = mustRead(cp1252);
    EXPECT_EQ(t.encoding, CsvEncoding::Windows1252);
    EXPECT_EQ(t.delimiter, ';');
    EXPECT_EQ(t.rows[0][0], "Co\xC3\xB6rdinator");
    EXPECT_EQ(t.rows[1][0], "Lo\xC3\xAFs");
    EXPECT_EQ(t.rows[1][1], "\xE2\x82\xAC 5 en \xE2\x80\x9C" "koffie\xE2\x80\x9D");
    EXPECT_TRUE(isValidUtf8(t.rows[1][1]));
}

TEST(CsvReader, RefusesBytesUndefinedInWindows1252AndUtf16AndNul) {
    auto undefined = readCsv("naam\nab\x81\n");
    ASSERT_FALSE(undefined);
    EXPECT_EQ(undefined.error().code, "csv.encoding");
    EXPECT_NE(errorText(undefined.error(), false).find("line 2"), std::string::npos) << errorText(undefined.error(), false);

    auto utf16 = readCsv(std::string("\xFF\xFEn\0a\0", 6));
    ASSERT_FALSE(utf16);
    EXPECT_EQ(utf16.error().code, "csv.encoding");
    EXPECT_NE(errorText(utf16.error(), false).find("CSV UTF-8"), std::string::npos);

    auto nul = readCsv(std::string("a,b\nc\0,d\n", 9));
    ASSERT_FALSE(nul);
    EXPECT_EQ(nul.error().code, "csv.binary");
}

TEST(CsvReader, BomWithInvalidUtf8IsAnErrorNotAGuess) {
    auto r = readCsv("\xEF\xBB\xBFnaam\nok\nJo\xEBlle\n");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "csv.encoding");
    EXPECT_NE(errorText(r.error(), false).find("line 3"), std::string::npos) << errorText(r.error(), false);
}

TEST(CsvReader, QuotedFieldsWithEmbeddedNewlinesAndDoubledQuotes) {
    const CsvTable t = mustRead("naam,notities\r\n\"Familie \"\"De Vries\"\"\",\"regel 1\r\nregel 2\nregel 3\"\r\nX,y\r\n");
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(t.rows[1][0], "Familie \"De Vries\"");
    EXPECT_EQ(t.rows[1][1], "regel 1\nregel 2\nregel 3");  // line breaks in fields become LF
    EXPECT_EQ(t.rows[2], (CsvRow{"X", "y"}));
}

TEST(CsvReader, CrLfLfAndBareCrAllEndRecords) {
    for (const char* eol : {"\r\n", "\n", "\r"}) {
        const std::string text = std::string("a,b") + eol + "1,2" + eol + "3,4";
        const CsvTable t = mustRead(text);
        ASSERT_EQ(t.rows.size(), 3u) << "eol " << static_cast<int>(eol[0]);
        EXPECT_EQ(t.rows[2], (CsvRow{"3", "4"}));
    }
}

TEST(CsvReader, EmptyFieldsTrailingDelimiterBlankLinesAndNoFinalNewline) {
    const CsvTable t = mustRead("a;b;c\n;;\n\nx;;\ny");
    ASSERT_EQ(t.rows.size(), 5u);
    EXPECT_EQ(t.rows[1], (CsvRow{"", "", ""}));
    EXPECT_EQ(t.rows[2], (CsvRow{""}));
    EXPECT_EQ(t.rows[3], (CsvRow{"x", "", ""}));
    EXPECT_EQ(t.rows[4], (CsvRow{"y"}));
    EXPECT_TRUE(mustRead("").rows.empty());
}

TEST(CsvReader, TextAfterClosingQuoteIsKept) {
    const CsvTable t = mustRead("\"abc\"def,g\n");
    EXPECT_EQ(t.rows[0], (CsvRow{"abcdef", "g"}));
}

TEST(CsvReader, UnterminatedQuoteNamesRowAndColumnWhereItOpened) {
    auto r = readCsv("a,b,c\n1,2,3\n4,5,\"six\n7,8,9\n");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "csv.unterminated_quote");
    EXPECT_NE(errorText(r.error(), false).find("row 3, column 3 (C)"), std::string::npos) << errorText(r.error(), false);
    EXPECT_NE(errorText(r.error(), true).find("rij 3, kolom 3 (C)"), std::string::npos) << errorText(r.error(), true);
}

// [SECTION] Limits: exactly at the limit passes, one past fails with row and column.

TEST(CsvLimits, ColumnsJustUnderAndOver) {
    std::string atLimit(kCsvMaxColumns - 1, ',');
    EXPECT_EQ(mustRead("h\n" + atLimit + "\n").rows[1].size(), kCsvMaxColumns);
    auto over = readCsv("h\n" + atLimit + ",\n");
    ASSERT_FALSE(over);
    EXPECT_EQ(over.error().code, "csv.too_many_columns");
    EXPECT_NE(errorText(over.error(), false).find("row 2"), std::string::npos) << errorText(over.error(), false);
}

TEST(CsvLimits, FieldJustUnderAndOverQuotedAndBare) {
    const std::string field(kCsvMaxFieldBytes, 'x');
    EXPECT_EQ(mustRead("a,b\n1," + field + "\n").rows[1][1].size(), kCsvMaxFieldBytes);
    EXPECT_EQ(mustRead("a\n\"" + field + "\"\n").rows[1][0].size(), kCsvMaxFieldBytes);
    for (const std::string& text : {"a,b\n1," + field + "y\n", "a,b\n1,\"" + field + "\"\"\"\n"}) {
        auto over = readCsv(text);
        ASSERT_FALSE(over);
        EXPECT_EQ(over.error().code, "csv.field_too_long");
        EXPECT_NE(errorText(over.error(), false).find("row 2, column 2 (B)"), std::string::npos) << errorText(over.error(), false);
    }
}

TEST(CsvLimits, RowJustUnderAndOver) {
    // Five fields and four separators: exactly kCsvMaxRowBytes, then one byte more.
    const std::size_t fields = 5;
    const std::size_t each = (kCsvMaxRowBytes - (fields - 1)) / fields;
    ASSERT_LE(each + fields, kCsvMaxFieldBytes);
    std::string row;
    for (std::size_t k = 0; k < fields; ++k) row += (k > 0 ? "," : "") + std::string(each, 'x');
    row.append(kCsvMaxRowBytes - row.size(), 'y');
    ASSERT_EQ(row.size(), kCsvMaxRowBytes);
    EXPECT_EQ(mustRead("a,b,c,d,e\n" + row + "\n").rows.size(), 2u);
    auto over = readCsv("a,b,c,d,e\n" + row + "z\n");
    ASSERT_FALSE(over);
    EXPECT_EQ(over.error().code, "csv.row_too_long");
    EXPECT_NE(errorText(over.error(), false).find("row 2"), std::string::npos);
}

TEST(CsvLimits, FileJustUnderAndOver) {
    std::string big;
    big.reserve(kCsvMaxFileBytes + 1);
    const std::string line = std::string(1023, 'x') + "\n";
    std::size_t lines = 0;
    while (big.size() + line.size() <= kCsvMaxFileBytes) {
        big += line;
        ++lines;
    }
    if (big.size() < kCsvMaxFileBytes) {
        big.append(kCsvMaxFileBytes - big.size(), 'z');
        ++lines;
    }
    ASSERT_EQ(big.size(), kCsvMaxFileBytes);
    auto ok = readCsv(big);
    ASSERT_TRUE(ok) << errorText(ok.error(), false);
    EXPECT_EQ(ok->rows.size(), lines);
    big.push_back('z');
    auto over = readCsv(big);
    ASSERT_FALSE(over);
    EXPECT_EQ(over.error().code, "csv.too_large");
}

TEST(CsvLimits, TooManyCellsInTotal) {
    // Rows of 400 empty fields: far below the per-row limits, but many of them.
    const std::string row = std::string(399, ';') + "\n";
    std::string text;
    const std::size_t rowsNeeded = kCsvMaxCells / 400 + 1;
    text.reserve(row.size() * rowsNeeded);
    for (std::size_t i = 0; i < rowsNeeded; ++i) text += row;
    auto r = readCsv(text);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "csv.too_many_cells");
}

// [SECTION] Encodings and writer

TEST(CsvUtf8, RejectsOverlongsSurrogatesAndTruncation) {
    EXPECT_TRUE(isValidUtf8("abc \xC3\xAB \xE2\x82\xAC \xF0\x9F\x98\x80"));
    EXPECT_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(isValidUtf8("\xE0\x80\xAF"));      // overlong
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));      // surrogate
    EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    EXPECT_FALSE(isValidUtf8("\xE2\x82"));          // truncated
    EXPECT_FALSE(isValidUtf8("\x80"));              // lone continuation
}

TEST(CsvWriter, QuotesOnlyWhatNeedsQuotingAndRoundTrips) {
    const std::vector<CsvRow> rows = {{"naam", "notitie", "leeg"},
                                      {"Familie \"De Vries\"", "a;b", ""},
                                      {" spatie", "regel 1\nregel 2", "gewoon"}};
    CsvWriteOptions dutch;
    dutch.delimiter = ';';
    dutch.byteOrderMark = true;
    const std::string out = writeCsv(rows, dutch);
    EXPECT_EQ(out.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_NE(out.find("\"Familie \"\"De Vries\"\"\";\"a;b\";\r\n"), std::string::npos) << out;
    EXPECT_NE(out.find("\" spatie\";"), std::string::npos);
    EXPECT_NE(out.find(";gewoon\r\n"), std::string::npos);
    const CsvTable back = mustRead(out);
    EXPECT_EQ(back.delimiter, ';');
    EXPECT_EQ(back.encoding, CsvEncoding::Utf8Bom);
    EXPECT_EQ(back.rows, rows);
}

TEST(CsvWriter, GuardsFormulasButNotPhoneNumbers) {
    const std::string out = writeCsv({{"=HYPERLINK(\"x\")", "+31 6 1234 5678", "-3", "@SUM(A1)", "-x", "a=b"}}, {});
    EXPECT_EQ(out, "\"'=HYPERLINK(\"\"x\"\")\",+31 6 1234 5678,-3,'@SUM(A1),'-x,a=b\r\n");
    CsvWriteOptions raw;
    raw.guardFormulas = false;
    raw.crlf = false;
    EXPECT_EQ(writeCsv({{"=1+1"}}, raw), "=1+1\n");
}

TEST(CsvWriter, ColumnLetters) {
    EXPECT_EQ(csvColumnLetters(1), "A");
    EXPECT_EQ(csvColumnLetters(26), "Z");
    EXPECT_EQ(csvColumnLetters(27), "AA");
    EXPECT_EQ(csvColumnLetters(512), "SR");
}

}  // namespace
}  // namespace welkom
