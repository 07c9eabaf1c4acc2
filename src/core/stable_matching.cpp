#include "core/stable_matching.h"

#include <algorithm>
#include <deque>

#include "core/open_problem.h"

namespace welkom {
namespace {

// rank[g] as sorted (household, position) pairs: O(log) lookups without an
// H x G table (the national case has 20k x 20k).
struct RankIndex {
    std::vector<std::vector<std::pair<int, int>>> byGroup;
    explicit RankIndex(const Preferences& p) : byGroup(p.group.size()) {
        for (std::size_t g = 0; g < p.group.size(); ++g) {
            auto& v = byGroup[g];
            for (std::size_t k = 0; k < p.group[g].size(); ++k) v.push_back({p.group[g][k], static_cast<int>(k)});
            std::sort(v.begin(), v.end());
        }
    }
    // Position of h in g's ranking, or -1 when g does not accept h.
    int rank(int g, int h) const {
        const auto& v = byGroup[static_cast<std::size_t>(g)];
        auto it = std::lower_bound(v.begin(), v.end(), std::make_pair(h, -1));
        return it != v.end() && it->first == h ? it->second : -1;
    }
};

int capacityOf(const StableMarket& m, int g) {
    return m.capacity.empty() ? 1 : m.capacity[static_cast<std::size_t>(g)];
}

std::optional<Error> checkMarket(const StableMarket& m) {
    const int H = static_cast<int>(m.prefs.household.size()), G = static_cast<int>(m.prefs.group.size());
    if (!m.capacity.empty() && m.capacity.size() != static_cast<std::size_t>(G))
        return errorWithDetail("solver.capacity", "solver.detail.capacity_count");
    for (int c : m.capacity)
        if (c < 0) return errorWithDetail("solver.capacity", "solver.detail.negative_capacity");
    auto checkList = [](const std::vector<int>& list, int limit) {
        std::vector<int> sorted(list);
        std::sort(sorted.begin(), sorted.end());
        if (!sorted.empty() && (sorted.front() < 0 || sorted.back() >= limit)) return false;
        return std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
    };
    for (const auto& l : m.prefs.household)
        if (!checkList(l, G)) return errorWithDetail("solver.ranking", "solver.detail.household_ranking");
    for (const auto& l : m.prefs.group)
        if (!checkList(l, H)) return errorWithDetail("solver.ranking", "solver.detail.group_ranking");
    for (const PairRef& p : m.fixed)
        if (p.household < 0 || p.household >= H || p.group < 0 || p.group >= G)
            return errorWithDetail("solver.pair_range", "solver.detail.fixed_pair");
    return std::nullopt;
}

}  // namespace

StableOutcome deferredAcceptance(const StableMarket& market) {
    StableOutcome out;
    if (auto err = checkMarket(market)) {
        out.error = std::move(err);
        return out;
    }
    const int H = static_cast<int>(market.prefs.household.size()), G = static_cast<int>(market.prefs.group.size());
    std::vector<int> groupOf(static_cast<std::size_t>(H), kUnmatched), room(static_cast<std::size_t>(G));
    for (int g = 0; g < G; ++g) room[static_cast<std::size_t>(g)] = capacityOf(market, g);
    std::vector<char> fixed(static_cast<std::size_t>(H), 0);
    for (const PairRef& p : market.fixed) {
        const auto sh = static_cast<std::size_t>(p.household);
        if (fixed[sh] && groupOf[sh] == p.group) continue;
        if (fixed[sh]) {
            out.conflicts.push_back({ConflictKind::HouseholdFixedTwice, FixReason::Pin, p});
            continue;
        }
        if (room[static_cast<std::size_t>(p.group)] <= 0) {
            out.conflicts.push_back({ConflictKind::GroupOverCapacity, FixReason::Pin, p});
            continue;
        }
        --room[static_cast<std::size_t>(p.group)];
        fixed[sh] = 1;
        groupOf[sh] = p.group;
    }
    if (!out.conflicts.empty()) {
        out.status = SolveStatus::Infeasible;
        return out;
    }

    const RankIndex ranks(market.prefs);
    std::vector<std::vector<int>> held(static_cast<std::size_t>(G));  // non-fixed households a group holds
    std::vector<std::size_t> next(static_cast<std::size_t>(H), 0);
    std::deque<int> queue;
    for (int h = 0; h < H; ++h)
        if (!fixed[static_cast<std::size_t>(h)]) queue.push_back(h);
    while (!queue.empty()) {
        const int h = queue.front();
        queue.pop_front();
        const auto& list = market.prefs.household[static_cast<std::size_t>(h)];
        auto& k = next[static_cast<std::size_t>(h)];
        while (k < list.size()) {
            const int g = list[k++];
            ++out.proposals;
            const int r = ranks.rank(g, h);
            if (r < 0) continue;  // g does not accept h
            auto& hold = held[static_cast<std::size_t>(g)];
            if (static_cast<int>(hold.size()) < room[static_cast<std::size_t>(g)]) {
                hold.push_back(h);
                groupOf[static_cast<std::size_t>(h)] = g;
                break;
            }
            if (hold.empty()) continue;  // no slot at all
            auto worst = std::max_element(hold.begin(), hold.end(),
                                          [&](int a, int b) { return ranks.rank(g, a) < ranks.rank(g, b); });
            if (ranks.rank(g, *worst) < r) continue;  // g prefers everyone it holds
            const int rejected = *worst;
            *worst = h;
            groupOf[static_cast<std::size_t>(h)] = g;
            groupOf[static_cast<std::size_t>(rejected)] = kUnmatched;
            queue.push_front(rejected);
            break;
        }
    }
    out.status = SolveStatus::Optimal;
    out.groupOf = std::move(groupOf);
    return out;
}

std::vector<PairRef> blockingPairs(const StableMarket& market, const std::vector<int>& groupOf) {
    const int H = static_cast<int>(market.prefs.household.size()), G = static_cast<int>(market.prefs.group.size());
    std::vector<char> fixed(static_cast<std::size_t>(H), 0);
    for (const PairRef& p : market.fixed)
        if (groupOf[static_cast<std::size_t>(p.household)] == p.group) fixed[static_cast<std::size_t>(p.household)] = 1;
    const RankIndex ranks(market.prefs);
    // Per group: load and the worst-ranked non-fixed household it holds.
    std::vector<int> load(static_cast<std::size_t>(G), 0), worstRank(static_cast<std::size_t>(G), -1);
    for (int h = 0; h < H; ++h) {
        const int g = groupOf[static_cast<std::size_t>(h)];
        if (g == kUnmatched) continue;
        ++load[static_cast<std::size_t>(g)];
        if (fixed[static_cast<std::size_t>(h)]) continue;
        int r = ranks.rank(g, h);
        if (r < 0) r = static_cast<int>(market.prefs.group[static_cast<std::size_t>(g)].size());  // unacceptable: worst
        worstRank[static_cast<std::size_t>(g)] = std::max(worstRank[static_cast<std::size_t>(g)], r);
    }
    std::vector<PairRef> out;
    for (int h = 0; h < H; ++h) {
        if (fixed[static_cast<std::size_t>(h)]) continue;
        const int current = groupOf[static_cast<std::size_t>(h)];
        for (int g : market.prefs.household[static_cast<std::size_t>(h)]) {
            if (g == current) break;  // the rest are ranked lower
            const int r = ranks.rank(g, h);
            if (r < 0) continue;
            const bool room = load[static_cast<std::size_t>(g)] < capacityOf(market, g);
            if (room || worstRank[static_cast<std::size_t>(g)] > r) out.push_back({h, g});
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

template <typename S>
StableMarket marketFromScores(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules) {
    StableMarket market;
    const int H = matrix.households(), G = matrix.groups();
    market.capacity.resize(static_cast<std::size_t>(G));
    for (int g = 0; g < G; ++g) market.capacity[static_cast<std::size_t>(g)] = rules.capacityOf(g);
    market.fixed = rules.locked;
    market.fixed.insert(market.fixed.end(), rules.pins.begin(), rules.pins.end());
    market.prefs.household.resize(static_cast<std::size_t>(H));
    market.prefs.group.resize(static_cast<std::size_t>(G));
    detail::OpenProblem<S> open(matrix, rules);
    std::vector<std::vector<std::pair<S, int>>> byGroup(static_cast<std::size_t>(G));
    std::vector<std::pair<S, int>> row;
    for (int h = 0; h < H; ++h) {
        row.clear();
        open.forEachOpenPair(h, [&](int g, S s) {
            row.push_back({s, g});
            byGroup[static_cast<std::size_t>(g)].push_back({s, h});
        });
        auto better = [](const std::pair<S, int>& a, const std::pair<S, int>& b) {
            return a.first > b.first || (a.first == b.first && a.second < b.second);
        };
        std::sort(row.begin(), row.end(), better);
        for (const auto& e : row) market.prefs.household[static_cast<std::size_t>(h)].push_back(e.second);
    }
    for (int g = 0; g < G; ++g) {
        auto& list = byGroup[static_cast<std::size_t>(g)];
        std::sort(list.begin(), list.end(), [](const std::pair<S, int>& a, const std::pair<S, int>& b) {
            return a.first > b.first || (a.first == b.first && a.second < b.second);
        });
        for (const auto& e : list) market.prefs.group[static_cast<std::size_t>(g)].push_back(e.second);
    }
    return market;
}

template <typename S>
Matching<S> solveStable(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules) {
    Matching<S> out;
    if (!detail::checkInput(matrix, rules, out)) return out;
    detail::OpenProblem<S> open(matrix, rules);
    if (!detail::checkFixed(open, out)) return out;
    StableOutcome st = deferredAcceptance(marketFromScores(matrix, rules));
    if (st.status != SolveStatus::Optimal) {  // cannot happen after checkFixed; kept for safety
        out.status = st.status;
        out.conflicts = st.conflicts;
        out.error = st.error;
        return out;
    }
    detail::finishMatching(open, std::move(st.groupOf), out);
    return out;
}

template StableMarket marketFromScores(const ScoreMatrix<double>&, const MatchRules<double>&);
template StableMarket marketFromScores(const ScoreMatrix<std::int64_t>&, const MatchRules<std::int64_t>&);
template Matching<double> solveStable(const ScoreMatrix<double>&, const MatchRules<double>&);
template Matching<std::int64_t> solveStable(const ScoreMatrix<std::int64_t>&, const MatchRules<std::int64_t>&);

}  // namespace welkom
