#include "app/presentation.h"

#include <algorithm>
#include <cmath>

#include "app/matching_wire.h"

namespace welkom {
namespace {

// The setting of the roster's own weight for the slider's criterion: what-if
// runs with it are the base run.
WhatIfSetting rosterSetting(const AppState& state, Criterion criterion) {
    return {criterion, state.document->roster.settings.weights[criterion]};
}

// Ends the presentation's runs still in the worker: their results are no longer wanted.
void cancelPresentationRuns(AppState& state) {
    cancelJobs(state, JobPurpose::PresentationBase);
    cancelJobs(state, JobPurpose::WhatIf);
}

bool baseRunIsCurrent(const AppState& state) {
    return state.presentation.baseRun && state.presentation.baseRun->revision == state.editRevision;
}

// Starts the run with the roster's own weights; the what-if run follows once
// it is in. Drops the runs shown until then: they belong to another roster.
void startBaseRun(AppState& state) {
    cancelPresentationRuns(state);
    PresentationState& p = state.presentation;
    p.baseRun.reset();
    p.whatIfRun.reset();
    RunningJob running;
    running.purpose = JobPurpose::PresentationBase;
    running.revision = state.editRevision;
    startJob(state, matchJobForDocument(state), std::move(running));
}

// Brings the what-if run up to the slider's setting: at most one job at a
// time, so a drag never queues up runs; the finished job asks again if the
// slider moved on meanwhile.
void requestWhatIfRun(AppState& state) {
    PresentationState& p = state.presentation;
    if (!baseRunIsCurrent(state) || findRunningJob(state, JobPurpose::WhatIf)) return;
    const WhatIfSetting wanted{p.whatIfCriterion, p.whatIfWeight};
    if (wanted == p.shown && p.whatIfRun) return;
    if (wanted == rosterSetting(state, wanted.criterion)) {  // the base run is that run
        p.whatIfRun = p.baseRun;
        p.shown = wanted;
        return;
    }
    CriterionWeights weights = state.document->roster.settings.weights;
    weights[wanted.criterion] = wanted.weight;
    p.computing = wanted;
    RunningJob running;
    running.purpose = JobPurpose::WhatIf;
    running.revision = state.editRevision;
    startJob(state, matchJobForDocument(state, weights), std::move(running));
}

}  // namespace

std::size_t visibleLinkCount(const AppState& state) {
    const PresentationState& p = state.presentation;
    if (!p.whatIfRun) return 0;
    const std::size_t total = p.whatIfRun->pairs.size();
    if (p.buildSkipped || total == 0) return total;
    const double elapsed = state.clock.now - p.buildStart;
    if (elapsed < 0.0) return 0;
    // One link every kBuildUpSeconds / total seconds, the first at once.
    const double shown = std::floor(elapsed / (kBuildUpSeconds / static_cast<double>(total))) + 1.0;
    return shown >= static_cast<double>(total) ? total : static_cast<std::size_t>(shown);
}

bool buildUpComplete(const AppState& state) {
    return state.presentation.whatIfRun && visibleLinkCount(state) == state.presentation.whatIfRun->pairs.size();
}

RunComparison whatIfChanges(const AppState& state) {
    const PresentationState& p = state.presentation;
    if (!p.baseRun || !p.whatIfRun) return {};
    return compareRuns(*p.baseRun, *p.whatIfRun);
}

void setPresentationMode(AppState& state, bool on) {
    if (on == state.ui.presentation) return;
    state.ui.presentation = on;
    if (on) {
        state.ui.scaleBeforePresentation = state.ui.uiScale;
        state.ui.uiScale = kPresentationScale;
        if (state.document) startPresentation(state);
    } else {
        state.ui.uiScale = state.ui.scaleBeforePresentation;
        clearPresentation(state);
        if (state.document) {
            state.ui.focusPath = "/matching/";
            ++state.ui.focusRequest;
        }
    }
}

void startPresentation(AppState& state) {
    if (!state.document) return;
    PresentationState& p = state.presentation;
    p.whatIfWeight = state.document->roster.settings.weights[p.whatIfCriterion];
    p.buildSkipped = false;
    startBaseRun(state);
    state.ui.focusPath = "/present/";
    ++state.ui.focusRequest;
}

void finishPresentationRun(AppState& state, const RunningJob& job, JobOutput& output) {
    Result<MatchingRun> run = decodeMatchingOutput(output);
    if (!run) {
        state.errors.push_back(run.error());
        return;
    }
    if (!state.document) return;
    if (job.revision != state.editRevision) {  // edited meanwhile: the base run again, of the roster now
        if (job.purpose == JobPurpose::PresentationBase && state.ui.presentation) startBaseRun(state);
        return;
    }
    PresentationState& p = state.presentation;
    run->revision = job.revision;
    if (job.purpose == JobPurpose::PresentationBase) {
        p.baseRun = std::move(*run);
        p.whatIfRun = p.baseRun;
        p.shown = rosterSetting(state, p.whatIfCriterion);
        p.buildStart = state.clock.now;
    } else if (baseRunIsCurrent(state)) {
        p.whatIfRun = std::move(*run);
        p.shown = p.computing;
    }
    requestWhatIfRun(state);  // the slider may have moved on
}

void setWhatIfWeight(AppState& state, Criterion criterion, double weight) {
    if (!state.document) return;
    PresentationState& p = state.presentation;
    p.whatIfCriterion = criterion;
    p.whatIfWeight = std::clamp(weight, 0.0, 3.0);
    if (!baseRunIsCurrent(state) && !findRunningJob(state, JobPurpose::PresentationBase)) startBaseRun(state);
    requestWhatIfRun(state);
}

bool whatIfPending(const AppState& state) {
    const PresentationState& p = state.presentation;
    if (!state.document || !state.ui.presentation) return false;
    return findRunningJob(state, JobPurpose::PresentationBase) || findRunningJob(state, JobPurpose::WhatIf) ||
           !p.whatIfRun || p.shown != WhatIfSetting{p.whatIfCriterion, p.whatIfWeight};
}

void adoptWhatIfRun(AppState& state, const WhatIfSetting& adopted) {
    PresentationState& p = state.presentation;
    if (p.whatIfRun && p.shown == adopted) {
        // The what-if run was computed with what are now the roster's weights:
        // it is the new base run, with its links on screen already.
        cancelJobs(state, JobPurpose::WhatIf);
        p.whatIfRun->revision = state.editRevision;
        p.baseRun = p.whatIfRun;
    } else {
        startBaseRun(state);
    }
    p.buildSkipped = true;
}

void replayBuildUp(AppState& state) {
    if (!state.document) return;
    if (!baseRunIsCurrent(state)) return startPresentation(state);
    state.presentation.buildStart = state.clock.now;
    state.presentation.buildSkipped = false;
}

void skipBuildUp(AppState& state) { state.presentation.buildSkipped = true; }

void clearPresentation(AppState& state) {
    cancelPresentationRuns(state);
    const Criterion criterion = state.presentation.whatIfCriterion;
    state.presentation = PresentationState{};
    state.presentation.whatIfCriterion = criterion;
}

}  // namespace welkom
