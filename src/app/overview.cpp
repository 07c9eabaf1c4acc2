#include "app/overview.h"
#include "app/text/messages.h"

#include <algorithm>
#include <cstring>

namespace welkom {
namespace {

// Items per cell so that `items` fit in at most `maxCells` cells.
int perCell(int items, int maxCells) {
    const int cells = std::max(1, maxCells);
    return std::max(1, (items + cells - 1) / cells);
}

// FNV-1a over the bytes of a value.
template <typename T>
void mix(std::uint64_t& hash, const T& value) {
    unsigned char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    for (unsigned char b : bytes) {
        hash ^= b;
        hash *= 1099511628211ull;
    }
}

std::string labelOf(const std::string& id, const std::string& name) { return name.empty() ? id : id + "  " + name; }

void addScore(ScoreDistribution& d, double score) {
    const int bin = std::clamp(static_cast<int>(score * kDistributionBins), 0, kDistributionBins - 1);
    ++d.bins[static_cast<std::size_t>(bin)];
    ++d.counted;
    d.mean += score;  // a sum until finished
}

}  // namespace

ScoreHeatmap buildScoreHeatmap(const MatchingRun& run, int maxRows, int maxColumns) {
    const MatchingProblem& p = run.problem;
    ScoreHeatmap map;
    map.households = p.matrix.households();
    map.groups = p.matrix.groups();
    map.rowsPerCell = perCell(map.households, maxRows);
    map.columnsPerCell = perCell(map.groups, maxColumns);
    map.rows = (map.households + map.rowsPerCell - 1) / map.rowsPerCell;
    map.columns = (map.groups + map.columnsPerCell - 1) / map.columnsPerCell;
    map.cells.assign(static_cast<std::size_t>(map.rows) * static_cast<std::size_t>(map.columns), HeatmapCell{});
    auto cell = [&](int h, int g) -> HeatmapCell& {
        return map.cells[static_cast<std::size_t>(h / map.rowsPerCell) * static_cast<std::size_t>(map.columns) +
                         static_cast<std::size_t>(g / map.columnsPerCell)];
    };
    auto inRange = [&](const PairRef& r) {
        return r.household >= 0 && r.household < map.households && r.group >= 0 && r.group < map.groups;
    };

    std::vector<PairRef> forbidden = p.rules.forbidden;
    std::sort(forbidden.begin(), forbidden.end());
    for (const PairRef& r : forbidden)
        if (inRange(r)) cell(r.household, r.group).flags |= kCellForbidden;
    for (int h = 0; h < map.households; ++h) {
        p.matrix.forEachPair(h, [&](int g, double score) {
            if (!forbidden.empty() && std::binary_search(forbidden.begin(), forbidden.end(), PairRef{h, g})) return;
            HeatmapCell& c = cell(h, g);
            c.flags |= kCellOpen;
            ++c.open;
            c.best = std::max(c.best, static_cast<float>(score));
        });
    }
    for (const auto* list : {&p.rules.pins, &p.rules.locked})
        for (const PairRef& r : *list)
            if (inRange(r)) cell(r.household, r.group).flags |= kCellFixed;

    // Proposed pairs carry roster indices; the matrix order is by id.
    std::vector<int> rowOfHousehold, columnOfGroup;
    for (std::size_t i = 0; i < p.householdAt.size(); ++i) {
        if (p.householdAt[i] >= rowOfHousehold.size()) rowOfHousehold.resize(p.householdAt[i] + 1, -1);
        rowOfHousehold[p.householdAt[i]] = static_cast<int>(i);
    }
    for (std::size_t i = 0; i < p.groupAt.size(); ++i) {
        if (p.groupAt[i] >= columnOfGroup.size()) columnOfGroup.resize(p.groupAt[i] + 1, -1);
        columnOfGroup[p.groupAt[i]] = static_cast<int>(i);
    }
    for (const ProposedPair& pair : run.pairs) {
        if (pair.household >= rowOfHousehold.size() || pair.group >= columnOfGroup.size()) continue;
        const PairRef r{rowOfHousehold[pair.household], columnOfGroup[pair.group]};
        if (inRange(r)) cell(r.household, r.group).flags |= kCellProposed;
    }
    return map;
}

std::uint64_t runFingerprint(const MatchingRun& run) {
    std::uint64_t hash = 14695981039346656037ull;
    mix(hash, run.revision);
    mix(hash, run.mode);
    mix(hash, run.status);
    mix(hash, run.total);
    mix(hash, run.problem.matrix.households());
    mix(hash, run.problem.matrix.groups());
    mix(hash, run.problem.matrix.feasiblePairs());
    for (const auto* list : {&run.problem.rules.pins, &run.problem.rules.locked, &run.problem.rules.forbidden}) {
        mix(hash, list->size());
        for (const PairRef& r : *list) mix(hash, r);
    }
    mix(hash, run.pairs.size());
    for (const ProposedPair& pair : run.pairs) {
        mix(hash, pair.household);
        mix(hash, pair.group);
    }
    return hash;
}

PairSummary summarizePair(const Roster& roster, const MatchingRun& run, int household, int group, bool dutch) {
    const MatchingProblem& p = run.problem;
    const std::size_t h = p.householdAt[static_cast<std::size_t>(household)];
    const std::size_t g = p.groupAt[static_cast<std::size_t>(group)];
    PairSummary s;
    s.household = p.householdIds[static_cast<std::size_t>(household)];
    s.group = p.groupIds[static_cast<std::size_t>(group)];
    // The roster may have changed since the run; explain only what still matches it.
    if (h >= roster.households.size() || g >= roster.groups.size() || roster.households[h].id != s.household ||
        roster.groups[g].id != s.group)
        return s;
    s.household = labelOf(s.household, roster.households[h].displayName);
    s.group = labelOf(s.group, roster.groups[g].name);

    const PairRef ref{household, group};
    auto listed = [&](const std::vector<PairRef>& list) { return std::find(list.begin(), list.end(), ref) != list.end(); };
    s.fixed = listed(p.rules.pins) || listed(p.rules.locked);
    const bool proposed = std::any_of(run.pairs.begin(), run.pairs.end(), [&](const ProposedPair& pair) {
        return pair.household == h && pair.group == g;
    });

    const PairReport report = explainPair(roster, h, g);
    s.total = report.total;
    for (const HardVerdict& v : report.hard)
        if (!v.ok) s.broken.push_back(renderReason(v.reason, dutch));
    for (const CriterionResult& c : report.soft) {
        std::string why = renderReason(c.reason, dutch);
        if (c.priority) why += "; " + renderReason(*c.priority, dutch);
        s.criteria.push_back({c.criterion, c.applicable, c.score, std::move(why)});
    }

    if (proposed) s.standing = PairStanding::Proposed;
    else if (listed(p.rules.forbidden)) s.standing = PairStanding::Forbidden;
    else if (p.matrix.score(household, group)) s.standing = PairStanding::Open;
    else s.standing = PairStanding::Infeasible;
    return s;
}

ProposalDistributions proposalDistributions(const MatchingRun& run) {
    ProposalDistributions d;
    for (const ProposedPair& pair : run.pairs) {
        addScore(d.total, pair.total);
        for (int c = 0; c < kCriterionCount; ++c) {
            ScoreDistribution& dist = d.criteria[static_cast<std::size_t>(c)];
            if (pair.applicable[static_cast<std::size_t>(c)]) addScore(dist, pair.scores[static_cast<std::size_t>(c)]);
            else ++dist.notApplicable;
        }
    }
    auto finish = [](ScoreDistribution& dist) {
        if (dist.counted > 0) dist.mean /= dist.counted;
    };
    finish(d.total);
    for (ScoreDistribution& dist : d.criteria) finish(dist);
    return d;
}

}  // namespace welkom
