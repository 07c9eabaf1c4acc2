#include "app/undo_history.h"

#include <gtest/gtest.h>

namespace welkom {
namespace {

Document named(const char* name) {
    Document d;
    d.roster.programmeName = name;
    return d;
}

TEST(UndoHistory, UndoThenRedoRestoresEachStepWithItsLabel) {
    UndoHistory history;
    Document doc = named("a");
    history.record("Rename to b", doc);
    doc = named("b");
    history.record("Rename to c", doc);
    doc = named("c");

    ASSERT_TRUE(history.canUndo());
    EXPECT_EQ(history.undoLabel(), "Rename to c");
    doc = history.undo(doc);
    EXPECT_EQ(doc.roster.programmeName, "b");
    doc = history.undo(doc);
    EXPECT_EQ(doc.roster.programmeName, "a");
    EXPECT_FALSE(history.canUndo());

    EXPECT_EQ(history.redoLabel(), "Rename to b");
    doc = history.redo(doc);
    EXPECT_EQ(doc.roster.programmeName, "b");
    doc = history.redo(doc);
    EXPECT_EQ(doc.roster.programmeName, "c");
    EXPECT_FALSE(history.canRedo());
}

TEST(UndoHistory, NewEditClearsRedo) {
    UndoHistory history;
    Document doc = named("a");
    history.record("edit", doc);
    doc = named("b");
    doc = history.undo(doc);
    ASSERT_TRUE(history.canRedo());
    history.record("other edit", doc);
    EXPECT_FALSE(history.canRedo());
    EXPECT_EQ(history.redoLabel(), "");
}

TEST(UndoHistory, KeepsABoundedNumberOfSteps) {
    UndoHistory history;
    Document doc;
    for (int i = 0; i < 1000; ++i) history.record("step", doc);
    EXPECT_LE(history.undoDepth(), 200u);
    EXPECT_GE(history.undoDepth(), 100u);
}

}  // namespace
}  // namespace welkom
