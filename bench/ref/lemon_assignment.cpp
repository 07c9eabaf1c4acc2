// Native reference for bench/run_solver_bench.sh: LEMON's NetworkSimplex
// (Debian's liblemon-dev; primal network simplex, block-search pivot rule) on
// the assignment problem as a min-cost flow: supply +1 per household, -1 per
// group, one arc per candidate pair with cost -score. Dense matrices from
// `solver_bench gen int|float|roster` give n^2 arcs, the national case only its
// same-municipality pairs (CSR). NetworkSimplex wants integer data: integer
// matrices are used as they are, doubles scaled by 2^40 and rounded
// (npy_matrix.h); the objective printed is the sum of the original values.
//
// Not part of the CMake project; the runner builds it:
//   g++ -O2 -std=c++17 -DNDEBUG bench/ref/lemon_assignment.cpp -o build/bench-ref/lemon_assignment -llemon
//   lemon_assignment dense <file.npy> <reps>  |  lemon_assignment national <prefix> <reps>
// prints "lemon <seconds> <objective> <cold seconds>": best of reps after a first (cold) call of NetworkSimplex set-up +
// run (building the LEMON graph from the matrix is excluded, as scipy's input set-up is).
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include "npy_matrix.h"

int main(int argc, char** argv) {
    const std::string kind = argc > 1 ? argv[1] : "";
    if (argc < 4 || (kind != "dense" && kind != "national")) {
        std::fprintf(stderr, "usage: lemon_assignment dense <file.npy> <reps> | national <prefix> <reps>\n");
        return 2;
    }
    RefMatrix m;
    const std::string err = kind == "dense" ? readDenseNpy(argv[2], m) : readNationalCsr(argv[2], m);
    if (!err.empty()) {
        std::fprintf(stderr, "lemon_assignment: %s\n", err.c_str());
        return 1;
    }
    const int reps = std::atoi(argv[3]) > 0 ? std::atoi(argv[3]) : 1;
    double scale = 1.0;
    const std::vector<std::int64_t> scores = m.integerScores(&scale);

    using Graph = lemon::SmartDigraph;
    Graph g;
    g.reserveNode(2 * m.n);
    g.reserveArc(static_cast<int>(m.entries()));
    std::vector<Graph::Node> households(m.n), groups(m.n);
    for (auto& v : households) v = g.addNode();
    for (auto& v : groups) v = g.addNode();
    Graph::NodeMap<int> supply(g);
    for (int i = 0; i < m.n; ++i) {
        supply[households[i]] = 1;
        supply[groups[i]] = -1;
    }
    // Arc ids follow insertion order, so arc k is matrix entry k.
    Graph::ArcMap<long long> cost(g);
    for (int r = 0; r < m.n; ++r) {
        const std::size_t begin = m.sparse ? static_cast<std::size_t>(m.rowStart[r]) : static_cast<std::size_t>(r) * m.n;
        const std::size_t end = m.sparse ? static_cast<std::size_t>(m.rowStart[r + 1]) : begin + m.n;
        for (std::size_t k = begin; k < end; ++k) {
            const int c = m.sparse ? static_cast<int>(m.column[k]) : static_cast<int>(k - begin);
            cost[g.addArc(households[r], groups[c])] = -scores[k];
        }
    }

    double best = 1e300, cold = 0;  // cold: the first call of the process; best: of the reps after it
    double objective = 0;
    for (int k = 0; k <= reps; ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        lemon::NetworkSimplex<Graph, int, long long> ns(g);
        ns.costMap(cost).supplyMap(supply);
        const auto status = ns.run();
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (status != lemon::NetworkSimplex<Graph, int, long long>::OPTIMAL) {
            std::fprintf(stderr, "lemon_assignment: no perfect assignment (status %d)\n", static_cast<int>(status));
            return 1;
        }
        if (k == 0)
            cold = s;
        else
            best = s < best ? s : best;
        objective = 0;
        for (Graph::ArcIt a(g); a != lemon::INVALID; ++a)
            if (ns.flow(a) > 0) objective += m.value(static_cast<std::size_t>(g.id(a)));
    }
    std::printf("lemon %.6f %.17g %.6f\n", best, objective, cold);
    return 0;
}
