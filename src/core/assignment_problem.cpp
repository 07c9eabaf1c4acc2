#include "core/assignment_problem.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

namespace welkom {

const char* toString(SolveStatus status) {
    switch (status) {
        case SolveStatus::Optimal: return "Optimal";
        case SolveStatus::Infeasible: return "Infeasible";
        case SolveStatus::InvalidInput: return "InvalidInput";
        case SolveStatus::Overflow: return "Overflow";
    }
    return "?";
}

const char* toString(ConflictKind kind) {
    switch (kind) {
        case ConflictKind::PairInfeasible: return "PairInfeasible";
        case ConflictKind::PairForbidden: return "PairForbidden";
        case ConflictKind::BelowMinScore: return "BelowMinScore";
        case ConflictKind::HouseholdFixedTwice: return "HouseholdFixedTwice";
        case ConflictKind::GroupOverCapacity: return "GroupOverCapacity";
    }
    return "?";
}

template <typename S>
S ScoreMatrix<S>::infeasible() {
    if constexpr (std::is_floating_point_v<S>)
        return -std::numeric_limits<S>::infinity();
    else
        return std::numeric_limits<S>::min();
}

template <typename S>
ScoreMatrix<S> ScoreMatrix<S>::dense(int households, int groups, std::vector<S> values) {
    ScoreMatrix m;
    m.m_households = households;
    m.m_groups = groups;
    m.m_dense = true;
    m.m_values = std::move(values);
    m.m_rowStart.clear();
    return m;
}

template <typename S>
ScoreMatrix<S> ScoreMatrix<S>::sparse(int groups) {
    ScoreMatrix m;
    m.m_groups = groups;
    return m;
}

template <typename S>
void ScoreMatrix<S>::reserve(std::size_t households, std::size_t pairs) {
    assert(!m_dense);
    m_rowStart.reserve(households + 1);
    m_arcGroup.reserve(pairs);
    m_values.reserve(pairs);
}

template <typename S>
void ScoreMatrix<S>::addRow(const std::vector<Entry>& entries) {
    assert(!m_dense);
    auto byGroup = [](const Entry& a, const Entry& b) { return a.group < b.group; };
    auto append = [this](const std::vector<Entry>& sorted) {
        for (const Entry& e : sorted) {
            m_arcGroup.push_back(e.group);
            m_values.push_back(e.score);
        }
    };
    if (std::is_sorted(entries.begin(), entries.end(), byGroup)) {
        append(entries);  // the usual case for rows built in group order: no copy, no sort
    } else {
        std::vector<Entry> sorted = entries;
        std::stable_sort(sorted.begin(), sorted.end(), byGroup);
        append(sorted);
    }
    m_rowStart.push_back(static_cast<int>(m_arcGroup.size()));
    ++m_households;
}

template <typename S>
std::int64_t ScoreMatrix<S>::feasiblePairs() const {
    if (!m_dense) return static_cast<std::int64_t>(m_arcGroup.size());
    std::int64_t n = 0;
    for (S s : m_values) n += isFeasible(s) ? 1 : 0;
    return n;
}

template <typename S>
std::optional<S> ScoreMatrix<S>::score(int household, int group) const {
    if (m_dense) {
        S s = m_values[static_cast<std::size_t>(household) * m_groups + group];
        if (!isFeasible(s)) return std::nullopt;
        return s;
    }
    auto first = m_arcGroup.begin() + m_rowStart[household];
    auto last = m_arcGroup.begin() + m_rowStart[household + 1];
    auto it = std::lower_bound(first, last, group);
    if (it == last || *it != group) return std::nullopt;
    return m_values[static_cast<std::size_t>(it - m_arcGroup.begin())];
}

namespace {
Arg index(int i) { return Arg::integerOf(i); }
}  // namespace

template <typename S>
Status ScoreMatrix<S>::validate() const {
    if (m_households < 0 || m_groups < 0) return errorWithDetail("solver.shape", "solver.detail.negative_size");
    if (m_dense) {
        if (m_values.size() != static_cast<std::size_t>(m_households) * static_cast<std::size_t>(m_groups))
            return errorWithDetail("solver.shape", "solver.detail.dense_size");
    } else {
        if (m_rowStart.size() != static_cast<std::size_t>(m_households) + 1 || m_values.size() != m_arcGroup.size())
            return errorWithDetail("solver.shape", "solver.detail.sparse_rows");
        for (int h = 0; h < m_households; ++h) {
            for (int k = m_rowStart[h]; k < m_rowStart[h + 1]; ++k) {
                int g = m_arcGroup[k];
                if (g < 0 || g >= m_groups)
                    return errorWithDetail("solver.group_range", "solver.detail.no_such_group", {index(h), index(g)});
                if (k > m_rowStart[h] && m_arcGroup[k - 1] == g)
                    return errorWithDetail("solver.duplicate_pair", "solver.detail.group_twice", {index(h), index(g)});
            }
        }
    }
    // Integer scores must be small enough that sums over a matching and the
    // solvers' potentials cannot overflow.
    const double limit = std::ldexp(1.0, 60) / (static_cast<double>(m_households) + m_groups + 2);
    for (S s : m_values) {
        if constexpr (std::is_floating_point_v<S>) {
            if (std::isnan(s) || s == std::numeric_limits<S>::infinity() ||
                (!m_dense && !isFeasible(s)))
                return errorWithDetail("solver.score", "solver.detail.not_finite");
        } else {
            if (!isFeasible(s)) {
                if (!m_dense) return errorWithDetail("solver.score", "solver.detail.sparse_infeasible");
                continue;
            }
            if (std::fabs(static_cast<double>(s)) >= limit)
                return errorWithDetail("solver.overflow", "solver.detail.overflow");
        }
    }
    return Ok{};
}

template <typename S>
std::pair<SolveStatus, std::optional<Error>> validateProblem(const ScoreMatrix<S>& matrix, const MatchRules<S>& rules) {
    auto fail = [](SolveStatus st, const char* code, const char* detail, std::vector<Arg> args = {}) {
        return std::make_pair(st, std::optional<Error>(errorWithDetail(code, detail, std::move(args))));
    };
    Status st = matrix.validate();
    if (!st) {
        SolveStatus s = st.error().code == "solver.overflow" ? SolveStatus::Overflow : SolveStatus::InvalidInput;
        return {s, st.error()};
    }
    if (!rules.capacity.empty() && rules.capacity.size() != static_cast<std::size_t>(matrix.groups()))
        return fail(SolveStatus::InvalidInput, "solver.capacity", "solver.detail.capacity_count");
    for (int c : rules.capacity)
        if (c < 0) return fail(SolveStatus::InvalidInput, "solver.capacity", "solver.detail.negative_capacity");
    auto inRange = [&](const PairRef& p) {
        return p.household >= 0 && p.household < matrix.households() && p.group >= 0 && p.group < matrix.groups();
    };
    for (const auto* list : {&rules.pins, &rules.locked, &rules.forbidden})
        for (const PairRef& p : *list)
            if (!inRange(p))
                return fail(SolveStatus::InvalidInput, "solver.pair_range", "solver.detail.pair_range",
                            {index(p.household), index(p.group)});
    if (rules.minScore) {
        if constexpr (std::is_floating_point_v<S>) {
            if (std::isnan(*rules.minScore))
                return fail(SolveStatus::InvalidInput, "solver.score", "solver.detail.min_score_nan");
        }
    }
    return {SolveStatus::Optimal, std::nullopt};
}

template <typename S>
void summarize(const ScoreMatrix<S>& matrix, Matching<S>& m) {
    m.total = S{};
    m.matched = 0;
    m.worstScore.reset();
    for (int h = 0; h < static_cast<int>(m.groupOf.size()); ++h) {
        int g = m.groupOf[h];
        if (g == kUnmatched) continue;
        std::optional<S> s = matrix.score(h, g);
        assert(s);
        S v = s ? *s : S{};
        m.total += v;
        ++m.matched;
        if (!m.worstScore || v < *m.worstScore) m.worstScore = v;
    }
}

template class ScoreMatrix<double>;
template class ScoreMatrix<std::int64_t>;
template std::pair<SolveStatus, std::optional<Error>> validateProblem(const ScoreMatrix<double>&, const MatchRules<double>&);
template std::pair<SolveStatus, std::optional<Error>> validateProblem(const ScoreMatrix<std::int64_t>&,
                                                                      const MatchRules<std::int64_t>&);
template void summarize(const ScoreMatrix<double>&, Matching<double>&);
template void summarize(const ScoreMatrix<std::int64_t>&, Matching<std::int64_t>&);

}  // namespace welkom
