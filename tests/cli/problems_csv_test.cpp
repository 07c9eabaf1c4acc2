// The problems round trip through files (issue #15 item 6): `welkom
// export-csv --problems` writes the open problems as a sheet, the contact
// person fills it in, and `welkom import-csv --households` updates the
// households by id: the problems are gone and no household is duplicated.
#include <gtest/gtest.h>

#include "cli/command_runner.h"
#include "cli/commands.h"
#include "io/fill_in_problems.h"
#include "io/roster_json.h"

namespace welkom::cli {
namespace {

class ProblemsCsvTest : public CommandFilesTest {};

TEST_F(ProblemsCsvTest, ExportFillInImportAgain) {
    const std::string form = std::string(WELKOM_SOURCE_DIR) + "/tests/fixtures/csv/households_en_form_utf8bom.csv";
    const std::string roster = path("roster.json"), sheet = path("problemen.csv"), back = path("ingevuld.csv"),
                      updated = path("updated.json");
    ASSERT_EQ(run(runImportCsv, {"--households", form, "-o", roster}).code, kExitOk);

    RunResult exported = run(runExportCsv, {roster, "--problems", "-o", sheet, "--semicolon", "--lang", "nl"});
    ASSERT_EQ(exported.code, kExitOk) << exported.err;
    EXPECT_NE(exported.err.find("Geschreven: 5 huishoudens met open vragen naar "), std::string::npos) << exported.err;
    const std::string written = read(sheet);
    EXPECT_EQ(written.rfind("\xEF\xBB\xBF" "id;naam;wat ontbreekt;volwassene 1 talen;", 0), 0u) << written.substr(0, 80);
    EXPECT_NE(written.find("h-4;"), std::string::npos);

    write("ingevuld.csv", testing::fillIn(written, "A2", "ja"));
    RunResult imported = run(runImportCsv, {"--households", back, "--into", roster, "-o", updated});
    ASSERT_EQ(imported.code, kExitOk) << imported.out << imported.err;
    EXPECT_NE(imported.out.find("Households to update: 5\n  h-1  "), std::string::npos) << imported.out;
    EXPECT_NE(imported.out.find("Households to add: 0"), std::string::npos) << imported.out;
    EXPECT_NE(imported.err.find("Households: added 0, updated 5"), std::string::npos) << imported.err;
    EXPECT_EQ(imported.out.find("not recognised"), std::string::npos) << imported.out;

    Result<LoadedRoster> before = loadRoster(read(roster));
    Result<LoadedRoster> after = loadRoster(read(updated));
    ASSERT_TRUE(before && after);
    ASSERT_EQ(after->roster.households.size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(after->roster.households[i].id, before->roster.households[i].id);
        EXPECT_EQ(after->roster.households[i].notes, before->roster.households[i].notes);
    }
    RunResult valid = run(runValidate, {updated});
    EXPECT_EQ(valid.code, kExitOk) << valid.out;
    EXPECT_EQ(valid.out.find("is not known"), std::string::npos) << valid.out;
    EXPECT_EQ(valid.out.find("consent/toMatching"), std::string::npos) << valid.out;

    // Nothing left to ask: only the header.
    ASSERT_EQ(run(runExportCsv, {updated, "--problems", "-o", sheet}).code, kExitOk);
    EXPECT_EQ(read(sheet), "id,name,what is missing\r\n");
}

TEST_F(ProblemsCsvTest, UnknownIdIsAnErrorAndNothingIsWritten) {
    const std::string form = std::string(WELKOM_SOURCE_DIR) + "/tests/fixtures/csv/households_en_form_utf8bom.csv";
    const std::string roster = path("roster.json"), out = path("out.json");
    ASSERT_EQ(run(runImportCsv, {"--households", form, "-o", roster}).code, kExitOk);
    const std::string sheet = write("back.csv", "id,adult 1 languages\nh-1,Ukrainian (B1)\nh-7,Arabic (A1)\n");
    RunResult res = run(runImportCsv, {"--households", sheet, "--into", roster, "-o", out});
    EXPECT_EQ(res.code, kExitProblems);
    EXPECT_NE(res.out.find("error: row 3, column A \"id\": no household with id \"h-7\" in the roster"),
              std::string::npos)
        << res.out;
    EXPECT_FALSE(exists(out));
    EXPECT_EQ(run(runExportCsv, {roster, "--problems", "--live-only", "-o", out}).code, kExitUsage);
}

// The same round trip for group members: --problems --members, filled in, --members back.
TEST_F(ProblemsCsvTest, MemberSheetExportFillInImportAgain) {
    const std::string excel = std::string(WELKOM_SOURCE_DIR) + "/tests/fixtures/csv/members_nl_excel_cp1252.csv";
    const std::string roster = path("groups.json"), sheet = path("members.csv"), back = path("filled.csv"),
                      updated = path("updated.json");
    ASSERT_EQ(run(runImportCsv, {"--members", excel, "-o", roster}).code, kExitOk);
    RunResult exported = run(runExportCsv, {roster, "--problems", "--members", "-o", sheet});
    ASSERT_EQ(exported.code, kExitOk) << exported.err;
    EXPECT_NE(exported.err.find("group members with open questions to "), std::string::npos) << exported.err;
    const std::string written = read(sheet);
    EXPECT_EQ(written.rfind("group,member id,name,what is missing,languages\r\n", 0), 0u) << written.substr(0, 80);

    write("filled.csv", testing::fillIn(written, "C1", "yes"));
    RunResult imported = run(runImportCsv, {"--members", back, "--into", roster, "-o", updated});
    ASSERT_EQ(imported.code, kExitOk) << imported.out << imported.err;
    EXPECT_NE(imported.out.find("Group members to update: "), std::string::npos) << imported.out;
    EXPECT_NE(imported.out.find("Welcome groups to add: 0"), std::string::npos) << imported.out;
    EXPECT_NE(imported.err.find("Welcome groups: added 0; group members updated "), std::string::npos) << imported.err;
    EXPECT_EQ(imported.out.find("not recognised"), std::string::npos) << imported.out;

    Result<LoadedRoster> before = loadRoster(read(roster));
    Result<LoadedRoster> after = loadRoster(read(updated));
    ASSERT_TRUE(before && after);
    ASSERT_EQ(after->roster.groups.size(), before->roster.groups.size());
    for (std::size_t i = 0; i < after->roster.groups.size(); ++i)
        EXPECT_EQ(after->roster.groups[i].members.size(), before->roster.groups[i].members.size());
    ASSERT_EQ(run(runExportCsv, {updated, "--problems", "--members", "-o", sheet}).code, kExitOk);
    EXPECT_EQ(read(sheet), "group,member id,name,what is missing,languages\r\n") << "nothing left to ask";
    EXPECT_EQ(run(runExportCsv, {roster, "--members", "-o", sheet}).code, kExitUsage) << "--members needs --problems";
}

}  // namespace
}  // namespace welkom::cli
