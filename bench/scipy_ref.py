#!/usr/bin/env python3
"""Native references for bench/run_solver_bench.sh: scipy's linear_sum_assignment
(dense, Crouse's shortest augmenting path) and min_weight_full_bipartite_matching
(sparse, LAPJVsp) on a matrix written by `solver_bench gen`. Both maximise.

usage: scipy_ref.py dense <file.npy> <reps>
       scipy_ref.py national <prefix> <reps>
prints: "<method> <seconds> <objective>" per method (best of reps, call only).
"""
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching


def best_time(fn, reps):
    best, result = None, None
    for _ in range(reps):
        t0 = time.perf_counter()
        result = fn()
        t = time.perf_counter() - t0
        best = t if best is None or t < best else best
    return best, result


def main():
    kind, path, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if kind == "dense":
        a = np.load(path)
        t, (r, c) = best_time(lambda: linear_sum_assignment(a, maximize=True), reps)
        print("scipy_lsa %.6f %.17g" % (t, float(a[r, c].sum())))
        # Sparse matrices drop explicit zeros: shift scores by +1 (every row gets
        # exactly one column, so the objective shifts by n) and undo it.
        b = csr_matrix(a.astype(np.float64) + 1.0)
        t, (r, c) = best_time(lambda: min_weight_full_bipartite_matching(b, maximize=True), reps)
        print("scipy_sparse %.6f %.17g" % (t, float(a[r, c].sum())))
    else:
        indptr = np.load(path + ".indptr.npy")
        indices = np.load(path + ".indices.npy")
        data = np.load(path + ".data.npy")
        n = len(indptr) - 1
        b = csr_matrix((data + 1.0, indices, indptr), shape=(n, n))
        t, (r, c) = best_time(lambda: min_weight_full_bipartite_matching(b, maximize=True), reps)
        print("scipy_sparse %.6f %.17g" % (t, float(np.asarray(b[r, c]).sum() - n)))


if __name__ == "__main__":
    main()
