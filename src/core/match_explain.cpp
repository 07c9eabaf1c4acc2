#include "core/match_explain.h"

#include <algorithm>
#include <functional>
#include <queue>

#include "core/best_total.h"
#include "core/open_problem.h"

namespace welkom {

const char* toString(PairBlock block) {
    switch (block) {
        case PairBlock::None: return "None";
        case PairBlock::NotFeasible: return "NotFeasible";
        case PairBlock::Forbidden: return "Forbidden";
        case PairBlock::BelowMinScore: return "BelowMinScore";
        case PairBlock::HouseholdFixed: return "HouseholdFixed";
        case PairBlock::GroupFull: return "GroupFull";
    }
    return "?";
}

const char* toString(UnplaceableReason reason) {
    switch (reason) {
        case UnplaceableReason::NoFeasibleGroup: return "NoFeasibleGroup";
        case UnplaceableReason::AllForbidden: return "AllForbidden";
        case UnplaceableReason::AllBelowMinScore: return "AllBelowMinScore";
        case UnplaceableReason::AllGroupsFull: return "AllGroupsFull";
        case UnplaceableReason::Mixed: return "Mixed";
    }
    return "?";
}

template <typename S>
MatchExplainer<S>::MatchExplainer(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules)
    : m_matrix(matrix), m_rules(rules) {
    if (!detail::checkInput(matrix, rules, m_best)) return;
    detail::OpenProblem<S> open(matrix, rules);
    if (!detail::checkFixed(open, m_best)) return;
    // generalDuals: the prices must be duals of the "<= capacity" LP for the
    // residual-graph argument below.
    auto sol = detail::solveOpen<S, S>(open, detail::NegatedScore{}, detail::KeepAll{}, /*generalDuals=*/true,
                                       SolverWorkspace::forThisThread().parts().of<S>());
    m_price = sol.price;
    const int H = matrix.households(), G = matrix.groups();
    m_room.resize(static_cast<std::size_t>(G));
    for (int g = 0; g < G; ++g) m_room[static_cast<std::size_t>(g)] = open.residualCapacity(g);
    m_openLoad.assign(static_cast<std::size_t>(G), 0);
    for (int h = 0; h < H; ++h) {
        const int g = sol.groupOf[static_cast<std::size_t>(h)];
        if (g == kUnmatched) continue;
        --m_room[static_cast<std::size_t>(g)];
        ++m_openLoad[static_cast<std::size_t>(g)];
    }
    detail::finishMatching(open, std::move(sol.groupOf), m_best);

    // Open pairs by household (CSR) and by group (CSC).
    m_rowStart.assign(static_cast<std::size_t>(H) + 1, 0);
    m_colStart.assign(static_cast<std::size_t>(G) + 1, 0);
    for (int h = 0; h < H; ++h) {
        open.forEachOpenPair(h, [&](int g, S s) {
            m_rowGroup.push_back(g);
            m_rowScore.push_back(s);
            ++m_colStart[static_cast<std::size_t>(g) + 1];
        });
        m_rowStart[static_cast<std::size_t>(h) + 1] = static_cast<int>(m_rowGroup.size());
    }
    for (int g = 0; g < G; ++g) m_colStart[static_cast<std::size_t>(g) + 1] += m_colStart[static_cast<std::size_t>(g)];
    m_colHousehold.resize(m_rowGroup.size());
    m_colScore.resize(m_rowGroup.size());
    std::vector<int> fill(m_colStart.begin(), m_colStart.end() - 1);
    for (int h = 0; h < H; ++h)
        for (int k = m_rowStart[static_cast<std::size_t>(h)]; k < m_rowStart[static_cast<std::size_t>(h) + 1]; ++k) {
            const int pos = fill[static_cast<std::size_t>(m_rowGroup[static_cast<std::size_t>(k)])]++;
            m_colHousehold[static_cast<std::size_t>(pos)] = h;
            m_colScore[static_cast<std::size_t>(pos)] = m_rowScore[static_cast<std::size_t>(k)];
        }
    m_fixed.resize(static_cast<std::size_t>(H));
    for (int h = 0; h < H; ++h) m_fixed[static_cast<std::size_t>(h)] = open.isFixed(h) ? 1 : 0;
}

// u_h of the LP (0 when unmatched); only for non-fixed households.
template <typename S>
S MatchExplainer<S>::rowDual(int h) const {
    const int g = m_best.groupOf[static_cast<std::size_t>(h)];
    if (g == kUnmatched) return S{};
    return -*m_matrix.score(h, g) - m_price[static_cast<std::size_t>(g)];
}

// Backward Dijkstra on the residual graph of the optimal flow: households,
// groups and one sink node t (unmatched options and free slots). See the header.
template <typename S>
std::vector<S> MatchExplainer<S>::distancesTo(int target, const std::vector<int>& groups,
                                               std::vector<char>& reached) const {
    const int H = m_matrix.households(), G = m_matrix.groups();
    const int t = H + G;
    std::vector<S> dist(static_cast<std::size_t>(t) + 1, S{});
    std::vector<char> state(static_cast<std::size_t>(t) + 1, 0);  // 1 reached, 2 settled
    using Item = std::pair<S, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
    auto relax = [&](int node, S d) {
        auto sn = static_cast<std::size_t>(node);
        if (state[sn] == 2) return;
        if (state[sn] == 0 || d < dist[sn]) {
            state[sn] = 1;
            dist[sn] = d;
            heap.push({d, node});
        }
    };
    auto nonNeg = [](S r) { return r < S{} ? S{} : r; };  // rounding only (double)
    int pending = 0;
    std::vector<char> wanted(static_cast<std::size_t>(G), 0);
    for (int g : groups)
        if (!wanted[static_cast<std::size_t>(g)]) {
            wanted[static_cast<std::size_t>(g)] = 1;
            ++pending;
        }
    relax(target, S{});
    while (!heap.empty() && pending > 0) {
        auto [d, x] = heap.top();
        heap.pop();
        auto sx = static_cast<std::size_t>(x);
        if (state[sx] == 2 || d != dist[sx]) continue;
        state[sx] = 2;
        if (x < H) {  // a household: entered from its group, or from t when unmatched
            const int g = m_best.groupOf[sx];
            relax(g == kUnmatched ? t : H + g, d);
        } else if (x < t) {  // a group: entered from households with an open pair, or from t
            const int g = x - H;
            if (wanted[static_cast<std::size_t>(g)]) --pending;
            const S v = m_price[static_cast<std::size_t>(g)];
            for (int k = m_colStart[static_cast<std::size_t>(g)]; k < m_colStart[static_cast<std::size_t>(g) + 1]; ++k) {
                const int i = m_colHousehold[static_cast<std::size_t>(k)];
                if (m_best.groupOf[static_cast<std::size_t>(i)] == g) continue;
                relax(i, d + nonNeg(-m_colScore[static_cast<std::size_t>(k)] - rowDual(i) - v));
            }
            if (m_openLoad[static_cast<std::size_t>(g)] > 0) relax(t, d + nonNeg(-v));  // g gives up a slot
        } else {  // t: entered from groups with room and from matched households (opting out)
            for (int g = 0; g < G; ++g)
                if (m_room[static_cast<std::size_t>(g)] > 0) relax(H + g, d + nonNeg(m_price[static_cast<std::size_t>(g)]));
            for (int i = 0; i < H; ++i)
                if (!m_fixed[static_cast<std::size_t>(i)] && m_best.groupOf[static_cast<std::size_t>(i)] != kUnmatched)
                    relax(i, d + nonNeg(-rowDual(i)));
        }
    }
    reached.assign(static_cast<std::size_t>(G), 0);
    std::vector<S> out(static_cast<std::size_t>(G), S{});
    for (int g = 0; g < G; ++g) {
        reached[static_cast<std::size_t>(g)] = state[static_cast<std::size_t>(H + g)] == 2;
        out[static_cast<std::size_t>(g)] = dist[static_cast<std::size_t>(H + g)];
    }
    return out;
}

template <typename S>
std::vector<GroupOption<S>> MatchExplainer<S>::options(int household, int k) const {
    std::vector<GroupOption<S>> out;
    if (!m_best.ok() || m_fixed[static_cast<std::size_t>(household)] || k <= 0) return out;
    const auto sh = static_cast<std::size_t>(household);
    std::vector<int> groups(m_rowGroup.begin() + m_rowStart[sh], m_rowGroup.begin() + m_rowStart[sh + 1]);
    if (groups.empty()) return out;
    std::vector<char> reached;
    std::vector<S> dist = distancesTo(household, groups, reached);
    const int current = m_best.groupOf[sh];
    const S u = rowDual(household);
    for (int p = m_rowStart[sh]; p < m_rowStart[sh + 1]; ++p) {
        const int g = m_rowGroup[static_cast<std::size_t>(p)];
        const S s = m_rowScore[static_cast<std::size_t>(p)];
        S loss{};
        if (g != current) {
            S r = -s - u - m_price[static_cast<std::size_t>(g)];
            if (r < S{}) r = S{};
            loss = r + dist[static_cast<std::size_t>(g)];
        }
        out.push_back({g, s, loss});
    }
    std::sort(out.begin(), out.end(), [](const GroupOption<S>& a, const GroupOption<S>& b) {
        if (a.loss != b.loss) return a.loss < b.loss;
        if (a.score != b.score) return a.score > b.score;
        return a.group < b.group;
    });
    if (out.size() > static_cast<std::size_t>(k)) out.resize(static_cast<std::size_t>(k));
    return out;
}

template <typename S>
PairExplanation<S> MatchExplainer<S>::whyNot(int household, int group) const {
    PairExplanation<S> out;
    out.pair = {household, group};
    out.score = m_matrix.score(household, group);
    detail::OpenProblem<S> open(m_matrix, m_rules);
    if (!out.score)
        out.block = PairBlock::NotFeasible;
    else if (open.isFixed(household) && open.fixedGroup(household) != group)
        out.block = PairBlock::HouseholdFixed;
    else if (open.isForbidden(household, group))
        out.block = PairBlock::Forbidden;
    else if (!open.meetsMinScore(*out.score))
        out.block = PairBlock::BelowMinScore;
    else if (!open.isFixed(household) && open.residualCapacity(group) <= 0)
        out.block = PairBlock::GroupFull;
    if (!m_best.ok()) return out;
    out.householdHas = m_best.groupOf[static_cast<std::size_t>(household)];
    out.chosen = out.householdHas == group;
    for (int h = 0; h < m_matrix.households(); ++h)
        if (m_best.groupOf[static_cast<std::size_t>(h)] == group) out.groupHolds.push_back(h);
    if (out.block != PairBlock::None) return out;
    if (out.chosen) {
        out.loss = S{};
        return out;
    }
    for (const GroupOption<S>& o : options(household, m_matrix.groups()))
        if (o.group == group) out.loss = o.loss;
    return out;
}

template <typename S>
Matching<S> MatchExplainer<S>::whatIf(PairRef forced) const {
    MatchRules<S> rules = m_rules;
    rules.pins.push_back(forced);
    return solveBestTotal(m_matrix, rules);
}

template <typename S>
std::vector<Unplaceable> MatchExplainer<S>::unplaceable() const {
    std::vector<Unplaceable> out;
    if (m_best.status == SolveStatus::InvalidInput || m_best.status == SolveStatus::Overflow) return out;
    detail::OpenProblem<S> open(m_matrix, m_rules);
    for (int h = 0; h < m_matrix.households(); ++h) {
        if (open.isFixed(h)) continue;
        bool anyOpen = false;
        open.forEachOpenPair(h, [&](int, S) { anyOpen = true; });
        if (anyOpen) continue;
        int forbidden = 0, below = 0, full = 0, total = 0;
        m_matrix.forEachPair(h, [&](int g, S s) {
            ++total;
            if (open.isForbidden(h, g))
                ++forbidden;
            else if (!open.meetsMinScore(s))
                ++below;
            else
                ++full;
        });
        UnplaceableReason reason = UnplaceableReason::Mixed;
        if (total == 0)
            reason = UnplaceableReason::NoFeasibleGroup;
        else if (forbidden == total)
            reason = UnplaceableReason::AllForbidden;
        else if (below == total)
            reason = UnplaceableReason::AllBelowMinScore;
        else if (full == total)
            reason = UnplaceableReason::AllGroupsFull;
        out.push_back({h, reason});
    }
    return out;
}

template class MatchExplainer<double>;
template class MatchExplainer<std::int64_t>;

}  // namespace welkom
