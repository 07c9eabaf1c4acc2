#include "app/tour.h"

#include <algorithm>

namespace welkom {
namespace {

struct StepInfo {
    const char* panel;
    TextId title, body, task;
};

constexpr StepInfo kSteps[kTourStepCount] = {
    {"groups", TextId::TourGroupsTitle, TextId::TourGroupsBody, TextId::Count},
    {"households", TextId::TourHouseholdsTitle, TextId::TourHouseholdsBody, TextId::Count},
    {"matching", TextId::TourWeightsTitle, TextId::TourWeightsBody, TextId::Count},
    {"matching", TextId::TourRunTitle, TextId::TourRunBody, TextId::TourRunTask},
    {"matching", TextId::TourWhyTitle, TextId::TourWhyBody, TextId::TourWhyTask},
    {"matching", TextId::TourPinTitle, TextId::TourPinBody, TextId::TourPinTask},
};

const StepInfo& info(TourStep step) { return kSteps[static_cast<int>(step)]; }

bool currentRunExists(const AppState& state) {
    return state.document && state.matchingRun && state.matchingRun->revision == state.editRevision &&
           !state.matchingRun->pairs.empty();
}

std::size_t pinCount(const AppState& state) {
    if (!state.document) return 0;
    const auto& constraints = state.document->roster.constraints;
    return static_cast<std::size_t>(std::count_if(constraints.begin(), constraints.end(),
                                                  [](const Constraint& c) { return c.kind == ConstraintKind::Pin; }));
}

void showStepPanel(AppState& state) {
    state.ui.tour.pinsAtStepStart = pinCount(state);
    state.ui.focusPath = std::string("/") + tourPanel(currentTourStep(state)) + "/";
    ++state.ui.focusRequest;
    ++state.ui.tour.stepChanges;
}

}  // namespace

TourStep currentTourStep(const AppState& state) {
    return static_cast<TourStep>(std::clamp(state.ui.tour.step, 0, kTourStepCount - 1));
}

const char* tourPanel(TourStep step) { return info(step).panel; }
TextId tourTitle(TourStep step) { return info(step).title; }
TextId tourBody(TourStep step) { return info(step).body; }
TextId tourTask(TourStep step) { return info(step).task; }

bool tourStepDone(const AppState& state, TourStep step) {
    switch (step) {
        case TourStep::RunMatching: return currentRunExists(state);
        case TourStep::WhyPair: return state.pairDetail.has_value();
        case TourStep::TryPin: return pinCount(state) > state.ui.tour.pinsAtStepStart;
        default: return true;
    }
}

bool tourStepNeedsRun(const AppState& state, TourStep step) {
    if (step != TourStep::WhyPair && step != TourStep::TryPin) return false;
    return !state.pairDetail && !currentRunExists(state) && !tourStepDone(state, step);
}

std::string tourHighlight(const AppState& state) {
    const Language lang = state.ui.language;
    const TourStep step = currentTourStep(state);
    if (!state.document) return {};
    if (tourStepNeedsRun(state, step)) return tr(lang, TextId::MatchingRun);
    const Roster& roster = state.document->roster;
    // The explained pair's row, or else the first proposed pair's.
    auto pairRow = [&]() -> std::string {
        if (state.pairDetail) return "pair-" + roster.households[state.pairDetail->household].id;
        if (state.matchingRun && !state.matchingRun->pairs.empty())
            return "pair-" + roster.households[state.matchingRun->pairs.front().household].id;
        return {};
    };
    switch (step) {
        case TourStep::MeetGroups: return "groups";
        case TourStep::MeetHouseholds: return "households";
        case TourStep::Weights: return tr(lang, TextId::Weights);
        case TourStep::RunMatching: return tr(lang, TextId::MatchingRun);
        case TourStep::WhyPair: return pairRow();
        case TourStep::TryPin: return state.pairDetail ? tr(lang, TextId::PinPair) : pairRow();
    }
    return {};
}

void startTour(AppState& state) {
    if (!state.document) return;
    state.ui.tour.active = true;
    state.ui.tour.step = 0;
    showStepPanel(state);
}

void moveTour(AppState& state, int delta) {
    if (!state.ui.tour.active) return;
    const int next = state.ui.tour.step + delta;
    if (next >= kTourStepCount) {
        endTour(state);
        return;
    }
    state.ui.tour.step = std::max(0, next);
    showStepPanel(state);
}

void endTour(AppState& state) {
    state.ui.tour.active = false;
    state.ui.tour.step = 0;
}

}  // namespace welkom
