#include "app/undo_history.h"

#include <cassert>
#include <utility>

namespace welkom {
namespace {
const std::string kNoLabel;
// Enough for a working session; the oldest steps go first.
constexpr std::size_t kMaxSteps = 200;
}  // namespace

void UndoHistory::record(std::string label, const Document& before) {
    m_undo.push_back({std::move(label), before});
    if (m_undo.size() > kMaxSteps) m_undo.erase(m_undo.begin());
    m_redo.clear();
}

const std::string& UndoHistory::undoLabel() const { return m_undo.empty() ? kNoLabel : m_undo.back().label; }
const std::string& UndoHistory::redoLabel() const { return m_redo.empty() ? kNoLabel : m_redo.back().label; }

Document UndoHistory::undo(const Document& current) {
    assert(canUndo());
    Step step = std::move(m_undo.back());
    m_undo.pop_back();
    m_redo.push_back({step.label, current});
    return std::move(step.document);
}

Document UndoHistory::redo(const Document& current) {
    assert(canRedo());
    Step step = std::move(m_redo.back());
    m_redo.pop_back();
    m_undo.push_back({step.label, current});
    return std::move(step.document);
}

void UndoHistory::clear() {
    m_undo.clear();
    m_redo.clear();
}

}  // namespace welkom
