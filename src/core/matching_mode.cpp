#include "core/matching_mode.h"

#include "core/best_total.h"
#include "core/fair_matching.h"
#include "core/stable_matching.h"

namespace welkom {

std::string_view toString(MatchMode mode) {
    switch (mode) {
        case MatchMode::BestTotal: return "total";
        case MatchMode::Fair: return "fair";
        case MatchMode::Stable: return "stable";
    }
    return "total";
}

bool parseMatchMode(std::string_view name, MatchMode& out) {
    for (MatchMode mode : {MatchMode::BestTotal, MatchMode::Fair, MatchMode::Stable}) {
        if (toString(mode) == name) {
            out = mode;
            return true;
        }
    }
    return false;
}

Matching<double> solveMatching(const MatchingProblem& problem, MatchMode mode) {
    switch (mode) {
        case MatchMode::Fair: return solveFair(problem.matrix, problem.rules);
        case MatchMode::Stable: return solveStable(problem.matrix, problem.rules);
        case MatchMode::BestTotal: break;
    }
    return solveBestTotal(problem.matrix, problem.rules);
}

}  // namespace welkom
