// Presentation mode: for an information evening with a projector. Large UI
// scale and high contrast, and a view where the matching proposal builds up
// link by link, with a "what if" weight for one criterion that re-runs the
// matching on a copy of the roster and shows which pairs change.
//
//   applyCommand(state, SetPresentationMode{true});  // scale 175 %, high contrast
//   applyCommand(state, StartDemo{});                  // builds the proposal up over kBuildUpSeconds
//   visibleLinkCount(state)                            // grows with state.clock.now (Tick)
//   applyCommand(state, SetWhatIfWeight{Criterion::Interests, 3.0});
//   whatIfChanges(state).changes.size()                // pairs that moved
//   applyCommand(state, AdoptWhatIfWeight{});          // only now an (undoable) roster edit
//
// The what-if weight never touches the document: undo does not see it until
// it is adopted. Every run is a matching job in the worker (jobs.h), so a
// drag of the slider never holds up a frame: while one what-if job runs, the
// slider only records where it is, and the job that finishes starts the next
// one for the newest setting (whatIfPending says whether one is still due).
// Natively and in tests the jobs run when runJobsInline is called.
#pragma once

#include <cstddef>

#include "app/app_state.h"

namespace welkom {

// Scale used while presenting, and how long the proposal takes to build up.
constexpr float kPresentationScale = 1.75f;
constexpr double kBuildUpSeconds = 3.0;

// Links of the what-if run shown at state.clock.now (all once the build-up is done).
std::size_t visibleLinkCount(const AppState& state);
bool buildUpComplete(const AppState& state);
// Households whose group differs between the roster's weights and the what-if weight.
RunComparison whatIfChanges(const AppState& state);

// Command helpers (commands.cpp).
void setPresentationMode(AppState& state, bool on);
// Runs the matching with the roster's weights and starts the build-up again
// when it is in; the what-if weight starts at the roster's weight.
void startPresentation(AppState& state);
// A presentation run (JobPurpose::PresentationBase or WhatIf) came back.
void finishPresentationRun(AppState& state, const RunningJob& job, JobOutput& output);
void setWhatIfWeight(AppState& state, Criterion criterion, double weight);
// The roster's weight was just set to `adopted`: the what-if run becomes the base.
void adoptWhatIfRun(AppState& state, const WhatIfSetting& adopted);
void replayBuildUp(AppState& state);
void skipBuildUp(AppState& state);
void clearPresentation(AppState& state);

// A presentation run is still running or due: the view does not yet show the
// slider's setting.
bool whatIfPending(const AppState& state);

}  // namespace welkom
