// Benchmark driver for the exact solvers (a program, not a test). The same
// source runs natively and under Node as wasm; bench/run_solver_bench.sh runs
// both next to scipy on identical matrices.
//
//   solver_bench gen <kind> <n> <seed> <out>       write the matrix for scipy: <out> is
//                                                  an .npy (dense) or a prefix for
//                                                  <out>.{indptr,indices,data}.npy (national)
//   solver_bench run <kind> <n> <seed> [reps] [memory]
//                                                  solve, print one result line;
//                                                  memory: kept (default, one
//                                                  SolverWorkspace for all calls),
//                                                  fresh (a new one per call: what
//                                                  every call paid before issue #20)
//                                                  or thread (no workspace passed:
//                                                  this thread's, as the app calls)
//
// kind: int      dense n x n, uniform integers 0..1000 (int64)
//       float    dense n x n, uniform doubles in [0,1)
//       roster   dense n x n from a generated roster (generateDemoRoster, n
//                households, n groups, one municipality): each pair's combined
//                score, 0 where a hard condition rules it out. Realistic: the
//                scores are weighted means of a few small fractions, so there
//                are many exact and near ties
//       national n x n in 40 municipalities, only same-municipality pairs
//                feasible (sparse), uniform doubles in [0,1)
//       rect     dense n x 4n (groups outnumber households), uniform doubles in [0,1)
//       sparse   n households x 4n/5 groups, each household ~300 feasible groups
//                (or all when fewer) picked at random, uniform doubles in [0,1):
//                at least n/5 households stay unmatched (sparse)
// Matrices come from a seeded splitmix64, so native and wasm see the same
// numbers. Output line:
//   "welkom <kind> <n> <seed> <warm seconds> <objective> <checksum> <cold seconds>"
// cold: the first solve in the process (fresh SolverWorkspace, nothing run
// before); warm: best of reps after one untimed smaller solve of the same kind
// (see warmUp), all with one SolverWorkspace kept between calls.
#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/best_total.h"
#include "core/demo_roster.h"
#include "core/scoring.h"

namespace {

using welkom::MatchRules;
using welkom::ScoreMatrix;

struct SplitMix {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
};

constexpr int kMunicipalities = 40;
int municipalityOf(int index, int n) { return static_cast<int>(static_cast<std::int64_t>(index) * kMunicipalities / n); }

std::vector<std::int64_t> intValues(int n, std::uint64_t seed) {
    SplitMix rng{seed};
    std::vector<std::int64_t> v(static_cast<std::size_t>(n) * n);
    for (auto& x : v) x = static_cast<std::int64_t>(rng.next() % 1001);
    return v;
}

std::vector<double> floatValues(int n, std::uint64_t seed, bool /*unused*/) {
    SplitMix rng{seed};
    std::vector<double> v(static_cast<std::size_t>(n) * n);
    for (auto& x : v) x = rng.unit();
    return v;
}

std::vector<double> rosterValues(int n, std::uint64_t seed) {
    const welkom::Roster roster = welkom::generateDemoRoster({n, n, 1, seed});
    const welkom::Scorer scorer(roster);
    std::vector<double> v(static_cast<std::size_t>(n) * n, 0.0);
    for (std::size_t h = 0; h < static_cast<std::size_t>(n); ++h)
        for (std::size_t g = 0; g < static_cast<std::size_t>(n); ++g)
            if (scorer.passesIntrinsic(h, g)) v[h * static_cast<std::size_t>(n) + g] = scorer.total(h, g);
    return v;
}

ScoreMatrix<double> nationalMatrix(int n, std::uint64_t seed) {
    SplitMix rng{seed};
    auto m = ScoreMatrix<double>::sparse(n);
    std::vector<ScoreMatrix<double>::Entry> row;
    for (int h = 0; h < n; ++h) {
        row.clear();
        for (int g = 0; g < n; ++g)
            if (municipalityOf(h, n) == municipalityOf(g, n)) row.push_back({g, rng.unit()});
        m.addRow(row);
    }
    return m;
}

int rectGroups(int n) { return 4 * n; }
int sparseGroups(int n) { return 4 * n / 5; }

std::vector<double> rectValues(int n, std::uint64_t seed) {
    SplitMix rng{seed};
    std::vector<double> v(static_cast<std::size_t>(n) * static_cast<std::size_t>(rectGroups(n)));
    for (auto& x : v) x = rng.unit();
    return v;
}

ScoreMatrix<double> sparseMatrix(int n, std::uint64_t seed) {
    SplitMix rng{seed};
    const int G = sparseGroups(n);
    const int per = G < 300 ? G : 300;
    auto m = ScoreMatrix<double>::sparse(G);
    std::vector<char> taken(static_cast<std::size_t>(G));
    std::vector<ScoreMatrix<double>::Entry> row;
    for (int h = 0; h < n; ++h) {
        std::fill(taken.begin(), taken.end(), 0);
        for (int k = 0; k < per;) {
            const auto g = static_cast<std::size_t>(rng.next() % static_cast<std::uint64_t>(G));
            if (!taken[g]) {
                taken[g] = 1;
                ++k;
            }
        }
        row.clear();
        for (int g = 0; g < G; ++g)
            if (taken[static_cast<std::size_t>(g)]) row.push_back({g, rng.unit()});
        m.addRow(row);
    }
    return m;
}

template <typename T>
std::uint64_t checksum(const std::vector<T>& v) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const T& x : v) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &x, sizeof(bits));
        h = (h ^ bits) * 1099511628211ULL;
    }
    return h;
}

// shape: "(n, n)" or "(k,)".
bool writeNpy(const std::string& path, const void* data, std::size_t bytes, const char* descr, const std::string& shape) {
    std::string header = std::string("{'descr': '") + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    std::size_t total = 10 + header.size() + 1;
    header.append((64 - total % 64) % 64, ' ');
    header.push_back('\n');
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return false;
    const unsigned char magic[8] = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    std::uint16_t len = static_cast<std::uint16_t>(header.size());
    unsigned char lenBytes[2] = {static_cast<unsigned char>(len & 0xff), static_cast<unsigned char>(len >> 8)};
    bool ok = std::fwrite(magic, 1, 8, f) == 8 && std::fwrite(lenBytes, 1, 2, f) == 2 &&
              std::fwrite(header.data(), 1, header.size(), f) == header.size() &&
              std::fwrite(data, 1, bytes, f) == bytes;
    return std::fclose(f) == 0 && ok;
}

double seconds(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// The first solve of the process (cold), then warmUp, then best of reps (warm).
enum class Memory { Kept, Fresh, Thread };
Memory g_memory = Memory::Kept;

template <typename S>
welkom::Matching<S> solve(const ScoreMatrix<S>& m, welkom::SolverWorkspace& kept) {
    if (g_memory == Memory::Thread) return welkom::solveBestTotal(m, MatchRules<S>{});
    if (g_memory == Memory::Kept) return welkom::solveBestTotal(m, MatchRules<S>{}, kept);
    welkom::SolverWorkspace fresh;
    return welkom::solveBestTotal(m, MatchRules<S>{}, fresh);
}

template <typename S, typename WarmUp>
int runSolve(const char* kind, int n, std::uint64_t seed, int reps, const ScoreMatrix<S>& m, std::uint64_t sum,
             WarmUp warmUp) {
    welkom::SolverWorkspace ws;
    auto t0 = std::chrono::steady_clock::now();
    welkom::Matching<S> r = solve(m, ws);
    const double cold = seconds(t0);
    warmUp(ws);
    double best = 1e300;
    for (int k = 0; k < reps; ++k) {
        t0 = std::chrono::steady_clock::now();
        r = solve(m, ws);
        best = std::min(best, seconds(t0));
    }
    if (!r.ok()) {
        std::fprintf(stderr, "solver status %s\n", welkom::toString(r.status));
        return 1;
    }
    std::printf("welkom %s %d %" PRIu64 " %.6f %.17g %016" PRIx64 " %.6f\n", kind, n, seed, best,
                static_cast<double>(r.total), sum, cold);
    return 0;
}

// One untimed solve of a smaller matrix of the same kind before timing. In
// wasm, V8 first runs each function from its baseline compiler and swaps in
// optimised code only for later calls once a function has proved hot, so the
// first solve in a fresh process (or page) is slower; the others are native
// and gain nothing from it. Timings are of the warmed-up solver, like every
// "best of N" here.
void warmUp(const std::string& kind, int n, std::uint64_t seed, welkom::SolverWorkspace& ws) {
    const int w = n < 600 ? n : 600;
    if (kind == "int") {
        (void)welkom::solveBestTotal(ScoreMatrix<std::int64_t>::dense(w, w, intValues(w, seed + 1)), MatchRules<std::int64_t>{}, ws);
    } else if (kind == "national") {
        (void)welkom::solveBestTotal(nationalMatrix(w, seed + 1), MatchRules<double>{}, ws);
    } else if (kind == "sparse") {
        (void)welkom::solveBestTotal(sparseMatrix(w, seed + 1), MatchRules<double>{}, ws);
    } else if (kind == "rect") {
        const int h = w / 4;
        (void)welkom::solveBestTotal(ScoreMatrix<double>::dense(h, rectGroups(h), rectValues(h, seed + 1)), MatchRules<double>{}, ws);
    } else {
        auto v = kind == "float" ? floatValues(w, seed + 1, false) : rosterValues(w, seed + 1);
        (void)welkom::solveBestTotal(ScoreMatrix<double>::dense(w, w, std::move(v)), MatchRules<double>{}, ws);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr, "usage: solver_bench gen|run int|float|roster|national <n> <seed> [out.npy | reps]\n");
        return 2;
    }
    const std::string mode = argv[1], kind = argv[2];
    const int n = std::atoi(argv[3]);
    const std::uint64_t seed = std::strtoull(argv[4], nullptr, 10);
    if (n <= 0 || (kind != "int" && kind != "float" && kind != "roster" && kind != "national" && kind != "rect" &&
                   kind != "sparse")) {
        std::fprintf(stderr, "bad kind or size\n");
        return 2;
    }
    if (mode == "gen") {
        if (argc < 6) return 2;
        const std::string square = "(" + std::to_string(n) + ", " + std::to_string(n) + ")";
        if (kind == "int") {
            auto v = intValues(n, seed);
            return writeNpy(argv[5], v.data(), v.size() * sizeof(v[0]), "<i8", square) ? 0 : 1;
        }
        if (kind == "float" || kind == "roster") {
            auto v = kind == "float" ? floatValues(n, seed, false) : rosterValues(n, seed);
            return writeNpy(argv[5], v.data(), v.size() * sizeof(v[0]), "<f8", square) ? 0 : 1;
        }
        if (kind == "rect") {
            auto v = rectValues(n, seed);
            const std::string shape = "(" + std::to_string(n) + ", " + std::to_string(rectGroups(n)) + ")";
            return writeNpy(argv[5], v.data(), v.size() * sizeof(v[0]), "<f8", shape) ? 0 : 1;
        }
        // national, sparse: CSR in three files <out>.indptr.npy, <out>.indices.npy, <out>.data.npy
        auto m = kind == "national" ? nationalMatrix(n, seed) : sparseMatrix(n, seed);
        std::vector<std::int64_t> indptr(m.rowStart().begin(), m.rowStart().end());
        std::vector<std::int64_t> indices(m.arcGroup().begin(), m.arcGroup().end());
        const std::string out = argv[5];
        auto vec = [](std::size_t k) { return "(" + std::to_string(k) + ",)"; };
        bool ok = writeNpy(out + ".indptr.npy", indptr.data(), indptr.size() * 8, "<i8", vec(indptr.size())) &&
                  writeNpy(out + ".indices.npy", indices.data(), indices.size() * 8, "<i8", vec(indices.size())) &&
                  writeNpy(out + ".data.npy", m.values().data(), m.values().size() * 8, "<f8", vec(m.values().size()));
        return ok ? 0 : 1;
    }
    if (mode != "run") return 2;
    const int reps = argc > 5 ? std::atoi(argv[5]) : 1;
    const std::string memory = argc > 6 ? argv[6] : "kept";
    if (memory != "kept" && memory != "fresh" && memory != "thread") {
        std::fprintf(stderr, "memory: kept, fresh or thread\n");
        return 2;
    }
    g_memory = memory == "fresh" ? Memory::Fresh : memory == "thread" ? Memory::Thread : Memory::Kept;
    auto warm = [&](welkom::SolverWorkspace& ws) { warmUp(kind, n, seed, ws); };
    if (kind == "int") {
        auto v = intValues(n, seed);
        std::uint64_t sum = checksum(v);
        auto m = ScoreMatrix<std::int64_t>::dense(n, n, std::move(v));
        return runSolve("int", n, seed, reps, m, sum, warm);
    }
    if (kind == "float" || kind == "roster") {
        auto v = kind == "float" ? floatValues(n, seed, false) : rosterValues(n, seed);
        std::uint64_t sum = checksum(v);
        auto m = ScoreMatrix<double>::dense(n, n, std::move(v));
        return runSolve(kind.c_str(), n, seed, reps, m, sum, warm);
    }
    if (kind == "rect") {
        auto v = rectValues(n, seed);
        std::uint64_t sum = checksum(v);
        auto m = ScoreMatrix<double>::dense(n, rectGroups(n), std::move(v));
        return runSolve("rect", n, seed, reps, m, sum, warm);
    }
    auto m = kind == "national" ? nationalMatrix(n, seed) : sparseMatrix(n, seed);
    return runSolve(kind.c_str(), n, seed, reps, m, checksum(m.values()), warm);
}
