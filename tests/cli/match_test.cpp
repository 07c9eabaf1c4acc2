// `welkom match` and `welkom scores`, run as functions on rosters written to
// a temporary folder.
#include <cstdio>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/commands.h"
#include "core/best_total.h"
#include "core/demo_roster.h"
#include "core/scoring.h"
#include "io/roster_json.h"

namespace welkom::cli {
namespace {

std::string tempPath(const std::string& name) { return ::testing::TempDir() + name; }

std::string writeRosterFile(const Roster& r, const std::string& name) {
    const std::string path = tempPath(name);
    EXPECT_TRUE(writeFile(path, writeRoster(r)));
    return path;
}

struct CommandRun {
    int code;
    std::string out, err;
};

CommandRun run(int (*command)(const std::vector<std::string>&), const std::vector<std::string>& args) {
    ::testing::internal::CaptureStdout();
    ::testing::internal::CaptureStderr();
    const int code = command(args);
    CommandRun r{code, ::testing::internal::GetCapturedStdout(), ::testing::internal::GetCapturedStderr()};
    return r;
}

std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::size_t start = 0;
        while (true) {
            const std::size_t comma = line.find(',', start);
            cells.push_back(line.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        rows.push_back(std::move(cells));
    }
    return rows;
}

Roster demo() { return generateDemoRoster({50, 35, 2, 4}); }

TEST(CliScores, CsvHasOneRowPerHouseholdOneColumnPerGroupAndBlanksForClosedPairs) {
    const Roster r = demo();
    const std::string in = writeRosterFile(r, "scores_in.json");
    const std::string out = tempPath("scores.csv");
    const CommandRun res = run(runScores, {in, "-o", out});
    ASSERT_EQ(res.code, kExitOk) << res.err;
    auto csv = readFile(out);
    ASSERT_TRUE(csv);
    const auto rows = parseCsv(*csv);
    const MatchingProblem p = buildMatchingProblem(r);
    ASSERT_EQ(rows.size(), r.households.size() + 1);
    EXPECT_EQ(rows[0][0], "household_id");
    for (std::size_t g = 0; g < p.groupIds.size(); ++g) EXPECT_EQ(rows[0][g + 1], p.groupIds[g]);
    Scorer s(r);
    int blanks = 0, filled = 0;
    for (int h = 0; h < p.households(); ++h) {
        const auto& row = rows[static_cast<std::size_t>(h) + 1];
        ASSERT_EQ(row.size(), r.groups.size() + 1) << h;
        EXPECT_EQ(row[0], p.householdIds[static_cast<std::size_t>(h)]);
        for (int g = 0; g < p.groups(); ++g) {
            const std::string& cell = row[static_cast<std::size_t>(g) + 1];
            const std::size_t rh = p.householdAt[static_cast<std::size_t>(h)], rg = p.groupAt[static_cast<std::size_t>(g)];
            const bool pinnedOrLocked = !s.passesIntrinsic(rh, rg) && p.matrix.score(h, g).has_value();
            const bool open = s.passesIntrinsic(rh, rg) && !s.isForbidden(rh, rg) &&
                              s.total(rh, rg) >= r.settings.minimumScore;
            if (pinnedOrLocked) continue;  // a person's decision: shown with its score
            if (open) {
                ++filled;
                ASSERT_FALSE(cell.empty()) << h << "," << g;
                EXPECT_NEAR(std::strtod(cell.c_str(), nullptr), s.total(rh, rg), 1e-6);
            } else {
                ++blanks;
                EXPECT_TRUE(cell.empty()) << h << "," << g << " '" << cell << "'";
            }
        }
    }
    EXPECT_GT(blanks, 0);
    EXPECT_GT(filled, 0);
    std::remove(in.c_str());
    std::remove(out.c_str());
}

TEST(CliScores, ForbiddenAndBelowMinimumPairsAreBlank) {
    Roster r = demo();
    // Forbid h1's best pair and raise the minimum so some pairs fall under it.
    const MatchingProblem before = buildMatchingProblem(r);
    int bestG = -1, h = 0;
    double best = -1;
    for (; h < before.households() && bestG < 0; ++h)
        before.matrix.forEachPair(h, [&](int g, double v) {
            if (v > best) best = v, bestG = g;
        });
    ASSERT_GE(bestG, 0);
    --h;
    r.constraints.push_back({"cx", ConstraintKind::Forbid, before.householdIds[static_cast<std::size_t>(h)],
                             before.groupIds[static_cast<std::size_t>(bestG)], "", "", "", {}});
    r.settings.minimumScore = 0.6;
    const std::string in = writeRosterFile(r, "scores_forbid.json");
    const CommandRun res = run(runScores, {in});
    ASSERT_EQ(res.code, kExitOk) << res.err;
    const auto rows = parseCsv(res.out);
    EXPECT_TRUE(rows[static_cast<std::size_t>(h) + 1][static_cast<std::size_t>(bestG) + 1].empty());
    for (std::size_t k = 1; k < rows.size(); ++k)
        for (std::size_t c = 1; c < rows[k].size(); ++c)
            if (!rows[k][c].empty()) {
                EXPECT_GE(std::strtod(rows[k][c].c_str(), nullptr), 0.6);
            }
    std::remove(in.c_str());
}

TEST(CliMatch, JsonGivesTheMatchingWithItsTotal) {
    const Roster r = demo();
    const std::string in = writeRosterFile(r, "match_in.json");
    const CommandRun res = run(runMatch, {in, "--json"});
    ASSERT_EQ(res.code, kExitOk) << res.err;
    const auto j = nlohmann::json::parse(res.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << res.out;
    const MatchingProblem p = buildMatchingProblem(r);
    const Matching<double> best = solveBestTotal(p.matrix, p.rules);
    EXPECT_EQ(j["mode"].get<std::string>(), "total");
    EXPECT_EQ(j["matched"].get<int>(), best.matched);
    EXPECT_NEAR(j["total"].get<double>(), best.total, 1e-9);
    double sum = 0;
    for (const auto& m : j["matches"]) {
        sum += m["score"].get<double>();
        const int h = p.householdIndex(m["householdId"].get<std::string>());
        const int g = p.groupIndex(m["groupId"].get<std::string>());
        ASSERT_GE(h, 0);
        EXPECT_EQ(best.groupOf[static_cast<std::size_t>(h)], g);
    }
    EXPECT_NEAR(sum, best.total, 1e-9);
    EXPECT_EQ(j["matches"].size() + j["unmatched"].size(), r.households.size());
    for (const auto& u : j["unmatched"]) EXPECT_FALSE(u["reason"].get<std::string>().empty());
    std::remove(in.c_str());
}

TEST(CliMatch, SummaryNamesWhatBlocksAnUnmatchedHousehold) {
    Roster r = generateDemoRoster({20, 15, 1, 2});
    Household lonely = r.households[0];
    lonely.id = "h-lonely";
    lonely.consent.toMatching = true;
    lonely.members = {{30, Gender::Male, MemberRole::Adult, {{"yo", LanguageLevel::Native}}, {}}};
    lonely.preferences = {};
    r.households.push_back(lonely);
    const std::string in = writeRosterFile(r, "match_lonely.json");
    const CommandRun res = run(runMatch, {in});
    ASSERT_EQ(res.code, kExitOk) << res.err;
    EXPECT_NE(res.out.find("households matched"), std::string::npos) << res.out;
    EXPECT_NE(res.out.find("total score"), std::string::npos);
    const std::size_t at = res.out.find("h-lonely: no group can take it");
    ASSERT_NE(at, std::string::npos) << res.out;
    const std::string line = res.out.substr(at, res.out.find('\n', at) - at);
    EXPECT_NE(line.find("language"), std::string::npos) << line;
    EXPECT_NE(line.find("speaking yo at A2"), std::string::npos) << line;

    const CommandRun nl = run(runMatch, {in, "--lang", "nl"});
    EXPECT_NE(nl.out.find("h-lonely: geen groep kan het opvangen"), std::string::npos) << nl.out;
    std::remove(in.c_str());
}

TEST(CliMatch, ModesWeightsAndOutputFiles) {
    Roster r = demo();
    r.settings.minimumScore = 0.0;  // extreme weights must not push a pin under the minimum
    const std::string in = writeRosterFile(r, "match_modes.json");
    for (const char* mode : {"total", "fair", "stable"}) {
        const CommandRun res = run(runMatch, {in, "--mode", mode, "--json"});
        ASSERT_EQ(res.code, kExitOk) << mode << res.err;
        EXPECT_EQ(nlohmann::json::parse(res.out)["mode"].get<std::string>(), mode);
    }
    const CommandRun a = run(runMatch, {in, "--json", "--weights", "interests=10,age=0"});
    const CommandRun b = run(runMatch, {in, "--json", "--weights", "interests=0,age=10"});
    ASSERT_EQ(a.code, kExitOk) << a.err;
    ASSERT_EQ(b.code, kExitOk) << b.err;
    EXPECT_NE(nlohmann::json::parse(a.out)["total"].get<double>(), nlohmann::json::parse(b.out)["total"].get<double>());

    const std::string csvPath = tempPath("matches.csv");
    const CommandRun c = run(runMatch, {in, "-o", csvPath});
    ASSERT_EQ(c.code, kExitOk) << c.err;
    const auto rows = parseCsv(*readFile(csvPath));
    const auto j = nlohmann::json::parse(a.out);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"household_id", "group_id", "score"}));
    const MatchingProblem p = buildMatchingProblem(r);
    EXPECT_EQ(static_cast<int>(rows.size()) - 1, solveBestTotal(p.matrix, p.rules).matched);
    const std::string jsonPath = tempPath("matches.json");
    ASSERT_EQ(run(runMatch, {in, "-o", jsonPath}).code, kExitOk);
    EXPECT_FALSE(nlohmann::json::parse(*readFile(jsonPath), nullptr, false).is_discarded());
    std::remove(csvPath.c_str());
    std::remove(jsonPath.c_str());
    std::remove(in.c_str());
}

TEST(CliMatch, PinThatCannotBeKeptIsReportedInWords) {
    Roster r = demo();
    const MatchingProblem p = buildMatchingProblem(r);
    int h = 0, g = -1;
    for (; h < p.households() && g < 0; ++h) p.matrix.forEachPair(h, [&](int gi, double) { g = g < 0 ? gi : g; });
    --h;
    ASSERT_GE(g, 0);
    r.constraints.push_back({"cpin", ConstraintKind::Pin, p.householdIds[static_cast<std::size_t>(h)],
                             p.groupIds[static_cast<std::size_t>(g)], "", "", "", {}});
    r.settings.minimumScore = 1.0;  // nothing reaches it, so the pin cannot be kept
    const std::string in = writeRosterFile(r, "match_pin.json");
    const CommandRun res = run(runMatch, {in});
    EXPECT_EQ(res.code, kExitProblems);
    // "pinned pair h - g ..." (or "active match ..." when the demo already has that pair under way)
    EXPECT_NE(res.err.find(" " + p.householdIds[static_cast<std::size_t>(h)] + " - " +
                           p.groupIds[static_cast<std::size_t>(g)] + " scores below the minimum score"),
              std::string::npos)
        << res.err;
    std::remove(in.c_str());
}

TEST(CliMatch, ExitCodesAndHelp) {
    const std::string in = writeRosterFile(demo(), "match_codes.json");
    EXPECT_EQ(run(runMatch, {"--help"}).code, kExitOk);
    EXPECT_NE(run(runMatch, {"--help"}).out.find("--mode"), std::string::npos);
    EXPECT_NE(run(runScores, {"--help"}).out.find("--output"), std::string::npos);
    EXPECT_EQ(run(runMatch, {}).code, kExitUsage);
    EXPECT_EQ(run(runMatch, {in, "--mode", "random"}).code, kExitUsage);
    EXPECT_EQ(run(runMatch, {in, "--weights", "charm=2"}).code, kExitUsage);
    EXPECT_EQ(run(runMatch, {in, "--weights", "age=-1"}).code, kExitUsage);
    EXPECT_EQ(run(runMatch, {in, "-o", "out.txt"}).code, kExitUsage);
    EXPECT_EQ(run(runScores, {in, "--weights", "age=x"}).code, kExitUsage);
    EXPECT_EQ(run(runMatch, {tempPath("does_not_exist.json")}).code, kExitIo);
    const std::string bad = tempPath("not_a_roster.json");
    ASSERT_TRUE(writeFile(bad, "{\"format\": \"something-else\"}"));
    const CommandRun res = run(runScores, {bad});
    EXPECT_EQ(res.code, kExitProblems);
    EXPECT_FALSE(res.err.empty());
    std::remove(bad.c_str());
    std::remove(in.c_str());
}

}  // namespace
}  // namespace welkom::cli
