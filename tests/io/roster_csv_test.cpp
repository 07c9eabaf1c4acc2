// Import of sign-up spreadsheets (households, group members) as preview then
// all-or-nothing apply, header recognition in Dutch and English, remapping,
// row problems with row and column, deterministic ids, the mail-merge export, the
// problems sheet that is filled in and imported again as updates by id,
// and a randomized corruption run. Fixtures (fictitious people) are in
// tests/fixtures/csv/.
#include "app/text/match_sheet.h"
#include "app/text/problems_sheet.h"
#include "app/text/messages.h"
#include "io/roster_csv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "core/demo_roster.h"
#include "core/roster_fixtures.h"
#include "core/vocabulary.h"
#include "io/fill_in_problems.h"

namespace welkom {
namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(WELKOM_SOURCE_DIR) + "/tests/fixtures/csv/" + name, std::ios::binary);
    EXPECT_TRUE(in.good()) << name;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string dump(const CsvImportPreview& p) {
    std::string s;
    for (const CsvProblem& x : p.problems)
        s += std::string(x.severity == Severity::Error ? "E " : "W ") + x.code + " " + formatCsvProblemText(x, false) + "\n";
    return s;
}

const CsvProblem* findProblem(const CsvImportPreview& p, const std::string& code, std::size_t row) {
    for (const CsvProblem& x : p.problems)
        if (x.code == code && x.row == row) return &x;
    return nullptr;
}

std::size_t errorsIn(const std::vector<Problem>& ps) { return countSeverity(ps, Severity::Error); }

// [SECTION] Households

TEST(HouseholdImport, DutchHeadersSemicolonsBomAndCrlf) {
    const CsvImportPreview p = previewHouseholdImport(fixture("households_nl_semicolon_bom_crlf.csv"), Roster{});
    ASSERT_FALSE(p.hasErrors()) << dump(p);
    EXPECT_EQ(p.encoding, CsvEncoding::Utf8Bom);
    EXPECT_EQ(p.delimiter, ';');
    EXPECT_EQ(p.dataRows, 2u);
    ASSERT_EQ(p.households.size(), 2u);
    EXPECT_EQ(p.householdRows, (std::vector<std::size_t>{2, 3}));
    for (const CsvColumn& c : p.columns) EXPECT_FALSE(c.field.empty()) << c.header << " not recognised";

    const Household& h = p.households[0];
    EXPECT_EQ(h.displayName, "Familie Testa");
    EXPECT_EQ(h.municipality, "Haarlem");
    EXPECT_EQ(h.neighbourhood, "Schalkwijk");
    ASSERT_EQ(h.members.size(), 4u);
    EXPECT_EQ(h.members[0].age, 38);
    EXPECT_EQ(h.members[0].gender, Gender::Female);
    EXPECT_EQ(h.members[0].languages,
              (std::vector<LanguageSkill>{{"ar", LanguageLevel::Native}, {"nl", LanguageLevel::A2}}));
    EXPECT_EQ(h.members[1].gender, Gender::Male);
    EXPECT_EQ(h.members[1].languages,
              (std::vector<LanguageSkill>{{"ar", LanguageLevel::Native}, {"en", LanguageLevel::B1}}));
    EXPECT_EQ(h.members[2].role, MemberRole::Child);
    EXPECT_EQ(h.members[2].age, 4);
    EXPECT_EQ(h.members[3].age, 9);
    EXPECT_EQ(h.interests, (std::vector<std::string>{"cooking", "football", "music"}));
    EXPECT_EQ(h.goals, (std::vector<std::string>{"learn_dutch", "find_work"}));
    EXPECT_EQ(h.workSectors, (std::vector<std::string>{"care"}));
    EXPECT_EQ(h.educationLevel, EducationLevel::Vocational);
    EXPECT_TRUE(h.availability.evenings && h.availability.weekends && !h.availability.weekdayDaytime);
    EXPECT_FALSE(h.preferences.womenOnlyGroup);
    EXPECT_TRUE(h.preferences.groupWithChildren);
    EXPECT_EQ(h.needs, (std::vector<std::string>{"paperwork_help"}));
    EXPECT_EQ(h.notes, "Wil graag \"snel\" starten.\nTweede regel.");
    EXPECT_TRUE(h.consent.toMatching);
    EXPECT_EQ(h.consent.toMatchingDate, "2024-02-03");

    const Household& h2 = p.households[1];
    ASSERT_EQ(h2.members.size(), 1u);
    EXPECT_EQ(h2.members[0].languages,
              (std::vector<LanguageSkill>{{"ti", LanguageLevel::Native}, {"en", LanguageLevel::A2}}));
    EXPECT_EQ(h2.interests, (std::vector<std::string>{"running", "custom:oud spelen"}));
    EXPECT_EQ(h2.workSectors, (std::vector<std::string>{"ict"}));
    EXPECT_EQ(h2.educationLevel, EducationLevel::Bachelor);
    EXPECT_TRUE(h2.availability.weekdayDaytime);
    EXPECT_EQ(h2.consent.toMatchingDate, "2024-02-05");

    // The unknown interest is kept as an own tag, with a warning at its cell.
    const CsvProblem* custom = findProblem(p, "csv.tag_custom", 3);
    ASSERT_NE(custom, nullptr) << dump(p);
    EXPECT_EQ(custom->severity, Severity::Warning);
    EXPECT_EQ(custom->column, 11u);
    EXPECT_EQ(custom->columnName, "Interesses");
    EXPECT_EQ(formatCsvProblemText(*custom, true).substr(0, 26), "rij 3, kolom K \"Interesses");
}

TEST(HouseholdImport, EnglishHeadersCommas) {
    const CsvImportPreview p = previewHouseholdImport(fixture("households_en_comma.csv"), Roster{});
    ASSERT_FALSE(p.hasErrors()) << dump(p);
    EXPECT_EQ(p.delimiter, ',');
    ASSERT_EQ(p.households.size(), 2u);
    const Household& h = p.households[0];
    EXPECT_EQ(h.displayName, "Family Example");
    ASSERT_EQ(h.members.size(), 3u);
    EXPECT_EQ(h.members[0].languages,
              (std::vector<LanguageSkill>{{"ar", LanguageLevel::Native}, {"nl", LanguageLevel::A1}}));
    EXPECT_EQ(h.members[1].age, 2);
    EXPECT_EQ(h.members[2].age, 6);
    EXPECT_EQ(h.interests, (std::vector<std::string>{"cooking", "football"}));
    EXPECT_TRUE(h.consent.toMatching);
    const Household& h2 = p.households[1];
    EXPECT_EQ(h2.members[0].languages,
              (std::vector<LanguageSkill>{{"fa", LanguageLevel::Native}, {"en", LanguageLevel::B2}}));
    EXPECT_EQ(h2.interests, (std::vector<std::string>{"chess", "board_games"}));
    EXPECT_EQ(h2.goals, (std::vector<std::string>{"find_work", "driving_licence"}));
    EXPECT_TRUE(h2.availability.weekends);
}

TEST(HouseholdImport, Windows1252FileIsTranscoded) {
    const CsvImportPreview p = previewHouseholdImport(fixture("households_cp1252.csv"), Roster{});
    ASSERT_FALSE(p.hasErrors()) << dump(p);
    EXPECT_EQ(p.encoding, CsvEncoding::Windows1252);
    ASSERT_EQ(p.households.size(), 1u);
    EXPECT_EQ(p.households[0].displayName, "Familie \xC3\x87" "a\xC3\xAF" "d");
    EXPECT_EQ(p.households[0].notes, "Kosten \xE2\x82\xAC 12 voor \xE2\x80\x9C" "fiets\xE2\x80\x9D");
    EXPECT_EQ(p.households[0].members[0].languages,
              (std::vector<LanguageSkill>{{"fr", LanguageLevel::Native}, {"nl", LanguageLevel::A1}}));
}

TEST(HouseholdImport, HeadersIgnoreCaseAccentsSpacesAndPunctuation) {
    const std::string csv =
        "  NAAM ,GEMEENTE,leeftijd_volwassene_1,Talen (volwassene 1),Coördinatie?,Hobby's\n"
        "Familie Q,Almere,50,nl:B1,x,Schaken\n";
    const CsvImportPreview p = previewHouseholdImport(csv, Roster{});
    ASSERT_FALSE(p.hasErrors()) << dump(p);
    EXPECT_EQ(p.columns[0].field, "name");
    EXPECT_EQ(p.columns[2].field, "adult1_age");
    EXPECT_EQ(p.columns[3].field, "adult1_languages");
    EXPECT_EQ(p.columns[5].field, "interests");
    EXPECT_TRUE(p.columns[4].field.empty());
    const CsvProblem* unknown = findProblem(p, "csv.header_unknown", 1);
    ASSERT_NE(unknown, nullptr);
    EXPECT_EQ(unknown->column, 5u);
    EXPECT_EQ(unknown->severity, Severity::Warning);
    EXPECT_EQ(p.households[0].interests, (std::vector<std::string>{"chess"}));
}

TEST(HouseholdImport, RemappedHeaders) {
    const std::string csv =
        "Hoe heet het gezin?;Stad;Leeftijd hoofdbewoner;Spreekt;Interne code;Leeftijden kinderen\n"
        "Familie R;Rotterdam;44;Arabisch moedertaal;X-17;\n";
    auto mapping = parseColumnMapping("Hoe heet het gezin?=name, stad=municipality,Leeftijd hoofdbewoner=adult1_age,"
                                      "Spreekt=adult1_languages,Interne code=,Leeftijden kinderen=ignore");
    ASSERT_TRUE(mapping) << errorText(mapping.error(), false);
    const CsvImportPreview p = previewHouseholdImport(csv, Roster{}, *mapping);
    ASSERT_FALSE(p.hasErrors()) << dump(p);
    for (const CsvProblem& x : p.problems)  // mapped and ignored columns raise nothing
        EXPECT_NE(x.code, "csv.header_unknown") << dump(p);
    ASSERT_EQ(p.households.size(), 1u);
    EXPECT_EQ(p.households[0].displayName, "Familie R");
    EXPECT_EQ(p.households[0].municipality, "Rotterdam");
    EXPECT_EQ(p.households[0].members[0].age, 44);
    EXPECT_EQ(p.households[0].members[0].languages, (std::vector<LanguageSkill>{{"ar", LanguageLevel::Native}}));
    EXPECT_TRUE(p.columns[4].field.empty());
    EXPECT_TRUE(p.columns[5].field.empty());
}

TEST(HouseholdImport, BadMappingsAreErrors) {
    const std::string csv = "Naam,Gemeente\nA,B\n";
    const CsvImportPreview unknownField = previewHouseholdImport(csv, Roster{}, {{"Naam", "nickname"}});
    EXPECT_NE(findProblem(unknownField, "csv.mapping", 0), nullptr) << dump(unknownField);
    const CsvImportPreview missingColumn = previewHouseholdImport(csv, Roster{}, {{"Naam van gezin", "name"}});
    EXPECT_NE(findProblem(missingColumn, "csv.mapping", 0), nullptr) << dump(missingColumn);
    EXPECT_FALSE(parseColumnMapping("Naam").ok());
    const CsvImportPreview twice = previewHouseholdImport("Naam,Name,Gemeente\nA,B,C\n", Roster{});
    const CsvProblem* dup = findProblem(twice, "csv.header_duplicate", 1);
    ASSERT_NE(dup, nullptr) << dump(twice);
    EXPECT_EQ(dup->column, 2u);
    const CsvImportPreview noMunicipality = previewHouseholdImport("Naam\nA\n", Roster{});
    EXPECT_NE(findProblem(noMunicipality, "csv.header_missing", 0), nullptr);
    EXPECT_TRUE(noMunicipality.households.empty());
}

TEST(HouseholdImport, BrokenRowsAreReportedWithRowAndColumn) {
    const CsvImportPreview p = previewHouseholdImport(fixture("households_broken.csv"), Roster{});
    EXPECT_TRUE(p.hasErrors());
    const CsvProblem* shortRow = findProblem(p, "csv.columns", 3);
    ASSERT_NE(shortRow, nullptr) << dump(p);
    EXPECT_EQ(shortRow->column, 0u);
    EXPECT_NE(formatCsvProblemText(*shortRow, false).find("3 columns but the header has 5"), std::string::npos);
    const CsvProblem* badAge = findProblem(p, "csv.age", 4);
    ASSERT_NE(badAge, nullptr) << dump(p);
    EXPECT_EQ(badAge->column, 3u);
    EXPECT_EQ(badAge->columnName, "volwassene1_leeftijd");
    EXPECT_EQ(formatCsvProblemText(*badAge, false),
              "row 4, column C \"volwassene1_leeftijd\": \"veertig\" is not an age (a whole number of years)");
    const CsvProblem* language = findProblem(p, "csv.language", 5);
    ASSERT_NE(language, nullptr) << dump(p);
    EXPECT_EQ(language->column, 4u);
    EXPECT_NE(formatCsvProblemText(*language, false).find("Klingon"), std::string::npos);
    EXPECT_NE(findProblem(p, "csv.columns", 6), nullptr) << dump(p);  // a filled extra cell
    EXPECT_EQ(findProblem(p, "csv.age", 2), nullptr);                 // the good row is fine
    // Only the good row is listed as something to add.
    ASSERT_EQ(p.households.size(), 1u);
    EXPECT_EQ(p.householdRows, (std::vector<std::size_t>{2}));

    Roster roster = testing::makeFixtureRoster();
    const Roster before = roster;
    Status s = applyImport(roster, p);
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().code, "import.has_errors");
    EXPECT_TRUE(roster == before);
}

TEST(HouseholdImport, ValueFormats) {
    const std::string csv =
        "naam;gemeente;volwassene1_leeftijd;volwassene1_talen;volwassene1_geslacht;toestemming;datum toestemming;"
        "toestemming onderzoek;leeftijden kinderen\n"
        "A;X;30;nl:c2;Vrouw;ja;1-2-2024;nee;4 jaar en 9 jaar\n"
        "B;X;30;nl=b1;F;03/02/2024;;;\n"
        "C;X;30;Nederlands (A0);;JA;29.02.2024;Yes;0\n"
        "D;X;30;nl:Z9;q;misschien;31-02-2024;;8 maanden\n";
    const CsvImportPreview p = previewHouseholdImport(csv, Roster{});
    ASSERT_EQ(p.households.size(), 3u);  // row 5 has errors
    const auto& a = p.households[0];
    EXPECT_EQ(a.members[0].languages[0].level, LanguageLevel::C2);
    EXPECT_EQ(a.members[0].gender, Gender::Female);
    EXPECT_EQ(a.consent.toMatchingDate, "2024-02-01");
    EXPECT_FALSE(a.consent.toResearch);
    ASSERT_EQ(a.members.size(), 3u);
    EXPECT_EQ(a.members[2].age, 9);
    const auto& b = p.households[1];
    EXPECT_EQ(b.members[0].languages[0].level, LanguageLevel::B1);
    EXPECT_TRUE(b.consent.toMatching);  // a date in the consent column means consent on that day
    EXPECT_EQ(b.consent.toMatchingDate, "2024-02-03");
    const auto& c = p.households[2];
    EXPECT_EQ(c.consent.toMatchingDate, "2024-02-29");
    EXPECT_TRUE(c.consent.toResearch);
    EXPECT_EQ(c.members[1].age, 0);
    for (std::size_t row = 2; row <= 4; ++row) {
        for (const CsvProblem& x : p.problems) EXPECT_FALSE(x.row == row && x.severity == Severity::Error) << dump(p);
    }
    EXPECT_NE(findProblem(p, "csv.language_level", 5), nullptr) << dump(p);
    // Vague values are warnings (left unspecified / not given / empty); the age is an error.
    for (const char* code : {"csv.gender", "csv.yes_no", "csv.date"}) {
        const CsvProblem* vague = findProblem(p, code, 5);
        ASSERT_NE(vague, nullptr) << code << "\n" << dump(p);
        EXPECT_EQ(vague->severity, Severity::Warning) << code;
    }
    EXPECT_NE(findProblem(p, "csv.age", 5), nullptr);
    // A level that is no level is a warning; the language is kept at level unknown.
    const CsvProblem* z9 = findProblem(p, "csv.language_level", 5);
    ASSERT_NE(z9, nullptr) << dump(p);
    EXPECT_EQ(z9->severity, Severity::Warning);
}

// Sheets list languages without a level ("Frans, Duits"): kept at level
// unknown, imported without an error, and the merged roster's warning asks
// for the level at the row and column the language came from.
TEST(HouseholdImport, LanguagesWithoutLevelAreKeptAsUnknown) {
    const CsvImportPreview p = previewHouseholdImport(
        "naam,gemeente,volwassene1_leeftijd,volwassene1_talen,volwassene2_leeftijd,volwassene2_talen\n"
        "A,X,30,\"Arabisch, Frans (B1)\",,\n"
        "B,X,30,Tigrinya,31,\"Koerdisch; Arabisch\"\n",
        Roster{});
    EXPECT_FALSE(p.hasErrors()) << dump(p);
    ASSERT_EQ(p.households.size(), 2u);
    EXPECT_EQ(p.households[0].members[0].languages,
              (std::vector<LanguageSkill>{{"ar", LanguageLevel::Unknown}, {"fr", LanguageLevel::B1}}));
    EXPECT_EQ(p.households[1].members[1].languages,
              (std::vector<LanguageSkill>{{"ku", LanguageLevel::Unknown}, {"ar", LanguageLevel::Unknown}}));
    const CsvProblem* ask = findProblem(p, "language.level_unknown", 2);
    ASSERT_NE(ask, nullptr) << dump(p);
    EXPECT_EQ(ask->severity, Severity::Warning);
    EXPECT_EQ(ask->column, 4u);
    std::size_t asked = 0;
    for (const CsvProblem& x : p.problems) asked += x.code == "language.level_unknown" ? 1 : 0;
    EXPECT_EQ(asked, 4u) << dump(p);
    const CsvProblem* second = nullptr;
    for (const CsvProblem& x : p.problems)
        if (x.code == "language.level_unknown" && x.row == 3 && x.column == 6) second = &x;
    EXPECT_NE(second, nullptr) << "adult 2's languages column\n" << dump(p);
    // A language named twice keeps its known level.
    const CsvImportPreview twice = previewHouseholdImport(
        "naam,gemeente,volwassene1_leeftijd,volwassene1_talen\nA,X,30,\"Arabisch, ar:B2, Arabisch\"\n", Roster{});
    ASSERT_EQ(twice.households.size(), 1u) << dump(twice);
    EXPECT_EQ(twice.households[0].members[0].languages, (std::vector<LanguageSkill>{{"ar", LanguageLevel::B2}}));
}

// A column of its own for the level of Dutch sets it for the household's
// adults (where their own languages cell gave no level of Dutch) or the member.
TEST(HouseholdImport, DutchLevelColumnSetsTheAdultsDutch) {
    const CsvImportPreview p = previewHouseholdImport(
        "Naam;Gemeente;Leeftijd volwassene 1;Talen volwassene 1;Leeftijd volwassene 2;Talen volwassene 2;"
        "Leeftijden kinderen;NT2-niveau\n"
        "A;X;30;Arabisch;32;nl:B1, ar:native;6;A1\n"
        "B;X;40;Nederlands, Tigrinya;;;;NT2 A2\n"
        "C;X;40;Dari;;;;redelijk\n"
        "D;X;40;Dari;;;;\n",
        Roster{});
    EXPECT_FALSE(p.hasErrors()) << dump(p);
    ASSERT_EQ(p.households.size(), 4u);
    EXPECT_EQ(p.columns.back().field, "dutch_level");
    const Household& a = p.households[0];
    EXPECT_EQ(a.members[0].languages,
              (std::vector<LanguageSkill>{{"ar", LanguageLevel::Unknown}, {"nl", LanguageLevel::A1}}));
    EXPECT_EQ(a.members[1].languages[0], (LanguageSkill{"nl", LanguageLevel::B1})) << "own level kept";
    EXPECT_TRUE(a.members[2].languages.empty()) << "children are not set";
    EXPECT_EQ(p.households[1].members[0].languages[0], (LanguageSkill{"nl", LanguageLevel::A2}));
    EXPECT_EQ(p.households[2].members[0].languages[1], (LanguageSkill{"nl", LanguageLevel::Unknown}));
    const CsvProblem* vague = findProblem(p, "csv.dutch_level", 4);
    ASSERT_NE(vague, nullptr) << dump(p);
    EXPECT_EQ(vague->severity, Severity::Warning);
    EXPECT_EQ(vague->column, 8u);
    EXPECT_EQ(p.households[3].members[0].languages.size(), 1u);

    const CsvImportPreview m = previewGroupMemberImport(
        "Groep,Gemeente,Naam,Leeftijd,Talen,Dutch level\nG,X,Anna Voorbeeld,40,\"Engels, Frans\",native\n", Roster{});
    ASSERT_EQ(m.groups.size(), 1u) << dump(m);
    EXPECT_EQ(m.groups[0].members[0].languages.back(), (LanguageSkill{"nl", LanguageLevel::Native}));
}

// The sheet's own words become vocabulary codes (io/term_match.h); what is
// still unknown stays an own tag with a warning, as before.
TEST(HouseholdImport, SheetsOwnWordsBecomeCodes) {
    const CsvImportPreview p = previewHouseholdImport(
        "naam;gemeente;volwassene1_leeftijd;doelen;werksector;beschikbaarheid;opleiding;interesses\n"
        "A;X;30;werk zoeken, taal leren;de zorg;evenings during the week, zaterdagochtend;HBO-opleiding;"
        "Fietsn, quilting\n"
        "B;X;31;\"a job; studying\";care;overdag en 's avonds;middelbare school;lekker koken\n",
        Roster{});
    EXPECT_FALSE(p.hasErrors()) << dump(p);
    ASSERT_EQ(p.households.size(), 2u);
    const Household& a = p.households[0];
    EXPECT_EQ(a.goals, (std::vector<std::string>{"find_work", "learn_dutch"}));
    EXPECT_EQ(a.workSectors, (std::vector<std::string>{"care"}));
    EXPECT_TRUE(a.availability.evenings && a.availability.weekends && !a.availability.weekdayDaytime);
    EXPECT_EQ(a.educationLevel, EducationLevel::Bachelor);
    EXPECT_EQ(a.interests, (std::vector<std::string>{"cycling", "custom:quilting"}));
    const Household& b = p.households[1];
    EXPECT_EQ(b.goals, (std::vector<std::string>{"find_work", "start_education"}));
    EXPECT_TRUE(b.availability.weekdayDaytime && b.availability.evenings && !b.availability.weekends);
    EXPECT_EQ(b.educationLevel, EducationLevel::Secondary);
    EXPECT_EQ(b.interests, (std::vector<std::string>{"cooking"}));
    std::size_t ownTags = 0;
    for (const CsvProblem& x : p.problems) ownTags += x.code == "csv.tag_custom" ? 1 : 0;
    EXPECT_EQ(ownTags, 1u) << dump(p);
}

TEST(HouseholdImport, EmptyRowsAreSkippedAndRowsWithoutMembersAreErrors) {
    const CsvImportPreview p = previewHouseholdImport("naam;gemeente;volwassene1_leeftijd\n;;\n\nA;X;\n", Roster{});
    EXPECT_EQ(p.dataRows, 1u);
    EXPECT_NE(findProblem(p, "csv.no_members", 4), nullptr) << dump(p);
}

// [SECTION] Apply: all or nothing, ids, validation

TEST(HouseholdImport, ApplyAddsEverythingWithDeterministicIdsAndTheRosterValidates) {
    Roster roster = testing::makeFixtureRoster();
    const std::size_t errorsBefore = errorsIn(validateRoster(roster));
    const std::string csv = fixture("households_nl_semicolon_bom_crlf.csv");
    const CsvImportPreview p = previewHouseholdImport(csv, roster);
    ASSERT_FALSE(p.hasErrors()) << dump(p);
    EXPECT_EQ(p.households[0].id, "h-1");
    EXPECT_EQ(p.households[1].id, "h-2");
    // The same file into the same roster gives the same ids.
    const CsvImportPreview again = previewHouseholdImport(csv, roster);
    EXPECT_EQ(again.households, p.households);

    ASSERT_TRUE(applyImport(roster, p));
    ASSERT_EQ(roster.households.size(), 4u);
    EXPECT_EQ(roster.households[2].id, "h-1");
    EXPECT_EQ(errorsIn(validateRoster(roster)), errorsBefore);
    // Applying the same preview again would duplicate: refused, roster untouched.
    const Roster after = roster;
    Status twice = applyImport(roster, p);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().code, "import.stale");
    EXPECT_TRUE(roster == after);
    // A second import skips the ids now in use.
    const CsvImportPreview next = previewHouseholdImport(csv, roster);
    EXPECT_EQ(next.households[0].id, "h-3");
    EXPECT_EQ(next.households[1].id, "h-4");
}

TEST(HouseholdImport, IdsSkipGroupIdsAndGivenIdsMustBeFree) {
    Roster roster;
    WelcomeGroup g;
    g.id = "h-1";  // households and groups share one id space
    g.name = "G";
    g.municipality = "X";
    roster.groups.push_back(g);
    const CsvImportPreview p = previewHouseholdImport("naam,gemeente,volwassene1_leeftijd,volwassene1_talen\nA,X,30,nl:B1\n", roster);
    ASSERT_EQ(p.households.size(), 1u);
    EXPECT_EQ(p.households[0].id, "h-2");
    const CsvImportPreview given = previewHouseholdImport(
        "id,naam,gemeente,volwassene1_leeftijd\nh-1,A,X,30\nmine,B,X,31\nmine,C,X,32\n", roster);
    EXPECT_NE(findProblem(given, "csv.id", 2), nullptr) << dump(given);
    EXPECT_EQ(findProblem(given, "csv.id", 3), nullptr);
    EXPECT_NE(findProblem(given, "csv.id", 4), nullptr);
}

TEST(HouseholdImport, ValidationWarningsOfNewRecordsPointAtTheirRows) {
    // No group anywhere: the validator warns that nobody can take the household.
    const CsvImportPreview p = previewHouseholdImport(
        "naam,gemeente,volwassene1_leeftijd,volwassene1_talen,toestemming\nA,X,30,nl:B1,ja\nB,X,31,nl:B1,nee\n", Roster{});
    ASSERT_FALSE(p.hasErrors()) << dump(p);
    EXPECT_NE(findProblem(p, "household.unreachable", 2), nullptr) << dump(p);
    EXPECT_NE(findProblem(p, "consent.matching", 3), nullptr) << dump(p);
}

// [SECTION] Group members

TEST(MemberImport, BuildsGroupsFromRowsWithCoordinatorAndGroupLevelFields) {
    Roster roster = testing::makeFixtureRoster();
    const std::size_t errorsBefore = errorsIn(validateRoster(roster));
    const CsvImportPreview p = previewGroupMemberImport(fixture("members_nl.csv"), roster);
    ASSERT_FALSE(p.hasErrors()) << dump(p);
    ASSERT_EQ(p.groups.size(), 2u);
    EXPECT_EQ(p.groupRows, (std::vector<std::size_t>{2, 7}));
    const WelcomeGroup& g = p.groups[0];
    EXPECT_EQ(g.id, "g-1");
    EXPECT_EQ(g.name, "Tuingroep Noord");
    EXPECT_EQ(g.municipality, "Haarlem");
    EXPECT_EQ(g.capacity, 1);
    ASSERT_EQ(g.members.size(), 5u);
    EXPECT_EQ(g.members[0].id, "g-1-m1");
    EXPECT_EQ(g.coordinatorId, "g-1-m1");
    EXPECT_EQ(g.members[0].contact, "anna@example.org, +31 6 0000 0001");
    EXPECT_EQ(g.members[0].sector, "education");
    EXPECT_EQ(g.members[0].skills, (std::vector<std::string>{"tutoring"}));
    EXPECT_TRUE(g.members[0].hasChildren);
    EXPECT_EQ(g.members[1].skills, (std::vector<std::string>{"paperwork"}));
    EXPECT_EQ(g.members[2].gender, Gender::Other);
    EXPECT_TRUE(g.availability.evenings && g.availability.weekends);  // any member's availability
    EXPECT_TRUE(g.consent.toMatching);
    const WelcomeGroup& g2 = p.groups[1];
    EXPECT_EQ(g2.id, "g-2");
    EXPECT_EQ(g2.capacity, 2);
    EXPECT_EQ(g2.coordinatorId, "g-2-m1");
    // Two members only: the validator's warning points at the group's first row.
    const CsvProblem* small = findProblem(p, "group.small", 7);
    ASSERT_NE(small, nullptr) << dump(p);
    EXPECT_EQ(small->severity, Severity::Warning);

    ASSERT_TRUE(applyImport(roster, p));
    EXPECT_EQ(roster.groups.size(), 4u);
    EXPECT_EQ(errorsIn(validateRoster(roster)), errorsBefore);
    // Importing the same groups again: they exist now.
    const CsvImportPreview again = previewGroupMemberImport(fixture("members_nl.csv"), roster);
    EXPECT_NE(findProblem(again, "csv.group_exists", 2), nullptr) << dump(again);
}

TEST(MemberImport, ConflictsTwoCoordinatorsAndMissingMunicipality) {
    const std::string csv =
        "group,municipality,first name,last name,age,coordinator,languages,capacity\n"
        "Team A,Delft,Ada,Example,40,yes,nl:native,1\n"
        "Team A,Leiden,Bo,Example,41,yes,nl:native,2\n"
        "Team B,,Cy,Example,15,,nl:native,\n";
    const CsvImportPreview p = previewGroupMemberImport(csv, Roster{});
    ASSERT_EQ(p.groups.size(), 2u);
    EXPECT_EQ(p.groups[0].members[0].name, "Ada Example");
    const CsvProblem* conflict = findProblem(p, "csv.group_conflict", 3);
    ASSERT_NE(conflict, nullptr) << dump(p);
    EXPECT_EQ(conflict->column, 8u);
    EXPECT_NE(formatCsvProblemText(*conflict, false).find("row 2"), std::string::npos);
    EXPECT_NE(findProblem(p, "csv.coordinator", 3), nullptr) << dump(p);
    EXPECT_NE(findProblem(p, "csv.age", 4), nullptr) << dump(p);  // group members are 16 or older
    EXPECT_NE(findProblem(p, "csv.required", 4), nullptr) << dump(p);  // Team B has no municipality
}

// Member sheets give each member's own municipality and neighbourhood; the
// group's come from a group column, else the coordinator's row, else the most
// common value, with a warning naming the choice when members differ.
TEST(MemberImport, PerMemberPlacesAndTheGroupsChoice) {
    const std::string csv =
        "Groep;Naam;Leeftijd;Talen;Gemeente;Wijk;Coördinator;Groepswijk\n"
        "Team A;Ada Voorbeeld;40;nl:native;Haarlem;Schalkwijk;;\n"
        "Team A;Bo Voorbeeld;41;nl:native;Heemstede;Centrum;ja;\n"
        "Team A;Cy Voorbeeld;42;nl:native;Haarlem;Schalkwijk;;\n"
        "Team B;Do Voorbeeld;43;nl:native;Leiden;Noord;;\n"
        "Team B;Ed Voorbeeld;44;nl:native;Leiden;Zuid;;\n"
        "Team B;Fa Voorbeeld;45;nl:native;Leiden;Zuid;;\n"
        "Team C;Gi Voorbeeld;46;nl:native;Delft;Oost;;Binnenstad\n"
        "Team C;Ha Voorbeeld;47;nl:native;Delft;West;;\n";
    const CsvImportPreview p = previewGroupMemberImport(csv, Roster{});
    EXPECT_FALSE(p.hasErrors()) << dump(p);
    ASSERT_EQ(p.groups.size(), 3u);
    const WelcomeGroup& a = p.groups[0];
    EXPECT_EQ(a.members[0].municipality, "Haarlem");
    EXPECT_EQ(a.members[1].neighbourhood, "Centrum");
    EXPECT_EQ(a.municipality, "Heemstede") << "the coordinator's";
    EXPECT_EQ(a.neighbourhood, "Centrum");
    const CsvProblem* chosen = findProblem(p, "csv.group_place_coordinator", 3);
    ASSERT_NE(chosen, nullptr) << dump(p);
    EXPECT_EQ(chosen->severity, Severity::Warning);
    EXPECT_EQ(chosen->column, 5u);
    ASSERT_EQ(chosen->args.size(), 3u);
    EXPECT_EQ(chosen->args[0].text, "Gemeente");
    EXPECT_EQ(chosen->args[1].items.size(), 2u);
    EXPECT_EQ(chosen->args[2].text, "Heemstede");
    const WelcomeGroup& b = p.groups[1];
    EXPECT_EQ(b.municipality, "Leiden");
    EXPECT_EQ(b.neighbourhood, "Zuid") << "the most common";
    const CsvProblem* common = findProblem(p, "csv.group_place_most_common", 5);
    ASSERT_NE(common, nullptr) << dump(p);
    EXPECT_EQ(common->column, 6u);
    EXPECT_EQ(common->args[2].text, "Zuid");
    const WelcomeGroup& c = p.groups[2];
    EXPECT_EQ(c.neighbourhood, "Binnenstad") << "a group column wins";
    std::size_t warnings = 0;
    for (const CsvProblem& x : p.problems)
        warnings += x.code.rfind("csv.group_place", 0) == 0 ? 1 : 0;
    EXPECT_EQ(warnings, 3u) << "Team A twice, Team B's neighbourhood once; Team C none\n" << dump(p);
}

// [SECTION] Export

TEST(MatchExport, OneRowPerMatchWithoutSpecialCategoryData) {
    const Roster roster = testing::makeFixtureRoster();
    const std::string csv = exportMatchesCsv(roster);
    Result<CsvTable> t = readCsv(csv);
    ASSERT_TRUE(t);
    ASSERT_EQ(t->rows.size(), 1 + roster.matches.size());
    EXPECT_EQ(t->rows[0], (CsvRow{"match", "household", "group", "municipality", "coordinator", "coordinator contact",
                                  "status", "proposed on", "status since"}));
    EXPECT_EQ(t->rows[1], (CsvRow{"m1", "Familie Testa", "De Buurtgroep", "Haarlem", "Anna Voorbeeld",
                                  "g1-m1@example.org", "active", "2024-04-01", "2024-04-12"}));
    // Nothing about gender, ages, languages, needs, notes or scores, in any form.
    for (const char* forbidden : {"female", "38", "ar", "native", "paperwork", "Fictief", "Schalkwijk",
                                         "0.75", "gender", "age", "language"}) {
        for (const CsvRow& row : t->rows)
            for (const std::string& cell : row) EXPECT_NE(cell, forbidden);
    }
    EXPECT_EQ(csv.find("Fictief huishouden"), std::string::npos);
    EXPECT_EQ(csv.find("Groep enthousiast"), std::string::npos);
}

TEST(MatchExport, DutchExcelAndLiveOnly) {
    Roster roster = testing::makeFixtureRoster();
    Match ended = roster.matches[0];
    ended.id = "m2";
    ended.history.push_back({MatchStatus::Ended, "2024-09-01", "moved", "", {}});
    roster.matches.push_back(ended);
    MatchExportOptions o;
    o.dutchExcel = true;
    o.dutchHeaders = true;
    const std::string csv = exportMatchesCsv(roster, o);
    EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    Result<CsvTable> t = readCsv(csv);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->delimiter, ';');
    EXPECT_EQ(t->rows[0][4], "co\xC3\xB6rdinator");
    ASSERT_EQ(t->rows.size(), 3u);
    EXPECT_EQ(t->rows[2][6], "be\xC3\xABindigd");
    o.liveOnly = true;
    Result<CsvTable> live = readCsv(exportMatchesCsv(roster, o));
    ASSERT_TRUE(live);
    EXPECT_EQ(live->rows.size(), 2u);
}

// [SECTION] Problems round trip (issue #15 item 6): exportProblemsCsv writes the open
// problems a household's contact person can answer; filled in and imported again, the
// rows update the households by id instead of adding new ones.

std::size_t countCode(const std::vector<Problem>& ps, const std::string& code) {
    std::size_t n = 0;
    for (const Problem& p : ps) n += p.code == code ? 1 : 0;
    return n;
}

// The English form export: five households, languages without levels, one without consent.
Roster formRoster() {
    Roster roster;
    const CsvImportPreview p = previewHouseholdImport(fixture("households_en_form_utf8bom.csv"), roster);
    EXPECT_FALSE(p.hasErrors()) << dump(p);
    EXPECT_TRUE(applyImport(roster, p));
    return roster;
}

TEST(ProblemsCsv, ExportsOneRowPerHouseholdWithWhatIsMissingAndTheKnownValues) {
    const Roster roster = formRoster();
    Result<CsvTable> t = readCsv(exportProblemsCsv(roster));
    ASSERT_TRUE(t);
    const std::vector<CsvRow>& rows = t->rows;
    ASSERT_EQ(rows.size(), 6u);  // every household of the form has a language without a level
    EXPECT_EQ(rows[0], (CsvRow{"id", "name", "what is missing", "adult 1 languages", "adult 2 languages",
                               "consent to matching"}));
    // h-1: Ukrainian and Russian without a level; Dutch A1 from the sheet's level column.
    EXPECT_EQ(rows[1][0], "h-1");
    EXPECT_EQ(rows[1][1], roster.households[0].displayName);
    EXPECT_EQ(rows[1][3], "Ukrainian; Russian; Dutch (A1)");
    EXPECT_EQ(rows[1][4], "Ukrainian; Russian; English; Dutch (A1)");
    EXPECT_EQ(rows[1][2], "adult 1: level of Ukrainian, Russian; adult 2: level of Ukrainian, Russian, English "
                          "(level A0-C2 or native)");
    EXPECT_EQ(rows[1][5], "");
    // h-4: no consent yet, one adult; the consent cell is left to be filled in.
    EXPECT_EQ(rows[4][0], "h-4");
    EXPECT_EQ(rows[4][3], "Tigrinya; Arabic (A2); Dutch (A1)");
    EXPECT_EQ(rows[4][4], "");
    EXPECT_EQ(rows[4][2], "adult 1: level of Tigrinya (level A0-C2 or native); consent to be matched (yes/no)");

    // In Dutch for Dutch Excel.
    ProblemsExportOptions nl;
    nl.dutchExcel = true;
    nl.dutchHeaders = true;
    const std::string dutch = exportProblemsCsv(roster, nl);
    EXPECT_EQ(dutch.rfind("\xEF\xBB\xBF" "id;naam;wat ontbreekt;volwassene 1 talen;volwassene 2 talen;toestemming koppeling\r\n", 0),
              0u)
        << dutch.substr(0, 120);
    EXPECT_NE(dutch.find("Oekra\xC3\xAF" "ens; Russisch; Nederlands (A1)"), std::string::npos);
    EXPECT_NE(dutch.find("volwassene 1: niveau van Tigrinya (niveau A0-C2 of moedertaal); toestemming om gekoppeld "
                         "te worden (ja/nee)"),
              std::string::npos);
}

TEST(ProblemsCsv, RoundTripFillsTheProblemsInWithoutDuplicates) {
    for (const bool dutch : {false, true}) {
        SCOPED_TRACE(dutch ? "nl" : "en");
        Roster roster = formRoster();
        const Roster before = roster;
        ASSERT_GT(countCode(validateRoster(roster), "language.level_unknown"), 0u);
        ASSERT_EQ(countCode(validateRoster(roster), "consent.matching"), 1u);

        ProblemsExportOptions options;
        options.dutchExcel = dutch;
        options.dutchHeaders = dutch;
        const std::string sheet = testing::fillIn(exportProblemsCsv(roster, options), "B1", dutch ? "ja" : "yes");
        const CsvImportPreview p = previewHouseholdImport(sheet, roster);
        ASSERT_FALSE(p.hasErrors()) << dump(p);
        for (const CsvProblem& x : p.problems) EXPECT_NE(x.code, "csv.header_unknown") << dump(p);
        EXPECT_TRUE(p.households.empty());
        ASSERT_EQ(p.updatedHouseholds.size(), 5u);
        EXPECT_EQ(p.updatedHouseholdRows, (std::vector<std::size_t>{2, 3, 4, 5, 6}));
        ASSERT_TRUE(applyImport(roster, p));

        ASSERT_EQ(roster.households.size(), before.households.size());  // no duplicates
        const std::vector<Problem> after = validateRoster(roster);
        EXPECT_EQ(countCode(after, "language.level_unknown"), 0u);
        EXPECT_EQ(countCode(after, "consent.matching"), 0u);
        for (std::size_t i = 0; i < roster.households.size(); ++i) {
            const Household& h = roster.households[i];
            const Household& was = before.households[i];
            EXPECT_EQ(h.id, was.id);
            // Only the levels and the consent changed.
            Household expected = was;
            for (HouseholdMember& m : expected.members)
                for (LanguageSkill& l : m.languages)
                    if (l.level == LanguageLevel::Unknown) l.level = LanguageLevel::B1;
            expected.consent.toMatching = true;
            EXPECT_EQ(h, expected) << h.id;
        }
        EXPECT_EQ(roster.households[0].members[0].languages,
                  (std::vector<LanguageSkill>{{"uk", LanguageLevel::B1}, {"ru", LanguageLevel::B1}, {"nl", LanguageLevel::A1}}));

        // Nothing is open any more: the next export has only its header.
        Result<CsvTable> again = readCsv(exportProblemsCsv(roster));
        ASSERT_TRUE(again);
        EXPECT_EQ(again->rows.size(), 1u);
    }
}

// Every language of the vocabulary, by its English or Dutch name, reads back
// as its code; an adult without languages is asked for them.
TEST(ProblemsCsv, EveryLanguageNameReadsBackAndMissingLanguagesAreAsked) {
    for (const bool dutch : {false, true}) {
        SCOPED_TRACE(dutch ? "nl" : "en");
        Roster roster;
        Household h;
        h.id = "h-1";
        h.displayName = "Family Vocabulary-Test";
        h.municipality = "Haarlem";
        h.consent.toMatching = true;
        HouseholdMember polyglot{40, Gender::Unspecified, MemberRole::Adult, {}, {}};
        for (const Term& t : vocabulary(VocabularyKind::Languages))
            polyglot.languages.push_back({std::string(t.code), LanguageLevel::Unknown});
        polyglot.languages[1].level = LanguageLevel::Native;
        polyglot.languages[2].level = LanguageLevel::None;
        h.members = {polyglot, HouseholdMember{38, Gender::Unspecified, MemberRole::Adult, {}, {}}};
        roster.households.push_back(h);

        ProblemsExportOptions options;
        options.dutchHeaders = dutch;
        const std::string exported = exportProblemsCsv(roster, options);
        EXPECT_NE(exported.find(dutch ? "volwassene 2: talen met niveau" : "adult 2: languages with level"),
                  std::string::npos)
            << exported;
        std::string sheet = testing::fillIn(exported, "C1", "");
        const std::string lastCell = ",\r\n";  // adult 2's languages, empty: filled in by hand
        ASSERT_EQ(sheet.substr(sheet.size() - lastCell.size()), lastCell) << sheet;
        sheet.insert(sheet.size() - 2, dutch ? "Arabisch (moedertaal)" : "Arabic (native)");
        const CsvImportPreview p = previewHouseholdImport(sheet, roster);
        ASSERT_FALSE(p.hasErrors()) << dump(p);
        ASSERT_TRUE(applyImport(roster, p));
        Household expected = h;
        for (LanguageSkill& l : expected.members[0].languages)
            if (l.level == LanguageLevel::Unknown) l.level = LanguageLevel::C1;
        expected.members[1].languages = {{"ar", LanguageLevel::Native}};
        EXPECT_EQ(roster.households.at(0), expected);
        EXPECT_EQ(countCode(validateRoster(roster), "language.none"), 0u);
    }
}

TEST(ProblemsCsv, UnknownIdInAnUpdatingSheetIsAnErrorAndChangesNothing) {
    Roster roster = formRoster();
    const Roster before = roster;
    const CsvImportPreview p = previewHouseholdImport(
        "id,name,adult 1 languages,consent to matching\nh-1,,Ukrainian (B2),\nh-99,Family Typo,Arabic (A1),yes\n", roster);
    ASSERT_TRUE(p.hasErrors());
    const CsvProblem* unknown = nullptr;
    for (const CsvProblem& x : p.problems)
        if (x.code == "csv.id_unknown") unknown = &x;
    ASSERT_NE(unknown, nullptr) << dump(p);
    EXPECT_EQ(unknown->row, 3u);
    EXPECT_EQ(formatCsvProblemText(*unknown, false).rfind("row 3, column A \"id\": no household with id \"h-99\" in the roster", 0),
              0u)
        << formatCsvProblemText(*unknown, false);
    EXPECT_TRUE(p.households.empty());
    EXPECT_FALSE(applyImport(roster, p));
    EXPECT_EQ(roster, before);
}

TEST(ProblemsCsv, EmptyCellsLeaveFieldsAndEditsSincePreviewAreRefused) {
    Roster roster = formRoster();
    const Roster before = roster;
    const CsvImportPreview p = previewHouseholdImport("id;Opmerkingen;Volwassene 1 talen;Leeftijden kinderen\n"
                                                      "h-3;Belt na 18 uur;;\n"
                                                      "h-2;;;5\n",
                                                      roster);
    ASSERT_FALSE(p.hasErrors()) << dump(p);
    ASSERT_EQ(p.updatedHouseholds.size(), 2u);
    EXPECT_EQ(p.updatedHouseholdsBefore[0], before.households[2]);
    Household h3 = before.households[2];
    h3.notes = "Belt na 18 uur";
    EXPECT_EQ(p.updatedHouseholds[0], h3);
    // A child ages cell replaces the children, and keeps the adults.
    const Household& h2 = p.updatedHouseholds[1];
    ASSERT_EQ(h2.members.size(), 2u);
    EXPECT_EQ(h2.members[0], before.households[1].members[0]);
    EXPECT_EQ(h2.members[1].role, MemberRole::Child);
    EXPECT_EQ(h2.members[1].age, 5);
    // The warnings that remain about an updated household point at its row.
    bool levelAtRow = false;
    for (const CsvProblem& x : p.problems) levelAtRow = levelAtRow || (x.code == "language.level_unknown" && x.row == 2);
    EXPECT_TRUE(levelAtRow) << dump(p);

    Roster edited = roster;
    edited.households[2].notes = "changed in the app meanwhile";
    const Status stale = applyImport(edited, p);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, "import.stale");
    ASSERT_TRUE(applyImport(roster, p));
    EXPECT_EQ(roster.households[2].notes, "Belt na 18 uur");
    EXPECT_EQ(roster.households.size(), before.households.size());
}

TEST(ProblemsCsv, SheetsWithoutKnownIdsStillAddAndFormulasAreGuarded) {
    Roster roster = formRoster();
    // Ids the roster does not have, and none it has: new households with those ids, as before.
    const CsvImportPreview p = previewHouseholdImport("id,naam,gemeente,volwassene1_leeftijd\nmine,A,X,30\n", roster);
    ASSERT_FALSE(p.hasErrors()) << dump(p);
    ASSERT_EQ(p.households.size(), 1u);
    EXPECT_TRUE(p.updatedHouseholds.empty());
    EXPECT_EQ(p.households[0].id, "mine");

    roster.households[0].displayName = "=HYPERLINK(\"x\")";
    const std::string csv = exportProblemsCsv(roster);
    EXPECT_NE(csv.find("h-1,\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos) << csv.substr(0, 200);
}

// The members' problems sheet: the Dutch Excel member export (languages without
// levels) with one group that has not yet given consent to be matched.
Roster memberRoster() {
    Roster roster;
    const CsvImportPreview p = previewGroupMemberImport(fixture("members_nl_excel_cp1252.csv"), roster);
    EXPECT_FALSE(p.hasErrors()) << dump(p);
    EXPECT_TRUE(applyImport(roster, p));
    EXPECT_GE(roster.groups.size(), 2u);
    roster.groups.back().consent.toMatching = false;
    return roster;
}

std::size_t membersIn(const Roster& roster) {
    std::size_t n = 0;
    for (const WelcomeGroup& g : roster.groups) n += g.members.size();
    return n;
}

TEST(ProblemsCsv, MemberSheetAsksEachMembersLevelsAndTheGroupsConsentOnItsCoordinatorsRow) {
    const Roster roster = memberRoster();
    ProblemsExportOptions options;
    options.sheet = ProblemsSheet::GroupMembers;
    Result<CsvTable> t = readCsv(exportProblemsCsv(roster, options));
    ASSERT_TRUE(t);
    const std::vector<CsvRow>& rows = t->rows;
    ASSERT_GE(rows.size(), 2u);
    EXPECT_EQ(rows[0], (CsvRow{"group", "member id", "name", "what is missing", "languages", "consent to matching"}));
    // Every member with a language without a level has a row, in roster order, and no one else.
    std::vector<std::string> expectedIds;
    for (const WelcomeGroup& g : roster.groups)
        for (const GroupMember& m : g.members)
            if (std::any_of(m.languages.begin(), m.languages.end(),
                            [](const LanguageSkill& l) { return l.level == LanguageLevel::Unknown; }) ||
                (&g == &roster.groups.back() && m.id == g.coordinatorId))
                expectedIds.push_back(m.id);
    std::vector<std::string> ids;
    for (std::size_t r = 1; r < rows.size(); ++r) ids.push_back(rows[r][1]);
    EXPECT_EQ(ids, expectedIds);
    // The first member: French and German without a level, Dutch native from the level column.
    const WelcomeGroup& first = roster.groups[0];
    EXPECT_EQ(rows[1][0], first.name);
    EXPECT_EQ(rows[1][1], first.members[0].id);
    EXPECT_EQ(rows[1][2], first.members[0].name);
    EXPECT_EQ(rows[1][3], "level of French, German (level A0-C2 or native)");
    EXPECT_EQ(rows[1][4], "French; German; Dutch (native)");
    EXPECT_EQ(rows[1][5], "");
    // The group without consent is asked on its coordinator's row.
    const WelcomeGroup& last = roster.groups.back();
    auto row = std::find_if(rows.begin(), rows.end(), [&](const CsvRow& r) { return r[1] == last.coordinatorId; });
    ASSERT_NE(row, rows.end());
    EXPECT_NE((*row)[3].find("the group's consent to be matched (yes/no)"), std::string::npos) << (*row)[3];

    options.dutchHeaders = options.dutchExcel = true;
    const std::string dutch = exportProblemsCsv(roster, options);
    EXPECT_EQ(dutch.rfind("\xEF\xBB\xBF" "groep;lid id;naam;wat ontbreekt;talen;toestemming koppeling\r\n", 0), 0u)
        << dutch.substr(0, 120);
    EXPECT_NE(dutch.find("niveau van Frans, Duits (niveau A0-C2 of moedertaal)"), std::string::npos);
    EXPECT_NE(dutch.find("toestemming van de groep om gekoppeld te worden (ja/nee)"), std::string::npos);
}

// Two groups with one name (in other case): the group column names each by
// its id, and the sheet still fills each group's own members in.
TEST(ProblemsCsv, MemberSheetNamesGroupsThatShareANameByTheirId) {
    Roster roster = memberRoster();
    roster.groups[1].name = roster.groups[0].name;
    for (char& c : roster.groups[1].name) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    ProblemsExportOptions options;
    options.sheet = ProblemsSheet::GroupMembers;
    const std::string sheet = exportProblemsCsv(roster, options);
    Result<CsvTable> t = readCsv(sheet);
    ASSERT_TRUE(t);
    std::set<std::string> named;
    for (std::size_t r = 1; r < t->rows.size(); ++r) named.insert(t->rows[r][0]);
    EXPECT_EQ(named, (std::set<std::string>{roster.groups[0].id, roster.groups[1].id}));
    const CsvImportPreview p = previewGroupMemberImport(testing::fillIn(sheet, "B2", "yes"), roster);
    ASSERT_FALSE(p.hasErrors()) << dump(p);
    EXPECT_EQ(p.updatedGroups.size(), 2u);
    EXPECT_TRUE(p.groups.empty());
}

TEST(ProblemsCsv, MemberRoundTripFillsTheMembersInWithoutDuplicates) {
    for (const bool dutch : {false, true}) {
        SCOPED_TRACE(dutch ? "nl" : "en");
        Roster roster = memberRoster();
        const Roster before = roster;
        auto openInGroups = [](const Roster& r, const std::string& code) {
            std::size_t n = 0;
            for (const Problem& p : validateRoster(r)) n += p.code == code && p.path.rfind("/groups/", 0) == 0;
            return n;
        };
        ASSERT_GT(openInGroups(roster, "language.level_unknown"), 0u);
        ASSERT_EQ(openInGroups(roster, "consent.group_matching"), 1u);

        ProblemsExportOptions options;
        options.sheet = ProblemsSheet::GroupMembers;
        options.dutchExcel = options.dutchHeaders = dutch;
        const std::string sheet = testing::fillIn(exportProblemsCsv(roster, options), "B1", dutch ? "ja" : "yes");
        const CsvImportPreview p = previewGroupMemberImport(sheet, roster);
        ASSERT_FALSE(p.hasErrors()) << dump(p);
        for (const CsvProblem& x : p.problems) EXPECT_NE(x.code, "csv.header_unknown") << dump(p);
        EXPECT_TRUE(p.groups.empty()) << "no group added";
        EXPECT_EQ(p.updatedGroups.size(), roster.groups.size());
        Result<CsvTable> rows = readCsv(sheet);
        ASSERT_TRUE(rows);
        EXPECT_EQ(p.updatedMemberRows.size(), rows->rows.size() - 1);
        ASSERT_TRUE(applyImport(roster, p));

        ASSERT_EQ(roster.groups.size(), before.groups.size());
        EXPECT_EQ(membersIn(roster), membersIn(before)) << "no member added twice";
        EXPECT_EQ(openInGroups(roster, "language.level_unknown"), 0u);
        EXPECT_EQ(openInGroups(roster, "consent.group_matching"), 0u);
        for (std::size_t i = 0; i < roster.groups.size(); ++i) {
            // Only the levels and the consent changed.
            WelcomeGroup expected = before.groups[i];
            for (GroupMember& m : expected.members)
                for (LanguageSkill& l : m.languages)
                    if (l.level == LanguageLevel::Unknown) l.level = LanguageLevel::B1;
            expected.consent.toMatching = true;
            EXPECT_EQ(roster.groups[i], expected) << expected.id;
        }
        options.dutchExcel = options.dutchHeaders = false;
        Result<CsvTable> again = readCsv(exportProblemsCsv(roster, options));
        ASSERT_TRUE(again);
        EXPECT_EQ(again->rows.size(), 1u) << "nothing open any more";
    }
}

TEST(ProblemsCsv, UnknownMemberIdIsAnErrorAndEditsSincePreviewAreRefused) {
    Roster roster = memberRoster();
    const Roster before = roster;
    const WelcomeGroup& g = roster.groups[0];
    const std::string known = g.members[1].id;
    const CsvImportPreview typo = previewGroupMemberImport("group,member id,languages\n" + g.name + "," + known +
                                                               ",English (C1)\n" + g.name + "," + g.id + "-m99,Arabic (A1)\n" +
                                                               g.name + "," + known + ",English (B1)\n",
                                                           roster);
    ASSERT_TRUE(typo.hasErrors());
    const CsvProblem* unknown = findProblem(typo, "csv.member_unknown", 3);
    ASSERT_NE(unknown, nullptr) << dump(typo);
    EXPECT_EQ(unknown->column, 2u);
    EXPECT_EQ(unknown->args.size(), 2u);
    const CsvProblem* twice = findProblem(typo, "csv.member_twice", 4);  // the same member on two rows
    ASSERT_NE(twice, nullptr) << dump(typo);
    EXPECT_EQ(twice->severity, Severity::Error);
    EXPECT_FALSE(applyImport(roster, typo));
    EXPECT_EQ(roster, before);

    // By the group's id too; an empty cell leaves the field, a filled one replaces it.
    const CsvImportPreview p = previewGroupMemberImport(
        "group;lid id;Beroep;Talen\n" + g.id + ";" + known + ";tuinier;\n", roster);
    ASSERT_FALSE(p.hasErrors()) << dump(p);
    ASSERT_EQ(p.updatedGroups.size(), 1u);
    EXPECT_EQ(p.updatedGroupsBefore[0], g);
    GroupMember expected = g.members[1];
    expected.occupation = "tuinier";
    EXPECT_EQ(p.updatedGroups[0].members[1], expected);

    Roster edited = roster;
    edited.groups[0].notes = "changed in the app meanwhile";
    const Status stale = applyImport(edited, p);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, "import.stale");
    ASSERT_TRUE(applyImport(roster, p));
    EXPECT_EQ(roster.groups[0].members[1].occupation, "tuinier");
    EXPECT_EQ(membersIn(roster), membersIn(before));
}

TEST(ProblemsCsv, MemberIdsThatNameNoRosterMemberDoNotUpdate) {
    // A sheet with a member id column of its own: new groups, ids made by Welkom, as before.
    const CsvImportPreview p = previewGroupMemberImport(
        "group,member id,name,age,municipality,languages\nTeam Nieuw,7,Ada Example,40,Delft,nl:native\n", memberRoster());
    ASSERT_FALSE(p.hasErrors()) << dump(p);
    EXPECT_TRUE(p.updatedGroups.empty());
    ASSERT_EQ(p.groups.size(), 1u);
    EXPECT_NE(p.groups[0].members[0].id, "7");
}

// [SECTION] Randomized corruption: never crash; an error or a valid result.

std::string corrupt(std::string s, std::mt19937& rng) {
    std::uniform_int_distribution<int> kind(0, 3);
    const int k = kind(rng);
    if (s.empty()) return s;
    std::uniform_int_distribution<std::size_t> pos(0, s.size() - 1);
    if (k == 0) {
        s.resize(pos(rng));
    } else if (k == 1) {
        for (int i = 0; i < 4; ++i) s[pos(rng)] = static_cast<char>(rng());
    } else if (k == 2) {
        static const char* kBad[] = {"\xC3", "\xFF", "\xED\xA0\x80", "\x81", "\"", "\r", "\0"};
        const char* b = kBad[rng() % 7];
        s.insert(pos(rng), std::string(b, b[0] == 0 ? 1 : std::char_traits<char>::length(b)));
    } else {
        s.insert(pos(rng), s.substr(pos(rng), 40));
    }
    return s;
}

// Previews `bytes` against `base` and applies it to a copy (`out`): refused
// whole when the preview has errors (the copy untouched), else applied with
// no validation error the roster did not have. True when applied.
bool previewAndApply(const Roster& base, const std::string& bytes, bool members, Roster& out, CsvImportPreview& p) {
    p = members ? previewGroupMemberImport(bytes, base) : previewHouseholdImport(bytes, base);
    out = base;
    const Status s = applyImport(out, p);
    if (p.hasErrors()) {
        EXPECT_FALSE(s);
        EXPECT_TRUE(out == base);
        return false;
    }
    EXPECT_TRUE(s) << (s ? std::string() : errorText(s.error(), false)) << "\n" << bytes;
    EXPECT_EQ(errorsIn(validateRoster(out)), errorsIn(validateRoster(base))) << bytes;
    return true;
}

TEST(CsvCorruption, PreviewsReportErrorsOrGiveRecordsThatValidate) {
    const Roster base = testing::makeFixtureRoster();
    const std::vector<std::string> inputs = {fixture("households_nl_semicolon_bom_crlf.csv"),
                                             fixture("households_en_comma.csv"), fixture("households_cp1252.csv"),
                                             fixture("members_nl.csv")};
    std::mt19937 rng(20240229);
    int applied = 0, refused = 0;
    for (int round = 0; round < 1500; ++round) {
        const std::size_t which = static_cast<std::size_t>(round) % inputs.size();
        Roster r;
        CsvImportPreview p;
        const bool done = previewAndApply(base, corrupt(inputs[which], rng), which == 3, r, p);
        ASSERT_FALSE(::testing::Test::HasFailure());
        ++(done ? applied : refused);
    }
    // Both outcomes must actually occur, or the test checks nothing.
    EXPECT_GT(applied, 50);
    EXPECT_GT(refused, 50);
}

// The same for problems sheets sent back, so the update-by-id path is what
// the corruption hits: a sheet that applies leaves no new error and no
// record twice, and a refused one leaves the roster as it was.
TEST(CsvCorruption, ProblemsSheetsSentBackUpdateOrAreRefusedWhole) {
    const Roster households = formRoster(), groups = memberRoster();
    ProblemsExportOptions members;
    members.sheet = ProblemsSheet::GroupMembers;
    ProblemsExportOptions dutch;
    dutch.dutchHeaders = dutch.dutchExcel = true;
    const std::vector<std::string> inputs = {testing::fillIn(exportProblemsCsv(households), "B1", "yes"),
                                             testing::fillIn(exportProblemsCsv(households, dutch), "native", "ja"),
                                             testing::fillIn(exportProblemsCsv(groups, members), "C1", "yes")};
    std::mt19937 rng(20261206);
    int updated = 0, refused = 0;
    for (int round = 0; round < 900; ++round) {
        const std::size_t which = static_cast<std::size_t>(round) % inputs.size();
        const Roster& base = which == 2 ? groups : households;
        const std::string bytes = corrupt(inputs[which], rng);
        Roster r;
        CsvImportPreview p;
        const bool done = previewAndApply(base, bytes, which == 2, r, p);
        ASSERT_FALSE(::testing::Test::HasFailure());
        if (!done) {
            ++refused;
            continue;
        }
        std::set<std::string> ids;
        for (const Household& h : r.households) ASSERT_TRUE(ids.insert(h.id).second) << "twice: " << h.id;
        for (const WelcomeGroup& g : r.groups) ASSERT_TRUE(ids.insert(g.id).second) << "twice: " << g.id;
        ASSERT_EQ(membersIn(r), membersIn(base) + [&] {
            std::size_t added = 0;
            for (const WelcomeGroup& g : p.groups) added += g.members.size();
            return added;
        }()) << bytes;
        updated += !p.updatedHouseholds.empty() || !p.updatedGroups.empty();
    }
    EXPECT_GT(updated, 100) << "the update path was reached";
    EXPECT_GT(refused, 50);
}

}  // namespace
}  // namespace welkom
