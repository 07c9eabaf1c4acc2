#include "core/scoring.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <set>

#include <gtest/gtest.h>

#include "core/best_total.h"
#include "core/demo_roster.h"
#include "core/fair_matching.h"
#include "core/rng.h"
#include "core/validation.h"
#include "roster_fixtures.h"
#include "app/text/messages.h"

namespace welkom {
namespace {

// Fixture indices: households h1 (0), h2 (1); groups g1 (0), g2 (1). h2-g2 is forbidden.
constexpr std::size_t kH1 = 0, kH2 = 1, kG1 = 0, kG2 = 1;

std::optional<HardCondition> block(const Roster& r, std::size_t h, std::size_t g) { return Scorer(r).firstBlock(h, g); }

double crit(const Roster& r, std::size_t h, std::size_t g, Criterion c) {
    return Scorer(r).score(h, g).scores[static_cast<std::size_t>(c)];
}

const HardVerdict& verdict(const PairReport& p, HardCondition c) { return p.hard[static_cast<std::size_t>(c)]; }
const CriterionResult& soft(const PairReport& p, Criterion c) { return p.soft[static_cast<std::size_t>(c)]; }

// closeness(d) from the header, for d >= 0: 1 up to 5 years, falling linearly to 0 at 30.
double closeness0(int gap) { return gap <= 5 ? 1.0 : gap >= 30 ? 0.0 : (30 - gap) / 25.0; }

// [SECTION] Hard conditions: one case that triggers, one that does not ---------------------

TEST(ScoringHard, FixtureBaselinePairsAreFeasibleExceptTheForbiddenOne) {
    Roster r = testing::makeFixtureRoster();
    EXPECT_EQ(block(r, kH1, kG1), std::nullopt);
    EXPECT_EQ(block(r, kH1, kG2), std::nullopt);
    EXPECT_EQ(block(r, kH2, kG1), std::nullopt);
    EXPECT_EQ(block(r, kH2, kG2), HardCondition::Forbidden);
}

TEST(ScoringHard, ConsentOnBothSides) {
    Roster r = testing::makeFixtureRoster();
    r.households[kH1].consent.toMatching = false;
    EXPECT_EQ(block(r, kH1, kG1), HardCondition::HouseholdConsent);
    r = testing::makeFixtureRoster();
    r.groups[kG1].consent.toMatching = false;
    EXPECT_EQ(block(r, kH1, kG1), HardCondition::GroupConsent);
    EXPECT_EQ(block(r, kH1, kG2), std::nullopt);
}

TEST(ScoringHard, PausedGroupTakesNobody) {
    Roster r = testing::makeFixtureRoster();
    r.groups[kG1].capacity = 0;
    EXPECT_EQ(block(r, kH1, kG1), HardCondition::GroupCapacity);
    r.groups[kG1].capacity = 1;
    EXPECT_EQ(block(r, kH1, kG1), std::nullopt);
}

TEST(ScoringHard, MunicipalitySameAllowedOrCrossing) {
    Roster r = testing::makeFixtureRoster();
    r.households[kH2].municipality = "Zwolle";
    EXPECT_EQ(block(r, kH2, kG1), HardCondition::Municipality);
    r.households[kH2].municipality = "Heemstede";  // g1 allows Heemstede
    EXPECT_EQ(block(r, kH2, kG1), std::nullopt);
    r.households[kH2].municipality = "Zwolle";
    r.settings.allowCrossMunicipality = true;
    EXPECT_EQ(block(r, kH2, kG1), std::nullopt);
}

TEST(ScoringHard, SharedLanguageNeedsAnAdultAndTwoMembersAtA2) {
    Roster r = testing::makeFixtureRoster();
    r.households[kH2].members[0].languages = {{"ti", LanguageLevel::Native}, {"en", LanguageLevel::A1}};
    EXPECT_EQ(block(r, kH2, kG1), HardCondition::Language);
    r.groups[kG1].members[0].languages.push_back({"ti", LanguageLevel::B1});
    EXPECT_EQ(block(r, kH2, kG1), HardCondition::Language) << "one speaker is not enough";
    r.groups[kG1].members[1].languages.push_back({"ti", LanguageLevel::A1});
    EXPECT_EQ(block(r, kH2, kG1), HardCondition::Language) << "A1 does not count";
    r.groups[kG1].members[1].languages.back().level = LanguageLevel::A2;
    EXPECT_EQ(block(r, kH2, kG1), std::nullopt);
    // The household side must reach A2 too.
    r.households[kH2].members[0].languages = {{"ti", LanguageLevel::A1}, {"en", LanguageLevel::A1}};
    EXPECT_EQ(block(r, kH2, kG1), HardCondition::Language);
    // Children's languages do not count when there is an adult.
    r = testing::makeFixtureRoster();
    r.households[kH1].members[0].languages = {{"ar", LanguageLevel::Native}};
    r.households[kH1].members[1].languages = {{"nl", LanguageLevel::B2}};
    EXPECT_EQ(block(r, kH1, kG1), HardCondition::Language);
}

TEST(ScoringHard, WomenOnlyWish) {
    Roster r = testing::makeFixtureRoster();
    r.households[kH1].preferences.womenOnlyGroup = true;
    EXPECT_EQ(block(r, kH1, kG1), HardCondition::WomenOnly);
    for (GroupMember& m : r.groups[kG1].members) m.gender = Gender::Female;
    EXPECT_EQ(block(r, kH1, kG1), std::nullopt);
    r.groups[kG1].members[4].gender = Gender::Unspecified;
    EXPECT_EQ(block(r, kH1, kG1), HardCondition::WomenOnly) << "unspecified is not known to be a woman";
}

TEST(ScoringHard, HouseholdSizeWithinWhatTheGroupSupports) {
    Roster r = testing::makeFixtureRoster();  // h1 has 2 members
    r.groups[kG1].support.maxHouseholdSize = 1;
    EXPECT_EQ(block(r, kH1, kG1), HardCondition::HouseholdSize);
    r.groups[kG1].support.maxHouseholdSize = 2;
    EXPECT_EQ(block(r, kH1, kG1), std::nullopt);
    r.groups[kG1].support.maxHouseholdSize = 0;  // no limit given
    EXPECT_EQ(block(r, kH1, kG1), std::nullopt);
}

TEST(ScoringHard, CoordinatorForbidAndDeclinedPairs) {
    Roster r = testing::makeFixtureRoster();
    EXPECT_EQ(block(r, kH2, kG2), HardCondition::Forbidden);
    r.constraints.clear();
    EXPECT_EQ(block(r, kH2, kG2), std::nullopt);
    Match m;
    m.id = "m9";
    m.householdId = "h2";
    m.groupId = "g2";
    m.history = {{MatchStatus::Proposed, "2024-04-01", "", "", {}}, {MatchStatus::Declined, "2024-04-02", "", "", {}}};
    r.matches.push_back(m);
    EXPECT_EQ(block(r, kH2, kG2), HardCondition::Forbidden);
    const PairReport p = explainPair(r, kH2, kG2);
    EXPECT_EQ(verdict(p, HardCondition::Forbidden).reason.kind, ReasonKind::DeclinedBefore);
    EXPECT_EQ(renderReason(verdict(p, HardCondition::Forbidden).reason, false),
              "this pair was proposed before and declined (match m9)");
}

TEST(ScoringHard, ExplainListsEveryVerdict) {
    Roster r = testing::makeFixtureRoster();
    r.households[kH2].municipality = "Zwolle";
    const PairReport p = explainPair(r, kH2, kG2);
    ASSERT_EQ(p.hard.size(), static_cast<std::size_t>(kHardConditionCount));
    ASSERT_EQ(p.soft.size(), static_cast<std::size_t>(kCriterionCount));
    EXPECT_FALSE(p.feasible);
    std::set<HardCondition> failed;
    for (const HardVerdict& v : p.hard)
        if (!v.ok) failed.insert(v.condition);
    EXPECT_EQ(failed, (std::set<HardCondition>{HardCondition::Municipality, HardCondition::Forbidden}));
    EXPECT_EQ(renderReason(verdict(p, HardCondition::Municipality).reason, false),
              "household in Zwolle, group in Haarlem, and the group takes no households from Zwolle");
    EXPECT_EQ(renderReason(verdict(p, HardCondition::Forbidden).reason, true),
              "de coördinator heeft dit paar uitgesloten: Woont naast een groepslid");
}

// [SECTION] Soft criteria: within 0..1 and monotonic ----------------------------------------

TEST(ScoringSoft, AllScoresWithinZeroAndOneOnADemoRoster) {
    const Roster r = generateDemoRoster({60, 40, 2, 11});
    Scorer s(r);
    for (std::size_t h = 0; h < r.households.size(); ++h) {
        for (std::size_t g = 0; g < r.groups.size(); ++g) {
            const PairScore ps = s.score(h, g);
            for (double v : ps.scores) {
                EXPECT_GE(v, 0.0);
                EXPECT_LE(v, 1.0);
            }
            EXPECT_GE(ps.total, 0.0);
            EXPECT_LE(ps.total, 1.0);
            EXPECT_EQ(ps.total, s.total(h, g));
            EXPECT_EQ(ps.feasible, !s.firstBlock(h, g).has_value());
        }
    }
}

TEST(ScoringSoft, InterestsGrowWithSharedTagsAndSharingMembers) {
    Roster r = testing::makeFixtureRoster();  // h1: cooking, football, Oud; members: cooking, cycling
    for (GroupMember& m : r.groups[kG1].members) m.interests = {"cycling"};
    const double none = crit(r, kH1, kG1, Criterion::Interests);
    r.groups[kG1].members[0].interests.push_back("cooking");
    const double oneByOne = crit(r, kH1, kG1, Criterion::Interests);
    r.groups[kG1].members[1].interests.push_back("cooking");
    const double oneByTwo = crit(r, kH1, kG1, Criterion::Interests);
    r.groups[kG1].members[2].interests.push_back("football");
    const double twoByThree = crit(r, kH1, kG1, Criterion::Interests);
    r.groups[kG1].members[3].interests.push_back("custom:Oud spelen");
    const double three = crit(r, kH1, kG1, Criterion::Interests);
    EXPECT_EQ(none, 0.0);
    EXPECT_LT(none, oneByOne);
    EXPECT_LT(oneByOne, oneByTwo);
    EXPECT_LT(oneByTwo, twoByThree);
    EXPECT_LT(twoByThree, three);
    EXPECT_LE(three, 1.0);
    r.households[kH1].interests.clear();
    EXPECT_FALSE(Scorer(r).score(kH1, kG1).applicable[static_cast<std::size_t>(Criterion::Interests)]);
}

TEST(ScoringSoft, AgeCloserIsBetter) {
    Roster r = testing::makeFixtureRoster();  // h1's adult is 38
    double last = -1.0;
    for (int gap : {40, 25, 15, 8, 0}) {
        for (GroupMember& m : r.groups[kG1].members) m.age = 38 + gap;
        const double v = crit(r, kH1, kG1, Criterion::Age);
        EXPECT_GT(v, last) << gap;
        EXPECT_LE(v, 1.0);
        last = v;
    }
    EXPECT_EQ(last, 1.0);
}

// The age criterion as the header defines it, computed directly: per adult
// (everyone when a household lists no adult), half the best and half the mean
// member closeness; the mean over the adults.
double expectedAge(const Household& h, const WelcomeGroup& g) {
    auto closeness = [](int gap) { return gap < 0 ? closeness0(-gap) : closeness0(gap); };
    bool anyAdult = false;
    for (const HouseholdMember& m : h.members) anyAdult = anyAdult || m.role == MemberRole::Adult;
    double total = 0.0;
    int adults = 0;
    for (const HouseholdMember& a : h.members) {
        if (anyAdult && a.role != MemberRole::Adult) continue;
        const int age = std::clamp(a.age, 0, kMaxAge);
        double best = 0.0, sum = 0.0;
        for (const GroupMember& m : g.members) {
            best = std::max(best, closeness(age - m.age));
            sum += closeness(age - m.age);
        }
        total += 0.5 * best + 0.5 * sum / static_cast<double>(g.members.size());
        ++adults;
    }
    return total / adults;
}

TEST(ScoringSoft, AgeMatchesItsDefinitionForEveryAdultAge) {
    Roster r = generateDemoRoster({60, 40, 2, 4});
    // Ages 1..100 spread over the households; then ages only one household has:
    // a household without adults (its members count, 101+), and ages outside
    // the range (clamped to 0 and kMaxAge).
    for (std::size_t i = 0; i < r.households.size(); ++i)
        for (std::size_t k = 0; k < r.households[i].members.size(); ++k)
            r.households[i].members[k].age = 1 + static_cast<int>((i * 7 + k * 13) % 100);
    for (std::size_t k = 0; k < r.households[0].members.size(); ++k) {
        r.households[0].members[k].role = MemberRole::Child;
        r.households[0].members[k].age = 101 + static_cast<int>(k);
    }
    r.households[1].members[0].age = -3;
    r.households[2].members[0].age = kMaxAge + 20;
    Scorer s(r);
    for (std::size_t h = 0; h < r.households.size(); ++h)
        for (std::size_t g = 0; g < r.groups.size(); ++g)
            EXPECT_NEAR(s.score(h, g).scores[static_cast<std::size_t>(Criterion::Age)], expectedAge(r.households[h], r.groups[g]),
                        1e-12)
                << r.households[h].id << " " << r.groups[g].id;
}

TEST(ScoringSoft, LanguageBridgeGrowsWithSpeakersAndDutchPractice) {
    Roster r = testing::makeFixtureRoster();  // h1: ar native, nl A2, en B1
    for (GroupMember& m : r.groups[kG1].members) m.languages = {{"fr", LanguageLevel::B2}};
    const double none = crit(r, kH1, kG1, Criterion::Language);
    r.groups[kG1].members[0].languages = {{"en", LanguageLevel::B1}};
    const double oneSharing = crit(r, kH1, kG1, Criterion::Language);
    r.groups[kG1].members[1].languages = {{"ar", LanguageLevel::B1}};
    const double twoSharing = crit(r, kH1, kG1, Criterion::Language);
    r.groups[kG1].members[2].languages = {{"nl", LanguageLevel::Native}};  // shares nl (h1 A2) and gives practice
    const double withPractice = crit(r, kH1, kG1, Criterion::Language);
    EXPECT_EQ(none, 0.0);
    EXPECT_LT(none, oneSharing);
    EXPECT_LT(oneSharing, twoSharing);
    EXPECT_LT(twoSharing, withPractice);
    // Practice matters less once the household speaks Dutch well.
    Roster fluent = r;
    fluent.households[kH1].members[0].languages.push_back({"nl", LanguageLevel::C2});
    fluent.households[kH1].members[0].languages.erase(fluent.households[kH1].members[0].languages.begin() + 1);
    for (GroupMember& m : r.groups[kG1].members) m.languages = {{"nl", LanguageLevel::Native}};
    for (GroupMember& m : fluent.groups[kG1].members) m.languages = {{"en", LanguageLevel::B2}};
    // Fluent household with English speakers only: bridge full, no practice needed.
    EXPECT_EQ(crit(fluent, kH1, kG1, Criterion::Language), 1.0);
}

// An unknown level (a sheet that lists "Tigrinya" without a level) counts as
// A2 for talking together, never as Dutch at B2+ to practise with, and the
// explanation names the languages counted that way.
TEST(ScoringSoft, UnknownLevelCountsAsA2AndNeverAsDutchPractice) {
    Roster r = testing::makeFixtureRoster();
    r.households[kH2].members[0].languages = {{"ti", LanguageLevel::Unknown}};
    EXPECT_EQ(block(r, kH2, kG1), HardCondition::Language);
    r.groups[kG1].members[0].languages.push_back({"ti", LanguageLevel::Unknown});
    r.groups[kG1].members[1].languages.push_back({"ti", LanguageLevel::B1});
    EXPECT_EQ(block(r, kH2, kG1), std::nullopt) << "unknown counts for talking, like A2";
    Roster asA2 = r;
    asA2.households[kH2].members[0].languages[0].level = LanguageLevel::A2;
    asA2.groups[kG1].members[0].languages.back().level = LanguageLevel::A2;
    EXPECT_EQ(Scorer(r).score(kH2, kG1).scores, Scorer(asA2).score(kH2, kG1).scores);

    // Group members whose Dutch is unknown give no practice; at B2 they do.
    Roster practice = testing::makeFixtureRoster();  // h1: ar native, nl A2, en B1
    for (GroupMember& m : practice.groups[kG1].members) m.languages = {{"ar", LanguageLevel::B1}, {"nl", LanguageLevel::Unknown}};
    const double unknownDutch = crit(practice, kH1, kG1, Criterion::Language);
    for (GroupMember& m : practice.groups[kG1].members) m.languages = {{"ar", LanguageLevel::B1}, {"nl", LanguageLevel::A2}};
    EXPECT_EQ(unknownDutch, crit(practice, kH1, kG1, Criterion::Language));
    for (GroupMember& m : practice.groups[kG1].members) m.languages = {{"ar", LanguageLevel::B1}, {"nl", LanguageLevel::B2}};
    EXPECT_LT(unknownDutch, crit(practice, kH1, kG1, Criterion::Language));

    // A household's unknown Dutch is scored as A2 (full need of practice).
    Roster need = testing::makeFixtureRoster();
    need.households[kH1].members[0].languages[1].level = LanguageLevel::Unknown;
    Roster needA2 = testing::makeFixtureRoster();
    EXPECT_EQ(crit(need, kH1, kG1, Criterion::Language), crit(needA2, kH1, kG1, Criterion::Language));

    const PairReport known = Scorer(asA2).explain(kH2, kG1);
    EXPECT_TRUE(soft(known, Criterion::Language).reason.tags2.empty());
    const PairReport report = Scorer(r).explain(kH2, kG1);
    const Reason& why = soft(report, Criterion::Language).reason;
    ASSERT_EQ(why.tags2.size(), 1u);
    EXPECT_EQ(why.tags2[0], "ti");
    EXPECT_NE(renderReason(why, false).find("level unknown for ti"), std::string::npos) << renderReason(why, false);
    EXPECT_NE(renderReason(why, true).find("niveau onbekend voor ti"), std::string::npos) << renderReason(why, true);
    // A language known at some level on the household side is not called unknown.
    Roster mixed = r;
    mixed.households[kH2].members.push_back({30, Gender::Female, MemberRole::Adult, {{"ti", LanguageLevel::C1}}, {}});
    mixed.groups[kG1].members[0].languages.back().level = LanguageLevel::B1;
    EXPECT_TRUE(soft(Scorer(mixed).explain(kH2, kG1), Criterion::Language).reason.tags2.empty());
    // Nor is a language of unknown level that the pair does not share.
    Roster unshared = asA2;
    unshared.households[kH2].members[0].languages.push_back({"so", LanguageLevel::Unknown});
    EXPECT_TRUE(soft(Scorer(unshared).explain(kH2, kG1), Criterion::Language).reason.tags2.empty());
}

TEST(ScoringSoft, GoalFitCountsServedGoalsNeedsAndSectors) {
    Roster r = testing::makeFixtureRoster();  // h1: learn_dutch, find_work, care sector, paperwork_help
    for (GroupMember& m : r.groups[kG1].members) {
        m.skills.clear();
        m.sector.clear();
    }
    const double none = crit(r, kH1, kG1, Criterion::Goals);
    r.groups[kG1].members[0].skills = {"tutoring"};  // learn_dutch
    const double one = crit(r, kH1, kG1, Criterion::Goals);
    r.groups[kG1].members[1].sector = "care";  // a nurse for someone who wants to work in care
    const double two = crit(r, kH1, kG1, Criterion::Goals);
    r.groups[kG1].members[2].skills = {"job_coaching", "paperwork"};
    const double all = crit(r, kH1, kG1, Criterion::Goals);
    EXPECT_EQ(none, 0.0);
    EXPECT_LT(none, one);
    EXPECT_LT(one, two);
    EXPECT_LT(two, all);
    EXPECT_EQ(all, 1.0);
    const PairReport p = explainPair(r, kH1, kG1);
    EXPECT_EQ(renderReason(soft(p, Criterion::Goals).reason, false),
              "members serve 4 of 4 goals and needs: learn Dutch, find work, help with paperwork, work in care and welfare");
}

TEST(ScoringSoft, FamilyFitForHouseholdsWithChildren) {
    Roster r = testing::makeFixtureRoster();  // h1 has a child; g1 member 0 has children
    for (GroupMember& m : r.groups[kG1].members) {
        m.hasChildren = false;
        m.skills.clear();
    }
    const double none = crit(r, kH1, kG1, Criterion::Family);
    r.groups[kG1].members[0].hasChildren = true;
    const double one = crit(r, kH1, kG1, Criterion::Family);
    r.groups[kG1].members[1].hasChildren = true;
    const double two = crit(r, kH1, kG1, Criterion::Family);
    r.groups[kG1].members[2].skills = {"childcare"};
    const double care = crit(r, kH1, kG1, Criterion::Family);
    EXPECT_EQ(none, 0.0);
    EXPECT_LT(none, one);
    EXPECT_LT(one, two);
    EXPECT_LT(two, care);
    EXPECT_EQ(care, 1.0);
    // h2 has no children and no wish: family fit does not apply.
    EXPECT_FALSE(Scorer(r).score(kH2, kG1).applicable[static_cast<std::size_t>(Criterion::Family)]);
}

TEST(ScoringSoft, AvailabilityOverlapAndNearness) {
    Roster r = testing::makeFixtureRoster();  // h1: evenings + weekends; g1: evenings
    r.groups[kG1].availability = {};
    r.groups[kG1].availability.weekdayDaytime = true;
    const double none = crit(r, kH1, kG1, Criterion::Availability);
    r.groups[kG1].availability.evenings = true;
    const double half = crit(r, kH1, kG1, Criterion::Availability);
    r.groups[kG1].availability.weekends = true;
    const double full = crit(r, kH1, kG1, Criterion::Availability);
    EXPECT_EQ(none, 0.0);
    EXPECT_EQ(half, 0.5);
    EXPECT_EQ(full, 1.0);

    EXPECT_EQ(crit(r, kH1, kG1, Criterion::Distance), 0.5);  // Schalkwijk vs Centrum
    r.groups[kG1].neighbourhood = "Schalkwijk";
    EXPECT_EQ(crit(r, kH1, kG1, Criterion::Distance), 1.0);
    r.households[kH1].municipality = "Heemstede";  // allowed, but another municipality
    EXPECT_EQ(crit(r, kH1, kG1, Criterion::Distance), 0.0);
}

// [SECTION] Tag lists ------------------------------------------------------------------------

std::vector<std::string> tagsOf(const TagList& t) {
    std::vector<std::string> out;
    for (std::string_view v : t) out.emplace_back(v);
    return out;
}

TEST(ScoringTagList, KeepsAnyTextInOrderInlineAndOnTheHeap) {
    TagList t;
    EXPECT_TRUE(t.empty());
    EXPECT_EQ(t.begin(), t.end());
    const std::string nul("a\0b", 3);
    const std::string longTag(300, 'x');  // past the one-byte length
    std::vector<std::string> expected = {"cooking", "", nul};
    for (const std::string& e : expected) t.push_back(e);
    EXPECT_EQ(tagsOf(t), expected);
    // Grow well past the inline room, with a long tag in the middle.
    for (int k = 0; k < 40; ++k) {
        expected.push_back(k == 20 ? longTag : "tag" + std::to_string(k));
        t.push_back(expected.back());
    }
    EXPECT_EQ(t.size(), expected.size());
    EXPECT_EQ(tagsOf(t), expected);
    EXPECT_EQ(t[2], nul);
    EXPECT_EQ(t[23], longTag);
    EXPECT_EQ(t[t.size() - 1], "tag39");
    t.clear();
    EXPECT_TRUE(t.empty());
    t.push_back("again");
    EXPECT_EQ(tagsOf(t), std::vector<std::string>{"again"});
}

TEST(ScoringTagList, CopiesAndMovesOwnTheirTags) {
    TagList small{"nl", "en"};
    TagList big;
    for (int k = 0; k < 30; ++k) big.push_back("interest" + std::to_string(k));
    for (const TagList* original : {&small, &big}) {
        TagList copy = *original;
        EXPECT_EQ(copy, *original);
        copy.push_back("extra");
        EXPECT_NE(copy, *original);
        EXPECT_EQ(copy.size(), original->size() + 1);
        TagList assigned{"old"};
        assigned = *original;
        EXPECT_EQ(assigned, *original);
        const TagList& self = assigned;
        assigned = self;
        EXPECT_EQ(assigned, *original);
        TagList moved = std::move(assigned);
        EXPECT_EQ(moved, *original);
        EXPECT_TRUE(assigned.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty by contract
        TagList target = big;
        target = std::move(moved);
        EXPECT_EQ(target, *original);
        EXPECT_EQ(tagsOf(target), tagsOf(*original));
    }
    EXPECT_NE(TagList({"a", "bc"}), TagList({"ab", "c"}));
}

// [SECTION] Reasons in words ----------------------------------------------------------------

TEST(ScoringReasons, RenderedInEnglishAndDutch) {
    Roster r = testing::makeFixtureRoster();
    r.groups[kG1].members[1].interests.push_back("football");
    const PairReport p = explainPair(r, kH1, kG1);
    const Reason& interests = soft(p, Criterion::Interests).reason;
    EXPECT_EQ(renderReason(interests, false), "2 shared interests (cooking, football) with 5 of 5 members");
    EXPECT_EQ(renderReason(interests, true), "2 gedeelde interesses (koken, voetbal) met 5 van de 5 leden");
    EXPECT_EQ(renderReason(verdict(p, HardCondition::Language).reason, false),
              "shared language: nl, en (5 members at A2 or better)");
    EXPECT_EQ(renderReason(soft(p, Criterion::Age).reason, false), "adults aged 38: 3 of 5 members within 10 years");
    EXPECT_EQ(renderReason(soft(p, Criterion::Age).reason, true),
              "volwassenen van 38 jaar: 3 van de 5 leden schelen hoogstens 10 jaar");
    EXPECT_EQ(renderReason(soft(p, Criterion::Availability).reason, true),
              "samen beschikbaar: avonden (1 van de 2 momenten van het huishouden)");

    Roster noLang = testing::makeFixtureRoster();
    noLang.households[kH2].members[0].languages = {{"ti", LanguageLevel::Native}, {"ar", LanguageLevel::B1}};
    const PairReport q = explainPair(noLang, kH2, kG1);
    EXPECT_EQ(renderReason(verdict(q, HardCondition::Language).reason, false),
              "no shared language: household speaks ar, ti; group speaks nl, en");
    EXPECT_EQ(renderReason(verdict(q, HardCondition::Language).reason, true),
              "geen gedeelde taal: huishouden spreekt ar, ti; groep spreekt nl, en");
    // Every reason renders to a non-empty sentence in both languages.
    for (const PairReport* rep : {&p, &q}) {
        for (const HardVerdict& v : rep->hard) {
            EXPECT_FALSE(renderReason(v.reason, false).empty());
            EXPECT_FALSE(renderReason(v.reason, true).empty());
        }
        for (const CriterionResult& c : rep->soft) {
            EXPECT_FALSE(renderReason(c.reason, false).empty());
            EXPECT_NE(renderReason(c.reason, false), renderReason(c.reason, true)) << static_cast<int>(c.reason.kind);
        }
    }
}

// [SECTION] Weights ------------------------------------------------------------------------

TEST(ScoringWeights, WeightsChangeTheRanking) {
    Roster r = testing::makeFixtureRoster();
    // g1 shares interests with h1 but is far in age; g2 is close in age with nothing in common.
    for (GroupMember& m : r.groups[kG1].members) {
        m.age = 75;
        m.interests = {"cooking", "football"};
    }
    for (GroupMember& m : r.groups[kG2].members) {
        m.age = 38;
        m.interests = {"chess"};
    }
    CriterionWeights interestsFirst, ageFirst;  // the others at the default
    interestsFirst[Criterion::Interests] = 5.0;
    interestsFirst[Criterion::Age] = 0.1;
    ageFirst[Criterion::Interests] = 0.1;
    ageFirst[Criterion::Age] = 5.0;
    Scorer a(r, interestsFirst), b(r, ageFirst);
    EXPECT_GT(a.total(kH1, kG1), a.total(kH1, kG2));
    EXPECT_LT(b.total(kH1, kG1), b.total(kH1, kG2));
    // Only interests count: the total is the interests score itself.
    const CriterionWeights only(std::array<double, kCriterionCount>{1, 0, 0, 0, 0, 0, 0});
    Scorer c(r, only);
    EXPECT_DOUBLE_EQ(c.total(kH1, kG1), c.score(kH1, kG1).scores[0]);
    // A criterion that does not apply drops out of the mean instead of counting as 0.
    const CriterionWeights familyOnly(std::array<double, kCriterionCount>{0, 0, 0, 0, 1, 0, 1});
    Scorer d(r, familyOnly);
    EXPECT_EQ(d.total(kH2, kG1), d.score(kH2, kG1).scores[static_cast<std::size_t>(Criterion::Distance)]);
}

// [SECTION] Solver input --------------------------------------------------------------------

TEST(ScoringProblem, FixtureProblemMapsIdsPinsForbidsAndLockedMatches) {
    Roster r = testing::makeFixtureRoster();
    const MatchingProblem p = buildMatchingProblem(r);
    EXPECT_EQ(p.householdIds, (std::vector<std::string>{"h1", "h2"}));
    EXPECT_EQ(p.groupIds, (std::vector<std::string>{"g1", "g2"}));
    EXPECT_EQ(p.householdIndex("h2"), 1);
    EXPECT_EQ(p.groupIndex("g404"), -1);
    EXPECT_EQ(p.rules.locked, (std::vector<PairRef>{{0, 0}}));  // m1 is active
    EXPECT_EQ(p.rules.forbidden, (std::vector<PairRef>{{1, 1}}));
    EXPECT_EQ(p.rules.minScore, 0.25);
    EXPECT_EQ(p.rules.capacity, (std::vector<int>{1, 1}));
    // The forbidden pair stays in the matrix (so the explainer can say "forbidden").
    EXPECT_TRUE(p.matrix.score(1, 1).has_value());
    const Matching<double> m = solveBestTotal(p.matrix, p.rules);
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m.groupOf, (std::vector<int>{0, kUnmatched}));  // g1 is taken, g2 forbidden for h2
}

TEST(ScoringProblem, IdsSortNumerically) {
    EXPECT_TRUE(idLess("h2", "h10"));
    EXPECT_FALSE(idLess("h10", "h2"));
    EXPECT_TRUE(idLess("a", "b"));
    EXPECT_TRUE(idLess("g1", "g1-m1"));
    EXPECT_TRUE(idLess("h01", "h1") != idLess("h1", "h01"));
    EXPECT_FALSE(idLess("x", "x"));
}

TEST(ScoringProblem, DemoRosterGivesOnlyFeasiblePairsAndRespectsPinsAndForbids) {
    for (std::uint64_t seed : {3u, 8u}) {
        const Roster r = generateDemoRoster({150, 110, 4, seed});
        Scorer s(r);
        const MatchingProblem p = buildMatchingProblem(s);
        ASSERT_TRUE(p.matrix.validate()) << p.matrix.validate().error().code;
        EXPECT_GT(p.rules.pins.size() + p.rules.forbidden.size(), 0u);
        std::set<PairRef> fixed(p.rules.pins.begin(), p.rules.pins.end());
        fixed.insert(p.rules.locked.begin(), p.rules.locked.end());
        // Matrix entries: hard conditions hold (forbids aside), or the pair is fixed.
        for (int h = 0; h < p.households(); ++h) {
            p.matrix.forEachPair(h, [&](int g, double score) {
                const std::size_t rh = p.householdAt[static_cast<std::size_t>(h)];
                const std::size_t rg = p.groupAt[static_cast<std::size_t>(g)];
                EXPECT_TRUE(s.passesIntrinsic(rh, rg) || fixed.count({h, g}) > 0);
                EXPECT_EQ(score, s.total(rh, rg));
            });
        }
        for (const Matching<double>& m : {solveBestTotal(p.matrix, p.rules), solveFair(p.matrix, p.rules)}) {
            ASSERT_TRUE(m.ok()) << toString(m.status) << " " << m.conflicts.size();
            for (int h = 0; h < p.households(); ++h) {
                const int g = m.groupOf[static_cast<std::size_t>(h)];
                if (g == kUnmatched) continue;
                if (fixed.count({h, g})) continue;
                const std::size_t rh = p.householdAt[static_cast<std::size_t>(h)];
                const std::size_t rg = p.groupAt[static_cast<std::size_t>(g)];
                EXPECT_EQ(s.firstBlock(rh, rg), std::nullopt) << p.householdIds[static_cast<std::size_t>(h)];
                EXPECT_GE(*p.matrix.score(h, g), *p.rules.minScore);
            }
            for (const PairRef& pin : p.rules.pins) EXPECT_EQ(m.groupOf[static_cast<std::size_t>(pin.household)], pin.group);
            for (const PairRef& l : p.rules.locked) EXPECT_EQ(m.groupOf[static_cast<std::size_t>(l.household)], l.group);
            for (const PairRef& f : p.rules.forbidden) EXPECT_NE(m.groupOf[static_cast<std::size_t>(f.household)], f.group);
            std::vector<int> load(static_cast<std::size_t>(p.groups()), 0);
            for (int g : m.groupOf)
                if (g != kUnmatched) ++load[static_cast<std::size_t>(g)];
            for (int g = 0; g < p.groups(); ++g) EXPECT_LE(load[static_cast<std::size_t>(g)], p.rules.capacityOf(g));
        }
    }
}

TEST(ScoringProblem, DeterministicAndIndependentOfRosterOrder) {
    const Roster r = generateDemoRoster({90, 70, 3, 5});
    const MatchingProblem a = buildMatchingProblem(r);
    const MatchingProblem b = buildMatchingProblem(r);
    Roster shuffled = r;
    Rng rng(99);
    for (std::size_t i = shuffled.households.size(); i > 1; --i)
        std::swap(shuffled.households[i - 1], shuffled.households[rng.below(i)]);
    for (std::size_t i = shuffled.groups.size(); i > 1; --i) std::swap(shuffled.groups[i - 1], shuffled.groups[rng.below(i)]);
    const MatchingProblem c = buildMatchingProblem(shuffled);
    for (const MatchingProblem* o : {&b, &c}) {
        EXPECT_EQ(a.householdIds, o->householdIds);
        EXPECT_EQ(a.groupIds, o->groupIds);
        EXPECT_EQ(a.matrix.rowStart(), o->matrix.rowStart());
        EXPECT_EQ(a.matrix.arcGroup(), o->matrix.arcGroup());
        ASSERT_EQ(a.matrix.values().size(), o->matrix.values().size());
        EXPECT_EQ(0, std::memcmp(a.matrix.values().data(), o->matrix.values().data(), a.matrix.values().size() * sizeof(double)));
        EXPECT_EQ(a.rules.pins, o->rules.pins);
        EXPECT_EQ(a.rules.locked, o->rules.locked);
        EXPECT_EQ(a.rules.forbidden, o->rules.forbidden);
    }
}

// explainPair scores a roster of just the pair: the same report as the whole
// roster's Scorer, forbids, declined matches and pins included, and for a
// record that repeats an earlier id (constraints name the first one).
TEST(ScoringReasons, ExplainPairMatchesTheWholeRostersScorer) {
    Roster r = generateDemoRoster({60, 45, 3, 9});
    ASSERT_FALSE(r.constraints.empty());
    r.settings.minimumScore = 0.4;
    // A forbid and a declined match, besides the demo's own constraints.
    Constraint forbid;
    forbid.id = "cx1";
    forbid.householdId = r.households[2].id;
    forbid.groupId = r.groups[3].id;
    forbid.reason = "Te ver weg";
    r.constraints.push_back(forbid);
    Match declined;
    declined.id = "mx1";
    declined.householdId = r.households[4].id;
    declined.groupId = r.groups[5].id;
    declined.history.push_back({MatchStatus::Proposed, "2026-01-02", "", "", {}});
    declined.history.push_back({MatchStatus::Declined, "2026-01-09", "", "", {}});
    r.matches.push_back(declined);
    Roster repeated = r;
    repeated.households.push_back(r.households[2]);  // same id as households[2]: no constraints of its own
    const Scorer whole(repeated);
    auto rendered = [](const PairReport& p) {
        std::string s = std::to_string(p.total) + (p.feasible ? " ok" : " no") + (p.belowMinimum ? " low\n" : "\n");
        for (const HardVerdict& v : p.hard) s += (v.ok ? "+ " : "- ") + renderReason(v.reason, false) + "\n";
        for (const CriterionResult& c : p.soft) s += renderReason(c.reason, true) + " " + std::to_string(c.score) + "\n";
        return s;
    };
    int forbidden = 0;
    for (std::size_t h = 0; h < repeated.households.size(); ++h)
        for (std::size_t g = 0; g < repeated.groups.size(); ++g) {
            const PairReport fast = explainPair(repeated, h, g);
            forbidden += fast.hard[static_cast<std::size_t>(HardCondition::Forbidden)].ok ? 0 : 1;
            ASSERT_EQ(rendered(fast), rendered(whole.explain(h, g))) << repeated.households[h].id << " " << repeated.groups[g].id;
        }
    EXPECT_GE(forbidden, 2);
}

// Groups in reach and the row hot path walk groups in memory order (own
// municipality as one run, then groups elsewhere allowing it). Checked against
// the rule itself: same municipality, or the group allows the household's, or
// crossing is allowed; each group once. The hot path gives exactly those pairs
// that pass passesIntrinsic, with total(). Also when a group allows its own
// municipality, a household lives where no group is, or crossing is allowed.
TEST(ScoringProblem, RowHotPathGivesTheCandidatePairsAndTotals) {
    for (std::uint64_t seed : {2u, 6u, 11u}) {
        Roster r = generateDemoRoster({120, 90, 5, seed});
        Rng rng(seed);
        for (WelcomeGroup& g : r.groups) {
            g.allowedMunicipalities.clear();
            if (rng.chance(0.3)) g.allowedMunicipalities.push_back(r.groups[rng.below(r.groups.size())].municipality);
            if (rng.chance(0.1)) g.allowedMunicipalities.push_back(g.municipality);
        }
        r.households[0].municipality = "Nergensdorp";
        r.groups[1].allowedMunicipalities.push_back("Nergensdorp");
        r.households[1].municipality = "Ergensveen";  // no group here, none allows it
        for (bool cross : {false, true}) {
            r.settings.allowCrossMunicipality = cross;
            Scorer s(r);
            std::vector<int> cands;
            std::vector<std::pair<int, double>> fast;
            std::size_t pairs = 0;
            for (std::size_t h = 0; h < r.households.size(); ++h) {
                std::vector<int> inReach;
                std::vector<std::pair<int, double>> expected;
                const std::string& muni = r.households[h].municipality;
                for (std::size_t g = 0; g < r.groups.size(); ++g) {
                    const auto& allowed = r.groups[g].allowedMunicipalities;
                    if (!cross && r.groups[g].municipality != muni && std::find(allowed.begin(), allowed.end(), muni) == allowed.end())
                        continue;
                    inReach.push_back(static_cast<int>(g));
                    if (s.passesIntrinsic(h, g)) expected.emplace_back(static_cast<int>(g), s.total(h, g));
                }
                s.candidateGroups(h, cands);
                EXPECT_LE(cands.size(), s.candidateCount(h));
                std::sort(cands.begin(), cands.end());
                EXPECT_EQ(cands, inReach) << "household " << r.households[h].id << (cross ? " crossing" : "");
                fast.clear();
                s.feasibleTotals(h, fast);
                std::sort(fast.begin(), fast.end());
                EXPECT_EQ(fast, expected) << "household " << r.households[h].id << (cross ? " crossing" : "");
                pairs += expected.size();
            }
            EXPECT_GT(pairs, r.households.size());
            if (!cross) {
                s.candidateGroups(1, cands);
                EXPECT_TRUE(cands.empty());
                s.candidateGroups(0, cands);
                EXPECT_EQ(cands, std::vector<int>{1});
            }
        }
    }
}

TEST(ScoringProblem, PinnedPairBreakingAHardConditionIsKeptAndNoted) {
    Roster r = testing::makeFixtureRoster();
    r.households[kH2].members[0].languages = {{"ti", LanguageLevel::Native}};
    r.constraints.push_back({"c2", ConstraintKind::Pin, "h2", "g1", "", "", "", {}});
    r.matches.clear();
    const MatchingProblem p = buildMatchingProblem(r);
    ASSERT_EQ(p.fixedNotes.size(), 1u);
    EXPECT_EQ(p.fixedNotes[0].pair, (PairRef{1, 0}));
    EXPECT_EQ(p.fixedNotes[0].broken, std::vector<HardCondition>{HardCondition::Language});
    const Matching<double> m = solveBestTotal(p.matrix, p.rules);
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m.groupOf[1], 0);
}

// [SECTION] Nobody can take this household ----------------------------------------------------

TEST(ScoringUnplaceable, NamesTheBlockingConditionAndTheSmallestChange) {
    Roster r = testing::makeFixtureRoster();
    r.households[kH2].members[0].languages = {{"ti", LanguageLevel::Native}};
    r.groups[kG1].members[3].languages.push_back({"ti", LanguageLevel::B2});
    const UnplaceableReport u = explainUnplaceable(r, kH2);
    EXPECT_FALSE(u.placeable);
    ASSERT_EQ(u.candidates.size(), 2u);
    EXPECT_EQ(u.candidates[0].groupId, "g1");
    ASSERT_EQ(u.candidates[0].failed.size(), 1u);
    EXPECT_EQ(u.candidates[0].failed[0].condition, HardCondition::Language);
    EXPECT_EQ(renderReason(u.candidates[0].failed[0].reason, false), "only 1 member speaks ti at A2 or better (2 needed)");
    EXPECT_EQ(u.candidates[1].groupId, "g2");
    EXPECT_EQ(u.candidates[1].failed.size(), 2u);  // language and the coordinator's forbid
    ASSERT_TRUE(u.smallest);
    EXPECT_EQ(u.smallest->groupId, "g1");
    ASSERT_EQ(u.smallest->changes.size(), 1u);
    EXPECT_EQ(renderChange(u.smallest->changes[0], false), "group g1 would need one more member speaking ti at A2");
    EXPECT_EQ(renderChange(u.smallest->changes[0], true), "groep g1 zou nog 1 lid nodig hebben dat ti spreekt op A2");
}

TEST(ScoringUnplaceable, OutsideEveryGroupsReachSuggestsAllowingTheMunicipality) {
    Roster r = testing::makeFixtureRoster();
    r.households[kH2].municipality = "Zwolle";
    const UnplaceableReport u = explainUnplaceable(r, kH2);
    EXPECT_FALSE(u.placeable);
    ASSERT_EQ(u.candidates.size(), 2u);
    EXPECT_EQ(u.candidates[0].failed[0].condition, HardCondition::Municipality);
    ASSERT_TRUE(u.smallest);
    EXPECT_EQ(u.smallest->groupId, "g1");
    EXPECT_EQ(renderChange(u.smallest->changes.at(0), false), "group g1 allows municipality Zwolle");
    // A placeable household has no suggestion.
    EXPECT_TRUE(explainUnplaceable(r, kH1).placeable);
    EXPECT_FALSE(explainUnplaceable(r, kH1).smallest);
}

TEST(ScoringReachability, UsesTheRealHardConditions) {
    Roster r = testing::makeFixtureRoster();
    EXPECT_TRUE(hardConditionUnreachableHouseholds(r).empty());
    // Women-only: the simple stand-in ignores it, the engine does not.
    r.households[kH2].preferences.womenOnlyGroup = true;
    EXPECT_TRUE(simpleUnreachableHouseholds(r).empty());
    EXPECT_EQ(hardConditionUnreachableHouseholds(r), std::vector<std::size_t>{1});
    // It is the default check of validation.
    const std::vector<Problem> ps = validateRoster(r);
    EXPECT_TRUE(std::any_of(ps.begin(), ps.end(), [](const Problem& p) {
        return p.path == "/households/1" && p.code == "household.unreachable";
    }));
    for (GroupMember& m : r.groups[kG1].members) m.gender = Gender::Female;
    EXPECT_TRUE(hardConditionUnreachableHouseholds(r).empty());
    // A household in a live match is not expected to be placed again.
    r.groups[kG1].capacity = 0;
    EXPECT_EQ(hardConditionUnreachableHouseholds(r), std::vector<std::size_t>{1});
    r.households[kH1].members[0].languages = {{"ti", LanguageLevel::Native}};
    EXPECT_EQ(hardConditionUnreachableHouseholds(r), std::vector<std::size_t>{1});  // h1 is in active match m1
}

}  // namespace
}  // namespace welkom
