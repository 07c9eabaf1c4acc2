// The three ways Welkom proposes a matching, behind one call, so the CLI and
// the workspace choose a mode the same way.
//   Matching<double> m = solveMatching(problem, MatchMode::Fair);
#pragma once

#include <string_view>

#include "core/assignment_problem.h"
#include "core/scoring.h"

namespace welkom {

enum class MatchMode : std::uint8_t {
    BestTotal,  // highest total score (best_total.h)
    Fair,       // most households matched, then the best worst score, then the total (fair_matching.h)
    Stable,     // no household and group would both rather be together (stable_matching.h)
};

std::string_view toString(MatchMode mode);  // "total", "fair", "stable"
bool parseMatchMode(std::string_view name, MatchMode& out);

Matching<double> solveMatching(const MatchingProblem& problem, MatchMode mode);

}  // namespace welkom
