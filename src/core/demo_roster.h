// Generates a fictitious roster for information evenings, try-outs and
// benchmarks: households with backgrounds of people who actually arrive in the
// Netherlands (Syrian, Eritrean, Afghan, Turkish, Ukrainian, Yemeni) and
// welcome groups of Dutch residents of varied ages and occupations, spread
// over K municipalities, with plausible household sizes, languages and levels,
// interests and goals from the vocabularies, and a few matches in every stage
// of the lifecycle. Names are combinations of common first and family names,
// contacts are @example.org, and the roster is marked isDemo.
//
// Usage:
//   Roster demo = generateDemoRoster({/*households=*/60, /*groups=*/40, /*municipalities=*/4, /*seed=*/7});
//
// Deterministic: the same options give the same roster, byte for byte once
// written, on every platform (see rng.h). The result validates without errors
// (warnings such as "no group can take this household" are realistic and kept).
// Cost: linear in households + groups; 20,000 x 20,000 takes well under a second.
#pragma once

#include <cstdint>

#include "core/roster.h"

namespace welkom {

struct DemoRosterOptions {
    int households = 40;      // clamped to 0..50,000
    int groups = 30;          // clamped to 0..50,000
    int municipalities = 4;   // clamped to 1..40; the first four are the pilot cities
    std::uint64_t seed = 1;
};

Roster generateDemoRoster(const DemoRosterOptions& options);

}  // namespace welkom
