// Participants' stated priorities in the score (core/scoring.h):
//   w_c(h, g) = w_c * (1 + p * (m_c - 1)),  m_c = (f_c(h) + f_c(g)) / 2,
//   f: not important 0.5, important 1, very important 1.5, not stated 1;
//   a group's f_c is the mean over its members who stated c.
// The factors below are worked out by hand from that formula.
#include <gtest/gtest.h>

#include <array>

#include "core/best_total.h"
#include "core/scoring.h"
#include "roster_fixtures.h"

namespace welkom {
namespace {

// The fixture with stated priorities on h1 and on members of g1:
//   language: h1 very important (1.5); g1 one member very important, one not
//             important -> group 1.0 (2 stated); m = 1.25
//   age:      h1 not important (0.5); nobody in g1 -> 1;   m = 0.75
//   distance: h1 not stated -> 1; g1 one member very important (1.5); m = 1.25
//   the rest: nobody stated on either side;                m = 1
Roster rosterWithPriorities(double share) {
    Roster r = testing::makeFixtureRoster();
    r.settings.participantPriorities = share;
    StatedPriorities& h = r.households[0].statedPriorities;
    h[Criterion::Language] = StatedImportance::VeryImportant;
    h[Criterion::Age] = StatedImportance::NotImportant;
    r.groups[0].members[0].statedPriorities[Criterion::Language] = StatedImportance::VeryImportant;
    r.groups[0].members[1].statedPriorities[Criterion::Language] = StatedImportance::NotImportant;
    r.groups[0].members[1].statedPriorities[Criterion::Distance] = StatedImportance::VeryImportant;
    return r;
}

// The weighted mean with the given factors on the coordinator's weights.
double expectedTotal(const PairReport& plain, const std::array<double, kCriterionCount>& factor) {
    double num = 0.0, den = 0.0;
    for (std::size_t c = 0; c < static_cast<std::size_t>(kCriterionCount); ++c) {
        const CriterionResult& cr = plain.soft[c];
        if (!cr.applicable || cr.weight <= 0.0) continue;
        num += cr.weight * factor[c] * cr.score;
        den += cr.weight * factor[c];
    }
    return num / den;
}

constexpr std::size_t kLanguage = static_cast<std::size_t>(Criterion::Language);
constexpr std::size_t kAge = static_cast<std::size_t>(Criterion::Age);
constexpr std::size_t kDistance = static_cast<std::size_t>(Criterion::Distance);
constexpr std::size_t kInterests = static_cast<std::size_t>(Criterion::Interests);

TEST(StatedPriorities, ImportanceFactors) {
    EXPECT_EQ(importanceFactor(StatedImportance::NotStated), 1.0);
    EXPECT_EQ(importanceFactor(StatedImportance::NotImportant), 0.5);
    EXPECT_EQ(importanceFactor(StatedImportance::Important), 1.0);
    EXPECT_EQ(importanceFactor(StatedImportance::VeryImportant), 1.5);
}

TEST(StatedPriorities, FullShareScalesEachCriterionByTheMeanOfBothSides) {
    const Roster plainRoster = testing::makeFixtureRoster();
    const PairReport plain = Scorer(plainRoster).explain(0, 0);
    const Roster r = rosterWithPriorities(1.0);
    const Scorer scorer(r);
    EXPECT_DOUBLE_EQ(scorer.priorityFactor(0, 0, Criterion::Language), 1.25);  // both stated
    EXPECT_DOUBLE_EQ(scorer.priorityFactor(0, 0, Criterion::Age), 0.75);       // the group stated nothing
    EXPECT_DOUBLE_EQ(scorer.priorityFactor(0, 0, Criterion::Distance), 1.25);  // the household stated nothing
    EXPECT_EQ(scorer.priorityFactor(0, 0, Criterion::Interests), 1.0);         // neither side: exactly 1
    std::array<double, kCriterionCount> factor;
    factor.fill(1.0);
    factor[kLanguage] = 1.25;
    factor[kAge] = 0.75;
    factor[kDistance] = 1.25;
    const PairReport report = scorer.explain(0, 0);
    EXPECT_DOUBLE_EQ(report.total, expectedTotal(plain, factor));
    EXPECT_NE(report.total, plain.total);
    for (std::size_t c = 0; c < static_cast<std::size_t>(kCriterionCount); ++c)
        EXPECT_EQ(report.soft[c].score, plain.soft[c].score) << "priorities change weights, never scores";
}

TEST(StatedPriorities, DefaultShareIsHalfWay) {
    const PairReport plain = Scorer(testing::makeFixtureRoster()).explain(0, 0);
    const Roster r = rosterWithPriorities(kDefaultParticipantPriorities);
    EXPECT_EQ(kDefaultParticipantPriorities, 0.5);
    std::array<double, kCriterionCount> factor;
    factor.fill(1.0);
    factor[kLanguage] = 1.125;  // 1 + 0.5 * (1.25 - 1)
    factor[kAge] = 0.875;       // 1 + 0.5 * (0.75 - 1)
    factor[kDistance] = 1.125;
    EXPECT_DOUBLE_EQ(Scorer(r).explain(0, 0).total, expectedTotal(plain, factor));
}

TEST(StatedPriorities, ZeroShareOrNobodyStatingGivesTodaysScoresExactly) {
    const Roster plainRoster = testing::makeFixtureRoster();
    const Scorer plain(plainRoster);
    const Roster zero = rosterWithPriorities(0.0);
    Roster nobody = testing::makeFixtureRoster();
    nobody.settings.participantPriorities = 1.0;
    const Scorer zeroScorer(zero), nobodyScorer(nobody);
    for (std::size_t h = 0; h < plainRoster.households.size(); ++h)
        for (std::size_t g = 0; g < plainRoster.groups.size(); ++g) {
            EXPECT_EQ(zeroScorer.total(h, g), plain.total(h, g));
            EXPECT_EQ(nobodyScorer.total(h, g), plain.total(h, g));
            EXPECT_EQ(zeroScorer.explain(h, g).total, plain.explain(h, g).total);
            EXPECT_FALSE(zeroScorer.explain(h, g).soft[kLanguage].priority);
        }
}

TEST(StatedPriorities, SolversGetOneScorePerPairWithThePrioritiesIn) {
    const Roster r = rosterWithPriorities(1.0);
    const Scorer scorer(r);
    const MatchingProblem p = buildMatchingProblem(scorer);
    for (int h = 0; h < p.households(); ++h)
        for (int g = 0; g < p.groups(); ++g) {
            const auto s = p.matrix.score(h, g);
            if (!s) continue;
            EXPECT_EQ(*s, scorer.total(p.householdAt[static_cast<std::size_t>(h)], p.groupAt[static_cast<std::size_t>(g)]));
            EXPECT_EQ(*s, explainPair(r, p.householdAt[static_cast<std::size_t>(h)], p.groupAt[static_cast<std::size_t>(g)]).total);
        }
    EXPECT_TRUE(solveBestTotal(p.matrix, p.rules).ok());
}

TEST(StatedPriorities, TheExplanationSaysWhichCriterionCountedMoreOrLessAndWhoSaidSo) {
    const Roster r = rosterWithPriorities(1.0);
    const PairReport report = Scorer(r).explain(0, 0);
    const CriterionResult& language = report.soft[kLanguage];
    ASSERT_TRUE(language.priority);
    EXPECT_EQ(language.priority->kind, ReasonKind::PriorityCountedMore);
    EXPECT_DOUBLE_EQ(language.priority->n0, 125.0);
    EXPECT_EQ(language.priority->n1, static_cast<double>(StatedImportance::VeryImportant));
    EXPECT_EQ(language.priority->n2, 2.0);
    EXPECT_EQ(language.priority->tags[0], "language");
    const CriterionResult& age = report.soft[kAge];
    ASSERT_TRUE(age.priority);
    EXPECT_EQ(age.priority->kind, ReasonKind::PriorityCountedLess);
    EXPECT_DOUBLE_EQ(age.priority->n0, 75.0);
    EXPECT_EQ(age.priority->n2, 0.0);
    const CriterionResult& distance = report.soft[kDistance];
    ASSERT_TRUE(distance.priority);
    EXPECT_EQ(distance.priority->n1, 0.0);  // the household stated nothing
    EXPECT_EQ(distance.priority->n2, 1.0);
    EXPECT_FALSE(report.soft[kInterests].priority);
    EXPECT_EQ(report.soft[kInterests].priorityFactor, 1.0);
}

}  // namespace
}  // namespace welkom
