// Hostile input at the readers, for the limits and cases the per-reader tests
// (roster_json_test, csv_test, age_test, jobs_test) do not already cover: the
// "just under" side of limits tested there only from above, NUL bytes and byte
// order marks in odd places, a million columns. Opening such files through
// the app is tested in tests/app/hostile_files_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "app/text/messages.h"
#include "io/age.h"
#include "io/csv.h"
#include "io/roster_csv.h"
#include "io/roster_json.h"

namespace welkom {
namespace {

const std::string kBom = "\xEF\xBB\xBF";
const std::string kHeader = "{\"format\":\"welkom-roster\",\"version\":1";

// [SECTION] Roster JSON

TEST(HostileJson, FileSizeExactlyAtTheLimitLoads) {
    std::string text = kHeader + "}";
    text.resize(kMaxRosterBytes, ' ');  // trailing whitespace is valid JSON
    Result<LoadedRoster> atLimit = loadRoster(text);
    ASSERT_TRUE(atLimit.ok()) << errorText(atLimit.error(), false);
    text.push_back(' ');
    Result<LoadedRoster> over = loadRoster(text);
    ASSERT_FALSE(over.ok());
    EXPECT_EQ(over.error().code, "file.too_large");
    EXPECT_EQ(errorText(over.error(), false), "The file is larger than 64 MB; a roster is never that large.");
    EXPECT_EQ(errorText(over.error(), true), "Het bestand is groter dan 64 MB; zo groot is een deelnemerslijst nooit.");
}

TEST(HostileJson, ObjectMembersExactlyAtTheLimitLoad) {
    auto wide = [](std::size_t members) {
        std::string s = kHeader + ",\"x\":{";
        for (std::size_t i = 0; i < members; ++i) s += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
        return s + "}}";
    };
    EXPECT_TRUE(loadRoster(wide(kMaxObjectMembers)).ok());
    EXPECT_EQ(loadRoster(wide(kMaxObjectMembers + 1)).error().code, "json.too_many_members");
}

TEST(HostileJson, NulBytesAreSyntaxErrorsButAnEscapedNulIsText) {
    const std::string raw = kHeader + ",\"programmeName\":\"a" + std::string(1, '\0') + "b\"}";
    Result<LoadedRoster> r = loadRoster(raw);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "json.syntax");
    EXPECT_NE(errorText(r.error(), false).find("control character"), std::string::npos) << errorText(r.error(), false);
    EXPECT_EQ(loadRoster(kHeader + std::string(1, '\0') + "}").error().code, "json.syntax");

    // "\u0000" is valid JSON for a NUL character: kept, and written back escaped.
    Result<LoadedRoster> escaped = loadRoster(kHeader + ",\"programmeName\":\"a\\u0000b\"}");
    ASSERT_TRUE(escaped.ok()) << errorText(escaped.error(), false);
    EXPECT_EQ(escaped->roster.programmeName, std::string("a\0b", 3));
    Result<LoadedRoster> again = loadRoster(writeRoster(escaped->roster));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->roster, escaped->roster);
}

TEST(HostileJson, ByteOrderMarks) {
    EXPECT_TRUE(loadRoster(kBom + kHeader + "}").ok()) << "one in front, as Windows editors write";
    for (const std::string& text : {kBom + kBom + kHeader + "}", "{" + kBom + "\"format\":\"welkom-roster\"}",
                                    kHeader + "}" + kBom, " " + kBom + kHeader + "}"}) {
        Result<LoadedRoster> r = loadRoster(text);
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, "json.syntax");
        EXPECT_NE(errorText(r.error(), false).find("line 1, column"), std::string::npos) << errorText(r.error(), false);
    }
    // Inside a string it is a character like any other.
    Result<LoadedRoster> inString = loadRoster(kHeader + ",\"programmeName\":\"" + kBom + "x\"}");
    ASSERT_TRUE(inString.ok());
    EXPECT_EQ(inString->roster.programmeName, kBom + "x");
}

// [SECTION] CSV

TEST(HostileCsv, AMillionColumnsFailFastNamingTheRow) {
    std::string text = "naam\n";
    text.append(999999, ',');
    text += "\n";
    Result<CsvTable> t = readCsv(text);
    ASSERT_FALSE(t);
    EXPECT_EQ(t.error().code, "csv.too_many_columns");
    EXPECT_NE(errorText(t.error(), false).find("row 2"), std::string::npos) << errorText(t.error(), false);
    const CsvImportPreview p = previewHouseholdImport(text, Roster{});
    ASSERT_TRUE(p.hasErrors());
    EXPECT_EQ(p.problems[0].code, "csv.too_many_columns");
}

TEST(HostileCsv, NumbersBeyondDoubleRangeAreNotAges) {
    const CsvImportPreview p =
        previewHouseholdImport("naam,gemeente,volwassene1_leeftijd\nFamilie A,Voorbeeldstad,1e400\n", Roster{});
    ASSERT_TRUE(p.hasErrors());
    const auto age = std::find_if(p.problems.begin(), p.problems.end(), [](const CsvProblem& x) { return x.code == "csv.age"; });
    ASSERT_NE(age, p.problems.end());
    EXPECT_EQ(age->row, 2u);
    EXPECT_EQ(age->column, 3u);
    EXPECT_NE(formatCsvProblemText(*age, false).find("1e400"), std::string::npos) << formatCsvProblemText(*age, false);
}

TEST(HostileCsv, ByteOrderMarksInsideTheFileAreInvisibleAndIgnored) {
    // Two exports pasted together leave a BOM in front of the header or a row;
    // it must not hide a column or end up in a name.
    const std::string rows = "naam,gemeente,volwassene1_leeftijd,volwassene1_talen\n" + kBom +
                             "Familie A," + kBom + "Voorbeeldstad" + kBom + ",30,ar:native\n";
    for (const std::string& text : {kBom + kBom + rows, rows}) {
        const CsvImportPreview p = previewHouseholdImport(text, Roster{});
        EXPECT_FALSE(p.hasErrors()) << (p.problems.empty() ? "" : formatCsvProblemText(p.problems[0], false));
        ASSERT_EQ(p.households.size(), 1u);
        EXPECT_EQ(p.households[0].displayName, "Familie A");
        EXPECT_EQ(p.households[0].municipality, "Voorbeeldstad");
    }
}

// [SECTION] age

TEST(HostileAge, WorkFactorExactlyAtTheBuildCapIsParsed) {
    auto enc = ageEncryptWithPassphrase(AgeBytes{'x'}, "pw", 10);
    ASSERT_TRUE(enc);
    std::string s(enc->begin(), enc->end());
    const std::size_t at = s.find(" 10\n");
    ASSERT_NE(at, std::string::npos);
    AgeDecryptOptions noPassphrase;  // so scrypt never runs: only the parser decides
    auto withFactor = [&](int logN) {
        std::string t = s;
        t.replace(at, 4, " " + std::to_string(logN) + "\n");
        return ageDecrypt(AgeBytes(t.begin(), t.end()), noPassphrase);
    };
    EXPECT_EQ(ageErrorKind(withFactor(kAgeMaxWorkFactor).error()), AgeErrorKind::NoMatch);
    auto over = withFactor(kAgeMaxWorkFactor + 1);
    EXPECT_EQ(ageErrorKind(over.error()), AgeErrorKind::WorkFactorTooHigh);
    // The cap is named in what the coordinator reads.
    ASSERT_EQ(over.error().args.size(), 1u);
    const Arg& detail = over.error().args[0];
    EXPECT_EQ(detail.text, "age.detail.work_factor_above_limit");
    ASSERT_EQ(detail.items.size(), 2u);
    EXPECT_EQ(detail.items[1], Arg::integerOf(kAgeMaxWorkFactor));
}

TEST(HostileAge, ValidHeaderWithTruncatedPayloadNamesTheDamage) {
    auto id = X25519Identity::generate();
    ASSERT_TRUE(id);
    auto enc = ageEncrypt(AgeBytes(100, 'x'), {id->recipient()});
    ASSERT_TRUE(enc);
    AgeDecryptOptions options;
    options.identities.push_back(*id);
    AgeBytes cut(enc->begin(), enc->end() - 1);
    auto r = ageDecrypt(cut, options);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "age.payload");
    ASSERT_EQ(r.error().args.size(), 1u) << "names the damage";
    EXPECT_EQ(r.error().args[0].kind, Arg::Kind::Message);
}

}  // namespace
}  // namespace welkom
