// Index:
//   [SECTION] Kernel state (assignment, member lists, prices)
//   [SECTION] Column reduction (perfect square instances only)
//   [SECTION] Augmenting row reduction
//   [SECTION] Shortest augmenting path, dense
//   [SECTION] Shortest augmenting path, sparse
//   [SECTION] Path flip
#include "core/lap_kernel.h"

#include <cassert>
#include <cstddef>
#include <type_traits>
#include <utility>

// Each augmenting path is its own call, not inlined into the solve: V8 runs a
// wasm function in its baseline compiler until it has been called often enough
// to be optimised, and cannot swap code under a running call, so one inlined
// long loop would run unoptimised to the end.
#if defined(__GNUC__) || defined(__clang__)
#define WELKOM_NOINLINE __attribute__((noinline))
#else
#define WELKOM_NOINLINE
#endif

namespace welkom::detail {
namespace {

constexpr int kFree = -1;     // row not assigned yet
constexpr int kOptOut = -2;   // row takes its private "unmatched" option
constexpr int kNone = -1;

// Neg: dense costs are the negated entries of the caller's array (LapView::negated).
template <typename T, bool Neg>
class LapKernel {
public:
    LapKernel(const LapView<T>& in, LapWorkspace<T>& ws) : m_in(in), m_ws(ws), m_rows(in.rows), m_cols(in.cols) {
        const auto R = static_cast<std::size_t>(m_rows), C = static_cast<std::size_t>(m_cols);
        ws.colOf.assign(R, kFree);
        ws.rowCost.assign(R, T{});
        ws.next.assign(R, kNone);
        ws.prev.assign(R, kNone);
        ws.head.assign(C, kNone);
        ws.load.assign(C, 0);
        ws.price.assign(C, T{});
        ws.dist.resize(C);
        ws.pred.resize(C);
        ws.predCost.resize(C);
        ws.list.resize(C);
        ws.mark.assign(C, 0);
        ws.path.reserve(R + 1);  // at its full length once, not grown path by path
        if (!in.dense) ws.touched.reserve(C);
        m_colOf = ws.colOf.data();
        m_rowCost = ws.rowCost.data();
        m_next = ws.next.data();
        m_prev = ws.prev.data();
        m_head = ws.head.data();
        m_load = ws.load.data();
        m_v = ws.price.data();
    }

    void run() {
        std::vector<int>& freeRows = m_ws.freeRows;
        freeRows.resize(static_cast<std::size_t>(m_rows));
        for (int i = 0; i < m_rows; ++i) freeRows[static_cast<std::size_t>(i)] = i;
        if (m_in.perfect) {
            reduceColumns(freeRows);
            // Column minima on a few rows (some households suit every group, as
            // in real score matrices) leave most rows free, and row reduction
            // cannot place them through ties. Start over from row-then-column
            // reduced prices, which spread the tight arcs, and place each free
            // row on a tight column that still has room.
            if (freeRows.size() * 5 > static_cast<std::size_t>(m_rows) * 3) {
                for (int i = 0; i < m_rows; ++i)
                    if (m_colOf[i] >= 0) unlink(i);
                reduceRowsThenColumns();
                freeRows.resize(static_cast<std::size_t>(m_rows));
                for (int i = 0; i < m_rows; ++i) freeRows[static_cast<std::size_t>(i)] = i;
                assignTightArcs(freeRows);
            }
        }
        if (m_cols > 0) {
            reduceRows(freeRows);
            reduceRows(freeRows);
            // Perfect instances: tight columns and row reduction take turns
            // while they still place a tenth of the free rows per round.
            for (int round = 0; m_in.perfect && round < 6 && !freeRows.empty(); ++round) {
                const std::size_t before = freeRows.size();
                assignTightArcs(freeRows);
                reduceRows(freeRows);
                if (freeRows.size() * 10 > before * 9) break;
            }
        }
        for (int f : freeRows) {
            if (m_in.dense)
                augmentDense(f);
            else
                augmentSparse(f);
        }
        for (int i = 0; i < m_rows; ++i) {
            assert(m_colOf[i] != kFree);
            if (m_colOf[i] < 0) m_colOf[i] = -1;
        }
    }

private:
    // ---- [SECTION] Kernel state (assignment, member lists, prices) --------
    // The arrays live in the workspace (see LapWorkspace); these point into it.
    const LapView<T>& m_in;
    LapWorkspace<T>& m_ws;
    int m_rows;
    int m_cols;
    int* m_colOf;   // per row: column, kFree or kOptOut
    T* m_rowCost;   // per row: cost of its assigned arc (0 when opted out)
    int* m_next;    // rows held by each column (doubly linked)
    int* m_prev;
    int* m_head;
    int* m_load;
    T* m_v;  // column prices (duals), only ever decrease; 0 while a column has room

    const T* denseRow(int i) const { return m_in.cost + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_cols); }
    static T arc(const T* row, int j) {
        if constexpr (Neg)
            return -row[j];
        else
            return row[j];
    }
    bool hasRoom(int j) const { return m_load[j] < m_in.capacity[j]; }

    void link(int i, int j, T c) {
        m_colOf[i] = j;
        m_rowCost[i] = c;
        m_prev[i] = kNone;
        m_next[i] = m_head[j];
        if (m_head[j] != kNone) m_prev[m_head[j]] = i;
        m_head[j] = i;
        ++m_load[j];
    }
    void unlink(int i) {
        int j = m_colOf[i];
        assert(j >= 0);
        if (m_prev[i] != kNone)
            m_next[m_prev[i]] = m_next[i];
        else
            m_head[j] = m_next[i];
        if (m_next[i] != kNone) m_prev[m_next[i]] = m_prev[i];
        --m_load[j];
        m_colOf[i] = kFree;
    }
    void optOut(int i) {
        m_colOf[i] = kOptOut;
        m_rowCost[i] = T{};
    }

    template <typename F>
    void forEachArc(int i, F&& f) const {
        if (m_in.dense) {
            const T* row = denseRow(i);
            for (int j = 0; j < m_cols; ++j) f(j, arc(row, j));  // no-arc entries never win (opt-out costs 0)
        } else {
            for (int k = m_in.rowStart[i]; k < m_in.rowStart[i + 1]; ++k) f(m_in.arcCol[k], m_in.arcCost[k]);
        }
    }

    // The sweeps over the matrix below work one row per call: V8 runs a wasm
    // function in its baseline tier until it has been called often enough,
    // and then swaps in optimised code for the *next* call. Per-row functions
    // are optimised after a few rows of the first solve; one function sweeping
    // the whole matrix would run unoptimised to its end.

    // ---- [SECTION] Column reduction (perfect square instances only) ----------
    // JV's initialisation: each column is priced at its cheapest row and given
    // to it when that row is still free; then each row holding exactly one
    // column moves its slack onto that column's price (reduction transfer).
    // Only valid without unmatched options: it prices columns that may end up
    // empty, which the general LP forbids.
    WELKOM_NOINLINE void columnMinimaOfRow(int i, T* colMin, int* argMin) const {
        const T* ci = denseRow(i);
        for (int j = 0; j < m_cols; ++j) {
            const T c = arc(ci, j);
            if (c < colMin[j]) {
                colMin[j] = c;
                argMin[j] = i;
            }
        }
    }
    // min over j != j1 of c(i,j) - v_j, or noArc when there is no other arc.
    WELKOM_NOINLINE T leastOtherReduced(int i, int j1) const {
        const T* ci = denseRow(i);
        T least = CostTraits<T>::noArc();
        for (int j = 0; j < m_cols; ++j) {
            if (j == j1) continue;
            const T h = arc(ci, j) - m_v[j];
            if (h < least) least = h;
        }
        return least;
    }
    void reduceColumns(std::vector<int>& freeRows) {
        const int n = m_cols;
        std::vector<T>& colMin = m_ws.colScratch;
        std::vector<int>& argMin = m_ws.colIndexScratch;
        colMin.assign(static_cast<std::size_t>(n), CostTraits<T>::noArc());
        argMin.assign(static_cast<std::size_t>(n), kNone);
        for (int i = 0; i < m_rows; ++i) columnMinimaOfRow(i, colMin.data(), argMin.data());  // row-major
        std::vector<int>& matches = m_ws.rowScratch;
        matches.assign(static_cast<std::size_t>(m_rows), 0);
        for (int j = n - 1; j >= 0; --j) {
            const int i = argMin[static_cast<std::size_t>(j)];
            m_v[j] = colMin[static_cast<std::size_t>(j)];
            if (i != kNone && ++matches[static_cast<std::size_t>(i)] == 1) link(i, j, colMin[static_cast<std::size_t>(j)]);
        }
        freeRows.clear();
        for (int i = 0; i < m_rows; ++i) {
            if (matches[static_cast<std::size_t>(i)] == 0) {
                freeRows.push_back(i);
                continue;
            }
            if (matches[static_cast<std::size_t>(i)] != 1) continue;
            const int j1 = m_colOf[i];
            if (n > 1) m_v[j1] -= leastOtherReduced(i, j1);
        }
    }

    // Prices v_j = min_i (c_ij - min_j' c_ij'): the classic Hungarian start,
    // for perfect instances only (like reduceColumns). Assigns nothing.
    WELKOM_NOINLINE void reducedColumnMinimaOfRow(int i, T* colMin) const {
        const T* ci = denseRow(i);
        T rowMin = CostTraits<T>::noArc();
        for (int j = 0; j < m_cols; ++j) {
            const T c = arc(ci, j);
            if (c < rowMin) rowMin = c;
        }
        for (int j = 0; j < m_cols; ++j) {
            const T h = arc(ci, j) - rowMin;
            if (h < colMin[j]) colMin[j] = h;
        }
    }
    void reduceRowsThenColumns() {
        for (int j = 0; j < m_cols; ++j) m_v[j] = CostTraits<T>::noArc();
        for (int i = 0; i < m_rows; ++i) reducedColumnMinimaOfRow(i, m_v);
    }

    // A free row whose cheapest reduced cost several columns share takes the
    // first of them that still has room, at no price change (its arc is then
    // at its row minimum, as every assigned arc must be). Rows it cannot place
    // stay in `freeRows`. (JV's row reduction looks at the two cheapest only.)
    WELKOM_NOINLINE bool placeOnTightArc(int i) {
        bool have = false;
        T least{};
        forEachArc(i, [&](int j, T c) {
            const T h = c - m_v[j];
            if (!have || h < least) {
                least = h;
                have = true;
            }
        });
        if (!have) return false;
        int chosen = kNone;
        T chosenCost{};
        forEachArc(i, [&](int j, T c) {
            if (chosen == kNone && !(least < c - m_v[j]) && hasRoom(j)) {
                chosen = j;
                chosenCost = c;
            }
        });
        if (chosen == kNone) return false;
        link(i, chosen, chosenCost);
        return true;
    }
    void assignTightArcs(std::vector<int>& freeRows) {
        int kept = 0;
        for (int i : freeRows)
            if (!placeOnTightArc(i)) freeRows[static_cast<std::size_t>(kept++)] = i;
        freeRows.resize(static_cast<std::size_t>(kept));
    }

    // ---- [SECTION] Augmenting row reduction ---------------------------------
    // JV's procedure: a free row takes its cheapest option j1 and, when j1 is a
    // capacity-1 column, lowers its price by the gap to the second-cheapest
    // option so the row stays indifferent; the row it displaces is reprocessed
    // at once. Prices of columns with room or capacity > 1 never change here,
    // which keeps the LP duals valid (see header). Rows this cannot place
    // cheaply are left in `freeRows` for the augmenting paths.
    struct TwoCheapest {
        T u1{}, u2{}, c1{}, c2{};
        int j1 = kNone, j2 = kNone;
        bool have1 = false, have2 = false;
        void consider(int j, T c, T h) {
            if (!have2 || h < u2) {
                if (!have1 || h < u1) {
                    u2 = u1; j2 = j1; c2 = c1; have2 = have1;
                    u1 = h; j1 = j; c1 = c; have1 = true;
                } else {
                    u2 = h; j2 = j; c2 = c; have2 = true;
                }
            }
        }
    };
    // Row i's two cheapest options by reduced cost (its unmatched option included).
    WELKOM_NOINLINE TwoCheapest twoCheapest(int i) const {
        TwoCheapest t;
        forEachArc(i, [&](int j, T c) { t.consider(j, c, c - m_v[j]); });
        if (!m_in.perfect) t.consider(kOptOut, T{}, T{});
        return t;
    }
    void reduceRows(std::vector<int>& freeRows) {
        const int previous = static_cast<int>(freeRows.size());
        int k = 0;
        int kept = 0;
        long long budget = 4LL * previous + 64;  // JV's loop can crawl on tiny price gaps; paths finish the job
        while (k < previous) {
            if (--budget < 0) {
                while (k < previous) freeRows[static_cast<std::size_t>(kept++)] = freeRows[static_cast<std::size_t>(k++)];
                break;
            }
            const int i = freeRows[static_cast<std::size_t>(k++)];
            const TwoCheapest two = twoCheapest(i);
            const T u1 = two.u1, c1 = two.c1, c2 = two.c2;
            T u2 = two.u2;
            const int j1 = two.j1, j2 = two.j2;
            const bool have2 = two.have2;
            if (j1 == kOptOut) {
                optOut(i);
                continue;
            }
            if (!have2) u2 = u1;  // a single option: nothing to transfer
            const bool strict = u1 < u2;
            const int cap1 = m_in.capacity[static_cast<std::size_t>(j1)];
            if (hasRoom(j1)) {
                if (cap1 == 1 && strict) m_v[static_cast<std::size_t>(j1)] -= u2 - u1;
                link(i, j1, c1);
                continue;
            }
            if (cap1 == 1 && strict) {
                m_v[static_cast<std::size_t>(j1)] -= u2 - u1;
                int displaced = m_head[static_cast<std::size_t>(j1)];
                unlink(displaced);
                link(i, j1, c1);
                freeRows[static_cast<std::size_t>(--k)] = displaced;  // reprocess now (JV)
                continue;
            }
            if (!strict) {  // tie: take the equally cheap second option (JV)
                if (j2 == kOptOut) {
                    optOut(i);
                    continue;
                }
                if (hasRoom(j2)) {
                    link(i, j2, c2);
                    continue;
                }
                if (m_in.capacity[static_cast<std::size_t>(j2)] == 1) {
                    int displaced = m_head[static_cast<std::size_t>(j2)];
                    unlink(displaced);
                    link(i, j2, c2);
                    freeRows[static_cast<std::size_t>(kept++)] = displaced;  // next pass
                    continue;
                }
            }
            freeRows[static_cast<std::size_t>(kept++)] = i;
        }
        freeRows.resize(static_cast<std::size_t>(kept));
    }

    // ---- [SECTION] Shortest augmenting path, dense ---------------------------
    // JV's augmentation: m_list holds columns as [0,low) scanned, [low,up) at
    // the current minimum distance, [up,cols) not reached at that distance.
    WELKOM_NOINLINE void augmentDense(int f) {
        const int n = m_cols;
        const T* cost = m_in.cost;
        T* d = m_ws.dist.data();
        int* pred = m_ws.pred.data();
        int* col = m_ws.list.data();
        const T* v = m_v;
        {
            const T* cf = cost + static_cast<std::size_t>(f) * static_cast<std::size_t>(n);
            for (int j = 0; j < n; ++j) {
                col[j] = j;
                d[j] = arc(cf, j) - v[j];
                pred[j] = f;
            }
        }
        // Distance to the cheapest unmatched option seen so far (the root's: 0).
        T bestOptOut = m_in.perfect ? CostTraits<T>::noArc() : T{};
        int optOutRow = f;
        int low = 0, up = 0, last = 0;
        T minD{};
        int endCol = kNone, endOptOut = kNone;
        // Set when the last relaxing pass also found a unique closest column,
        // which saves JV's separate sweep for the next minimum.
        bool haveNext = false;
        T nextMin{};
        int nextPos = kNone;
        for (;;) {
            if (up == low) {
                last = low;
                if (haveNext) {
                    haveNext = false;
                    minD = nextMin;
                    std::swap(col[nextPos], col[up]);
                    ++up;
                } else if (up < n) {
                    minD = d[col[up++]];
                    for (int k = up; k < n; ++k) {
                        const int j = col[k];
                        const T h = d[j];
                        if (h <= minD) {
                            if (h < minD) {
                                up = low;
                                minD = h;
                            }
                            col[k] = col[up];
                            col[up++] = j;
                        }
                    }
                }
                if (low == n || bestOptOut < minD) {
                    minD = bestOptOut;
                    endOptOut = optOutRow;
                    break;
                }
                for (int k = low; k < up; ++k)
                    if (hasRoom(col[k])) {
                        endCol = col[k];
                        goto done;
                    }
                if (bestOptOut == minD) {
                    endOptOut = optOutRow;
                    break;
                }
            }
            {
                const int j1 = col[low++];
                for (int i = m_head[static_cast<std::size_t>(j1)]; i != kNone; i = m_next[static_cast<std::size_t>(i)]) {
                    const T* ci = cost + static_cast<std::size_t>(i) * static_cast<std::size_t>(n);
                    const T u1 = m_rowCost[static_cast<std::size_t>(i)] - v[j1] - minD;
                    const T hOut = m_in.perfect ? CostTraits<T>::noArc() : -u1;  // the row's own unmatched option (cost 0)
                    if (hOut < bestOptOut) {
                        bestOptOut = hOut;
                        optOutRow = i;
                        if (hOut == minD) {
                            endOptOut = i;
                            goto done;
                        }
                    }
                    if (low != up || m_next[static_cast<std::size_t>(i)] != kNone) {
                        for (int k = up; k < n; ++k) {
                            const int j = col[k];
                            const T h = arc(ci, j) - v[j] - u1;
                            if (h < d[j]) {
                                d[j] = h;
                                pred[j] = i;
                                if (h == minD) {
                                    if (hasRoom(j)) {
                                        endCol = j;
                                        goto done;
                                    }
                                    col[k] = col[up];
                                    col[up++] = j;
                                }
                            }
                        }
                        continue;
                    }
                    // Last row before a new minimum is needed: relax and find it in one sweep.
                    bool joined = false, tie = false;
                    int kBest = kNone;
                    T best{};
                    for (int k = up; k < n; ++k) {
                        const int j = col[k];
                        const T h = arc(ci, j) - v[j] - u1;
                        T dj = d[j];
                        if (h < dj) {
                            d[j] = h;
                            pred[j] = i;
                            dj = h;
                            if (h == minD) {
                                if (hasRoom(j)) {
                                    endCol = j;
                                    goto done;
                                }
                                col[k] = col[up];
                                col[up++] = j;
                                joined = true;
                                continue;
                            }
                        }
                        if (kBest == kNone || dj < best) {
                            best = dj;
                            kBest = k;
                            tie = false;
                        } else if (dj == best) {
                            tie = true;
                        }
                    }
                    if (!joined && !tie && kBest != kNone) {
                        haveNext = true;
                        nextMin = best;
                        nextPos = kBest;
                    }
                }
            }
        }
    done:
        for (int k = 0; k < last; ++k) {
            const int j = col[k];
            m_v[static_cast<std::size_t>(j)] += d[j] - minD;
        }
        flip(f, endCol, endOptOut, /*dense=*/true);
    }

    // ---- [SECTION] Shortest augmenting path, sparse ---------------------------
    // Dijkstra with a binary heap (lazy deletion) over columns; a popped full
    // column passes its distance on to every row it holds.
    WELKOM_NOINLINE void augmentSparse(int f) {
        auto heapPush = [&](T key, int j) {
            m_ws.heap.emplace_back(key, j);
            std::size_t c = m_ws.heap.size() - 1;
            while (c > 0) {
                std::size_t p = (c - 1) / 2;
                if (!lessEntry(m_ws.heap[c], m_ws.heap[p])) break;
                std::swap(m_ws.heap[c], m_ws.heap[p]);
                c = p;
            }
        };
        auto heapPop = [&]() {
            m_ws.heap[0] = m_ws.heap.back();
            m_ws.heap.pop_back();
            std::size_t c = 0, n = m_ws.heap.size();
            for (;;) {
                std::size_t l = 2 * c + 1, r = l + 1, m = c;
                if (l < n && lessEntry(m_ws.heap[l], m_ws.heap[m])) m = l;
                if (r < n && lessEntry(m_ws.heap[r], m_ws.heap[m])) m = r;
                if (m == c) break;
                std::swap(m_ws.heap[c], m_ws.heap[m]);
                c = m;
            }
        };
        // m_mark: 0 = untouched, 1 = reached (d valid), 2 = scanned
        auto relax = [&](int i, T u1) {
            for (int k = m_in.rowStart[static_cast<std::size_t>(i)]; k < m_in.rowStart[static_cast<std::size_t>(i) + 1]; ++k) {
                const int j = m_in.arcCol[static_cast<std::size_t>(k)];
                const auto sj = static_cast<std::size_t>(j);
                if (m_ws.mark[sj] == 2) continue;
                const T c = m_in.arcCost[static_cast<std::size_t>(k)];
                const T h = c - m_v[sj] - u1;
                if (m_ws.mark[sj] == 0 || h < m_ws.dist[sj]) {
                    if (m_ws.mark[sj] == 0) {
                        m_ws.mark[sj] = 1;
                        m_ws.touched.push_back(j);
                    }
                    m_ws.dist[sj] = h;
                    m_ws.pred[sj] = i;
                    m_ws.predCost[sj] = c;
                    heapPush(h, j);
                }
            }
        };
        m_ws.heap.clear();
        m_ws.touched.clear();
        int scanned = 0;
        relax(f, T{});
        T bestOptOut = m_in.perfect ? CostTraits<T>::noArc() : T{};
        int optOutRow = f;
        T minD{};
        int endCol = kNone, endOptOut = kNone;
        for (;;) {
            while (!m_ws.heap.empty() && (m_ws.mark[static_cast<std::size_t>(m_ws.heap[0].second)] == 2 ||
                                       m_ws.heap[0].first != m_ws.dist[static_cast<std::size_t>(m_ws.heap[0].second)]))
                heapPop();
            if (m_ws.heap.empty() || bestOptOut < m_ws.heap[0].first) {
                minD = bestOptOut;
                endOptOut = optOutRow;
                break;
            }
            const int j1 = m_ws.heap[0].second;
            minD = m_ws.heap[0].first;
            if (hasRoom(j1)) {
                endCol = j1;
                break;
            }
            if (bestOptOut == minD) {
                endOptOut = optOutRow;
                break;
            }
            heapPop();
            m_ws.mark[static_cast<std::size_t>(j1)] = 2;
            m_ws.list[static_cast<std::size_t>(scanned++)] = j1;
            for (int i = m_head[static_cast<std::size_t>(j1)]; i != kNone; i = m_next[static_cast<std::size_t>(i)]) {
                const T u1 = m_rowCost[static_cast<std::size_t>(i)] - m_v[static_cast<std::size_t>(j1)] - minD;
                const T hOut = m_in.perfect ? CostTraits<T>::noArc() : -u1;
                if (hOut < bestOptOut) {
                    bestOptOut = hOut;
                    optOutRow = i;
                }
                relax(i, u1);
            }
        }
        for (int k = 0; k < scanned; ++k) {
            const auto j = static_cast<std::size_t>(m_ws.list[static_cast<std::size_t>(k)]);
            m_v[j] += m_ws.dist[j] - minD;
        }
        for (int j : m_ws.touched) m_ws.mark[static_cast<std::size_t>(j)] = 0;
        flip(f, endCol, endOptOut, /*dense=*/false);
    }

    static bool lessEntry(const std::pair<T, int>& a, const std::pair<T, int>& b) {
        return a.first < b.first || (a.first == b.first && a.second < b.second);
    }

    // ---- [SECTION] Path flip ---------------------------------------------------
    // Walks the tree back from the terminal (a column with room, or a row's
    // unmatched option) to the root f and moves every row on it one step.
    void flip(int f, int endCol, int endOptOut, bool dense) {
        m_ws.path.clear();
        int j;
        if (endCol != kNone) {
            j = endCol;
        } else {
            m_ws.path.push_back({endOptOut, kOptOut, T{}});
            j = endOptOut == f ? kNone : m_colOf[static_cast<std::size_t>(endOptOut)];
        }
        while (j != kNone) {
            const int i = m_ws.pred[static_cast<std::size_t>(j)];
            const T c = dense ? arc(denseRow(i), j)
                              : m_ws.predCost[static_cast<std::size_t>(j)];
            m_ws.path.push_back({i, j, c});
            j = i == f ? kNone : m_colOf[static_cast<std::size_t>(i)];
        }
        for (const auto& mv : m_ws.path)
            if (m_colOf[static_cast<std::size_t>(mv.row)] >= 0) unlink(mv.row);
        for (const auto& mv : m_ws.path) {
            if (mv.col == kOptOut)
                optOut(mv.row);
            else
                link(mv.row, mv.col, mv.cost);
        }
    }
};

}  // namespace

template <typename T>
void LapWorkspace<T>::reserve(int rows, int cols) {
    const auto R = static_cast<std::size_t>(rows < 0 ? 0 : rows), C = static_cast<std::size_t>(cols < 0 ? 0 : cols);
    for (auto* v : {&colOf, &next, &prev, &freeRows, &rowScratch}) v->reserve(R);
    rowCost.reserve(R);
    for (auto* v : {&head, &load, &pred, &list, &colIndexScratch, &touched}) v->reserve(C);
    for (auto* v : {&price, &dist, &predCost, &colScratch}) v->reserve(C);
    mark.reserve(C);
    path.reserve(R + 1);  // a path moves each row at most once, plus the terminal
}

template <typename T>
std::size_t LapWorkspace<T>::capacityBytes() const {
    std::size_t bytes = 0;
    for (const auto* v : {&colOf, &next, &prev, &head, &load, &freeRows, &rowScratch, &pred, &list, &colIndexScratch,
                          &touched})
        bytes += v->capacity() * sizeof(int);
    for (const auto* v : {&price, &rowCost, &dist, &predCost, &colScratch}) bytes += v->capacity() * sizeof(T);
    return bytes + mark.capacity() + heap.capacity() * sizeof(heap[0]) + path.capacity() * sizeof(Move);
}

template <typename T>
void LapWorkspace<T>::release() {
    *this = LapWorkspace<T>{};
}

template <typename T>
void solveLap(const LapView<T>& problem, LapWorkspace<T>& ws) {
    if constexpr (std::is_arithmetic_v<T>) {
        if (problem.dense && problem.negated) {
            LapKernel<T, true>(problem, ws).run();
            return;
        }
    }
    assert(!problem.negated || !problem.dense);
    LapKernel<T, false>(problem, ws).run();
}

template <typename T>
LapSolution<T> solveLap(const LapInstance<T>& instance) {
    LapWorkspace<T> ws;
    solveLap(instance.view(), ws);
    LapSolution<T> out;
    out.colOf = std::move(ws.colOf);
    out.price = std::move(ws.price);
    return out;
}

#define WELKOM_LAP_INSTANTIATE(T)                                 \
    template struct LapWorkspace<T>;                              \
    template void solveLap(const LapView<T>&, LapWorkspace<T>&);  \
    template LapSolution<T> solveLap(const LapInstance<T>&);
WELKOM_LAP_INSTANTIATE(std::int64_t)
WELKOM_LAP_INSTANTIATE(double)
WELKOM_LAP_INSTANTIATE(Lex<std::int64_t>)
WELKOM_LAP_INSTANTIATE(Lex<double>)
#undef WELKOM_LAP_INSTANTIATE

}  // namespace welkom::detail
