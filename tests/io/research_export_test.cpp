#include "io/research_export.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "app/text/messages.h"
#include "core/demo_roster.h"
#include "core/outcomes.h"
#include "core/scoring.h"
#include "io/csv.h"

namespace welkom {
namespace {

// Every piece of identifying or free text in the roster.
std::set<std::string> identifyingTexts(const Roster& r) {
    std::set<std::string> out;
    auto add = [&](const std::string& s) {
        if (!s.empty()) out.insert(s);
    };
    for (const Household& h : r.households) {
        add(h.id);
        add(h.displayName);
        add(h.notes);
        add(h.municipality);
        add(h.neighbourhood);
    }
    for (const WelcomeGroup& g : r.groups) {
        add(g.id);
        add(g.name);
        add(g.notes);
        add(g.municipality);
        add(g.neighbourhood);
        for (const GroupMember& m : g.members) {
            add(m.name);
            add(m.contact);
            add(m.occupation);
        }
    }
    for (const Match& m : r.matches) {
        add(m.id);
        for (const MatchEvent& e : m.history) {
            add(e.reason);
            add(e.note);
        }
    }
    for (const Constraint& c : r.constraints) {
        add(c.reason);
        add(c.author);
    }
    for (const CheckIn& c : r.checkIns) {
        add(c.id);
        add(c.note);
    }
    return out;
}

TEST(ResearchExport, DemoExportHasNoIdentityAndIsKAnonymous) {
    const Roster r = generateDemoRoster({3000, 2500, 3, 17});
    ResearchExportOptions o;
    o.seed = 1;
    Result<ResearchExport> e = buildResearchExport(r, o);
    ASSERT_TRUE(e.ok());
    ASSERT_GT(e->rows.size(), 20u) << "the demo should give enough rows to test";
    const ResearchExportReport& rep = e->report;
    EXPECT_EQ(rep.matches, static_cast<int>(r.matches.size()));
    EXPECT_EQ(rep.notStarted + rep.withoutConsent + rep.suppressed + rep.exported, rep.matches);
    EXPECT_FALSE(rep.steps.empty());

    std::map<std::string, int> classes;
    for (const ResearchRow& row : e->rows) ++classes[quasiIdentifierKey(row)];
    for (const auto& [key, n] : classes) EXPECT_GE(n, 5) << key;

    const std::string csv = writeResearchCsv(*e);
    const std::string json = writeResearchJson(*e, englishText);
    // Names, contacts, notes, ids, places: none may appear. Short ids such as
    // "h1" are searched as whole cells/values, longer texts anywhere.
    for (const std::string& text : identifyingTexts(r)) {
        if (text.size() <= 6) {
            EXPECT_EQ(csv.find("," + text + ","), std::string::npos) << text;
            EXPECT_EQ(json.find("\"" + text + "\""), std::string::npos) << text;
        } else {
            EXPECT_EQ(csv.find(text), std::string::npos) << text;
            EXPECT_EQ(json.find(text), std::string::npos) << text;
        }
    }
    // Fresh ids: unique, 16 hex digits.
    std::set<std::string> ids;
    for (const ResearchRow& row : e->rows) {
        EXPECT_EQ(row.researchId.size(), 16u);
        ids.insert(row.researchId);
    }
    EXPECT_EQ(ids.size(), e->rows.size());
}

TEST(ResearchExport, RandomIdsDifferEveryExport) {
    const Roster r = generateDemoRoster({600, 500, 2, 3});
    Result<ResearchExport> a = buildResearchExport(r);
    Result<ResearchExport> b = buildResearchExport(r);
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_FALSE(a->rows.empty());
    std::set<std::string> first;
    for (const ResearchRow& row : a->rows) first.insert(row.researchId);
    for (const ResearchRow& row : b->rows) EXPECT_EQ(first.count(row.researchId), 0u);
}

TEST(ResearchExport, SmallRostersAreGeneralisedOrSuppressed) {
    const Roster r = generateDemoRoster({200, 150, 2, 5});
    ResearchExportOptions o;
    o.seed = 2;
    Result<ResearchExport> e = buildResearchExport(r, o);
    ASSERT_TRUE(e.ok());
    EXPECT_GT(e->report.generalisationLevel + e->report.suppressed, 0);
    std::map<std::string, int> classes;
    for (const ResearchRow& row : e->rows) ++classes[quasiIdentifierKey(row)];
    for (const auto& [key, n] : classes) EXPECT_GE(n, 5) << key;
}

TEST(ResearchExport, CsvAndJsonReadBackToTheSameSamples) {
    const Roster r = generateDemoRoster({3000, 2500, 3, 17});
    ResearchExportOptions o;
    o.seed = 3;
    Result<ResearchExport> e = buildResearchExport(r, o);
    ASSERT_TRUE(e.ok());
    for (const std::string& bytes : {writeResearchCsv(*e), writeResearchJson(*e, englishText)}) {
        Result<std::vector<ResearchRow>> rows = readResearchFile(bytes);
        ASSERT_TRUE(rows.ok()) << errorText(rows.error(), false);
        ASSERT_EQ(rows->size(), e->rows.size());
        for (std::size_t i = 0; i < rows->size(); ++i) {
            const ResearchRow& a = (*rows)[i];
            const ResearchRow& b = e->rows[i];
            EXPECT_EQ(a.researchId, b.researchId);
            EXPECT_EQ(quasiIdentifierKey(a), quasiIdentifierKey(b));
            EXPECT_EQ(a.monthsFollowed, b.monthsFollowed);
            EXPECT_EQ(a.householdSatisfaction, b.householdSatisfaction);
            EXPECT_EQ(a.endReason, b.endReason);
            for (std::size_t c = 0; c < a.scores.size(); ++c) {
                ASSERT_EQ(a.scores[c].has_value(), b.scores[c].has_value());
                if (a.scores[c]) {
                    EXPECT_NEAR(*a.scores[c], *b.scores[c], 1e-4);
                }
            }
        }
        const SuccessDefinition def;
        EXPECT_EQ(researchSamples(*rows, def).size(), researchSamples(e->rows, def).size());
    }
    // Every exported (non-suppressed) labelled match is a sample, as in the roster.
    EXPECT_FALSE(researchSamples(e->rows, SuccessDefinition{}).empty());
}

TEST(ResearchExport, BadFilesAreRefusedWithTheRow) {
    EXPECT_EQ(readResearchFile("{\"format\":\"other\"}").error().code, "research.format");
    EXPECT_EQ(readResearchFile("a,b\n1,2\n").error().code, "research.format");
    Result<std::vector<ResearchRow>> r =
        readResearchFile("research_id,status,household_satisfaction\nab,active,9\n");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(errorText(r.error(), false), "row 2, household_satisfaction: expected a whole number from 1 to 5");
    EXPECT_EQ(errorText(r.error(), true), "rij 2, household_satisfaction: verwacht: een geheel getal van 1 tot 5");
    Result<std::vector<ResearchRow>> ok = readResearchFile("research_id,status,score_interests\nab,ended,0.5\n");
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ((*ok)[0].status, MatchStatus::Ended);
}

// The file's "steps" are the report's steps in English, whatever the interface language.
TEST(ResearchExport, JsonStepsAreTheReportInEnglish) {
    ResearchExportOptions o;
    o.seed = 1;
    const std::vector<std::string> demoSteps = {
        "start month generalised to the quarter",
        "start generalised to the year; group size removed",
        "age bands widened to 18-44/45+, household size to 1/2+, shared languages to 0-1/2+",
        "household type and gender removed",
        "start year removed",
        "2 rows suppressed: their combination occurred fewer than 5 times"};
    const std::vector<std::string> emptySteps = {
        "every combination of attributes occurs at least 5 times; nothing had to be generalised"};
    for (const auto& [roster, expected] : {std::pair{generateDemoRoster({60, 40, 4, 7}), demoSteps},
                                           std::pair{Roster{}, emptySteps}}) {
        Result<ResearchExport> e = buildResearchExport(roster, o);
        ASSERT_TRUE(e.ok());
        const nlohmann::json file = nlohmann::json::parse(writeResearchJson(*e, englishText));
        EXPECT_EQ(file.at("steps").get<std::vector<std::string>>(), expected);
    }
}

// [SECTION] Crafted rosters for the anonymity rules

// One household and one group per match, all alike (same coarse class),
// every match introduced in March 2026 and consented to research. `tweak`
// changes match i (its household, group, match and check-ins) afterwards.
Roster alikeMatches(int n, const std::function<void(int, Household&, WelcomeGroup&, Match&, std::vector<CheckIn>&)>& tweak) {
    Roster r;
    for (int i = 0; i < n; ++i) {
        const std::string id = std::to_string(i);
        Household h;
        h.id = "h" + id;
        h.displayName = "Familie " + id;
        h.municipality = "Voorbeeldstad";
        h.members = {HouseholdMember{34, Gender::Female, MemberRole::Adult, {}, {}},
                     HouseholdMember{8, Gender::Male, MemberRole::Child, {}, {}}};
        h.consent.toResearch = true;
        WelcomeGroup g;
        g.id = "g" + id;
        g.name = "Groep " + id;
        g.municipality = "Voorbeeldstad";
        for (int m = 0; m < 6; ++m) {
            GroupMember member;
            member.id = g.id + "m" + std::to_string(m);
            member.name = "Lid " + std::to_string(m);
            member.age = 50;
            g.members.push_back(member);
        }
        g.consent.toResearch = true;
        Match match;
        match.id = "m" + id;
        match.householdId = h.id;
        match.groupId = g.id;
        for (int c = 0; c < kCriterionCount; ++c)
            match.scores.push_back({std::string(criterionName(static_cast<Criterion>(c))), 0.5 + 0.0123 * c + 0.0001 * i});
        match.history = {{MatchStatus::Proposed, "2026-02-20", "", "", {}},
                         {MatchStatus::Introduced, "2026-03-05", "", "", {}},
                         {MatchStatus::Active, "2026-03-10", "", "", {}}};
        std::vector<CheckIn> checkIns;
        tweak(i, h, g, match, checkIns);
        r.households.push_back(h);
        r.groups.push_back(g);
        r.matches.push_back(match);
        r.checkIns.insert(r.checkIns.end(), checkIns.begin(), checkIns.end());
    }
    return r;
}

CheckIn checkIn(const Match& m, const std::string& date) {
    CheckIn c;
    c.id = m.id + "c" + date;
    c.matchId = m.id;
    c.date = date;
    return c;
}

std::string column(const std::string& csv, const std::string& name, std::size_t row) {
    Result<CsvTable> t = readCsv(csv);
    EXPECT_TRUE(t.ok());
    const CsvRow& header = t->rows[0];
    const auto at = static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
    return t->rows.at(row + 1).at(at);
}

TEST(ResearchAnonymity, ARareOutcomeSharedByAWholeClassIsWithheld) {
    // Ten alike matches in two coarse classes (first adult 30-44 or 45-64).
    // In the first class all five ended early in conflict: without the
    // diversity rule the class would tell anyone who knows one of these
    // families that their match broke down in conflict.
    const Roster r = alikeMatches(10, [](int i, Household& h, WelcomeGroup&, Match& m, std::vector<CheckIn>& c) {
        if (i >= 5) {
            h.members[0].age = 50;
            CheckIn ok = checkIn(m, "2026-06-01");
            ok.householdSatisfaction = 2 + i % 3;  // 2..4: diverse
            c.push_back(ok);
            return;
        }
        CheckIn end = checkIn(m, "2026-05-01");
        end.endedEarly = true;
        end.endReason = EndReason::Conflict;
        end.householdSatisfaction = 4 + i % 2;  // 4 or 5: diverse
        c.push_back(end);
        m.history.push_back({MatchStatus::Ended, "2026-05-01", "", "", {}});
    });
    ResearchExportOptions o;
    o.seed = 5;
    Result<ResearchExport> e = buildResearchExport(r, o);
    ASSERT_TRUE(e.ok());
    ASSERT_EQ(e->rows.size(), 10u) << "both classes have k = 5 rows";
    EXPECT_EQ(e->rows[0].scores[0], 0.5) << "scores rounded to one decimal";
    const std::string csv = writeResearchCsv(*e);
    EXPECT_EQ(csv.find("conflict"), std::string::npos) << csv;
    EXPECT_GT(e->report.withheldCells, 0);
    bool sawConflictClass = false;
    for (std::size_t i = 0; i < e->rows.size(); ++i) {
        const ResearchRow& row = e->rows[i];
        if (row.adultAge != "30-44") continue;
        sawConflictClass = true;
        EXPECT_EQ(column(csv, "end_reason", i), "") << "the one reason the whole class shares";
        EXPECT_EQ(column(csv, "ended_early", i), "");
        EXPECT_NE(column(csv, "household_satisfaction", i), "") << "two values in the class: kept";
        EXPECT_EQ(column(csv, "score_interests", i), "0.5") << "one decimal, not 0.5000";
    }
    EXPECT_TRUE(sawConflictClass);
    // Read back, the withheld cells are unknown (or the column's default).
    Result<std::vector<ResearchRow>> back = readResearchFile(writeResearchJson(*e, englishText));
    ASSERT_TRUE(back.ok()) << errorText(back.error(), false);
    for (const ResearchRow& row : *back) EXPECT_NE(row.endReason, EndReason::Conflict);
}

TEST(ResearchAnonymity, KCountsTheEmptyScorePatternWithTheCoarseColumns) {
    // Six matches alike in every coarse column; one of them has no family
    // score (the only household without children would show by that gap).
    const Roster r = alikeMatches(6, [](int i, Household&, WelcomeGroup&, Match& m, std::vector<CheckIn>&) {
        if (i == 3) m.scores.erase(m.scores.begin() + static_cast<int>(Criterion::Family));
    });
    ResearchExportOptions o;
    o.seed = 6;
    o.k = 2;  // below the floor: counts as 5
    Result<ResearchExport> e = buildResearchExport(r, o);
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(e->report.k, kMinResearchK);
    EXPECT_EQ(e->report.suppressed, 1) << "alone with its pattern: no generalisation helps";
    ASSERT_EQ(e->rows.size(), 5u);
    std::map<std::string, int> classes;
    for (const ResearchRow& row : e->rows) {
        EXPECT_EQ(emptyScorePattern(row), "1111111");
        ++classes[quasiIdentifierKey(row)];
    }
    for (const auto& [key, n] : classes) EXPECT_GE(n, kMinResearchK) << key;
    EXPECT_NE(quasiIdentifierKey(e->rows[0]).find("|1111111"), std::string::npos) << "the pattern is part of the key";
}

}  // namespace
}  // namespace welkom
