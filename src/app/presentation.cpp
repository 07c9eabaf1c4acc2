#include "app/presentation.h"

#include <algorithm>
#include <cmath>

namespace welkom {
namespace {

Roster withWeight(const Roster& roster, Criterion criterion, double weight) {
    Roster copy = roster;
    copy.settings.weights[criterion] = weight;
    return copy;
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
    p.baseRun = runMatching(state.document->roster, state.matchMode);
    p.baseRun->revision = state.editRevision;
    p.whatIfRun = p.baseRun;
    p.whatIfWeight = state.document->roster.settings.weights[p.whatIfCriterion];
    p.buildStart = state.clock.now;
    p.buildSkipped = false;
    state.ui.focusPath = "/present/";
    ++state.ui.focusRequest;
}

void setWhatIfWeight(AppState& state, Criterion criterion, double weight) {
    if (!state.document) return;
    PresentationState& p = state.presentation;
    if (!p.baseRun || p.baseRun->revision != state.editRevision) startPresentation(state);
    p.whatIfCriterion = criterion;
    p.whatIfWeight = std::clamp(weight, 0.0, 3.0);
    p.whatIfRun = runMatching(withWeight(state.document->roster, criterion, p.whatIfWeight), state.matchMode);
    p.whatIfRun->revision = state.editRevision;
}

void skipBuildUp(AppState& state) { state.presentation.buildSkipped = true; }

void clearPresentation(AppState& state) {
    const Criterion criterion = state.presentation.whatIfCriterion;
    state.presentation = PresentationState{};
    state.presentation.whatIfCriterion = criterion;
}

}  // namespace welkom
