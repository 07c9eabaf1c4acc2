// Answers to the questions coordinators ask about a best-total proposal:
// what are a household's next best options and what would each cost, why is
// this household not with that group, and which households can nobody take.
//
// Usage:
//   MatchExplainer<double> ex(matrix, rules);          // solves best total once
//   if (!ex.best().ok()) ...                            // same statuses as solveBestTotal
//   for (const GroupOption<double>& o : ex.options(h, 3))
//       show(o.group, o.score, o.loss);                 // loss: drop in total if forced
//   PairExplanation<double> why = ex.whyNot(h, g);      // who g has instead, what it costs
//   Matching<double> alt = ex.whatIf({h, g});           // the full proposal with (h, g) pinned
//   for (const Unplaceable& u : ex.unplaceable()) ...   // nobody can take u.household
//
// Exact losses come from the optimal duals, not from re-solving: forcing
// (h, g) changes the optimum by the cheapest cycle through arc h->g in the
// residual graph of the optimal flow, i.e. loss = reduced cost of (h, g) +
// shortest path from g back to h under reduced costs (assignment sensitivity
// analysis; Ahuja, Magnanti & Orlin, "Network Flows", 1993, sec. 9.11). One
// Dijkstra per household gives the loss of all its groups: O((A + H + G) log).
// The matrix and rules are held by reference and must outlive the explainer.
#pragma once

#include <vector>

#include "core/assignment_problem.h"

namespace welkom {

template <typename S>
struct GroupOption {
    int group = -1;
    S score{};
    S loss{};  // best total minus the best total with this pair forced (>= 0; 0 for the current group)
};

// Why a pair cannot be chosen at all (None: it could be).
enum class PairBlock {
    None,
    NotFeasible,     // a hard condition is broken (not in the score matrix)
    Forbidden,       // the coordinator's "never this pair"
    BelowMinScore,   // scores under the minimum acceptable score
    HouseholdFixed,  // the household is pinned or locked to another group
    GroupFull,       // the group's capacity is taken by pins/locked matches (or is 0)
};
const char* toString(PairBlock block);

template <typename S>
struct PairExplanation {
    PairRef pair;
    PairBlock block = PairBlock::None;
    bool chosen = false;            // the pair is in the best proposal
    std::optional<S> score;         // nullopt when not feasible
    std::vector<int> groupHolds;    // households the group has in the best proposal
    int householdHas = kUnmatched;  // the household's group in the best proposal
    std::optional<S> loss;          // block == None: drop in total if the pair is forced
};

// Households with no open pair at all, and what stands in the way.
enum class UnplaceableReason {
    NoFeasibleGroup,   // every pair breaks a hard condition
    AllForbidden,      // feasible pairs exist but all are forbidden
    AllBelowMinScore,  // ... all score below the minimum
    AllGroupsFull,     // ... all their groups are full with pins/locked matches
    Mixed,             // a mix of the above
};
const char* toString(UnplaceableReason reason);

struct Unplaceable {
    int household;
    UnplaceableReason reason;
};

template <typename S>
class MatchExplainer {
public:
    MatchExplainer(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules);

    // The best-total proposal (identical to solveBestTotal's answer).
    const Matching<S>& best() const { return m_best; }

    // Up to k open groups for the household, smallest loss first (ties: higher
    // score, then lower index). Empty when best() is not Optimal, the household
    // is fixed, or it has no open pair. Precondition: 0 <= household < H.
    std::vector<GroupOption<S>> options(int household, int k) const;

    // Precondition: indices in range. When best() is not Optimal only
    // pair/block/score are filled.
    PairExplanation<S> whyNot(int household, int group) const;

    // The best-total proposal with the pair pinned in addition to the rules.
    Matching<S> whatIf(PairRef forced) const;

    // Non-fixed households without any open pair (index order).
    std::vector<Unplaceable> unplaceable() const;

private:
    const ScoreMatrix<S>& m_matrix;
    const MatchRules<S>& m_rules;
    Matching<S> m_best;
    std::vector<S> m_price;  // per group (dual v), valid when m_best is Optimal
    std::vector<int> m_room;      // per group: slots left after pins, locked and the proposal
    std::vector<int> m_openLoad;  // per group: households the proposal (not pins/locked) puts there
    std::vector<char> m_fixed; // per household: pinned or locked
    // Open pairs by household and by group (for the backward search), built once.
    std::vector<int> m_rowStart, m_rowGroup, m_colStart, m_colHousehold;
    std::vector<S> m_rowScore, m_colScore;

    // Backward shortest distances to `household` (reduced costs), groups only;
    // stops once every group in `targets` is settled.
    std::vector<S> distancesTo(int household, const std::vector<int>& targets, std::vector<char>& reached) const;
    S rowDual(int h) const;
};

extern template class MatchExplainer<double>;
extern template class MatchExplainer<std::int64_t>;

}  // namespace welkom
