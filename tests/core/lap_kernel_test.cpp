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

}  // namespace
}  // namespace welkom::detail
