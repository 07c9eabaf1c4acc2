#include "core/validation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>

#include "app/text/messages.h"
#include "core/roster_fixtures.h"
#include "core/validation_cases.h"

namespace welkom {
namespace {

using Mutation = std::function<void(Roster&)>;

std::string dump(const std::vector<Problem>& ps) {
    std::string s;
    for (const Problem& p : ps) s += p.code + " " + formatProblemText(p, false) + "\n";
    return s;
}

bool has(const std::vector<Problem>& ps, const std::string& path, const std::string& code) {
    return std::any_of(ps.begin(), ps.end(), [&](const Problem& p) { return p.path == path && p.code == code; });
}

TEST(Validation, FixtureHasNoProblems) {
    const std::vector<Problem> ps = validateRoster(testing::makeFixtureRoster());
    EXPECT_TRUE(ps.empty()) << dump(ps);
}

// One case per rule: the fixture with one thing broken must report exactly
// that problem at that path, with that severity, and in both languages.
TEST(Validation, EveryRuleTriggersAtItsPath) {
    for (const testing::RuleCase& c : testing::validationRuleCases()) {
        Roster r = testing::makeFixtureRoster();
        c.mutate(r);
        const std::vector<Problem> ps = validateRoster(r);
        const auto it = std::find_if(ps.begin(), ps.end(),
                                     [&](const Problem& p) { return p.path == c.path && p.code == c.code; });
        ASSERT_NE(it, ps.end()) << c.name << "\n" << dump(ps);
        EXPECT_EQ(it->severity, c.severity) << c.name;
        // Worded by the app's catalogue, not "[problem.<code>]" for a missing text.
        const std::string en = problemText(*it, false), nl = problemText(*it, true);
        EXPECT_FALSE(en.empty()) << c.name;
        EXPECT_FALSE(nl.empty()) << c.name;
        EXPECT_NE(en, nl) << c.name;
        EXPECT_NE(en.rfind("[", 0), 0u) << c.name;
        if (c.severity == Severity::Error) {
            EXPECT_TRUE(hasErrors(ps)) << c.name;
        }
    }
}

// The boundaries and look-alikes that must not trigger a rule.
TEST(Validation, BoundariesAndLookAlikesDoNotTrigger) {
    const std::vector<std::pair<const char*, Mutation>> cases = {
        {"newborn", [](Roster& r) { r.households[0].members[1].age = 0; }},
        {"110 years old", [](Roster& r) { r.households[0].members[0].age = 110; }},
        {"group member of 16", [](Roster& r) { r.groups[0].members[4].age = kMinGroupMemberAge; }},
        {"group member of 110", [](Roster& r) { r.groups[0].members[4].age = kMaxAge; }},
        {"capacity 0 (paused)",
         [](Roster& r) {
             r.groups[1].capacity = 0;
         }},
        {"larger groups", [](Roster& r) { r.groups[0].members.push_back(testing::fixtureMember("g1-m6", "Fay", 50, Gender::Female)); }},
        {"same member ids in different groups", [](Roster& r) { r.groups[1].members[0].id = "g1-m1"; r.groups[1].coordinatorId = "g1-m1"; }},
        {"leap day", [](Roster& r) { r.checkIns[0].date = "2028-02-29"; }},
        {"empty dates are unknown, not invalid", [](Roster& r) { r.constraints[0].date = ""; }},
        {"custom tags", [](Roster& r) { r.groups[0].members[0].skills.push_back("custom:Fietsles geven"); }},
        {"Dari filed under fa", [](Roster& r) { r.households[1].members[0].languages.push_back({"fa", LanguageLevel::Native}); }},
        {"ended matches free the household and group",
         [](Roster& r) {
             r.matches[0].history.push_back({MatchStatus::Ended, "2025-04-12", "", "", {}});
             Match m = r.matches[0];
             m.id = "m2";
             m.history.resize(1);
             r.matches.push_back(m);
         }},
        {"declined before acceptance",
         [](Roster& r) {
             r.matches[0].history.resize(2);
             r.matches[0].history.push_back({MatchStatus::Declined, "2024-04-04", "household said no", "", {}});
             r.checkIns.clear();  // a declined match has nothing to follow up
         }},
        {"same day steps", [](Roster& r) { r.matches[0].history[1].date = "2024-04-01"; }},
        {"scores at the bounds", [](Roster& r) { r.matches[0].scores = {{"a", 0.0}, {"b", 1.0}}; }},
        {"zero weight and minimum 1",
         [](Roster& r) {
             r.settings.weights[Criterion::Interests] = 0.0;
             r.settings.minimumScore = 1.0;
         }},
        {"pin and forbid on different pairs",
         [](Roster& r) {
             Constraint pin = r.constraints[0];
             pin.id = "c2";
             pin.kind = ConstraintKind::Pin;
             pin.groupId = "g1";
             r.constraints.push_back(pin);
         }},
        {"reachable through an allowed municipality",
         [](Roster& r) { r.households[1].municipality = "Heemstede"; }},
        {"reachable anywhere when the settings allow it",
         [](Roster& r) {
             r.households[1].municipality = "Zwolle";
             r.settings.allowCrossMunicipality = true;
         }},
    };
    for (const auto& [name, mutate] : cases) {
        Roster r = testing::makeFixtureRoster();
        mutate(r);
        const std::vector<Problem> ps = validateRoster(r);
        EXPECT_TRUE(ps.empty()) << name << "\n" << dump(ps);
    }
}

TEST(Validation, ReportsEveryProblemAtOnce) {
    Roster r = testing::makeFixtureRoster();
    r.households[0].members[0].age = 200;
    r.groups[1].members[2].age = 3;
    r.groups[0].capacity = -1;
    r.matches[0].groupId = "g404";
    r.groups[1].members.pop_back();
    const std::vector<Problem> ps = validateRoster(r);
    EXPECT_EQ(countSeverity(ps, Severity::Error), 4u) << dump(ps);
    // Warnings: the small group, and h2 is unreachable under the engine's hard
    // conditions (g1 has capacity -1, i.e. takes nobody, and h2 is forbidden from g2).
    EXPECT_EQ(countSeverity(ps, Severity::Warning), 2u) << dump(ps);
    EXPECT_TRUE(has(ps, "/households/1", "household.unreachable"));
    EXPECT_TRUE(has(ps, "/groups/1/members/2/age", "age.range"));
    const auto it = std::find_if(ps.begin(), ps.end(), [](const Problem& p) { return p.path == "/groups/1/members/2/age"; });
    EXPECT_EQ(formatProblemText(*it, false), "/groups/1/members/2/age: age must be between 16 and 110");
    EXPECT_EQ(formatProblemText(*it, true), "/groups/1/members/2/age: leeftijd moet tussen 16 en 110 liggen");
}

TEST(Validation, ReachabilityHookCanBeReplacedOrSwitchedOff) {
    Roster r = testing::makeFixtureRoster();
    r.households[1].municipality = "Zwolle";
    ValidationOptions off;
    off.reachability = nullptr;
    EXPECT_TRUE(validateRoster(r, off).empty());

    ValidationOptions custom;
    custom.reachability = [](const Roster& roster) {
        std::vector<size_t> all;
        for (size_t i = 0; i < roster.households.size(); ++i) all.push_back(i);
        return all;
    };
    const std::vector<Problem> ps = validateRoster(testing::makeFixtureRoster(), custom);
    EXPECT_TRUE(has(ps, "/households/0", "household.unreachable"));
    EXPECT_TRUE(has(ps, "/households/1", "household.unreachable"));
}

TEST(Validation, SimpleReachabilityNeedsATalkingLevelOnBothSides) {
    Roster r = testing::makeFixtureRoster();
    // h2 speaks Tigrinya and English A2; make every group member's English A1.
    for (WelcomeGroup& g : r.groups) {
        for (GroupMember& m : g.members) m.languages = {{"nl", LanguageLevel::Native}, {"en", LanguageLevel::A1}};
    }
    EXPECT_EQ(simpleUnreachableHouseholds(r), std::vector<size_t>{1});
    r.groups[1].members[4].languages.push_back({"ti", LanguageLevel::B1});
    EXPECT_TRUE(simpleUnreachableHouseholds(r).empty());
    r.groups[1].consent.toMatching = false;
    EXPECT_EQ(simpleUnreachableHouseholds(r), std::vector<size_t>{1});
    // A household without consent is not expected to be matched at all.
    r.households[1].consent.toMatching = false;
    EXPECT_TRUE(simpleUnreachableHouseholds(r).empty());
}

}  // namespace
}  // namespace welkom
