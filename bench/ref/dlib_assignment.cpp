// Native reference for bench/run_solver_bench.sh: dlib's max_cost_assignment
// (Debian's libdlib-dev; the O(n^3) Hungarian method of Kuhn-Munkres with
// slack variables) on a dense matrix written by `solver_bench gen int|float|roster`.
// dlib needs integer costs: integer matrices are used as they are, double
// matrices scaled by 2^40 and rounded (npy_matrix.h); the objective printed is
// always the sum of the original values of the chosen pairs. The sparse
// national case has no dense form that fits (20,000^2 x 8 bytes): refused.
//
// Not part of the CMake project; the runner builds it:
//   g++ -O2 -std=c++17 -DNDEBUG -DDLIB_NO_GUI_SUPPORT bench/ref/dlib_assignment.cpp -o build/bench-ref/dlib_assignment
//   dlib_assignment dense <file.npy> <reps>
// prints "dlib <seconds> <objective> <cold seconds>": best of reps after a first (cold) call, the solve call only
// (building dlib's matrix is excluded, as scipy's input set-up is).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <dlib/matrix.h>
#include <dlib/optimization/max_cost_assignment.h>

#include "npy_matrix.h"

int main(int argc, char** argv) {
    if (argc < 4 || std::string(argv[1]) != "dense") {
        std::fprintf(stderr, "usage: dlib_assignment dense <file.npy> <reps> (dense matrices only)\n");
        return 2;
    }
    RefMatrix m;
    if (std::string err = readDenseNpy(argv[2], m); !err.empty()) {
        std::fprintf(stderr, "dlib_assignment: %s\n", err.c_str());
        return 1;
    }
    const int reps = std::atoi(argv[3]) > 0 ? std::atoi(argv[3]) : 1;
    double scale = 1.0;
    const std::vector<std::int64_t> scores = m.integerScores(&scale);
    dlib::matrix<long> cost(m.n, m.n);
    for (long r = 0; r < m.n; ++r)
        for (long c = 0; c < m.n; ++c) cost(r, c) = static_cast<long>(scores[static_cast<std::size_t>(r) * m.n + c]);

    double best = 1e300, cold = 0;  // cold: the first call of the process; best: of the reps after it
    std::vector<long> assignment;
    for (int k = 0; k <= reps; ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        assignment = dlib::max_cost_assignment(cost);
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (k == 0)
            cold = s;
        else
            best = s < best ? s : best;
    }
    double objective = 0;
    for (long r = 0; r < m.n; ++r) objective += m.value(static_cast<std::size_t>(r) * m.n + assignment[r]);
    std::printf("dlib %.6f %.17g %.6f\n", best, objective, cold);
    return 0;
}
