#include "app/undo_history.h"

#include <cassert>
#include <iterator>
#include <utility>

namespace welkom {
namespace {

const std::string kNoLabel;
// Enough for a working session; the oldest steps go first.
constexpr std::size_t kMaxSteps = 200;

// Calls f(list member of Roster, matching patch member of Step) for every
// record list, so no list can be forgotten in one place and kept in another.
template <typename F>
void forEachList(F&& f) {
    f(&Roster::households, &UndoHistory::Step::households);
    f(&Roster::groups, &UndoHistory::Step::groups);
    f(&Roster::matches, &UndoHistory::Step::matches);
    f(&Roster::constraints, &UndoHistory::Step::constraints);
    f(&Roster::checkIns, &UndoHistory::Step::checkIns);
}

// The patch that turns `from` into `to`.
template <typename Record>
ListPatch<Record> diffList(const std::vector<Record>& from, const std::vector<Record>& to) {
    std::size_t prefix = 0;
    while (prefix < from.size() && prefix < to.size() && from[prefix] == to[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < from.size() - prefix && suffix < to.size() - prefix &&
           from[from.size() - 1 - suffix] == to[to.size() - 1 - suffix])
        ++suffix;
    ListPatch<Record> patch;
    patch.at = prefix;
    patch.erase = from.size() - prefix - suffix;
    patch.insert.assign(to.begin() + static_cast<std::ptrdiff_t>(prefix),
                        to.end() - static_cast<std::ptrdiff_t>(suffix));
    return patch;
}

// Applies `patch` to `list` and turns it into its inverse.
template <typename Record>
void applyList(std::vector<Record>& list, ListPatch<Record>& patch) {
    const auto first = list.begin() + static_cast<std::ptrdiff_t>(patch.at);
    const auto last = first + static_cast<std::ptrdiff_t>(patch.erase);
    std::vector<Record> erased(std::make_move_iterator(first), std::make_move_iterator(last));
    const auto at = list.erase(first, last);
    list.insert(at, std::make_move_iterator(patch.insert.begin()), std::make_move_iterator(patch.insert.end()));
    patch.erase = patch.insert.size();
    patch.insert = std::move(erased);
}

// Exchanges `current`'s small fields with the step's, leaving the lists, and
// the step's list patches with their inverses.
void swapStep(Roster& current, UndoHistory::Step& step) {
    std::swap(current, step.head);  // the lists travel too: bring them back
    forEachList([&](auto list, auto patch) {
        std::swap(current.*list, step.head.*list);
        applyList(current.*list, step.*patch);
    });
}

}  // namespace

void UndoHistory::record(std::string label, Document before, const Document& after) {
    Step step;
    step.label = std::move(label);
    forEachList([&](auto list, auto patch) {
        step.*patch = diffList(after.roster.*list, before.roster.*list);
        (before.roster.*list).clear();
    });
    step.head = std::move(before.roster);
    m_undo.push_back(std::move(step));
    if (m_undo.size() > kMaxSteps) m_undo.erase(m_undo.begin());
    m_redo.clear();
}

const std::string& UndoHistory::undoLabel() const { return m_undo.empty() ? kNoLabel : m_undo.back().label; }
const std::string& UndoHistory::redoLabel() const { return m_redo.empty() ? kNoLabel : m_redo.back().label; }

void UndoHistory::undo(Document& current) {
    assert(canUndo());
    Step step = std::move(m_undo.back());
    m_undo.pop_back();
    swapStep(current.roster, step);
    m_redo.push_back(std::move(step));
}

void UndoHistory::redo(Document& current) {
    assert(canRedo());
    Step step = std::move(m_redo.back());
    m_redo.pop_back();
    swapStep(current.roster, step);
    m_undo.push_back(std::move(step));
}

std::size_t UndoHistory::storedRecords() const {
    std::size_t n = 0;
    for (const auto* side : {&m_undo, &m_redo})
        for (const Step& step : *side) forEachList([&](auto, auto patch) { n += (step.*patch).insert.size(); });
    return n;
}

void UndoHistory::clear() {
    m_undo.clear();
    m_redo.clear();
}

}  // namespace welkom
