// Internal: the one min-cost assignment kernel behind every optimising solver
// (best total, fair, the what-if answers). Callers go through best_total.h,
// fair_matching.h and match_explain.h; this header is for them and for tests.
//
// Problem: rows (households) and columns (groups, capacity >= 1 each), arc
// costs c(i,j) (the negated score), and every row may instead take a private
// "unmatched" option of cost 0. Find the assignment of every row to one
// column or to its unmatched option, columns within capacity, of minimum total
// cost. That is exactly a maximum-weight (not necessarily perfect) b-matching.
//
// Algorithm: Jonker & Volgenant, "A shortest augmenting path algorithm for
// dense and sparse linear assignment problems", Computing 38 (1987), adapted:
//  0. Perfect instances only (square, every arc present, capacities 1, no
//     positive cost: matching everyone is optimal): JV's column reduction and
//     reduction transfer. When that leaves more than 60 % of the rows free
//     (column minima on a few rows: real score matrices, where some
//     households suit every group), start over from the Hungarian method's
//     row-then-column reduced prices and give each row a tight column
//     (reduced cost at its row minimum) that still has room.
//  1. Augmenting row reduction (JV's auction-like phase), two passes, over
//     the rows still free (all rows, from zero prices, in general); on
//     perfect instances then rounds of "tight column with room" and one more
//     pass while a round places a tenth of the free rows.
//  2. For each row still free, one shortest augmenting path (Dijkstra on
//     reduced costs): dense = JV's array scan with the "min set" (the sweep
//     that relaxes also finds the next minimum when it is unique); sparse =
//     binary heap over the CSR (like LAPJVsp). Terminals are a column with
//     free capacity or the private unmatched option of any row on the tree.
// Capacities are handled in the path search itself (a full column leads on to
// all rows it holds), not by copying columns. The unmatched options need no
// price: every row's option costs 0 and, as in Crouse's rectangular variant
// (IEEE TAES 52(4), 2016), prices of columns with free capacity stay 0, so
// the prices are optimal duals of the LP with "<= capacity" columns. JV's
// column reduction would price columns that may end up with free capacity,
// hence step 0 only for perfect instances.
// Complexity: O(R^2 C) worst case dense, O(R (A + C) log C) sparse (R rows, C
// columns, A arcs); random dense instances run far below the bound because
// row reduction assigns most rows.
//
// T is the cost type: int64_t, double, or Lex<S> (lexicographic pairs, for
// "most matches first, then best total" without big-M precision loss).
//
// Memory per call of solveLap(view, workspace): none, once the workspace has
// solved a problem with at least as many rows and columns (and, sparse, a heap
// peak at least as high; the heap holds one entry per arc relaxed in one path
// search, so other costs may need a higher one). Otherwise the buffers that
// are too small grow, each once, to the new size: O(rows + cols), see
// LapWorkspace; reserve() grows all of them in one go. The kernel never
// copies the cost matrix: dense costs are read from the caller's array
// (negated on read with LapView::negated); best_total.h says when the solver
// builds one. The LapInstance overload allocates a fresh workspace and its
// LapSolution on every call.
//
// Usage:
//   LapInstance<std::int64_t> in;
//   in.rows = 2; in.cols = 1; in.capacity = {2}; in.dense = true;
//   in.cost = {-5, -3};                        // negated scores
//   LapSolution<std::int64_t> s = solveLap(in); // s.colOf == {0, 0}
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace welkom::detail {

// Lexicographic cost (count first, then score), an ordered group under +/-.
template <typename S>
struct Lex {
    std::int64_t count = 0;
    S score{};
    Lex operator+(const Lex& o) const { return {count + o.count, score + o.score}; }
    Lex operator-(const Lex& o) const { return {count - o.count, score - o.score}; }
    Lex operator-() const { return {-count, -score}; }
    Lex& operator+=(const Lex& o) { count += o.count; score += o.score; return *this; }
    Lex& operator-=(const Lex& o) { count -= o.count; score -= o.score; return *this; }
    bool operator<(const Lex& o) const { return count != o.count ? count < o.count : score < o.score; }
    bool operator>(const Lex& o) const { return o < *this; }
    bool operator<=(const Lex& o) const { return !(o < *this); }
    bool operator>=(const Lex& o) const { return !(*this < o); }
    bool operator==(const Lex& o) const { return count == o.count && score == o.score; }
    bool operator!=(const Lex& o) const { return !(*this == o); }
};

// "No arc" marker for dense costs: larger than any path length, and safe to
// subtract prices from.
template <typename T>
struct CostTraits {
    static T noArc() { return std::numeric_limits<T>::infinity(); }
};
template <>
struct CostTraits<std::int64_t> {
    static std::int64_t noArc() { return std::int64_t(1) << 62; }
};
template <typename S>
struct CostTraits<Lex<S>> {
    static Lex<S> noArc() { return {std::int64_t(1) << 62, S{}}; }
};

// What the kernel solves, without owning it: the caller's arrays are read in
// place (no copy of the cost matrix).
template <typename T>
struct LapView {
    int rows = 0;
    int cols = 0;
    const int* capacity = nullptr;  // per column, >= 1
    bool dense = false;
    // dense: rows*cols row-major. With `negated`, the arc cost is -cost[k]: the
    // caller's scores solved where they lie (int64_t: no entry may be the
    // infeasible marker; double: -infinity becomes +infinity = no arc).
    const T* cost = nullptr;
    bool negated = false;
    const int* rowStart = nullptr;  // sparse: CSR, rows+1 entries
    const int* arcCol = nullptr;    // sparse: columns ascending per row
    const T* arcCost = nullptr;     // sparse
    bool perfect = false;           // see LapInstance::perfect
};

template <typename T>
struct LapInstance {
    int rows = 0;
    int cols = 0;
    std::vector<int> capacity;  // per column, >= 1
    bool dense = false;
    std::vector<T> cost;        // dense: rows*cols row-major, CostTraits<T>::noArc() = no arc
    std::vector<int> rowStart;  // sparse: CSR, rows+1 entries
    std::vector<int> arcCol;    // sparse: columns ascending per row
    std::vector<T> arcCost;     // sparse
    // Set when every row must be matched: square, dense with every arc, all
    // capacities 1, and no arc cost above 0 (so matching everyone is optimal).
    // Enables JV's column reduction; the prices are then optimal duals of the
    // perfect assignment LP only (not of the "<= capacity" one).
    bool perfect = false;

    LapView<T> view() const {
        LapView<T> v;
        v.rows = rows;
        v.cols = cols;
        v.capacity = capacity.data();
        v.dense = dense;
        v.cost = cost.data();
        v.rowStart = rowStart.data();
        v.arcCol = arcCol.data();
        v.arcCost = arcCost.data();
        v.perfect = perfect;
        return v;
    }
};

template <typename T>
struct LapSolution {
    std::vector<int> colOf;  // per row: column, or -1 = unmatched
    // Optimal column duals v_j <= 0 (0 for columns with free capacity). With
    // u_i = c(i, colOf[i]) - v_colOf[i] (0 when unmatched): c(i,j) - u_i - v_j >= 0
    // for every arc, u_i <= 0, and equality on the assignment.
    std::vector<T> price;
};

// Memory of the kernel, kept between solves so that repeated solves (the app
// re-runs with other weights; one solve per municipality) allocate nothing:
// every buffer only grows, to the largest problem seen. What one solve needs
// is O(rows + cols): ~5 ints and 1 T per row, ~6 ints and 3 T per column, plus
// the sparse search's heap (at most one entry per arc relaxed). Nothing of the
// size of the cost matrix: dense costs are read from the caller's array.
// After solveLap: colOf and price hold the answer (as in LapSolution) until
// the next solve. The other members are the kernel's scratch.
template <typename T>
struct LapWorkspace {
    std::vector<int> colOf;   // per row: column, -1 = unmatched (during the solve: also "free")
    std::vector<T> price;     // per column: dual v_j
    std::vector<T> rowCost;   // per row: cost of its assigned arc
    std::vector<int> next, prev, head, load;  // rows held by each column (doubly linked)
    std::vector<int> freeRows, rowScratch;
    std::vector<T> dist, predCost, colScratch;
    std::vector<int> pred, list, colIndexScratch;
    std::vector<char> mark;
    std::vector<int> touched;
    std::vector<std::pair<T, int>> heap;
    struct Move {
        int row;
        int col;
        T cost;
    };
    std::vector<Move> path;

    // Grows every per-row and per-column buffer to at least these sizes at
    // once (in wasm: one memory growth instead of many small ones). The
    // sparse search's heap is not reserved (its peak depends on the search).
    void reserve(int rows, int cols);
    // Gives all memory back.
    void release();
    // Bytes held by the buffers (capacity, not size). Unchanged by a solve
    // that allocated nothing: the tests check that with it.
    std::size_t capacityBytes() const;
};

// Solves `problem` with `ws` (answer in ws.colOf / ws.price).
template <typename T>
void solveLap(const LapView<T>& problem, LapWorkspace<T>& ws);

// Convenience for tests and one-off callers: a fresh workspace per call.
template <typename T>
LapSolution<T> solveLap(const LapInstance<T>& instance);

#define WELKOM_LAP_EXTERN(T)                                              \
    extern template struct LapWorkspace<T>;                               \
    extern template void solveLap(const LapView<T>&, LapWorkspace<T>&);   \
    extern template LapSolution<T> solveLap(const LapInstance<T>&);
WELKOM_LAP_EXTERN(std::int64_t)
WELKOM_LAP_EXTERN(double)
WELKOM_LAP_EXTERN(Lex<std::int64_t>)
WELKOM_LAP_EXTERN(Lex<double>)
#undef WELKOM_LAP_EXTERN

}  // namespace welkom::detail
