// Fixture documents for the app tests.
//   AppState state = demoWithRun();   // the built-in demo, matched (best total)
//   Roster r = oneHouseholdRoster();  // the smallest valid roster (fictitious)
#pragma once

#include <string>

#include "app/commands.h"

namespace welkom {

// Fast scrypt for tests that encrypt (the app's default is the age default, 18).
constexpr int kFastWorkFactor = 10;
inline const std::string kPassphrase = "fiets boom water zon";

inline Roster oneHouseholdRoster() {
    Roster roster;
    roster.programmeName = "Voorbeeldstad 2027";
    Household h;
    h.id = "h1";
    h.displayName = "Familie Fictief";
    h.municipality = "Voorbeeldstad";
    h.members.push_back({34, Gender::Female, MemberRole::Adult, {{"ar", LanguageLevel::Native}}, {}});
    h.consent.toMatching = true;
    h.consent.toMatchingDate = "2027-01-15";
    roster.households.push_back(h);
    return roster;
}

inline AppState demoWithRun() {
    AppState state;
    state.clock.today = "2027-03-01";
    applyCommand(state, StartDemo{});
    applyCommand(state, RunMatching{MatchMode::BestTotal});
    runJobsInline(state);
    return state;
}

}  // namespace welkom
