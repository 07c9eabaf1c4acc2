// UndoHistory: undo/redo of document edits, with a readable label per step.
//
// A step keeps only what the edit changed: the roster's small fields whole,
// and for each record list (households, groups, matches, constraints,
// check-ins) the one stretch that differs. Editing one household of a
// 20,000-household roster costs one household of memory, not a roster copy.
//   Document before = doc;
//   doc.roster.programmeName = "Haarlem 2027";
//   history.record("Rename programme", std::move(before), doc);
//   if (history.canUndo()) history.undo(doc);    // doc is as before again
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/document.h"

namespace welkom {

// Replace `erase` records at `at` with `insert`: any change to a list can be
// put this way (the stretch between the common prefix and the common suffix).
template <typename Record>
struct ListPatch {
    std::size_t at = 0;
    std::size_t erase = 0;
    std::vector<Record> insert;
};

class UndoHistory {
public:
    // Remembers how to go from `after` back to `before` under `label`;
    // clears the redo side.
    void record(std::string label, Document before, const Document& after);
    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    // Label of the step that undo()/redo() would apply ("" if none).
    const std::string& undoLabel() const;
    const std::string& redoLabel() const;
    // Precondition: canUndo() / canRedo(). Changes `current` in place; the
    // opposite direction is kept.
    void undo(Document& current);
    void redo(Document& current);
    void clear();
    std::size_t undoDepth() const { return m_undo.size(); }
    // Records kept by all steps together (what the history costs in memory).
    std::size_t storedRecords() const;

    struct Step {
        std::string label;
        Roster head;  // the roster's fields other than the record lists (those are empty here)
        ListPatch<Household> households;
        ListPatch<WelcomeGroup> groups;
        ListPatch<Match> matches;
        ListPatch<Constraint> constraints;
        ListPatch<CheckIn> checkIns;
    };

private:
    std::vector<Step> m_undo;
    std::vector<Step> m_redo;
};

}  // namespace welkom
