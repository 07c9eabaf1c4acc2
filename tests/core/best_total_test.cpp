#include "core/best_total.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/fair_matching.h"
#include "core/lap_kernel.h"
#include "core/match_explain.h"
#include "core/solver_test_util.h"

namespace welkom {
namespace {

using test::Rng;

ScoreMatrix<std::int64_t> denseInt(int h, int g, std::vector<std::int64_t> v) {
    return ScoreMatrix<std::int64_t>::dense(h, g, std::move(v));
}

TEST(BestTotal, HandCheckedThreeByThree) {
    // Greedy would take (0,0)=9 and then lose; the optimum is 8+8+7 = 23.
    auto m = denseInt(3, 3, {9, 8, 1,
                             8, 1, 1,
                             1, 7, 7});
    auto r = solveBestTotal(m, MatchRules<std::int64_t>{});
    ASSERT_EQ(r.status, SolveStatus::Optimal);
    EXPECT_EQ(r.groupOf, (std::vector<int>{1, 0, 2}));
    EXPECT_EQ(r.total, 23);
    EXPECT_EQ(r.matched, 3);
    EXPECT_EQ(r.worstScore, 7);
}

TEST(BestTotal, EmptyAndDegenerate) {
    MatchRules<std::int64_t> none;
    auto empty = solveBestTotal(denseInt(0, 0, {}), none);
    EXPECT_EQ(empty.status, SolveStatus::Optimal);
    EXPECT_TRUE(empty.groupOf.empty());
    EXPECT_EQ(empty.matched, 0);
    EXPECT_FALSE(empty.worstScore);

    auto noGroups = solveBestTotal(denseInt(3, 0, {}), none);
    EXPECT_EQ(noGroups.groupOf, (std::vector<int>{-1, -1, -1}));

    auto noHouseholds = solveBestTotal(denseInt(0, 4, {}), none);
    EXPECT_TRUE(noHouseholds.groupOf.empty());

    auto one = solveBestTotal(denseInt(1, 1, {5}), none);
    EXPECT_EQ(one.groupOf, (std::vector<int>{0}));
    EXPECT_EQ(one.total, 5);

    // All forbidden: nobody matched, still Optimal.
    MatchRules<std::int64_t> allForbidden;
    for (int h = 0; h < 2; ++h)
        for (int g = 0; g < 2; ++g) allForbidden.forbidden.push_back({h, g});
    auto f = solveBestTotal(denseInt(2, 2, {1, 2, 3, 4}), allForbidden);
    EXPECT_EQ(f.status, SolveStatus::Optimal);
    EXPECT_EQ(f.groupOf, (std::vector<int>{-1, -1}));

    // Capacity 0 everywhere.
    MatchRules<std::int64_t> zero;
    zero.capacity = {0, 0};
    auto z = solveBestTotal(denseInt(2, 2, {1, 2, 3, 4}), zero);
    EXPECT_EQ(z.groupOf, (std::vector<int>{-1, -1}));
}

TEST(BestTotal, RectangularBothWays) {
    // More households than groups: the two best-placed are chosen.
    auto wide = solveBestTotal(denseInt(3, 1, {2, 9, 4}), MatchRules<std::int64_t>{});
    EXPECT_EQ(wide.groupOf, (std::vector<int>{-1, 0, -1}));
    // More groups than households.
    auto tall = solveBestTotal(denseInt(1, 3, {2, 9, 4}), MatchRules<std::int64_t>{});
    EXPECT_EQ(tall.groupOf, (std::vector<int>{1}));
}

TEST(BestTotal, AllEqualScoresMatchEveryone) {
    auto m = ScoreMatrix<double>::dense(4, 4, std::vector<double>(16, 0.5));
    auto r = solveBestTotal(m, MatchRules<double>{});
    ASSERT_EQ(r.status, SolveStatus::Optimal);
    EXPECT_EQ(r.matched, 4);
    EXPECT_DOUBLE_EQ(r.total, 2.0);
}

TEST(BestTotal, CapacityTwoTakesBothHouseholds) {
    auto m = denseInt(3, 2, {5, 1,
                             6, 1,
                             1, 2});
    MatchRules<std::int64_t> rules;
    rules.capacity = {2, 1};
    auto r = solveBestTotal(m, rules);
    EXPECT_EQ(r.groupOf, (std::vector<int>{0, 0, 1}));
    EXPECT_EQ(r.total, 13);
}

TEST(BestTotal, NegativeScoresStayUnmatched) {
    auto m = denseInt(2, 2, {-3, -1, 4, -2});
    auto r = solveBestTotal(m, MatchRules<std::int64_t>{});
    EXPECT_EQ(r.groupOf, (std::vector<int>{-1, 0}));
    EXPECT_EQ(r.total, 4);
}

TEST(BestTotal, ThresholdLeavesLowPairsUnmatched) {
    auto m = ScoreMatrix<double>::dense(2, 2, {0.9, 0.2, 0.25, 0.1});
    MatchRules<double> rules;
    rules.minScore = 0.3;
    auto r = solveBestTotal(m, rules);
    EXPECT_EQ(r.groupOf, (std::vector<int>{0, -1}));
    rules.minScore.reset();
    r = solveBestTotal(m, rules);
    EXPECT_EQ(r.groupOf, (std::vector<int>{0, 1}));  // 0.9 + 0.1 beats 0.2 + 0.25
}

TEST(BestTotal, PinsAreKeptAndConsumeCapacity) {
    auto m = denseInt(2, 2, {9, 1,
                             8, 1});
    MatchRules<std::int64_t> rules;
    rules.pins = {{1, 0}};
    auto r = solveBestTotal(m, rules);
    ASSERT_EQ(r.status, SolveStatus::Optimal);
    EXPECT_EQ(r.groupOf, (std::vector<int>{1, 0}));
    EXPECT_EQ(r.total, 9);

    MatchRules<std::int64_t> locked;
    locked.locked = {{1, 0}};
    auto l = solveBestTotal(m, locked);
    EXPECT_EQ(l.groupOf, r.groupOf);
}

TEST(BestTotal, InfeasiblePinsAreReportedNotDropped) {
    auto m = ScoreMatrix<std::int64_t>::sparse(2);
    m.addRow({{0, 5}});
    m.addRow({{0, 4}, {1, 3}});
    m.addRow({{0, 2}});
    MatchRules<std::int64_t> rules;
    rules.pins = {{0, 0}, {2, 0}, {0, 1}, {1, 1}};  // two on group 0; household 0 twice; (0,1) not feasible
    rules.forbidden = {{1, 1}};
    auto r = solveBestTotal(m, rules);
    ASSERT_EQ(r.status, SolveStatus::Infeasible);
    EXPECT_TRUE(r.groupOf.empty());
    ASSERT_EQ(r.conflicts.size(), 3u);
    EXPECT_EQ(r.conflicts[0].kind, ConflictKind::GroupOverCapacity);
    EXPECT_EQ(r.conflicts[0].pair, (PairRef{2, 0}));
    EXPECT_EQ(r.conflicts[1].kind, ConflictKind::HouseholdFixedTwice);
    EXPECT_EQ(r.conflicts[2].kind, ConflictKind::PairForbidden);
    EXPECT_EQ(r.conflicts[2].reason, FixReason::Pin);

    MatchRules<std::int64_t> below;
    below.minScore = 3;
    below.locked = {{2, 0}};
    auto b = solveBestTotal(m, below);
    ASSERT_EQ(b.status, SolveStatus::Infeasible);
    EXPECT_EQ(b.conflicts[0].kind, ConflictKind::BelowMinScore);
    EXPECT_EQ(b.conflicts[0].reason, FixReason::Locked);

    MatchRules<std::int64_t> missing;
    missing.pins = {{0, 1}};
    EXPECT_EQ(solveBestTotal(m, missing).conflicts.at(0).kind, ConflictKind::PairInfeasible);
}

TEST(BestTotal, MalformedInputIsRejected) {
    MatchRules<std::int64_t> none;
    EXPECT_EQ(solveBestTotal(denseInt(2, 2, {1, 2, 3}), none).status, SolveStatus::InvalidInput);
    auto bad = ScoreMatrix<std::int64_t>::sparse(2);
    bad.addRow({{0, 1}, {0, 2}});
    EXPECT_EQ(solveBestTotal(bad, none).error->code, "solver.duplicate_pair");
    auto range = ScoreMatrix<std::int64_t>::sparse(2);
    range.addRow({{2, 1}});
    EXPECT_EQ(solveBestTotal(range, none).error->code, "solver.group_range");
    MatchRules<std::int64_t> pin;
    pin.pins = {{5, 0}};
    EXPECT_EQ(solveBestTotal(denseInt(1, 1, {1}), pin).status, SolveStatus::InvalidInput);
    MatchRules<std::int64_t> cap;
    cap.capacity = {1, -1};
    EXPECT_EQ(solveBestTotal(denseInt(1, 2, {1, 1}), cap).status, SolveStatus::InvalidInput);
    EXPECT_EQ(solveBestTotal(denseInt(1, 1, {std::int64_t(1) << 59}), none).status, SolveStatus::Overflow);
    auto nan = ScoreMatrix<double>::dense(1, 1, {std::nan("")});
    EXPECT_EQ(solveBestTotal(nan, MatchRules<double>{}).status, SolveStatus::InvalidInput);
}

template <typename S>
void crossCheckBestTotal(std::uint64_t seed, int count, int maxH, int maxG, int maxInt = 9) {
    Rng rng(seed);
    for (int it = 0; it < count; ++it) {
        auto in = test::randomInstance<S>(rng, maxH, maxG, /*withRules=*/true, maxInt);
        bool any = false;
        S best{};
        test::forEachValidMatching<S>(in.matrix, in.rules, [&](const std::vector<int>& g) {
            S t = test::totalOf(in.matrix, g);
            if (!any || t > best) best = t;
            any = true;
        });
        auto r = solveBestTotal(in.matrix, in.rules);
        SCOPED_TRACE("instance " + std::to_string(it));
        if (!any) {
            ASSERT_EQ(r.status, SolveStatus::Infeasible);
            ASSERT_FALSE(r.conflicts.empty());
            continue;
        }
        ASSERT_EQ(r.status, SolveStatus::Optimal);
        if (!test::isValidMatching(in.matrix, in.rules, r.groupOf)) {
            std::string d = "H=" + std::to_string(in.matrix.households()) + " G=" + std::to_string(in.matrix.groups()) + "\n";
            for (int h = 0; h < in.matrix.households(); ++h) {
                in.matrix.forEachPair(h, [&](int g, S s) { d += " (" + std::to_string(g) + ":" + std::to_string(s) + ")"; });
                d += " -> " + std::to_string(r.groupOf[h]) + "\n";
            }
            d += "cap:";
            for (int c : in.rules.capacity) d += " " + std::to_string(c);
            d += "\npins:";
            for (auto p : in.rules.pins) d += " " + std::to_string(p.household) + "," + std::to_string(p.group);
            d += "\nlocked:";
            for (auto p : in.rules.locked) d += " " + std::to_string(p.household) + "," + std::to_string(p.group);
            d += "\nforbid:";
            for (auto p : in.rules.forbidden) d += " " + std::to_string(p.household) + "," + std::to_string(p.group);
            if (in.rules.minScore) d += "\nmin " + std::to_string(*in.rules.minScore);
            FAIL() << d;
        }
        if constexpr (std::is_floating_point_v<S>)
            ASSERT_NEAR(r.total, best, 1e-9);
        else
            ASSERT_EQ(r.total, best);
        ASSERT_EQ(r.total, test::totalOf(in.matrix, r.groupOf));
    }
}

TEST(BestTotal, MatchesBruteForceInt) { crossCheckBestTotal<std::int64_t>(1, 6000, 7, 5); }
TEST(BestTotal, MatchesBruteForceDouble) { crossCheckBestTotal<double>(2, 4000, 7, 5); }
TEST(BestTotal, MatchesBruteForceZeroOneScores) { crossCheckBestTotal<std::int64_t>(3, 3000, 6, 4, /*maxInt=*/1); }

// A square complete matrix without rules: the solver's total equals the best
// total over every valid matching.
void expectPerfectOptimum(const ScoreMatrix<std::int64_t>& m, int instance) {
    std::int64_t best = -1;
    test::forEachValidMatching<std::int64_t>(m, MatchRules<std::int64_t>{}, [&](const std::vector<int>& g) {
        best = std::max(best, test::totalOf(m, g));
    });
    auto r = solveBestTotal(m, MatchRules<std::int64_t>{});
    ASSERT_TRUE(r.ok());
    ASSERT_TRUE(test::isValidMatching(m, MatchRules<std::int64_t>{}, r.groupOf));
    ASSERT_EQ(r.total, best) << "instance " << instance;
}

// Square, complete, capacity 1, scores >= 0: the kernel takes its perfect
// assignment path (JV column reduction); check it separately.
TEST(BestTotal, PerfectSquarePathMatchesBruteForce) {
    Rng rng(4);
    for (int it = 0; it < 1500; ++it) {
        const int n = rng.uniform(1, 6);
        const bool ints = rng.chance(50);
        std::vector<std::int64_t> v(static_cast<std::size_t>(n) * n);
        for (auto& x : v) x = rng.uniform(0, ints ? 5 : 1000);
        auto m = ScoreMatrix<std::int64_t>::dense(n, n, v);
        expectPerfectOptimum(m, it);
        if (HasFatalFailure()) return;
    }
}

// Score matrices like real ones: some households score well with every group
// (column minima on few rows) and scores tie a lot. The perfect path then
// starts from row-then-column reduced prices and tight columns; check it too,
// small against brute force and larger against the sparse kernel.
TEST(BestTotal, PerfectSquareWithPopularHouseholdsMatchesBruteForce) {
    Rng rng(12);
    auto popularMatrix = [&](int n, bool wide) {
        std::vector<std::int64_t> v(static_cast<std::size_t>(n) * n);
        for (int h = 0; h < n; ++h) {
            const std::int64_t strength = rng.uniform(0, wide ? 50 : 4) * 10;
            for (int g = 0; g < n; ++g) v[static_cast<std::size_t>(h) * n + g] = strength + rng.uniform(0, 3);
        }
        return v;
    };
    for (int it = 0; it < 1500; ++it) {
        const int n = rng.uniform(2, 7);
        auto m = ScoreMatrix<std::int64_t>::dense(n, n, popularMatrix(n, rng.chance(50)));
        expectPerfectOptimum(m, it);
        if (HasFatalFailure()) return;
    }
    for (int it = 0; it < 20; ++it) {
        const int n = rng.uniform(30, 150);
        const std::vector<std::int64_t> v = popularMatrix(n, true);
        auto dense = ScoreMatrix<std::int64_t>::dense(n, n, v);
        auto sparse = ScoreMatrix<std::int64_t>::sparse(n);
        for (int h = 0; h < n; ++h) {
            std::vector<ScoreMatrix<std::int64_t>::Entry> row;
            for (int g = 0; g < n; ++g) row.push_back({g, v[static_cast<std::size_t>(h) * n + g]});
            sparse.addRow(row);
        }
        MatchRules<std::int64_t> onlyPositive;
        onlyPositive.minScore = 1;  // not a perfect instance any more: the general path
        auto a = solveBestTotal(dense, MatchRules<std::int64_t>{});
        auto b = solveBestTotal(sparse, onlyPositive);
        ASSERT_TRUE(a.ok() && b.ok());
        ASSERT_EQ(a.total, b.total) << "instance " << it;
    }
}

// Larger instances (beyond brute force): the dense and the sparse kernel
// must agree on the optimum, with and without rules, for int and double.
TEST(BestTotal, DenseAndSparseKernelsAgree) {
    Rng rng(6);
    for (int it = 0; it < 60; ++it) {
        const int H = rng.uniform(20, 120), G = rng.uniform(20, 120);
        const int density = rng.uniform(2, 100);
        std::vector<std::int64_t> values(static_cast<std::size_t>(H) * G, ScoreMatrix<std::int64_t>::infeasible());
        auto sparse = ScoreMatrix<std::int64_t>::sparse(G);
        for (int h = 0; h < H; ++h) {
            std::vector<ScoreMatrix<std::int64_t>::Entry> row;
            for (int g = 0; g < G; ++g)
                if (rng.chance(density)) {
                    std::int64_t s = rng.uniform(-5, 1000);
                    row.push_back({g, s});
                    values[static_cast<std::size_t>(h) * G + g] = s;
                }
            sparse.addRow(row);
        }
        auto dense = ScoreMatrix<std::int64_t>::dense(H, G, values);
        MatchRules<std::int64_t> rules;
        for (int g = 0; g < G; ++g) rules.capacity.push_back(rng.uniform(0, 3));
        if (rng.chance(50)) rules.minScore = rng.uniform(0, 500);
        for (int k = 0; k < 10; ++k) rules.forbidden.push_back({rng.uniform(0, H - 1), rng.uniform(0, G - 1)});
        auto a = solveBestTotal(dense, rules);
        auto b = solveBestTotal(sparse, rules);
        ASSERT_TRUE(a.ok() && b.ok());
        ASSERT_TRUE(test::isValidMatching(dense, rules, a.groupOf));
        ASSERT_TRUE(test::isValidMatching(sparse, rules, b.groupOf));
        ASSERT_EQ(a.total, b.total) << "instance " << it;
    }
}

// Ties are broken by index order only, so the same input gives the same
// matching on every run and platform. The fingerprint below was recorded
// from a native build; the wasm build of this test must reproduce it.
TEST(BestTotal, TiesAreBrokenReproducibly) {
    Rng rng(5);
    const int H = 60, G = 50;
    auto m = ScoreMatrix<double>::sparse(G);
    for (int h = 0; h < H; ++h) {
        std::vector<ScoreMatrix<double>::Entry> row;
        for (int g = 0; g < G; ++g)
            if (rng.chance(40)) row.push_back({g, static_cast<double>(rng.uniform(0, 4)) / 4});  // many ties
        m.addRow(row);
    }
    MatchRules<double> rules;
    rules.capacity.assign(G, 1);
    rules.capacity[3] = 2;
    auto a = solveBestTotal(m, rules);
    auto b = solveBestTotal(m, rules);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a.groupOf, b.groupOf);
    std::uint64_t fingerprint = 1469598103934665603ULL;
    for (int g : a.groupOf) fingerprint = (fingerprint ^ static_cast<std::uint64_t>(g + 1)) * 1099511628211ULL;
    EXPECT_EQ(fingerprint, 14186739409311691978ULL) << "total " << a.total;
}

// One workspace across many solves of every shape and size, growing and
// shrinking (dense read in place, dense copied because of rules, sparse
// components): each answer equals a solve with fresh memory and the one with
// this thread's workspace (solveBestTotal without one), and a dense matrix
// solved in place has the same total as the same pairs given as a sparse
// matrix (a different path).
template <typename S>
void checkWorkspaceReuse(std::uint64_t seed) {
    Rng rng(seed);
    SolverWorkspace ws;
    int inPlace = 0;
    for (int it = 0; it < 150; ++it) {
        const bool plain = rng.chance(50);
        auto in = test::randomInstance<S>(rng, 25, 25, /*withRules=*/!plain);
        if (plain) {  // dense without rules: read in place (double: some pairs infeasible)
            const int H = rng.uniform(1, 25), G = rng.uniform(1, 25);
            std::vector<S> values(static_cast<std::size_t>(H) * static_cast<std::size_t>(G));
            for (S& v : values)
                v = std::is_floating_point_v<S> && rng.chance(10) ? ScoreMatrix<S>::infeasible() : test::randomScore<S>(rng, 9);
            in.matrix = ScoreMatrix<S>::dense(H, G, std::move(values));
            in.rules = MatchRules<S>{};
            if (rng.chance(50))
                for (int g = 0; g < G; ++g) in.rules.capacity.push_back(rng.uniform(1, 2));
        }
        SCOPED_TRACE("instance " + std::to_string(it));
        SolverWorkspace freshMemory;
        const Matching<S> fresh = solveBestTotal(in.matrix, in.rules, freshMemory);
        const Matching<S> reused = solveBestTotal(in.matrix, in.rules, ws);
        const Matching<S> threads = solveBestTotal(in.matrix, in.rules);
        ASSERT_EQ(fresh.status, reused.status);
        ASSERT_EQ(fresh.status, threads.status);
        EXPECT_EQ(fresh.groupOf, reused.groupOf);
        EXPECT_EQ(fresh.groupOf, threads.groupOf);
        if (!plain || !fresh.ok() || !in.rules.forbidden.empty()) continue;
        ++inPlace;
        auto sparse = ScoreMatrix<S>::sparse(in.matrix.groups());
        for (int h = 0; h < in.matrix.households(); ++h) {
            std::vector<typename ScoreMatrix<S>::Entry> row;
            in.matrix.forEachPair(h, [&](int g, S s) { row.push_back({g, s}); });
            sparse.addRow(row);
        }
        const Matching<S> viaSparse = solveBestTotal(sparse, in.rules, ws);
        ASSERT_TRUE(viaSparse.ok());
        if constexpr (std::is_floating_point_v<S>)
            EXPECT_NEAR(static_cast<double>(viaSparse.total), static_cast<double>(reused.total), 1e-9);
        else
            EXPECT_EQ(viaSparse.total, reused.total);
    }
    EXPECT_GT(inPlace, 20);
}

TEST(BestTotal, WorkspaceReuseGivesTheSameAnswersInt) { checkWorkspaceReuse<std::int64_t>(77); }
TEST(BestTotal, WorkspaceReuseGivesTheSameAnswersDouble) { checkWorkspaceReuse<double>(78); }

// Repeated solves keep their memory: once a workspace has solved a set of
// problems, solving them again, in another order and with other weights (the
// app re-solves after every weight change), grows none of its buffers, so it
// allocates nothing of the problem's size. The kinds: a dense matrix read in
// place, a dense matrix copied because a minimum score cuts into it, a sparse
// matrix in components (dense and sparse blocks), for both score types.
template <typename S>
std::vector<test::Instance<S>> memoryCases(Rng& rng, int scale) {
    std::vector<test::Instance<S>> cases;
    auto dense = [&](int H, int G, bool withMin) {
        std::vector<S> v(static_cast<std::size_t>(H) * static_cast<std::size_t>(G));
        for (S& x : v) x = test::randomScore<S>(rng, 1000);
        test::Instance<S> in{ScoreMatrix<S>::dense(H, G, std::move(v)), MatchRules<S>{}};
        if (withMin) in.rules.minScore = static_cast<S>(std::is_floating_point_v<S> ? 0.1 : 100);
        cases.push_back(std::move(in));
    };
    dense(scale, scale, false);          // square: the perfect start, in place
    dense(scale / 2, scale * 2, false);  // groups outnumber households
    dense(scale, scale, true);           // copied
    auto sparse = ScoreMatrix<S>::sparse(scale);
    for (int h = 0; h < scale; ++h) {  // four municipalities, one of them sparse inside
        std::vector<typename ScoreMatrix<S>::Entry> row;
        const int block = h * 4 / scale, first = block * scale / 4, last = (block + 1) * scale / 4;
        for (int g = first; g < last; ++g)
            if (block != 3 || rng.chance(10)) row.push_back({g, test::randomScore<S>(rng, 1000)});
        sparse.addRow(row);
    }
    cases.push_back({std::move(sparse), MatchRules<S>{}});
    return cases;
}

// The same dense matrix with every score changed a little (other weights).
template <typename S>
test::Instance<S> reweighted(const test::Instance<S>& in, Rng& rng) {
    std::vector<S> v = in.matrix.values();
    for (S& x : v) x = x + test::randomScore<S>(rng, 3);
    return {ScoreMatrix<S>::dense(in.matrix.households(), in.matrix.groups(), std::move(v)), in.rules};
}

template <typename S>
void checkRepeatedSolvesKeepTheirMemory(std::uint64_t seed) {
    Rng rng(seed);
    std::vector<test::Instance<S>> cases = memoryCases<S>(rng, 120);
    SolverWorkspace ws;
    std::vector<Matching<S>> first;
    for (const auto& in : cases) first.push_back(solveBestTotal(in.matrix, in.rules, ws));
    const std::size_t kept = ws.keptBytes();
    // The largest block, 120 x 120 costs, is kept for the next solve.
    EXPECT_GE(kept, std::size_t{120} * 120 * sizeof(S));
    for (std::size_t k = cases.size(); k-- > 0;) {
        SCOPED_TRACE("case " + std::to_string(k));
        const Matching<S> again = solveBestTotal(cases[k].matrix, cases[k].rules, ws);
        EXPECT_EQ(ws.keptBytes(), kept);
        EXPECT_EQ(again.groupOf, first[k].groupOf);
        if (!cases[k].matrix.isDense()) continue;  // other weights change the sparse search's heap peak
        for (int round = 0; round < 3; ++round) {
            const test::Instance<S> other = reweighted(cases[k], rng);
            SolverWorkspace freshMemory;
            const Matching<S> fresh = solveBestTotal(other.matrix, other.rules, freshMemory);
            const Matching<S> reused = solveBestTotal(other.matrix, other.rules, ws);
            EXPECT_EQ(ws.keptBytes(), kept);
            EXPECT_EQ(reused.groupOf, fresh.groupOf);
        }
    }
    // This thread's workspace (solveBestTotal without one) behaves the same.
    SolverWorkspace& mine = SolverWorkspace::forThisThread();
    for (const auto& in : cases) (void)solveBestTotal(in.matrix, in.rules);
    const std::size_t threadKept = mine.keptBytes();
    EXPECT_GE(threadKept, std::size_t{120} * 120 * sizeof(S));
    for (const auto& in : cases) (void)solveBestTotal(in.matrix, in.rules);
    EXPECT_EQ(mine.keptBytes(), threadKept);
    ws.release();
    EXPECT_EQ(ws.keptBytes(), 0u);
}

// Fair mode's (log2(D) + 2) kernel runs and the explanations' solve use a
// workspace too (issue #20 item 1): the second of two calls allocates nothing
// the workspace did not keep, and answers as the first.
template <typename S>
void checkFairAndExplanationsKeepTheirMemory(std::uint64_t seed) {
    Rng rng(seed);
    const std::vector<test::Instance<S>> cases = memoryCases<S>(rng, 120);
    SolverWorkspace ws;
    std::vector<Matching<S>> first;
    for (const auto& in : cases) first.push_back(solveFair(in.matrix, in.rules, ws));
    const std::size_t kept = ws.keptBytes();
    // Integer counts and (count, score) pairs of the 120 x 120 block, kept.
    EXPECT_GE(kept, std::size_t{120} * 120 * (sizeof(std::int64_t) + sizeof(detail::Lex<S>)));
    for (std::size_t k = 0; k < cases.size(); ++k) {
        SCOPED_TRACE("case " + std::to_string(k));
        const Matching<S> again = solveFair(cases[k].matrix, cases[k].rules, ws);
        EXPECT_EQ(ws.keptBytes(), kept);
        EXPECT_EQ(again.groupOf, first[k].groupOf);
        SolverWorkspace fresh;
        EXPECT_EQ(solveFair(cases[k].matrix, cases[k].rules, fresh).groupOf, first[k].groupOf);
    }
    std::vector<Matching<S>> best;
    for (const auto& in : cases) best.push_back(solveBestTotal(in.matrix, in.rules, ws));
    // Without a workspace both use this thread's: emptied, it is filled by
    // the first calls and does not grow on the next.
    SolverWorkspace& mine = SolverWorkspace::forThisThread();
    mine.release();
    EXPECT_EQ(mine.keptBytes(), 0u);
    for (const auto& in : cases) {
        (void)solveFair(in.matrix, in.rules);
        (void)MatchExplainer<S>(in.matrix, in.rules);
    }
    const std::size_t threadKept = mine.keptBytes();
    EXPECT_GE(threadKept, kept);
    for (std::size_t k = 0; k < cases.size(); ++k) {
        const MatchExplainer<S> explainer(cases[k].matrix, cases[k].rules);
        EXPECT_NEAR(static_cast<double>(explainer.best().total), static_cast<double>(best[k].total), 1e-6)
            << "the explanation's matching is a best total, case " << k;
    }
    EXPECT_EQ(mine.keptBytes(), threadKept);
}

TEST(FairAndExplanations, KeepTheirMemoryInt) { checkFairAndExplanationsKeepTheirMemory<std::int64_t>(93); }
TEST(FairAndExplanations, KeepTheirMemoryDouble) { checkFairAndExplanationsKeepTheirMemory<double>(94); }

TEST(BestTotal, RepeatedSolvesKeepTheirMemoryInt) { checkRepeatedSolvesKeepTheirMemory<std::int64_t>(91); }
TEST(BestTotal, RepeatedSolvesKeepTheirMemoryDouble) { checkRepeatedSolvesKeepTheirMemory<double>(92); }

}  // namespace
}  // namespace welkom
