#include "app/outcomes_session.h"

#include <utility>

namespace welkom {

std::vector<Problem> checkInErrors(const Roster& roster, const CheckIn& checkIn, std::optional<std::size_t> index) {
    // The core rules need the whole roster (the match, its start, duplicate
    // ids), so they run on a copy holding the edit. Reachability is about
    // households, not check-ins: skipped, it is the expensive part.
    Roster copy = roster;
    std::size_t at = copy.checkIns.size();
    if (index && *index < copy.checkIns.size()) {
        at = *index;
        copy.checkIns[at] = checkIn;
    } else {
        copy.checkIns.push_back(checkIn);
    }
    ValidationOptions options;
    options.reachability = {};
    const std::string prefix = "/checkIns/" + std::to_string(at);
    std::vector<Problem> errors;
    for (Problem& p : validateRoster(copy, options)) {
        if (p.severity != Severity::Error) continue;
        const bool here = p.path.compare(0, prefix.size(), prefix) == 0 &&
                          (p.path.size() == prefix.size() || p.path[prefix.size()] == '/');
        if (here) errors.push_back(std::move(p));
    }
    return errors;
}

LearningRun runLearning(const Roster& roster, const std::vector<ResearchDataset>& datasets,
                        const SuccessDefinition& definition) {
    LearningRun run;
    run.definition = definition;
    std::vector<LearningSample> samples = learningSamples(roster, definition);
    run.rosterSamples = static_cast<int>(samples.size());
    for (const ResearchDataset& d : datasets) {
        std::vector<LearningSample> more = researchSamples(d.rows, definition);
        run.datasetSamples.push_back(static_cast<int>(more.size()));
        samples.insert(samples.end(), more.begin(), more.end());
    }
    run.fit = fitSuccessModel(samples);
    run.currentWeights = roster.settings.weights;
    run.proposal = proposeWeights(run.fit, run.currentWeights);
    if (run.proposal.proposed) run.backTest = backTest(roster, run.currentWeights, run.proposal.weights, run.fit);
    return run;
}

}  // namespace welkom
