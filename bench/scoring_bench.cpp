// Benchmark of roster scoring (a program, not a test). The same source runs
// natively and under Node as wasm; bench/run_scoring_bench.sh builds both and
// prints them side by side.
//
//   scoring_bench <case> [reps] [seed]
//
// case: small     300 x 300 demo roster, one municipality (every pair is a
//                 candidate): buildMatchingProblem, then explain() of every
//                 pair (reasons as structures), then rendering every reason
//       mid       5000 x 5000, one municipality (25M candidate pairs): build
//       national  20,000 x 20,000 in 40 municipalities, groups allow no other
//                 municipality (only same-municipality pairs are candidates):
//                 build + solveBestTotal
// Rosters come from generateDemoRoster (same bytes on every platform); their
// generation is not timed. Output, one line per phase:
//   "scoring <case> <phase> <seconds> <pairs> <checksum>"
// where the checksum (FNV-1a over the matrix's score bits, or the total)
// shows native and wasm computed the same numbers.
#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>

#include "core/best_total.h"
#include "core/demo_roster.h"
#include "core/scoring.h"
#include "app/text/messages.h"

namespace {

using namespace welkom;

std::uint64_t checksum(const std::vector<double>& v) {
    std::uint64_t h = 1469598103934665603ULL;
    for (double x : v) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &x, sizeof(bits));
        h = (h ^ bits) * 1099511628211ULL;
    }
    return h;
}

double best(int reps, const std::function<void()>& f) {
    double b = 1e300;
    for (int k = 0; k < reps; ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        b = s < b ? s : b;
    }
    return b;
}

void line(const char* name, const char* phase, double seconds, long long pairs, std::uint64_t sum) {
    std::printf("scoring %s %s %.6f %lld %016" PRIx64 "\n", name, phase, seconds, pairs, sum);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: scoring_bench small|mid|national [reps] [seed]\n");
        return 2;
    }
    const std::string which = argv[1];
    const int reps = argc > 2 ? std::max(1, std::atoi(argv[2])) : 1;
    const std::uint64_t seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1;

    if (which == "small") {
        const Roster r = generateDemoRoster({300, 300, 1, seed});
        MatchingProblem p;
        const double build = best(reps, [&] { p = buildMatchingProblem(r); });
        line("small", "build", build, static_cast<long long>(p.matrix.feasiblePairs()), checksum(p.matrix.values()));
        Scorer s(r);
        std::uint64_t reasons = 0;
        const double explain = best(reps, [&] {
            reasons = 0;
            for (std::size_t h = 0; h < r.households.size(); ++h)
                for (std::size_t g = 0; g < r.groups.size(); ++g) {
                    const PairReport rep = s.explain(h, g);
                    reasons += rep.hard.size() + rep.soft.size();
                }
        });
        line("small", "explain_all", explain, 300LL * 300, reasons);
        std::uint64_t chars = 0;
        const double render = best(reps, [&] {
            chars = 0;
            for (std::size_t h = 0; h < r.households.size(); ++h)
                for (std::size_t g = 0; g < r.groups.size(); ++g) {
                    const PairReport rep = s.explain(h, g);
                    for (const HardVerdict& v : rep.hard) chars += renderReason(v.reason, true).size();
                    for (const CriterionResult& c : rep.soft) chars += renderReason(c.reason, true).size();
                }
        });
        line("small", "explain_render_all", render, 300LL * 300, chars);
        return 0;
    }
    if (which == "mid") {
        const Roster r = generateDemoRoster({5000, 5000, 1, seed});
        MatchingProblem p;
        const double build = best(reps, [&] { p = buildMatchingProblem(r); });
        line("mid", "build", build, static_cast<long long>(p.matrix.feasiblePairs()), checksum(p.matrix.values()));
        return 0;
    }
    if (which == "national") {
        Roster r = generateDemoRoster({20000, 20000, 40, seed});
        for (WelcomeGroup& g : r.groups) g.allowedMunicipalities.clear();
        MatchingProblem p;
        Matching<double> m;
        double buildS = 1e300, solveS = 1e300, both = 1e300;
        for (int k = 0; k < reps; ++k) {
            const auto t0 = std::chrono::steady_clock::now();
            p = buildMatchingProblem(r);
            const auto t1 = std::chrono::steady_clock::now();
            m = solveBestTotal(p.matrix, p.rules);
            const auto t2 = std::chrono::steady_clock::now();
            buildS = std::min(buildS, std::chrono::duration<double>(t1 - t0).count());
            solveS = std::min(solveS, std::chrono::duration<double>(t2 - t1).count());
            both = std::min(both, std::chrono::duration<double>(t2 - t0).count());
        }
        if (!m.ok()) {
            std::fprintf(stderr, "solver status %s (%zu conflicts)\n", toString(m.status), m.conflicts.size());
            return 1;
        }
        std::uint64_t totalBits = 0;
        std::memcpy(&totalBits, &m.total, sizeof(totalBits));
        line("national", "build", buildS, static_cast<long long>(p.matrix.feasiblePairs()), checksum(p.matrix.values()));
        line("national", "solve", solveS, m.matched, totalBits);
        line("national", "build+solve", both, m.matched, totalBits);
        return 0;
    }
    std::fprintf(stderr, "unknown case '%s'\n", which.c_str());
    return 2;
}
