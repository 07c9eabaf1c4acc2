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

template <typename T>
class LapKernel {
public:
    explicit LapKernel(const LapInstance<T>& in)
        : m_in(in),
          m_rows(in.rows),
          m_cols(in.cols),
          m_colOf(static_cast<std::size_t>(in.rows), kFree),
          m_rowCost(static_cast<std::size_t>(in.rows), T{}),
          m_next(static_cast<std::size_t>(in.rows), kNone),
          m_prev(static_cast<std::size_t>(in.rows), kNone),
          m_head(static_cast<std::size_t>(in.cols), kNone),
          m_load(static_cast<std::size_t>(in.cols), 0),
          m_v(static_cast<std::size_t>(in.cols), T{}),
          m_d(static_cast<std::size_t>(in.cols), T{}),
          m_pred(static_cast<std::size_t>(in.cols), kNone),
          m_predCost(static_cast<std::size_t>(in.cols), T{}),
          m_list(static_cast<std::size_t>(in.cols), 0),
          m_mark(static_cast<std::size_t>(in.cols), 0) {}

    LapSolution<T> run() {
        std::vector<int> freeRows(static_cast<std::size_t>(m_rows));
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
                    if (m_colOf[static_cast<std::size_t>(i)] >= 0) unlink(i);
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
        LapSolution<T> out;
        out.colOf.resize(static_cast<std::size_t>(m_rows));
        for (int i = 0; i < m_rows; ++i) {
            int c = m_colOf[static_cast<std::size_t>(i)];
            assert(c != kFree);
            out.colOf[static_cast<std::size_t>(i)] = c >= 0 ? c : -1;
        }
        out.price = m_v;
        return out;
    }

private:
    // ---- [SECTION] Kernel state (assignment, member lists, prices) --------
    const LapInstance<T>& m_in;
    int m_rows;
    int m_cols;
    std::vector<int> m_colOf;   // per row: column, kFree or kOptOut
    std::vector<T> m_rowCost;   // per row: cost of its assigned arc (0 when opted out)
    std::vector<int> m_next, m_prev, m_head;  // rows held by each column (doubly linked)
    std::vector<int> m_load;
    std::vector<T> m_v;  // column prices (duals), only ever decrease; 0 while a column has room
    // Path search scratch.
    std::vector<T> m_d;
    std::vector<int> m_pred;
    std::vector<T> m_predCost;
    std::vector<int> m_list;  // dense: column order (JV's collist); sparse: scanned columns
    std::vector<char> m_mark;
    std::vector<int> m_touched;
    std::vector<std::pair<T, int>> m_heap;
    struct Move {
        int row;
        int col;
        T cost;
    };
    std::vector<Move> m_path;

    bool hasRoom(int j) const { return m_load[static_cast<std::size_t>(j)] < m_in.capacity[static_cast<std::size_t>(j)]; }

    void link(int i, int j, T c) {
        auto si = static_cast<std::size_t>(i);
        auto sj = static_cast<std::size_t>(j);
        m_colOf[si] = j;
        m_rowCost[si] = c;
        m_prev[si] = kNone;
        m_next[si] = m_head[sj];
        if (m_head[sj] != kNone) m_prev[static_cast<std::size_t>(m_head[sj])] = i;
        m_head[sj] = i;
        ++m_load[sj];
    }
    void unlink(int i) {
        auto si = static_cast<std::size_t>(i);
        int j = m_colOf[si];
        assert(j >= 0);
        if (m_prev[si] != kNone)
            m_next[static_cast<std::size_t>(m_prev[si])] = m_next[si];
        else
            m_head[static_cast<std::size_t>(j)] = m_next[si];
        if (m_next[si] != kNone) m_prev[static_cast<std::size_t>(m_next[si])] = m_prev[si];
        --m_load[static_cast<std::size_t>(j)];
        m_colOf[si] = kFree;
    }
    void optOut(int i) {
        m_colOf[static_cast<std::size_t>(i)] = kOptOut;
        m_rowCost[static_cast<std::size_t>(i)] = T{};
    }

    template <typename F>
    void forEachArc(int i, F&& f) const {
        if (m_in.dense) {
            const T* row = m_in.cost.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(m_cols);
            for (int j = 0; j < m_cols; ++j) f(j, row[j]);  // no-arc entries never win (opt-out costs 0)
        } else {
            for (int k = m_in.rowStart[static_cast<std::size_t>(i)]; k < m_in.rowStart[static_cast<std::size_t>(i) + 1]; ++k)
                f(m_in.arcCol[static_cast<std::size_t>(k)], m_in.arcCost[static_cast<std::size_t>(k)]);
        }
    }

    // ---- [SECTION] Column reduction (perfect square instances only) ----------
    // JV's initialisation: each column is priced at its cheapest row and given
    // to it when that row is still free; then each row holding exactly one
    // column moves its slack onto that column's price (reduction transfer).
    // Only valid without unmatched options: it prices columns that may end up
    // empty, which the general LP forbids.
    void reduceColumns(std::vector<int>& freeRows) {
        const int n = m_cols;
        std::vector<T> colMin(static_cast<std::size_t>(n), CostTraits<T>::noArc());
        std::vector<int> argMin(static_cast<std::size_t>(n), kNone);
        for (int i = 0; i < m_rows; ++i) {  // row by row: the matrix is row-major
            const T* ci = m_in.cost.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(n);
            for (int j = 0; j < n; ++j)
                if (ci[j] < colMin[static_cast<std::size_t>(j)]) {
                    colMin[static_cast<std::size_t>(j)] = ci[j];
                    argMin[static_cast<std::size_t>(j)] = i;
                }
        }
        std::vector<int> matches(static_cast<std::size_t>(m_rows), 0);
        for (int j = n - 1; j >= 0; --j) {
            const int i = argMin[static_cast<std::size_t>(j)];
            m_v[static_cast<std::size_t>(j)] = colMin[static_cast<std::size_t>(j)];
            if (i != kNone && ++matches[static_cast<std::size_t>(i)] == 1) link(i, j, colMin[static_cast<std::size_t>(j)]);
        }
        freeRows.clear();
        for (int i = 0; i < m_rows; ++i) {
            if (matches[static_cast<std::size_t>(i)] == 0) {
                freeRows.push_back(i);
                continue;
            }
            if (matches[static_cast<std::size_t>(i)] != 1) continue;
            const int j1 = m_colOf[static_cast<std::size_t>(i)];
            const T* ci = m_in.cost.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(n);
            bool any = false;
            T least{};
            for (int j = 0; j < n; ++j) {
                if (j == j1) continue;
                const T h = ci[j] - m_v[static_cast<std::size_t>(j)];
                if (!any || h < least) {
                    least = h;
                    any = true;
                }
            }
            if (any) m_v[static_cast<std::size_t>(j1)] -= least;
        }
    }

    // Prices v_j = min_i (c_ij - min_j' c_ij'): the classic Hungarian start,
    // for perfect instances only (like reduceColumns). Assigns nothing.
    void reduceRowsThenColumns() {
        const int n = m_cols;
        std::vector<T> colMin(static_cast<std::size_t>(n), CostTraits<T>::noArc());
        for (int i = 0; i < m_rows; ++i) {
            const T* ci = m_in.cost.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(n);
            T rowMin = CostTraits<T>::noArc();
            for (int j = 0; j < n; ++j)
                if (ci[j] < rowMin) rowMin = ci[j];
            for (int j = 0; j < n; ++j) {
                const T h = ci[j] - rowMin;
                if (h < colMin[static_cast<std::size_t>(j)]) colMin[static_cast<std::size_t>(j)] = h;
            }
        }
        m_v = colMin;
    }

    // A free row whose cheapest reduced cost several columns share takes the
    // first of them that still has room, at no price change (its arc is then
    // at its row minimum, as every assigned arc must be). Rows it cannot place
    // stay in `freeRows`. (JV's row reduction looks at the two cheapest only.)
    void assignTightArcs(std::vector<int>& freeRows) {
        int kept = 0;
        for (int i : freeRows) {
            bool have = false;
            T least{};
            forEachArc(i, [&](int j, T c) {
                const T h = c - m_v[static_cast<std::size_t>(j)];
                if (!have || h < least) {
                    least = h;
                    have = true;
                }
            });
            int chosen = kNone;
            T chosenCost{};
            if (have) {
                forEachArc(i, [&](int j, T c) {
                    if (chosen == kNone && !(least < c - m_v[static_cast<std::size_t>(j)]) && hasRoom(j)) {
                        chosen = j;
                        chosenCost = c;
                    }
                });
            }
            if (chosen != kNone)
                link(i, chosen, chosenCost);
            else
                freeRows[static_cast<std::size_t>(kept++)] = i;
        }
        freeRows.resize(static_cast<std::size_t>(kept));
    }

    // ---- [SECTION] Augmenting row reduction ---------------------------------
    // JV's procedure: a free row takes its cheapest option j1 and, when j1 is a
    // capacity-1 column, lowers its price by the gap to the second-cheapest
    // option so the row stays indifferent; the row it displaces is reprocessed
    // at once. Prices of columns with room or capacity > 1 never change here,
    // which keeps the LP duals valid (see header). Rows this cannot place
    // cheaply are left in `freeRows` for the augmenting paths.
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
            T u1{}, u2{}, c1{}, c2{};
            int j1 = kNone, j2 = kNone;
            bool have1 = false, have2 = false;
            auto consider = [&](int j, T c, T h) {
                if (!have2 || h < u2) {
                    if (!have1 || h < u1) {
                        u2 = u1; j2 = j1; c2 = c1; have2 = have1;
                        u1 = h; j1 = j; c1 = c; have1 = true;
                    } else {
                        u2 = h; j2 = j; c2 = c; have2 = true;
                    }
                }
            };
            forEachArc(i, [&](int j, T c) { consider(j, c, c - m_v[static_cast<std::size_t>(j)]); });
            if (!m_in.perfect) consider(kOptOut, T{}, T{});
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
        const T* cost = m_in.cost.data();
        T* d = m_d.data();
        int* pred = m_pred.data();
        int* col = m_list.data();
        const T* v = m_v.data();
        {
            const T* cf = cost + static_cast<std::size_t>(f) * static_cast<std::size_t>(n);
            for (int j = 0; j < n; ++j) {
                col[j] = j;
                d[j] = cf[j] - v[j];
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
                            const T h = ci[j] - v[j] - u1;
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
                        const T h = ci[j] - v[j] - u1;
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
            m_heap.emplace_back(key, j);
            std::size_t c = m_heap.size() - 1;
            while (c > 0) {
                std::size_t p = (c - 1) / 2;
                if (!lessEntry(m_heap[c], m_heap[p])) break;
                std::swap(m_heap[c], m_heap[p]);
                c = p;
            }
        };
        auto heapPop = [&]() {
            m_heap[0] = m_heap.back();
            m_heap.pop_back();
            std::size_t c = 0, n = m_heap.size();
            for (;;) {
                std::size_t l = 2 * c + 1, r = l + 1, m = c;
                if (l < n && lessEntry(m_heap[l], m_heap[m])) m = l;
                if (r < n && lessEntry(m_heap[r], m_heap[m])) m = r;
                if (m == c) break;
                std::swap(m_heap[c], m_heap[m]);
                c = m;
            }
        };
        // m_mark: 0 = untouched, 1 = reached (d valid), 2 = scanned
        auto relax = [&](int i, T u1) {
            for (int k = m_in.rowStart[static_cast<std::size_t>(i)]; k < m_in.rowStart[static_cast<std::size_t>(i) + 1]; ++k) {
                const int j = m_in.arcCol[static_cast<std::size_t>(k)];
                const auto sj = static_cast<std::size_t>(j);
                if (m_mark[sj] == 2) continue;
                const T c = m_in.arcCost[static_cast<std::size_t>(k)];
                const T h = c - m_v[sj] - u1;
                if (m_mark[sj] == 0 || h < m_d[sj]) {
                    if (m_mark[sj] == 0) {
                        m_mark[sj] = 1;
                        m_touched.push_back(j);
                    }
                    m_d[sj] = h;
                    m_pred[sj] = i;
                    m_predCost[sj] = c;
                    heapPush(h, j);
                }
            }
        };
        m_heap.clear();
        m_touched.clear();
        int scanned = 0;
        relax(f, T{});
        T bestOptOut = m_in.perfect ? CostTraits<T>::noArc() : T{};
        int optOutRow = f;
        T minD{};
        int endCol = kNone, endOptOut = kNone;
        for (;;) {
            while (!m_heap.empty() && (m_mark[static_cast<std::size_t>(m_heap[0].second)] == 2 ||
                                       m_heap[0].first != m_d[static_cast<std::size_t>(m_heap[0].second)]))
                heapPop();
            if (m_heap.empty() || bestOptOut < m_heap[0].first) {
                minD = bestOptOut;
                endOptOut = optOutRow;
                break;
            }
            const int j1 = m_heap[0].second;
            minD = m_heap[0].first;
            if (hasRoom(j1)) {
                endCol = j1;
                break;
            }
            if (bestOptOut == minD) {
                endOptOut = optOutRow;
                break;
            }
            heapPop();
            m_mark[static_cast<std::size_t>(j1)] = 2;
            m_list[static_cast<std::size_t>(scanned++)] = j1;
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
            const auto j = static_cast<std::size_t>(m_list[static_cast<std::size_t>(k)]);
            m_v[j] += m_d[j] - minD;
        }
        for (int j : m_touched) m_mark[static_cast<std::size_t>(j)] = 0;
        flip(f, endCol, endOptOut, /*dense=*/false);
    }

    static bool lessEntry(const std::pair<T, int>& a, const std::pair<T, int>& b) {
        return a.first < b.first || (a.first == b.first && a.second < b.second);
    }

    // ---- [SECTION] Path flip ---------------------------------------------------
    // Walks the tree back from the terminal (a column with room, or a row's
    // unmatched option) to the root f and moves every row on it one step.
    void flip(int f, int endCol, int endOptOut, bool dense) {
        m_path.clear();
        int j;
        if (endCol != kNone) {
            j = endCol;
        } else {
            m_path.push_back({endOptOut, kOptOut, T{}});
            j = endOptOut == f ? kNone : m_colOf[static_cast<std::size_t>(endOptOut)];
        }
        while (j != kNone) {
            const int i = m_pred[static_cast<std::size_t>(j)];
            const T c = dense ? m_in.cost[static_cast<std::size_t>(i) * static_cast<std::size_t>(m_cols) +
                                          static_cast<std::size_t>(j)]
                              : m_predCost[static_cast<std::size_t>(j)];
            m_path.push_back({i, j, c});
            j = i == f ? kNone : m_colOf[static_cast<std::size_t>(i)];
        }
        for (const Move& mv : m_path)
            if (m_colOf[static_cast<std::size_t>(mv.row)] >= 0) unlink(mv.row);
        for (const Move& mv : m_path) {
            if (mv.col == kOptOut)
                optOut(mv.row);
            else
                link(mv.row, mv.col, mv.cost);
        }
    }
};

}  // namespace

template <typename T>
LapSolution<T> solveLap(const LapInstance<T>& instance) {
    LapKernel<T> kernel(instance);
    return kernel.run();
}

template LapSolution<std::int64_t> solveLap(const LapInstance<std::int64_t>&);
template LapSolution<double> solveLap(const LapInstance<double>&);
template LapSolution<Lex<std::int64_t>> solveLap(const LapInstance<Lex<std::int64_t>>&);
template LapSolution<Lex<double>> solveLap(const LapInstance<Lex<double>>&);

}  // namespace welkom::detail
