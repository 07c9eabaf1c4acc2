// Overview of a matching run, for pictures rather than tables: a household x
// group score heatmap with the proposal marked on it, the words behind one
// pair for a tooltip, and per-criterion score distributions of the proposal.
// Derived data only; the Overview panel draws every frame, so it keeps these
// and rebuilds them only when runFingerprint() or its screen size changes.
//
//   ScoreHeatmap map = buildScoreHeatmap(run, /*maxRows=*/350, /*maxColumns=*/450);
//   const HeatmapCell& c = map.at(row, column);       // a pair, or a block of pairs
//   if (map.rowsPerCell == 1 && map.columnsPerCell == 1)
//       PairSummary s = summarizePair(roster, run, row, column, /*dutch=*/true);
//   ProposalDistributions d = proposalDistributions(run);
//
// Rows are the run's households and columns its groups, both in id order
// (MatchingProblem order: h2 before h10). A roster with more households or
// groups than the screen has cells for is shown in blocks of neighbouring
// rows and columns; a block shows its best open pair.
//
// Cost: buildScoreHeatmap is O(feasible pairs + cells + forbidden log
// forbidden), reading the scores the run already computed (no scoring);
// summarizePair scores one pair (O(roster) to build the scorer);
// proposalDistributions is O(proposed pairs).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "app/matching_session.h"

namespace welkom {

// [SECTION] Heatmap -------------------------------------------------------------

enum HeatmapFlag : std::uint8_t {
    kCellOpen = 1,       // some pair passes the hard conditions and is not forbidden
    kCellForbidden = 2,  // some pair is forbidden (coordinator, or declined before)
    kCellProposed = 4,   // some pair is in the proposal
    kCellFixed = 8,      // some pair is pinned or an active match
};

struct HeatmapCell {
    float best = -1.0f;      // best score of an open pair in the cell; < 0 when none is open
    std::uint32_t open = 0;  // open pairs in the cell
    std::uint8_t flags = 0;  // HeatmapFlag bits
};

struct ScoreHeatmap {
    int households = 0, groups = 0;            // the run's matrix size
    int rowsPerCell = 1, columnsPerCell = 1;   // households and groups per cell
    int rows = 0, columns = 0;                 // cells
    std::vector<HeatmapCell> cells;            // rows x columns, row-major

    const HeatmapCell& at(int row, int column) const {
        return cells[static_cast<std::size_t>(row) * static_cast<std::size_t>(columns) + static_cast<std::size_t>(column)];
    }
    // Matrix indices a cell covers: [first, last] households of a row, groups of a column.
    int firstHousehold(int row) const { return row * rowsPerCell; }
    int lastHousehold(int row) const { return std::min(households, (row + 1) * rowsPerCell) - 1; }
    int firstGroup(int column) const { return column * columnsPerCell; }
    int lastGroup(int column) const { return std::min(groups, (column + 1) * columnsPerCell) - 1; }
};

// At most maxRows x maxColumns cells (each at least 1); one pair per cell when
// the run fits.
ScoreHeatmap buildScoreHeatmap(const MatchingRun& run, int maxRows, int maxColumns);

// Changes whenever the run shown changes (another run, other constraints or
// pairs), so views cached per run know when to rebuild. O(proposed pairs).
std::uint64_t runFingerprint(const MatchingRun& run);

// [SECTION] One pair in words ------------------------------------------------------

enum class PairStanding { Proposed, Open, Forbidden, Infeasible };

struct PairSummary {
    std::string household, group;  // "h12  Familie Haddad", "g3  Buurtgroep Noord"
    PairStanding standing = PairStanding::Infeasible;
    bool fixed = false;            // pinned, or an active match
    double total = 0.0;
    std::vector<std::string> broken;  // hard conditions the pair breaks, in words
    struct CriterionLine {
        Criterion criterion;
        bool applicable = true;
        double score = 0.0;
        std::string reason;
    };
    std::vector<CriterionLine> criteria;  // every criterion, in Criterion order
};

// The pair at matrix indices (household, group) of the run, explained with the
// roster as it is now. Precondition: indices in range of run.problem.
PairSummary summarizePair(const Roster& roster, const MatchingRun& run, int household, int group, bool dutch);

// [SECTION] Distributions -------------------------------------------------------------

constexpr int kDistributionBins = 10;  // 0-0.1, 0.1-0.2, ..., 0.9-1.0

struct ScoreDistribution {
    std::array<int, kDistributionBins> bins{};
    int counted = 0;        // pairs where the criterion applies
    int notApplicable = 0;  // pairs where it does not (no children, no interests given...)
    double mean = 0.0;      // over the counted pairs
};

struct ProposalDistributions {
    ScoreDistribution total;
    std::array<ScoreDistribution, kCriterionCount> criteria;
};

ProposalDistributions proposalDistributions(const MatchingRun& run);

}  // namespace welkom
