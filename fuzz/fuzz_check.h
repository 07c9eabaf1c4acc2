// FUZZ_CHECK: an invariant a fuzz target asserts. Unlike assert() it stays on
// in release builds and prints what broke before aborting, so libFuzzer saves
// the input as a crash.
//
//   FUZZ_CHECK(reloaded.ok(), "a roster we wrote must load again");
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond, what)                                                          \
    do {                                                                                \
        if (!(cond)) {                                                                  \
            std::fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s (%s)\n", __FILE__,     \
                         __LINE__, #cond, what);                                        \
            std::abort();                                                               \
        }                                                                               \
    } while (0)
