// Shared helpers for the solver tests: a seeded generator of small random
// instances and brute-force enumeration of every valid matching, written
// independently of the solvers (no shared code path) so they cross-check.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/assignment_problem.h"

namespace welkom::test {

// splitmix64: same sequence on every platform (std distributions are not).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int uniform(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
    bool chance(int percent) { return uniform(0, 99) < percent; }
    double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

private:
    std::uint64_t m_state;
};

template <typename S>
struct Instance {
    ScoreMatrix<S> matrix;
    MatchRules<S> rules;
};

template <typename S>
S randomScore(Rng& rng, int maxInt) {
    if constexpr (std::is_floating_point_v<S>)
        return rng.chance(30) ? static_cast<S>(rng.uniform(0, 4)) / 4 : static_cast<S>(rng.unit());
    else
        return static_cast<S>(rng.uniform(0, maxInt));
}

// H <= maxH households, G <= maxG groups, random capacities (0..2, mostly 1),
// feasibility, pins, locked matches, forbids and an optional minimum score.
// Small integer scores make ties common. withRules=false: no pins/locked/forbids.
template <typename S>
Instance<S> randomInstance(Rng& rng, int maxH, int maxG, bool withRules = true, int maxInt = 9) {
    Instance<S> in;
    const int H = rng.uniform(0, maxH), G = rng.uniform(0, maxG);
    const int density = rng.uniform(30, 100);
    const bool dense = rng.chance(40);
    std::vector<S> values(static_cast<std::size_t>(H) * static_cast<std::size_t>(G), ScoreMatrix<S>::infeasible());
    auto sparse = ScoreMatrix<S>::sparse(G);
    for (int h = 0; h < H; ++h) {
        std::vector<typename ScoreMatrix<S>::Entry> row;
        for (int g = 0; g < G; ++g)
            if (rng.chance(density)) {
                S s = randomScore<S>(rng, maxInt);
                row.push_back({g, s});
                values[static_cast<std::size_t>(h) * G + g] = s;
            }
        sparse.addRow(row);
    }
    in.matrix = dense ? ScoreMatrix<S>::dense(H, G, values) : sparse;
    if (rng.chance(60)) {
        for (int g = 0; g < G; ++g) in.rules.capacity.push_back(rng.chance(75) ? 1 : rng.uniform(0, 3));
    }
    if (withRules && H > 0 && G > 0) {
        int pins = rng.chance(50) ? rng.uniform(1, 2) : 0;
        for (int k = 0; k < pins; ++k) in.rules.pins.push_back({rng.uniform(0, H - 1), rng.uniform(0, G - 1)});
        if (rng.chance(25)) in.rules.locked.push_back({rng.uniform(0, H - 1), rng.uniform(0, G - 1)});
        int forbids = rng.chance(50) ? rng.uniform(1, 3) : 0;
        for (int k = 0; k < forbids; ++k) in.rules.forbidden.push_back({rng.uniform(0, H - 1), rng.uniform(0, G - 1)});
    }
    if (rng.chance(30)) in.rules.minScore = randomScore<S>(rng, maxInt);
    return in;
}

// Calls f(groupOf) for every matching that honours all rules: fixed
// households (pins and locked) on their group, other households unmatched or
// on a pair in the matrix that is not forbidden and meets minScore, groups
// within capacity. Nothing is called when the fixed pairs contradict.
template <typename S>
void forEachValidMatching(const ScoreMatrix<S>& m, const MatchRules<S>& rules,
                          const std::function<void(const std::vector<int>&)>& f) {
    const int H = m.households(), G = m.groups();
    std::vector<int> fixedTo(static_cast<std::size_t>(H), -2);  // -2 free, -3 contradiction
    for (const auto* list : {&rules.locked, &rules.pins})
        for (const PairRef& p : *list) {
            int& t = fixedTo[static_cast<std::size_t>(p.household)];
            t = (t == -2 || t == p.group) ? p.group : -3;
        }
    for (int t : fixedTo)
        if (t == -3) return;
    auto allowed = [&](int h, int g) {
        auto s = m.score(h, g);
        if (!s) return false;
        for (const PairRef& p : rules.forbidden)
            if (p.household == h && p.group == g) return false;
        if (rules.minScore && *s < *rules.minScore) return false;
        return true;
    };
    std::vector<int> load(static_cast<std::size_t>(G), 0), groupOf(static_cast<std::size_t>(H), kUnmatched);
    std::function<void(int)> go = [&](int h) {
        if (h == H) {
            f(groupOf);
            return;
        }
        auto tryGroup = [&](int g) {
            if (!allowed(h, g) || load[static_cast<std::size_t>(g)] >= rules.capacityOf(g)) return;
            ++load[static_cast<std::size_t>(g)];
            groupOf[static_cast<std::size_t>(h)] = g;
            go(h + 1);
            groupOf[static_cast<std::size_t>(h)] = kUnmatched;
            --load[static_cast<std::size_t>(g)];
        };
        int t = fixedTo[static_cast<std::size_t>(h)];
        if (t >= 0) {
            tryGroup(t);
            return;
        }
        go(h + 1);
        for (int g = 0; g < G; ++g) tryGroup(g);
    };
    go(0);
}

// True when groupOf is one of the matchings forEachValidMatching would list.
template <typename S>
bool isValidMatching(const ScoreMatrix<S>& m, const MatchRules<S>& rules, const std::vector<int>& groupOf) {
    if (groupOf.size() != static_cast<std::size_t>(m.households())) return false;
    std::vector<int> load(static_cast<std::size_t>(m.groups()), 0);
    for (int h = 0; h < m.households(); ++h) {
        int g = groupOf[static_cast<std::size_t>(h)];
        for (const auto* list : {&rules.locked, &rules.pins})
            for (const PairRef& p : *list)
                if (p.household == h && p.group != g) return false;
        if (g == kUnmatched) continue;
        if (g < 0 || g >= m.groups() || !m.score(h, g)) return false;
        for (const PairRef& p : rules.forbidden)
            if (p.household == h && p.group == g) return false;
        if (rules.minScore && *m.score(h, g) < *rules.minScore) return false;
        if (++load[static_cast<std::size_t>(g)] > rules.capacityOf(g)) return false;
    }
    return true;
}

template <typename S>
S totalOf(const ScoreMatrix<S>& m, const std::vector<int>& groupOf) {
    S t{};
    for (int h = 0; h < m.households(); ++h)
        if (groupOf[static_cast<std::size_t>(h)] != kUnmatched) t += *m.score(h, groupOf[static_cast<std::size_t>(h)]);
    return t;
}

}  // namespace welkom::test
