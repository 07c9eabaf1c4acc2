// Outcomes in the app: checking a check-in before it goes into the roster,
// imported research datasets, and one run of the learning (fit, proposed
// weights, back-test) kept for the Learning panel. The statistics themselves
// live in core (learning.h, outcomes.h) and io (research_export.h); this only
// puts them together the way the interface needs them.
//
// Usage:
//   std::vector<Problem> errors = checkInErrors(roster, edited, index);   // empty: may be stored
//   LearningRun run = runLearning(roster, state.researchDatasets, state.successDefinition);
//   if (run.proposal.proposed) show(run.backTest);
//
// Why datasets are not in the roster: an imported extract belongs to another
// municipality; it is used for the learning while the roster is open and is
// never written into the coordinator's file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/learning.h"
#include "core/outcomes.h"
#include "core/roster.h"
#include "core/validation.h"
#include "io/research_export.h"

namespace welkom {

// An anonymised extract read with readResearchFile (research_export.h).
struct ResearchDataset {
    std::string name;  // file name as picked
    std::vector<ResearchRow> rows;
};

// The errors (not warnings) the core validation finds in `checkIn` once it
// is stored at `index` of roster.checkIns (nullopt: appended). Paths point
// into the check-in ("/checkIns/7/householdSatisfaction"). O(roster).
std::vector<Problem> checkInErrors(const Roster& roster, const CheckIn& checkIn, std::optional<std::size_t> index);

struct LearningRun {
    SuccessDefinition definition;
    int rosterSamples = 0;                     // roster matches with a known outcome
    std::vector<int> datasetSamples;           // per imported dataset, same order
    LogisticFit fit;
    WeightProposal proposal;
    CriterionWeights currentWeights;              // the roster's weights the proposal started from
    std::optional<BackTest> backTest;             // when proposed
    std::uint64_t revision = 0;                   // edit revision of the roster it ran on
};

// Fits the success model on the roster plus every dataset, proposes weights
// and back-tests the proposal. Never fails (refusals are in run.proposal).
LearningRun runLearning(const Roster& roster, const std::vector<ResearchDataset>& datasets,
                        const SuccessDefinition& definition);

}  // namespace welkom
