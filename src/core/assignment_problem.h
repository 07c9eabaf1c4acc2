// The input every matching solver shares: a household x group score matrix
// (sparse or dense), group capacities, coordinator rules (pins, locked active
// matches, forbidden pairs, a minimum acceptable score), and the Matching the
// solvers hand back. Scores are `double` (0..1 from the roster scoring) or
// `int64_t` (benchmarks, exact tests); every solver is one template compiled
// for both.
//
// Usage:
//   auto m = ScoreMatrix<double>::sparse(/*groups=*/3);
//   m.addRow({{0, 0.8}, {2, 0.4}});       // household 0: groups 0 and 2 feasible
//   m.addRow({{1, 0.9}});                 // household 1: only group 1
//   MatchRules<double> rules;             // capacity 1 each, no pins
//   rules.pins.push_back({1, 1});
//   rules.minScore = 0.3;
//   Matching<double> best = solveBestTotal(m, rules);   // best_total.h
//
// Conventions shared by all solvers:
// - Households and groups are indices 0..H-1 and 0..G-1. Ties between equally
//   good answers are broken by index order, so a caller that sorts households
//   and groups by a stable ID gets the same answer on every run and platform
//   (native and wasm give bit-identical results: only +, - and < on scores).
// - A pair is *open* when it is in the matrix (the hard conditions hold), not
//   forbidden, its score is >= minScore, and neither side is used up by
//   pins/locked matches. Only open pairs are ever proposed.
// - Each household takes one slot of one group; capacity = households a group
//   can take (0 is allowed: the group takes nobody).
// - Staying unmatched is always allowed for households without a pin.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace welkom {

// Outcome of a solver call (names follow OR-tools' assignment statuses).
enum class SolveStatus {
    Optimal,       // `groupOf` is an optimal answer for the objective
    Infeasible,    // pins/locked matches contradict each other or the rules; see `conflicts`
    InvalidInput,  // sizes, indices or scores are malformed; see `error`
    Overflow,      // integer scores too large to sum safely (|score| * (H+G+2) >= 2^60)
};
const char* toString(SolveStatus status);

constexpr int kUnmatched = -1;

struct PairRef {
    int household = -1;
    int group = -1;
    bool operator==(const PairRef& o) const { return household == o.household && group == o.group; }
    bool operator!=(const PairRef& o) const { return !(*this == o); }
    bool operator<(const PairRef& o) const {
        return household != o.household ? household < o.household : group < o.group;
    }
};

// Why a pair is fixed before solving: a coordinator's pin, or an active match
// from an earlier round that stays in place when newcomers are matched.
enum class FixReason { Pin, Locked };

// Why a fixed pair cannot be honoured.
enum class ConflictKind {
    PairInfeasible,       // not in the score matrix: a hard condition is broken
    PairForbidden,        // also listed as forbidden
    BelowMinScore,        // score below the minimum acceptable score
    HouseholdFixedTwice,  // the household is fixed to two different groups
    GroupOverCapacity,    // more fixed pairs on the group than its capacity
};
const char* toString(ConflictKind kind);

struct FixConflict {
    ConflictKind kind;
    FixReason reason;  // of the fixed pair that could not be honoured
    PairRef pair;
};

// Score storage: one row per household with its feasible (group, score)
// pairs. Two layouts, same meaning:
//  - sparse (CSR): rows hold only feasible pairs, groups ascending. Use for the
//    national case (20k x 20k, only same-municipality pairs feasible).
//  - dense: H*G row-major values; `infeasible()` marks a broken hard condition.
template <typename S>
class ScoreMatrix {
public:
    struct Entry {
        int group;
        S score;
    };

    // The value that marks an infeasible pair in a dense matrix
    // (-infinity for double, INT64_MIN for int64_t).
    static S infeasible();
    static bool isFeasible(S score) { return score != infeasible(); }

    ScoreMatrix() = default;
    // Dense: values[h * groups + g]. Precondition: values.size() == households * groups.
    static ScoreMatrix dense(int households, int groups, std::vector<S> values);
    // Sparse: start with no households, then addRow() once per household in order.
    static ScoreMatrix sparse(int groups);
    // Appends the next household's feasible pairs (any order; sorted here).
    // Duplicate or out-of-range groups are reported by validate().
    void addRow(const std::vector<Entry>& entries);
    // Sparse: room for this many households and pairs in all (saves regrowing).
    void reserve(std::size_t households, std::size_t pairs);

    int households() const { return m_households; }
    int groups() const { return m_groups; }
    bool isDense() const { return m_dense; }
    // Number of stored feasible pairs (dense: counts the non-infeasible values).
    std::int64_t feasiblePairs() const;

    // Score of (h, g), or nullopt when the pair is infeasible. O(1) dense,
    // O(log row) sparse. Precondition: indices in range.
    std::optional<S> score(int household, int group) const;

    // Calls f(group, score) for each feasible pair of the household, groups ascending.
    template <typename F>
    void forEachPair(int household, F&& f) const {
        if (m_dense) {
            const S* row = m_values.data() + static_cast<std::size_t>(household) * m_groups;
            for (int g = 0; g < m_groups; ++g)
                if (isFeasible(row[g])) f(g, row[g]);
        } else {
            for (int k = m_rowStart[household]; k < m_rowStart[household + 1]; ++k) f(m_arcGroup[k], m_values[k]);
        }
    }

    // Checks shape, group ranges, duplicates and scores (finite doubles;
    // int64 magnitudes small enough to sum). Error codes: "solver.shape",
    // "solver.group_range", "solver.duplicate_pair", "solver.score", "solver.overflow".
    Status validate() const;

    // Raw access for the solvers.
    const std::vector<S>& values() const { return m_values; }
    const std::vector<int>& rowStart() const { return m_rowStart; }
    const std::vector<int>& arcGroup() const { return m_arcGroup; }

private:
    int m_households = 0;
    int m_groups = 0;
    bool m_dense = false;
    std::vector<S> m_values;    // dense: H*G; sparse: per arc
    std::vector<int> m_rowStart{0};  // sparse only
    std::vector<int> m_arcGroup;     // sparse only
};

// What the coordinator decided before solving.
template <typename S>
struct MatchRules {
    std::vector<int> capacity;       // per group; empty means 1 for every group
    std::vector<PairRef> pins;       // must be in the answer (coordinator agreed)
    std::vector<PairRef> locked;     // active matches from earlier rounds: stay as they are
    std::vector<PairRef> forbidden;  // never propose these pairs
    std::optional<S> minScore;       // pairs scoring below this are left unmatched instead

    int capacityOf(int group) const { return capacity.empty() ? 1 : capacity[static_cast<std::size_t>(group)]; }
};

// A solver's answer. When status != Optimal, groupOf is empty and the
// aggregates are zero; `conflicts` (Infeasible) or `error` (InvalidInput,
// Overflow) say why.
template <typename S>
struct Matching {
    SolveStatus status = SolveStatus::InvalidInput;
    std::vector<int> groupOf;          // per household: group index or kUnmatched
    S total{};                         // sum of matched scores, pins and locked included
    int matched = 0;                   // matched households, pins and locked included
    std::optional<S> worstScore;       // lowest matched score; nullopt when nobody is matched
    std::vector<FixConflict> conflicts;
    std::optional<Error> error;

    bool ok() const { return status == SolveStatus::Optimal; }
};

// Validates matrix and rules together: capacity size and values (>= 0), pair
// indices in range, and matrix.validate(). Returns InvalidInput/Overflow with
// an Error, or Optimal when the input is well formed.
template <typename S>
std::pair<SolveStatus, std::optional<Error>> validateProblem(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules);

// Fills total/matched/worstScore of `m` from its groupOf (summed in household
// order, so the result is reproducible).
template <typename S>
void summarize(const ScoreMatrix<S>& matrix, Matching<S>& m);

extern template class ScoreMatrix<double>;
extern template class ScoreMatrix<std::int64_t>;

}  // namespace welkom
