#include "io/research_export.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/demo_roster.h"
#include "core/outcomes.h"

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
    EXPECT_EQ(rep.steps.size(), rep.stepsNl.size());

    std::map<std::string, int> classes;
    for (const ResearchRow& row : e->rows) ++classes[quasiIdentifierKey(row)];
    for (const auto& [key, n] : classes) EXPECT_GE(n, 5) << key;

    const std::string csv = writeResearchCsv(*e);
    const std::string json = writeResearchJson(*e);
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
    for (const std::string& bytes : {writeResearchCsv(*e), writeResearchJson(*e)}) {
        Result<std::vector<ResearchRow>> rows = readResearchFile(bytes);
        ASSERT_TRUE(rows.ok()) << rows.error().message;
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
    EXPECT_NE(r.error().message.find("row 2"), std::string::npos);
    EXPECT_NE(r.error().message.find("household_satisfaction"), std::string::npos);
    Result<std::vector<ResearchRow>> ok = readResearchFile("research_id,status,score_interests\nab,ended,0.5\n");
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ((*ok)[0].status, MatchStatus::Ended);
}

}  // namespace
}  // namespace welkom
