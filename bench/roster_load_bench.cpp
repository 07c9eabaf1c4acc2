// Times the roster pipeline at the largest size the programme plans for:
// generate a 20,000 x 20,000 demo roster, write it, read it back (parse, map,
// validate). A benchmark, not a test: it prints numbers and checks nothing
// but success.
//
// Usage:
//   cmake --build build/native --target roster_load_bench && build/native/roster_load_bench [households groups]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/demo_roster.h"
#include "core/validation.h"
#include "io/roster_json.h"

namespace {

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
    using namespace welkom;
    const int households = argc > 1 ? std::atoi(argv[1]) : 20000;
    const int groups = argc > 2 ? std::atoi(argv[2]) : 20000;

    auto t0 = std::chrono::steady_clock::now();
    const Roster roster = generateDemoRoster({households, groups, 12, 1});
    std::printf("generate  %8.1f ms\n", msSince(t0));

    t0 = std::chrono::steady_clock::now();
    const std::string bytes = writeRoster(roster);
    std::printf("write     %8.1f ms  (%.1f MB)\n", msSince(t0), static_cast<double>(bytes.size()) / 1e6);

    t0 = std::chrono::steady_clock::now();
    const std::vector<Problem> problems = validateRoster(roster);
    std::printf("validate  %8.1f ms  (%zu problems)\n", msSince(t0), problems.size());

    t0 = std::chrono::steady_clock::now();
    std::vector<Problem> all;
    Result<LoadedRoster> loaded = loadRoster(bytes, &all);
    std::printf("load      %8.1f ms  (parse + map + validate)\n", msSince(t0));
    if (!loaded) {
        std::printf("load failed: %s\n", loaded.error().message.c_str());
        return 1;
    }
    std::printf("households %zu, groups %zu, matches %zu, warnings %zu\n", loaded->roster.households.size(),
                loaded->roster.groups.size(), loaded->roster.matches.size(), loaded->problems.size());
    return 0;
}
