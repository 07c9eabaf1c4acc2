// Internal: what is left to decide once pins and locked matches are placed.
// Shared by best_total, fair_matching and match_explain so they agree on
// which pairs are open and how conflicts are reported.
//
// Usage (inside a solver):
//   detail::OpenProblem<S> open(matrix, rules);
//   if (!open.conflicts().empty()) -> Infeasible
//   auto sol = detail::solveOpen<S, S>(open, [](S s) { return -s; }, [](S) { return true; },
//                                      /*generalDuals=*/false, workspace.parts().of<S>());
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <optional>
#include <type_traits>
#include <vector>

#include "core/assignment_problem.h"
#include "core/best_total.h"
#include "core/lap_kernel.h"

#if defined(__GNUC__) || defined(__clang__)
#define WELKOM_SOLVER_NOINLINE __attribute__((noinline))
#else
#define WELKOM_SOLVER_NOINLINE
#endif

namespace welkom::detail {

template <typename S>
class OpenProblem {
public:
    // Preconditions: validateProblem(matrix, rules) returned Optimal. Keeps references.
    OpenProblem(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules) : m_matrix(matrix), m_rules(rules) {
        const int H = matrix.households(), G = matrix.groups();
        m_fixedGroup.assign(static_cast<std::size_t>(H), kUnmatched);
        m_fixedReason.assign(static_cast<std::size_t>(H), FixReason::Pin);
        m_residual.resize(static_cast<std::size_t>(G));
        for (int g = 0; g < G; ++g) m_residual[static_cast<std::size_t>(g)] = rules.capacityOf(g);

        // Forbidden pairs as per-household sorted lists.
        m_forbidStart.assign(static_cast<std::size_t>(H) + 1, 0);
        for (const PairRef& p : rules.forbidden) ++m_forbidStart[static_cast<std::size_t>(p.household) + 1];
        std::partial_sum(m_forbidStart.begin(), m_forbidStart.end(), m_forbidStart.begin());
        m_forbidGroup.resize(rules.forbidden.size());
        {
            std::vector<int> fill(m_forbidStart.begin(), m_forbidStart.end() - 1);
            for (const PairRef& p : rules.forbidden)
                m_forbidGroup[static_cast<std::size_t>(fill[static_cast<std::size_t>(p.household)]++)] = p.group;
            for (int h = 0; h < H; ++h)
                std::sort(m_forbidGroup.begin() + m_forbidStart[static_cast<std::size_t>(h)],
                          m_forbidGroup.begin() + m_forbidStart[static_cast<std::size_t>(h) + 1]);
        }

        // Locked matches first (they already exist), then pins, each in the
        // caller's order; a repeated identical pair is harmless.
        auto place = [&](const PairRef& p, FixReason why) {
            const auto sh = static_cast<std::size_t>(p.household);
            if (m_fixedGroup[sh] == p.group) return;
            if (m_fixedGroup[sh] != kUnmatched) {
                m_conflicts.push_back({ConflictKind::HouseholdFixedTwice, why, p});
                return;
            }
            std::optional<S> s = matrix.score(p.household, p.group);
            if (!s) {
                m_conflicts.push_back({ConflictKind::PairInfeasible, why, p});
                return;
            }
            if (isForbidden(p.household, p.group)) {
                m_conflicts.push_back({ConflictKind::PairForbidden, why, p});
                return;
            }
            if (rules.minScore && *s < *rules.minScore) {
                m_conflicts.push_back({ConflictKind::BelowMinScore, why, p});
                return;
            }
            if (m_residual[static_cast<std::size_t>(p.group)] <= 0) {
                m_conflicts.push_back({ConflictKind::GroupOverCapacity, why, p});
                return;
            }
            --m_residual[static_cast<std::size_t>(p.group)];
            m_fixedGroup[sh] = p.group;
            m_fixedReason[sh] = why;
        };
        for (const PairRef& p : rules.locked) place(p, FixReason::Locked);
        for (const PairRef& p : rules.pins) place(p, FixReason::Pin);
    }

    const ScoreMatrix<S>& matrix() const { return m_matrix; }
    const MatchRules<S>& rules() const { return m_rules; }
    const std::vector<FixConflict>& conflicts() const { return m_conflicts; }
    int fixedGroup(int h) const { return m_fixedGroup[static_cast<std::size_t>(h)]; }
    FixReason fixedReason(int h) const { return m_fixedReason[static_cast<std::size_t>(h)]; }
    bool isFixed(int h) const { return fixedGroup(h) != kUnmatched; }
    int residualCapacity(int g) const { return m_residual[static_cast<std::size_t>(g)]; }

    bool isForbidden(int h, int g) const {
        auto first = m_forbidGroup.begin() + m_forbidStart[static_cast<std::size_t>(h)];
        auto last = m_forbidGroup.begin() + m_forbidStart[static_cast<std::size_t>(h) + 1];
        return std::binary_search(first, last, g);
    }
    bool meetsMinScore(S s) const { return !m_rules.minScore || !(s < *m_rules.minScore); }

    // f(g, s) for each open pair of household h (none when h is fixed), groups ascending.
    template <typename F>
    void forEachOpenPair(int h, F&& f) const {
        if (isFixed(h)) return;
        const int* fb = m_forbidGroup.data() + m_forbidStart[static_cast<std::size_t>(h)];
        const int* fe = m_forbidGroup.data() + m_forbidStart[static_cast<std::size_t>(h) + 1];
        m_matrix.forEachPair(h, [&](int g, S s) {
            while (fb != fe && *fb < g) ++fb;
            if (fb != fe && *fb == g) return;
            if (m_residual[static_cast<std::size_t>(g)] <= 0 || !meetsMinScore(s)) return;
            f(g, s);
        });
    }

private:
    const ScoreMatrix<S>& m_matrix;
    const MatchRules<S>& m_rules;
    std::vector<int> m_fixedGroup;
    std::vector<FixReason> m_fixedReason;
    std::vector<int> m_residual;
    std::vector<int> m_forbidStart;
    std::vector<int> m_forbidGroup;
    std::vector<FixConflict> m_conflicts;
};

template <typename T>
struct OpenSolution {
    std::vector<int> groupOf;  // per household: group or kUnmatched (fixed households: kUnmatched)
    std::vector<T> price;      // per group: optimal dual v_g (0 for groups with room or outside every instance)
};

// Everything solveOpen needs besides its answer, kept between solves (see
// SolverWorkspace): the kernel's workspace and the instance being built. All
// buffers only grow, to the largest problem seen.
template <typename T>
struct OpenScratch {
    LapWorkspace<T> lap;
    std::vector<T> cost;      // dense instance being solved (a component, or a filtered dense matrix)
    std::vector<int> capacity;
    std::vector<int> rowStart, arcCol;  // sparse instance
    std::vector<T> arcCost;
    std::vector<int> rows, cols, rowOf, localCol;  // instance rows/cols <-> households/groups
    std::vector<int> comp, parent, order;          // components of a sparse matrix
};

}  // namespace welkom::detail

namespace welkom {

// What a SolverWorkspace keeps: one scratch per cost type the solvers use
// (best total and explanations: the score type; fair mode: integer counts
// for its cardinality searches and (count, score) pairs for its last solve).
struct SolverWorkspace::Parts {
    detail::OpenScratch<double> real;
    detail::OpenScratch<std::int64_t> integer;
    detail::OpenScratch<detail::Lex<double>> lexReal;
    detail::OpenScratch<detail::Lex<std::int64_t>> lexInteger;

    template <typename T>
    detail::OpenScratch<T>& of() {
        if constexpr (std::is_same_v<T, double>) return real;
        else if constexpr (std::is_same_v<T, std::int64_t>) return integer;
        else if constexpr (std::is_same_v<T, detail::Lex<double>>) return lexReal;
        else return lexInteger;
    }
};

}  // namespace welkom

namespace welkom::detail {

// Cost and filter functors of the best-total objective (cost = -score, every
// open pair kept). Named types so that solveOpen can read a dense matrix's
// scores where they lie instead of copying them into a cost matrix.
struct NegatedScore {
    template <typename S>
    S operator()(S s) const { return -s; }
};
struct KeepAll {
    template <typename S>
    bool operator()(S) const { return true; }
};

// Solves the instance described by `view` (rows/cols: its households and
// groups) and writes the answer back in household/group terms.
template <typename T>
void runInstance(const LapView<T>& view, const std::vector<int>& rows, const std::vector<int>& cols,
                 OpenScratch<T>& sc, OpenSolution<T>& out) {
    solveLap(view, sc.lap);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const int c = sc.lap.colOf[r];
        out.groupOf[static_cast<std::size_t>(rows[r])] = c < 0 ? kUnmatched : cols[static_cast<std::size_t>(c)];
    }
    for (std::size_t c = 0; c < cols.size(); ++c) out.price[static_cast<std::size_t>(cols[c])] = sc.lap.price[c];
}

// The instance in sc.cost (dense, R x C) or sc.rowStart/arcCol/arcCost (sparse).
template <typename T>
LapView<T> scratchView(const OpenScratch<T>& sc, int R, int C, bool dense, bool perfect) {
    LapView<T> v;
    v.rows = R;
    v.cols = C;
    v.capacity = sc.capacity.data();
    v.dense = dense;
    v.cost = sc.cost.data();
    v.rowStart = sc.rowStart.data();
    v.arcCol = sc.arcCol.data();
    v.arcCost = sc.arcCost.data();
    v.perfect = perfect;
    return v;
}

inline bool allOnes(const std::vector<int>& capacity) {
    return std::all_of(capacity.begin(), capacity.end(), [](int c) { return c == 1; });
}

// Builds an instance from sc.rows (households, ascending) and sc.cols (groups,
// ascending, residual capacity >= 1), solves it and writes the answer back.
template <typename S, typename T, typename CostFn, typename Keep>
void solveInstance(const OpenProblem<S>& open, CostFn& cost, Keep& keep, bool generalDuals, std::int64_t arcs,
                   OpenScratch<T>& sc, OpenSolution<T>& out) {
    const std::vector<int>& rows = sc.rows;
    const std::vector<int>& cols = sc.cols;
    std::vector<int>& localCol = sc.localCol;
    const int R = static_cast<int>(rows.size()), C = static_cast<int>(cols.size());
    for (int c = 0; c < C; ++c) localCol[static_cast<std::size_t>(cols[static_cast<std::size_t>(c)])] = c;
    sc.capacity.resize(cols.size());
    for (int c = 0; c < C; ++c)
        sc.capacity[static_cast<std::size_t>(c)] = open.residualCapacity(cols[static_cast<std::size_t>(c)]);
    const bool dense = arcs * 4 >= static_cast<std::int64_t>(R) * C;
    bool perfect = false;
    if (dense) {
        sc.cost.assign(static_cast<std::size_t>(R) * static_cast<std::size_t>(C), CostTraits<T>::noArc());
        bool nonPositive = true;
        for (int r = 0; r < R; ++r) {
            T* row = sc.cost.data() + static_cast<std::size_t>(r) * static_cast<std::size_t>(C);
            open.forEachOpenPair(rows[static_cast<std::size_t>(r)], [&](int g, S s) {
                if (!keep(s)) return;
                T c = cost(s);
                nonPositive = nonPositive && !(T{} < c);
                row[localCol[static_cast<std::size_t>(g)]] = c;
            });
        }
        perfect = !generalDuals && nonPositive && R == C && arcs == static_cast<std::int64_t>(R) * C &&
                  allOnes(sc.capacity);
    } else {
        sc.rowStart.clear();
        sc.rowStart.push_back(0);
        sc.arcCol.clear();
        sc.arcCost.clear();
        for (int r = 0; r < R; ++r) {
            open.forEachOpenPair(rows[static_cast<std::size_t>(r)], [&](int g, S s) {
                if (!keep(s)) return;
                sc.arcCol.push_back(localCol[static_cast<std::size_t>(g)]);
                sc.arcCost.push_back(cost(s));
            });
            sc.rowStart.push_back(static_cast<int>(sc.arcCol.size()));
        }
    }
    runInstance(scratchView(sc, R, C, dense, perfect), rows, cols, sc, out);
    for (int c = 0; c < C; ++c) localCol[static_cast<std::size_t>(cols[static_cast<std::size_t>(c)])] = -1;
}

// What a scan of a dense matrix's scores found (see solveDenseInPlace).
struct DenseScan {
    std::int64_t infeasible = 0;
    bool belowMin = false;
    bool negativeScore = false;
};

// One row per call, so that V8 optimises it early in the first solve (see lap_kernel.cpp).
template <typename S>
WELKOM_SOLVER_NOINLINE void scanDenseRow(const S* row, int G, const std::optional<S>& minScore, DenseScan& scan) {
    std::int64_t infeasible = 0;
    bool below = false, negative = false;
    for (int g = 0; g < G; ++g) {
        const S s = row[g];
        if (!ScoreMatrix<S>::isFeasible(s)) {
            ++infeasible;
            continue;
        }
        below = below || (minScore && s < *minScore);
        negative = negative || s < S{};
    }
    scan.infeasible += infeasible;
    scan.belowMin = scan.belowMin || below;
    scan.negativeScore = scan.negativeScore || negative;
}

// Best total on a dense matrix that the rules do not cut into: no fixed
// household, no full group, no forbidden pair, no score below the minimum (and
// for int64_t no infeasible pair, whose marker cannot be negated). Then the
// kernel reads the caller's scores in place, negated: no cost matrix is
// built. Returns false, having done nothing, when that does not apply.
template <typename S>
bool solveDenseInPlace(const OpenProblem<S>& open, bool generalDuals, OpenScratch<S>& sc, OpenSolution<S>& out) {
    const ScoreMatrix<S>& m = open.matrix();
    const int H = m.households(), G = m.groups();
    if (!open.rules().forbidden.empty()) return false;
    for (int h = 0; h < H; ++h)
        if (open.isFixed(h)) return false;
    sc.capacity.resize(static_cast<std::size_t>(G));
    for (int g = 0; g < G; ++g) {
        const int c = open.residualCapacity(g);
        if (c <= 0) return false;
        sc.capacity[static_cast<std::size_t>(g)] = c;
    }
    DenseScan scan;
    for (int h = 0; h < H && !scan.belowMin; ++h)
        scanDenseRow(m.values().data() + static_cast<std::size_t>(h) * static_cast<std::size_t>(G), G, open.rules().minScore, scan);
    const std::int64_t cells = static_cast<std::int64_t>(H) * G;
    if (scan.belowMin || (std::is_integral_v<S> && scan.infeasible > 0) || (cells - scan.infeasible) * 4 < cells)
        return false;
    sc.rows.resize(static_cast<std::size_t>(H));
    std::iota(sc.rows.begin(), sc.rows.end(), 0);
    sc.cols.resize(static_cast<std::size_t>(G));
    std::iota(sc.cols.begin(), sc.cols.end(), 0);
    LapView<S> view;
    view.rows = H;
    view.cols = G;
    view.capacity = sc.capacity.data();
    view.dense = true;
    view.cost = m.values().data();
    view.negated = true;
    view.perfect = !generalDuals && !scan.negativeScore && H == G && scan.infeasible == 0 && allOnes(sc.capacity);
    runInstance(view, sc.rows, sc.cols, sc, out);
    return true;
}

// Dense input: one dense instance over every free household and every group
// with room, built in one sweep over the values (forbidden pairs are cleared
// afterwards), since a dense matrix is one block anyway.
template <typename S, typename T, typename CostFn, typename Keep>
void solveDenseOpen(const OpenProblem<S>& open, CostFn& cost, Keep& keep, bool generalDuals, OpenScratch<T>& sc,
                    OpenSolution<T>& out) {
    if constexpr (std::is_same_v<S, T> && std::is_same_v<CostFn, NegatedScore> && std::is_same_v<Keep, KeepAll>) {
        if (solveDenseInPlace(open, generalDuals, sc, out)) return;
    }
    const ScoreMatrix<S>& m = open.matrix();
    const int H = m.households(), G = m.groups();
    std::vector<int>& rows = sc.rows;
    std::vector<int>& cols = sc.cols;
    std::vector<int>& rowOf = sc.rowOf;
    std::vector<int>& colOf = sc.localCol;
    rows.clear();
    cols.clear();
    rowOf.assign(static_cast<std::size_t>(H), -1);
    colOf.assign(static_cast<std::size_t>(G), -1);
    for (int h = 0; h < H; ++h)
        if (!open.isFixed(h)) {
            rowOf[static_cast<std::size_t>(h)] = static_cast<int>(rows.size());
            rows.push_back(h);
        }
    for (int g = 0; g < G; ++g)
        if (open.residualCapacity(g) > 0) {
            colOf[static_cast<std::size_t>(g)] = static_cast<int>(cols.size());
            cols.push_back(g);
        }
    const int R = static_cast<int>(rows.size()), C = static_cast<int>(cols.size());
    if (R == 0 || C == 0) return;
    sc.capacity.resize(static_cast<std::size_t>(C));
    for (int c = 0; c < C; ++c) sc.capacity[static_cast<std::size_t>(c)] = open.residualCapacity(cols[static_cast<std::size_t>(c)]);
    sc.cost.resize(static_cast<std::size_t>(R) * static_cast<std::size_t>(C));
    const T noArc = CostTraits<T>::noArc();
    const std::optional<S> minScore = open.rules().minScore;
    const bool allCols = C == G;
    std::int64_t arcs = 0;
    bool nonPositive = true;
    for (int r = 0; r < R; ++r) {
        const S* src = m.values().data() + static_cast<std::size_t>(rows[static_cast<std::size_t>(r)]) * static_cast<std::size_t>(G);
        T* dst = sc.cost.data() + static_cast<std::size_t>(r) * static_cast<std::size_t>(C);
        for (int c = 0; c < C; ++c) {
            const S s = src[allCols ? c : cols[static_cast<std::size_t>(c)]];
            if (ScoreMatrix<S>::isFeasible(s) && !(minScore && s < *minScore) && keep(s)) {
                const T v = cost(s);
                nonPositive = nonPositive && !(T{} < v);
                dst[c] = v;
                ++arcs;
            } else {
                dst[c] = noArc;
            }
        }
    }
    for (const PairRef& p : open.rules().forbidden) {
        const int r = rowOf[static_cast<std::size_t>(p.household)], c = colOf[static_cast<std::size_t>(p.group)];
        if (r < 0 || c < 0) continue;
        T& v = sc.cost[static_cast<std::size_t>(r) * static_cast<std::size_t>(C) + static_cast<std::size_t>(c)];
        if (v != noArc) {
            v = noArc;
            --arcs;
        }
    }
    const bool perfect = !generalDuals && nonPositive && R == C && arcs == static_cast<std::int64_t>(R) * C && allOnes(sc.capacity);
    const bool dense = arcs * 4 >= static_cast<std::int64_t>(R) * C;
    if (!dense) {  // mostly infeasible: the sparse search is faster
        sc.rowStart.clear();
        sc.rowStart.push_back(0);
        sc.arcCol.clear();
        sc.arcCost.clear();
        for (int r = 0; r < R; ++r) {
            for (int c = 0; c < C; ++c) {
                const T v = sc.cost[static_cast<std::size_t>(r) * static_cast<std::size_t>(C) + static_cast<std::size_t>(c)];
                if (v == noArc) continue;
                sc.arcCol.push_back(c);
                sc.arcCost.push_back(v);
            }
            sc.rowStart.push_back(static_cast<int>(sc.arcCol.size()));
        }
    }
    runInstance(scratchView(sc, R, C, dense, perfect), rows, cols, sc, out);
}

// Solves the open part: minimum total cost(score) over open pairs that also
// pass keep(score), each free household matched at most once, groups within
// residual capacity. Independent connected components (e.g. municipalities)
// are solved one by one; a component uses the dense kernel when at least a
// quarter of its pairs are open. A square, complete component with capacities
// 1 and no positive cost is solved as a perfect assignment (faster start);
// pass generalDuals=true when the caller needs prices of the general LP
// (match_explain.h) rather than only the optimal matching.
// `sc` is reused memory (see OpenScratch); its contents on entry do not matter.
template <typename S, typename T, typename CostFn, typename Keep>
OpenSolution<T> solveOpen(const OpenProblem<S>& open, CostFn cost, Keep keep, bool generalDuals, OpenScratch<T>& sc) {
    const ScoreMatrix<S>& m = open.matrix();
    const int H = m.households(), G = m.groups();
    OpenSolution<T> out;
    out.groupOf.assign(static_cast<std::size_t>(H), kUnmatched);
    out.price.assign(static_cast<std::size_t>(G), T{});
    if (m.isDense()) {
        solveDenseOpen(open, cost, keep, generalDuals, sc, out);
        return out;
    }

    // Component label per household (-1: no open pair) via union-find over
    // households [0,H) and groups [H,H+G).
    std::vector<int>& comp = sc.comp;
    std::vector<int>& parent = sc.parent;
    comp.assign(static_cast<std::size_t>(H), -1);
    auto find = [&](int x) {
        while (parent[static_cast<std::size_t>(x)] != x) {
            parent[static_cast<std::size_t>(x)] = parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(x)])];
            x = parent[static_cast<std::size_t>(x)];
        }
        return x;
    };
    parent.resize(static_cast<std::size_t>(H) + static_cast<std::size_t>(G));
    std::iota(parent.begin(), parent.end(), 0);
    for (int h = 0; h < H; ++h) {
        bool any = false;
        open.forEachOpenPair(h, [&](int g, S s) {
            if (!keep(s)) return;
            any = true;
            int a = find(h), b = find(H + g);
            if (a != b) parent[static_cast<std::size_t>(std::max(a, b))] = std::min(a, b);
        });
        if (any) comp[static_cast<std::size_t>(h)] = 0;
    }
    // Labels only after every union (roots move).
    for (int h = 0; h < H; ++h)
        if (comp[static_cast<std::size_t>(h)] >= 0) comp[static_cast<std::size_t>(h)] = find(h);

    // Rows per component, components in order of their first household.
    std::vector<int>& order = sc.order;
    order.clear();
    for (int h = 0; h < H; ++h)
        if (comp[static_cast<std::size_t>(h)] >= 0) order.push_back(h);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return comp[static_cast<std::size_t>(a)] < comp[static_cast<std::size_t>(b)];
    });

    sc.localCol.assign(static_cast<std::size_t>(G), -1);
    std::size_t begin = 0;
    while (begin < order.size()) {
        std::size_t end = begin;
        const int label = comp[static_cast<std::size_t>(order[begin])];
        while (end < order.size() && comp[static_cast<std::size_t>(order[end])] == label) ++end;
        // Columns: groups touched by this component, ascending.
        sc.cols.clear();
        sc.rows.assign(order.begin() + static_cast<std::ptrdiff_t>(begin), order.begin() + static_cast<std::ptrdiff_t>(end));
        std::int64_t arcs = 0;
        for (int h : sc.rows)
            open.forEachOpenPair(h, [&](int g, S s) {
                if (!keep(s)) return;
                ++arcs;
                if (sc.localCol[static_cast<std::size_t>(g)] == -1) {
                    sc.localCol[static_cast<std::size_t>(g)] = 0;
                    sc.cols.push_back(g);
                }
            });
        std::sort(sc.cols.begin(), sc.cols.end());
        solveInstance(open, cost, keep, generalDuals, arcs, sc, out);
        begin = end;
    }
    return out;
}

// Validates the input; on failure fills `out` (status, error) and returns false.
template <typename S>
bool checkInput(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules, Matching<S>& out) {
    auto [status, error] = validateProblem(matrix, rules);
    if (status == SolveStatus::Optimal) return true;
    out.status = status;
    out.error = std::move(error);
    return false;
}

// Reports fixed-pair conflicts as Infeasible; returns false when there are any.
template <typename S>
bool checkFixed(const OpenProblem<S>& open, Matching<S>& out) {
    if (open.conflicts().empty()) return true;
    out.status = SolveStatus::Infeasible;
    out.conflicts = open.conflicts();
    return false;
}

// Optimal answer: the open part's groups plus the fixed pairs, with totals.
template <typename S>
void finishMatching(const OpenProblem<S>& open, std::vector<int> openGroupOf, Matching<S>& out) {
    out.status = SolveStatus::Optimal;
    out.groupOf = std::move(openGroupOf);
    for (int h = 0; h < open.matrix().households(); ++h)
        if (open.isFixed(h)) out.groupOf[static_cast<std::size_t>(h)] = open.fixedGroup(h);
    summarize(open.matrix(), out);
}

}  // namespace welkom::detail
