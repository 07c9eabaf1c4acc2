// The matching result crosses from the worker to the page as bytes: it must
// arrive whole, and damaged bytes must be refused, never trusted.
#include "app/matching_wire.h"

#include <gtest/gtest.h>

#include "app/commands.h"
#include "app/text/messages.h"
#include "core/demo_roster.h"

namespace welkom {
namespace {

Constraint constraint(const std::string& id, ConstraintKind kind, const std::string& household, const std::string& group) {
    Constraint c;
    c.id = id;
    c.kind = kind;
    c.householdId = household;
    c.groupId = group;
    c.reason = "agreed at intake";
    return c;
}

Roster demoWithDecisions() {
    Roster roster = generateDemoRoster(kBuiltInDemo);
    // A pin and a forbid on proposed pairs, so the rules carry something.
    const MatchingRun first = runMatching(roster, MatchMode::BestTotal);
    const ProposedPair& pin = first.pairs.at(first.pairs.size() / 2);
    const ProposedPair& forbid = first.pairs.back();
    roster.constraints.push_back(
        constraint("c-pin", ConstraintKind::Pin, roster.households[pin.household].id, roster.groups[pin.group].id));
    roster.constraints.push_back(constraint("c-forbid", ConstraintKind::Forbid, roster.households[forbid.household].id,
                                            roster.groups[forbid.group].id));
    return roster;
}

void expectSameProblem(const MatchingProblem& a, const MatchingProblem& b) {
    ASSERT_EQ(a.matrix.households(), b.matrix.households());
    ASSERT_EQ(a.matrix.groups(), b.matrix.groups());
    EXPECT_EQ(a.matrix.feasiblePairs(), b.matrix.feasiblePairs());
    for (int h = 0; h < a.matrix.households(); ++h) {
        std::vector<std::pair<int, double>> rowA, rowB;
        a.matrix.forEachPair(h, [&](int g, double s) { rowA.emplace_back(g, s); });
        b.matrix.forEachPair(h, [&](int g, double s) { rowB.emplace_back(g, s); });
        ASSERT_EQ(rowA, rowB) << "row " << h;  // bit-identical doubles
    }
    EXPECT_EQ(a.rules.capacity, b.rules.capacity);
    EXPECT_EQ(a.rules.pins, b.rules.pins);
    EXPECT_EQ(a.rules.locked, b.rules.locked);
    EXPECT_EQ(a.rules.forbidden, b.rules.forbidden);
    EXPECT_EQ(a.rules.minScore, b.rules.minScore);
    EXPECT_EQ(a.householdIds, b.householdIds);
    EXPECT_EQ(a.groupIds, b.groupIds);
    EXPECT_EQ(a.householdAt, b.householdAt);
    EXPECT_EQ(a.groupAt, b.groupAt);
    ASSERT_EQ(a.fixedNotes.size(), b.fixedNotes.size());
    for (std::size_t i = 0; i < a.fixedNotes.size(); ++i) {
        EXPECT_EQ(a.fixedNotes[i].pair, b.fixedNotes[i].pair);
        EXPECT_EQ(a.fixedNotes[i].reason, b.fixedNotes[i].reason);
        EXPECT_EQ(a.fixedNotes[i].broken, b.fixedNotes[i].broken);
    }
}

TEST(MatchingWire, ARunArrivesWhole) {
    const Roster roster = demoWithDecisions();
    for (MatchMode mode : {MatchMode::BestTotal, MatchMode::Fair, MatchMode::Stable}) {
        const MatchingRun sent = runMatching(roster, mode);
        ASSERT_FALSE(sent.pairs.empty());
        auto received = decodeMatchingRun(encodeMatchingRun(sent));
        ASSERT_TRUE(received) << errorText(received.error(), false);
        EXPECT_EQ(received->mode, mode);
        EXPECT_EQ(received->status, sent.status);
        EXPECT_EQ(received->total, sent.total);
        EXPECT_EQ(received->worst, sent.worst);
        EXPECT_EQ(received->unmatched, sent.unmatched);
        EXPECT_EQ(received->conflicts, sent.conflicts);
        EXPECT_EQ(received->conflictsNl, sent.conflictsNl);
        ASSERT_EQ(received->pairs.size(), sent.pairs.size());
        for (std::size_t i = 0; i < sent.pairs.size(); ++i) {
            EXPECT_EQ(received->pairs[i].household, sent.pairs[i].household);
            EXPECT_EQ(received->pairs[i].group, sent.pairs[i].group);
            EXPECT_EQ(received->pairs[i].total, sent.pairs[i].total);
            EXPECT_EQ(received->pairs[i].scores, sent.pairs[i].scores);
            EXPECT_EQ(received->pairs[i].applicable, sent.pairs[i].applicable);
        }
        expectSameProblem(sent.problem, received->problem);
        // Explanations work on the received run exactly as on the sent one.
        const ProposedPair& p = sent.pairs.back();
        const PairDetail here = explainSelection(roster, sent, p.household, p.group);
        const PairDetail there = explainSelection(roster, *received, p.household, p.group);
        ASSERT_EQ(here.alternatives.size(), there.alternatives.size());
        for (std::size_t i = 0; i < here.alternatives.size(); ++i) {
            EXPECT_EQ(here.alternatives[i].group, there.alternatives[i].group);
            EXPECT_EQ(here.alternatives[i].loss, there.alternatives[i].loss);
        }
    }
}

TEST(MatchingWire, InfeasiblePinsTravelWithTheirConflicts) {
    Roster roster = demoWithDecisions();
    // The pinned household pinned to a second group: the pins contradict each other.
    const Constraint& pin = roster.constraints[roster.constraints.size() - 2];
    const std::string otherGroup = roster.groups[0].id == pin.groupId ? roster.groups[1].id : roster.groups[0].id;
    roster.constraints.push_back(constraint("c-pin2", ConstraintKind::Pin, pin.householdId, otherGroup));
    const MatchingRun sent = runMatching(roster, MatchMode::BestTotal);
    ASSERT_EQ(sent.status, SolveStatus::Infeasible);
    auto received = decodeMatchingRun(encodeMatchingRun(sent));
    ASSERT_TRUE(received);
    EXPECT_EQ(received->status, SolveStatus::Infeasible);
    EXPECT_FALSE(received->conflicts.empty());
    EXPECT_EQ(received->conflicts, sent.conflicts);
}

TEST(MatchingWire, EveryCutIsRefused) {
    const std::string bytes = encodeMatchingRun(runMatching(demoWithDecisions(), MatchMode::BestTotal));
    // Every prefix near the start and the end, and a spread in between.
    for (std::size_t cut = 0; cut < bytes.size(); cut += (cut < 256 || bytes.size() - cut < 256) ? 1 : 97) {
        auto run = decodeMatchingRun(std::string_view(bytes).substr(0, cut));
        ASSERT_FALSE(run) << "cut at " << cut;
        EXPECT_EQ(run.error().code, "matching.wire");
    }
    EXPECT_FALSE(decodeMatchingRun(bytes + "x")) << "trailing bytes";
}

TEST(MatchingWire, DamagedBytesAreRefusedOrStayInRange) {
    const Roster roster = demoWithDecisions();
    const std::string bytes = encodeMatchingRun(runMatching(roster, MatchMode::BestTotal));
    std::uint64_t refused = 0;
    for (std::size_t i = 0; i < bytes.size(); i += 7) {
        std::string damaged = bytes;
        damaged[i] = static_cast<char>(damaged[i] ^ 0xFF);
        auto run = decodeMatchingRun(damaged);
        if (!run) {
            ++refused;
            continue;
        }
        // A flipped score or text may pass; indices never leave the roster.
        for (const ProposedPair& p : run->pairs) {
            EXPECT_LT(p.household, roster.households.size());
            EXPECT_LT(p.group, roster.groups.size());
        }
        for (std::size_t h : run->unmatched) EXPECT_LT(h, roster.households.size());
    }
    EXPECT_GT(refused, 0u);
}

}  // namespace
}  // namespace welkom
