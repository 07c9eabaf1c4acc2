// Guided demo tour: six steps through the demo roster, from meeting the
// groups to pinning a pair. The tour's logic lives here (which panel a step
// shows, what it points at, when its task is done); the interface only draws
// the small tour window and the highlight (ui/tour_window.h).
//
//   applyCommand(state, StartDemo{});
//   applyCommand(state, StartTour{});           // step 0: meet the groups
//   tourStepDone(state, currentTourStep(state)) // reading steps are done at once
//   applyCommand(state, TourNext{});            // brings the step's panel to the front
//
// A step can always be skipped with Next: the tour guides, it does not block.
// Steps that need an earlier step's result (a pair needs a matching run) say
// so with tourStepNeedsRun() and point back at the Run button.
#pragma once

#include <string>

#include "app/app_state.h"
#include "app/texts.h"

namespace welkom {

enum class TourStep { MeetGroups, MeetHouseholds, Weights, RunMatching, WhyPair, TryPin };
constexpr int kTourStepCount = 6;

TourStep currentTourStep(const AppState& state);

// Panel id the step brings to the front ("groups", "matching").
const char* tourPanel(TourStep step);
TextId tourTitle(TourStep step);
TextId tourBody(TourStep step);
// What the coordinator is asked to do, or TextId::Count for a reading step.
TextId tourTask(TourStep step);

// Whether the step's task is done (reading steps: always).
//   RunMatching: a matching run of the current roster exists
//   WhyPair:     a pair's explanation is open
//   TryPin:      the roster holds more pins than when the step began
bool tourStepDone(const AppState& state, TourStep step);
// The step explains a proposal that is not there yet: no current run.
bool tourStepNeedsRun(const AppState& state, TourStep step);

// Label of the item the step points at, as the item registry knows it
// (ui/item_registry.h): a tab's id, a button's text in the current language, or
// the first proposed pair's row ("pair-h12"). Empty: nothing to point at.
std::string tourHighlight(const AppState& state);

// Command helpers (commands.cpp): start at the first step, move, end.
void startTour(AppState& state);
void moveTour(AppState& state, int delta);  // past the last step ends the tour
void endTour(AppState& state);

}  // namespace welkom
