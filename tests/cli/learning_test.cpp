// `welkom export-research` and `welkom learn`, called as functions on
// temporary files.
#include <gtest/gtest.h>

#include <cstdio>

#include "app/text/messages.h"
#include "cli/cli.h"
#include "cli/command_runner.h"
#include "cli/commands.h"
#include "core/demo_roster.h"
#include "io/research_export.h"
#include "io/roster_json.h"

namespace welkom::cli {
namespace {

class LearningCliTest : public testing::Test {
protected:
    void SetUp() override {
        m_prefix = testing::TempDir() + "welkom_learn_" + testing::UnitTest::GetInstance()->current_test_info()->name() + "_";
    }
    void TearDown() override {
        for (const std::string& p : m_files) std::remove(p.c_str());
    }
    std::string path(const std::string& name) {
        m_files.push_back(m_prefix + name);
        return m_files.back();
    }
    std::string m_prefix;
    std::vector<std::string> m_files;
};

TEST_F(LearningCliTest, ExportResearchWritesCsvOrJsonByExtension) {
    const std::string roster = path("r.json");
    ASSERT_TRUE(writeFile(roster, writeRoster(generateDemoRoster({1500, 1200, 2, 8}))));
    for (const char* ext : {".csv", ".json"}) {
        const std::string out = path(std::string("research") + ext);
        const RunResult r = run(runExportResearch, {roster, "-o", out});
        ASSERT_EQ(r.code, kExitOk) << r.err;
        EXPECT_NE(r.err.find("rows to"), std::string::npos);
        EXPECT_NE(r.err.find("\n  - "), std::string::npos) << "the steps of the anonymity check, in words";
        EXPECT_EQ(r.err.find("[research."), std::string::npos) << r.err;
        Result<std::string> bytes = readFile(out);
        ASSERT_TRUE(bytes.ok());
        EXPECT_EQ(bytes->front() == '{', std::string(ext) == ".json");
        Result<std::vector<ResearchRow>> rows = readResearchFile(*bytes);
        ASSERT_TRUE(rows.ok()) << errorText(rows.error(), false);
        EXPECT_FALSE(rows->empty());
    }
    EXPECT_EQ(run(runExportResearch, {roster, "-o", path("x.txt")}).code, kExitUsage);
    EXPECT_EQ(run(runExportResearch, {roster}).code, kExitUsage);
    EXPECT_EQ(run(runExportResearch, {roster, "-o", path("y.csv"), "--k", "1"}).code, kExitUsage);
    const RunResult k4 = run(runExportResearch, {roster, "-o", path("y.csv"), "--k", "4"});
    EXPECT_EQ(k4.code, kExitUsage) << "k >= 5 is the floor";
    EXPECT_NE(k4.err.find("--k"), std::string::npos) << k4.err;
}

TEST_F(LearningCliTest, LearnReportsCoefficientsAndRefusesOnSmallData) {
    const std::string roster = path("r.json");
    ASSERT_TRUE(writeFile(roster, writeRoster(generateDemoRoster({300, 250, 2, 8}))));
    const RunResult r = run(runLearn, {roster});
    ASSERT_EQ(r.code, kExitOk) << r.err;
    EXPECT_NE(r.out.find("interests"), std::string::npos);
    EXPECT_NE(r.out.find("no new weights proposed"), std::string::npos);
    EXPECT_NE(r.out.find("at least 30"), std::string::npos);
    EXPECT_EQ(run(runLearn, {roster, "--months", "0"}).code, kExitUsage);
    EXPECT_EQ(run(runLearn, {roster, path("missing.csv")}).code, kExitIo);
    EXPECT_EQ(run(runLearn, {}).code, kExitUsage);
}

}  // namespace
}  // namespace welkom::cli
