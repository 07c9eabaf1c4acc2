// Fixture documents for the app tests.
//   AppState state = demoWithRun();   // the built-in demo, matched (best total)
#pragma once

#include "app/commands.h"

namespace welkom {

inline AppState demoWithRun() {
    AppState state;
    state.clock.today = "2027-03-01";
    applyCommand(state, StartDemo{});
    applyCommand(state, RunMatching{MatchMode::BestTotal});
    runJobsInline(state);
    return state;
}

}  // namespace welkom
