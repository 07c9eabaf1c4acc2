// UndoHistory: undo/redo of document edits, with a readable label per step.
//
// Whole-document snapshots: simple and always correct while documents are
// small; a step records the document as it was before the edit.
//   history.record("Rename programme", doc);   // before changing doc
//   doc.programmeName = "Haarlem 2027";
//   if (history.canUndo()) doc = history.undo(doc);
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/document.h"

namespace welkom {

class UndoHistory {
public:
    // Remembers `before` under `label`; clears the redo side.
    void record(std::string label, const Document& before);
    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    // Label of the step that undo()/redo() would apply ("" if none).
    const std::string& undoLabel() const;
    const std::string& redoLabel() const;
    // Precondition: canUndo() / canRedo(). Returns the document to switch to;
    // `current` is kept for the opposite direction.
    Document undo(const Document& current);
    Document redo(const Document& current);
    void clear();
    std::size_t undoDepth() const { return m_undo.size(); }

private:
    struct Step {
        std::string label;
        Document document;
    };
    std::vector<Step> m_undo;
    std::vector<Step> m_redo;
};

}  // namespace welkom
