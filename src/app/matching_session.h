// The coordinator's matching session: run the engine on the open roster,
// look at one pair in detail, compare with the previous run. Derived data
// only: nothing here is saved (decisions become constraints and matches in
// the roster through commands).
//
//   MatchingRun run = runMatching(roster, MatchMode::BestTotal);
//   PairDetail d = explainSelection(roster, run, householdIndex, groupIndex);
//   RunComparison c = compareRuns(previous, run);
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/matching_mode.h"
#include "core/scoring.h"

namespace welkom {

struct ProposedPair {
    std::size_t household = 0;  // roster indices
    std::size_t group = 0;
    double total = 0.0;
    std::array<double, kCriterionCount> scores{};
    std::array<bool, kCriterionCount> applicable{};
};

struct MatchingRun {
    MatchMode mode = MatchMode::BestTotal;
    std::uint64_t revision = 0;  // document edit revision it was computed on
    SolveStatus status = SolveStatus::Optimal;
    std::vector<ProposedPair> pairs;          // by household id
    std::vector<std::size_t> unmatched;       // roster indices of households left unmatched
    std::vector<std::string> conflicts;       // pins/active matches that cannot all be kept, in words
    std::vector<std::string> conflictsNl;
    double total = 0.0;
    double worst = 0.0;
    // Kept for explanations and alternatives of this run.
    MatchingProblem problem;
};

// `progress` hears the fraction of households scored (0..1), then -1 while
// the solver runs (its amount of work is not known in advance).
MatchingRun runMatching(const Roster& roster, MatchMode mode, const std::function<void(float)>& progress = {});

struct AlternativeGroup {
    std::size_t group = 0;  // roster index
    double score = 0.0;
    double loss = 0.0;      // drop in the run's total if this pair were forced
};

struct PairDetail {
    std::size_t household = 0, group = 0;  // roster indices
    PairReport report;                      // every hard condition and criterion, with reasons
    bool inProposal = false;
    std::vector<AlternativeGroup> alternatives;  // best options for the household (best-total)
    std::string whyNot;  // plain words when the pair is not proposed ("" otherwise)
    std::string whyNotNl;
};

// Detail of one pair of the run; `k` alternatives. Precondition: indices valid for the roster.
PairDetail explainSelection(const Roster& roster, const MatchingRun& run, std::size_t household, std::size_t group,
                            int k = 5);

struct RunChange {
    std::size_t household = 0;
    std::optional<std::size_t> before, after;  // group, or unmatched
    double scoreBefore = 0.0, scoreAfter = 0.0;
};

struct RunComparison {
    std::vector<RunChange> changes;  // households whose group differs
    double totalBefore = 0.0, totalAfter = 0.0;
    std::size_t matchedBefore = 0, matchedAfter = 0;
};

RunComparison compareRuns(const MatchingRun& before, const MatchingRun& after);

}  // namespace welkom
