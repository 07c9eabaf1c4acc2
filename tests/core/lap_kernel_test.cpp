#include "core/lap_kernel.h"

#include <gtest/gtest.h>

#include "core/solver_test_util.h"

namespace welkom::detail {
namespace {

// Same instance through both path searches: equal optimum, valid duals
// (reduced costs >= 0, u <= 0, prices 0 where a column has room).
TEST(LapKernel, DenseAndSparseSearchAgreeWithValidDuals) {
    test::Rng rng(41);
    for (int it = 0; it < 200; ++it) {
        const int R = rng.uniform(1, 80), C = rng.uniform(1, 80), density = rng.uniform(5, 100);
        LapInstance<std::int64_t> dense, sparse;
        dense.rows = sparse.rows = R;
        dense.cols = sparse.cols = C;
        for (int c = 0; c < C; ++c) dense.capacity.push_back(rng.uniform(1, 3));
        sparse.capacity = dense.capacity;
        dense.dense = true;
        dense.cost.assign(static_cast<std::size_t>(R) * C, CostTraits<std::int64_t>::noArc());
        sparse.rowStart.push_back(0);
        for (int r = 0; r < R; ++r) {
            for (int c = 0; c < C; ++c)
                if (rng.chance(density)) {
                    std::int64_t cost = -rng.uniform(-3, 50);
                    dense.cost[static_cast<std::size_t>(r) * C + c] = cost;
                    sparse.arcCol.push_back(c);
                    sparse.arcCost.push_back(cost);
                }
            sparse.rowStart.push_back(static_cast<int>(sparse.arcCol.size()));
        }
        SCOPED_TRACE("instance " + std::to_string(it));
        std::int64_t totals[2] = {0, 0};
        int k = 0;
        for (const auto* inst : {&dense, &sparse}) {
            LapSolution<std::int64_t> sol = solveLap(*inst);
            std::vector<int> load(static_cast<std::size_t>(C), 0);
            for (int r = 0; r < R; ++r) {
                const int c = sol.colOf[static_cast<std::size_t>(r)];
                std::int64_t u = 0;
                if (c >= 0) {
                    const std::int64_t cost = dense.cost[static_cast<std::size_t>(r) * C + c];
                    ASSERT_NE(cost, CostTraits<std::int64_t>::noArc());
                    totals[k] += cost;
                    ++load[static_cast<std::size_t>(c)];
                    u = cost - sol.price[static_cast<std::size_t>(c)];
                }
                ASSERT_LE(u, 0);
                for (int j = 0; j < C; ++j) {
                    const std::int64_t cost = dense.cost[static_cast<std::size_t>(r) * C + j];
                    if (cost != CostTraits<std::int64_t>::noArc()) {
                        ASSERT_GE(cost - u - sol.price[static_cast<std::size_t>(j)], 0);
                    }
                }
            }
            for (int c = 0; c < C; ++c) {
                ASSERT_LE(load[static_cast<std::size_t>(c)], dense.capacity[static_cast<std::size_t>(c)]);
                ASSERT_LE(sol.price[static_cast<std::size_t>(c)], 0);
                if (load[static_cast<std::size_t>(c)] < dense.capacity[static_cast<std::size_t>(c)]) {
                    ASSERT_EQ(sol.price[static_cast<std::size_t>(c)], 0);
                }
            }
            ++k;
        }
        ASSERT_EQ(totals[0], totals[1]);
    }
}

TEST(LapKernel, LexicographicCostsCountFirst) {
    // One row, one column with a positive score part: the count decides.
    LapInstance<Lex<std::int64_t>> in;
    in.rows = 1;
    in.cols = 1;
    in.capacity = {1};
    in.dense = true;
    in.cost = {Lex<std::int64_t>{-1, 5}};  // a match with a bad score still beats staying unmatched
    EXPECT_EQ(solveLap(in).colOf, (std::vector<int>{0}));
}

// A random instance of every kind the kernel takes: dense costs given as
// they are or as scores negated on read (LapView::negated), sparse CSR, and
// perfect square ones (every arc, capacities 1, no positive cost).
struct RandomLap {
    LapInstance<std::int64_t> instance;
    std::vector<std::int64_t> scores;  // negated view: scores[k] = -instance.cost[k]
    bool negated = false;

    LapView<std::int64_t> view() const {
        LapView<std::int64_t> v = instance.view();
        if (negated) {
            v.cost = scores.data();
            v.negated = true;
        }
        return v;
    }
};

RandomLap randomLap(test::Rng& rng, int maxSide) {
    RandomLap out;
    LapInstance<std::int64_t>& in = out.instance;
    const int kind = rng.uniform(0, 3);  // 0 dense, 1 dense negated, 2 sparse, 3 perfect
    in.rows = rng.uniform(1, maxSide);
    in.cols = kind == 3 ? in.rows : rng.uniform(1, maxSide);
    in.dense = kind != 2;
    in.perfect = kind == 3;
    out.negated = kind == 1 || (kind == 3 && rng.chance(50));
    const int density = kind == 3 || kind == 1 ? 100 : rng.uniform(5, 100);
    for (int c = 0; c < in.cols; ++c) in.capacity.push_back(kind == 3 ? 1 : rng.uniform(1, 3));
    if (in.dense) in.cost.assign(static_cast<std::size_t>(in.rows) * static_cast<std::size_t>(in.cols), CostTraits<std::int64_t>::noArc());
    in.rowStart.push_back(0);
    for (int r = 0; r < in.rows; ++r) {
        for (int c = 0; c < in.cols; ++c) {
            if (!rng.chance(density)) continue;
            const std::int64_t cost = kind == 3 ? -rng.uniform(0, 60) : -rng.uniform(-3, 60);
            if (in.dense)
                in.cost[static_cast<std::size_t>(r) * static_cast<std::size_t>(in.cols) + static_cast<std::size_t>(c)] = cost;
            else {
                in.arcCol.push_back(c);
                in.arcCost.push_back(cost);
            }
        }
        in.rowStart.push_back(static_cast<int>(in.arcCol.size()));
    }
    if (out.negated)
        for (std::int64_t c : in.cost) out.scores.push_back(-c);
    return out;
}

// One workspace across instances of every kind whose sizes grow and shrink:
// the same assignment and the same prices as a fresh workspace, every time.
// Then the same instances again, in another order: the workspace, grown to
// the largest of them, grows no more (no allocation in those solves).
TEST(LapKernel, ReusedWorkspaceAnswersAsFreshAndStopsGrowing) {
    test::Rng rng(43);
    std::vector<RandomLap> instances;
    for (int it = 0; it < 300; ++it) instances.push_back(randomLap(rng, it % 50 < 25 ? 8 : 70));
    LapWorkspace<std::int64_t> ws;
    std::vector<std::vector<int>> colOf;
    for (std::size_t k = 0; k < instances.size(); ++k) {
        SCOPED_TRACE("instance " + std::to_string(k));
        solveLap(instances[k].view(), ws);
        LapWorkspace<std::int64_t> fresh;
        solveLap(instances[k].view(), fresh);
        const auto R = static_cast<std::size_t>(instances[k].instance.rows), C = static_cast<std::size_t>(instances[k].instance.cols);
        ASSERT_EQ(ws.colOf.size(), R);
        ASSERT_EQ(ws.price.size(), C);
        EXPECT_EQ(ws.colOf, fresh.colOf);
        EXPECT_EQ(ws.price, fresh.price);
        if (instances[k].negated) {  // the same costs given as they are
            LapSolution<std::int64_t> plain = solveLap(instances[k].instance);
            EXPECT_EQ(ws.colOf, plain.colOf);
            EXPECT_EQ(ws.price, plain.price);
        }
        colOf.push_back(ws.colOf);
    }
    const std::size_t kept = ws.capacityBytes();
    for (std::size_t k = instances.size(); k-- > 0;) {
        solveLap(instances[k].view(), ws);
        ASSERT_EQ(ws.capacityBytes(), kept) << "instance " << k;
        ASSERT_EQ(ws.colOf, colOf[k]) << "instance " << k;
    }
}

// reserve() grows the per-row and per-column buffers once: dense solves up
// to that size then allocate nothing.
TEST(LapKernel, ReservedWorkspaceDoesNotGrowOnDenseSolves) {
    test::Rng rng(44);
    LapWorkspace<std::int64_t> ws;
    ws.reserve(70, 70);
    const std::size_t reserved = ws.capacityBytes();
    EXPECT_GE(reserved, std::size_t{70} * (5 * sizeof(int) + sizeof(std::int64_t)));
    for (int it = 0; it < 100; ++it) {
        RandomLap lap = randomLap(rng, 70);
        if (!lap.instance.dense) continue;
        solveLap(lap.view(), ws);
        ASSERT_EQ(ws.capacityBytes(), reserved) << "instance " << it;
    }
    ws.release();
    EXPECT_EQ(ws.capacityBytes(), 0u);
}

}  // namespace
}  // namespace welkom::detail
