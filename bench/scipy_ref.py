#!/usr/bin/env python3
"""Native references for bench/run_solver_bench.sh: scipy's linear_sum_assignment
(dense, Crouse's shortest augmenting path) and min_weight_full_bipartite_matching
(sparse, LAPJVsp) on a matrix written by `solver_bench gen`. Both maximise.

usage: scipy_ref.py dense <file.npy> <reps>        (square or rectangular)
       scipy_ref.py national <prefix> <reps>       (whole graph, and one call per municipality)
       scipy_ref.py sparse <prefix> <reps>         (households may stay unmatched)
prints: "<method> <warm seconds> <objective> <cold seconds>" per method: cold = the
first call of the process, warm = best of the following reps (call only).
"""
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix, hstack, identity
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

MUNICIPALITIES = 40


def timed(fn, reps):
    """(cold, warm, result): the first call, then best of reps more."""
    t0 = time.perf_counter()
    result = fn()
    cold = time.perf_counter() - t0
    warm = None
    for _ in range(reps):
        t0 = time.perf_counter()
        result = fn()
        t = time.perf_counter() - t0
        warm = t if warm is None or t < warm else warm
    return cold, warm if warm is not None else cold, result


def report(name, cold, warm, objective):
    print("%s %.6f %.17g %.6f" % (name, warm, objective, cold))


def load_csr(path, shift, n_cols=None):
    indptr = np.load(path + ".indptr.npy")
    indices = np.load(path + ".indices.npy")
    data = np.load(path + ".data.npy")
    n = len(indptr) - 1
    cols = n_cols if n_cols is not None else n
    return csr_matrix((data + shift, indices, indptr), shape=(n, cols)), n


def main():
    kind, path, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if kind == "dense":
        a = np.load(path)
        cold, warm, (r, c) = timed(lambda: linear_sum_assignment(a, maximize=True), reps)
        report("scipy_lsa", cold, warm, float(a[r, c].sum()))
        # Sparse matrices drop explicit zeros: shift scores by +1 (every row gets
        # exactly one column, so the objective shifts by n) and undo it.
        b = csr_matrix(a.astype(np.float64) + 1.0)
        cold, warm, (r, c) = timed(lambda: min_weight_full_bipartite_matching(b, maximize=True), reps)
        report("scipy_sparse", cold, warm, float(a[r, c].sum()))
    elif kind == "national":
        b, n = load_csr(path, 1.0)
        cold, warm, (r, c) = timed(lambda: min_weight_full_bipartite_matching(b, maximize=True), reps)
        report("scipy_sparse", cold, warm, float(np.asarray(b[r, c]).sum() - n))
        # The same decomposition as Welkom's: one call per municipality (the
        # blocks of `solver_bench gen national`), times summed.
        bounds = [i * n // MUNICIPALITIES for i in range(MUNICIPALITIES + 1)]
        blocks = [b[lo:hi, lo:hi].tocsr() for lo, hi in zip(bounds, bounds[1:])]
        dense = [blk.toarray() - 1.0 for blk in blocks]
        def per_block(fn, mats):
            total_cold = total_warm = obj = 0.0
            for m in mats:
                cold, warm, (r, c) = timed(lambda: fn(m), reps)
                total_cold += cold
                total_warm += warm
                obj += float(np.asarray(m[r, c]).sum())
            return total_cold, total_warm, obj
        cold, warm, obj = per_block(lambda m: min_weight_full_bipartite_matching(m, maximize=True), blocks)
        report("scipy_sparse_pc", cold, warm, obj - n)
        cold, warm, obj = per_block(lambda m: linear_sum_assignment(m, maximize=True), dense)
        report("scipy_lsa_pc", cold, warm, obj)
    else:
        # Households may stay unmatched: one private zero-score column each
        # (scores shifted by +1 as above, so the private columns hold 1).
        b, n = load_csr(path, 1.0)
        b = hstack([b, identity(n, format="csr")]).tocsr()
        cold, warm, (r, c) = timed(lambda: min_weight_full_bipartite_matching(b, maximize=True), reps)
        report("scipy_sparse", cold, warm, float(np.asarray(b[r, c]).sum() - n))


if __name__ == "__main__":
    main()
