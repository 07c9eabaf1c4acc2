#include "app/undo_history.h"

#include <gtest/gtest.h>

#include "core/demo_roster.h"
#include "core/rng.h"

namespace welkom {
namespace {

Document named(const char* name) {
    Document d;
    d.roster.programmeName = name;
    return d;
}

// Applies `edit` to `doc` and records it, the way the app's commands do.
template <typename Edit>
void editAndRecord(UndoHistory& history, Document& doc, const char* label, Edit&& edit) {
    Document before = doc;
    edit(doc);
    history.record(label, std::move(before), doc);
}

TEST(UndoHistory, UndoThenRedoRestoresEachStepWithItsLabel) {
    UndoHistory history;
    Document doc = named("a");
    editAndRecord(history, doc, "Rename to b", [](Document& d) { d.roster.programmeName = "b"; });
    editAndRecord(history, doc, "Rename to c", [](Document& d) { d.roster.programmeName = "c"; });

    ASSERT_TRUE(history.canUndo());
    EXPECT_EQ(history.undoLabel(), "Rename to c");
    history.undo(doc);
    EXPECT_EQ(doc.roster.programmeName, "b");
    history.undo(doc);
    EXPECT_EQ(doc.roster.programmeName, "a");
    EXPECT_FALSE(history.canUndo());

    EXPECT_EQ(history.redoLabel(), "Rename to b");
    history.redo(doc);
    EXPECT_EQ(doc.roster.programmeName, "b");
    history.redo(doc);
    EXPECT_EQ(doc.roster.programmeName, "c");
    EXPECT_FALSE(history.canRedo());
}

TEST(UndoHistory, NewEditClearsRedo) {
    UndoHistory history;
    Document doc = named("a");
    editAndRecord(history, doc, "edit", [](Document& d) { d.roster.programmeName = "b"; });
    history.undo(doc);
    ASSERT_TRUE(history.canRedo());
    editAndRecord(history, doc, "other edit", [](Document& d) { d.roster.programmeName = "c"; });
    EXPECT_FALSE(history.canRedo());
    EXPECT_EQ(history.redoLabel(), "");
}

TEST(UndoHistory, KeepsABoundedNumberOfSteps) {
    UndoHistory history;
    Document doc;
    for (int i = 0; i < 1000; ++i)
        editAndRecord(history, doc, "step", [&](Document& d) { d.roster.programmeName = std::to_string(i); });
    EXPECT_LE(history.undoDepth(), 200u);
    EXPECT_GE(history.undoDepth(), 100u);
}

TEST(UndoHistory, AStepKeepsOnlyWhatChanged) {
    // At national size a whole-roster copy per step would fill the browser's memory in a few edits.
    UndoHistory history;
    Document doc{generateDemoRoster({2000, 2000, 4, 3})};
    for (int i = 0; i < 50; ++i)
        editAndRecord(history, doc, "edit household", [&](Document& d) {
            d.roster.households[static_cast<std::size_t>(i * 37 % 2000)].notes = "call back " + std::to_string(i);
        });
    editAndRecord(history, doc, "settings", [](Document& d) { d.roster.settings.minimumScore = 0.25; });
    EXPECT_EQ(history.storedRecords(), 50u);
    history.undo(doc);
    history.undo(doc);
    EXPECT_EQ(history.storedRecords(), 50u) << "undone steps keep the same amount for redo";
}

// Random edits of every list (change, insert, erase, several at once), then
// undo to the start and redo to the end: every intermediate state is exact.
TEST(UndoHistory, RandomEditsOfEveryListUndoAndRedoExactly) {
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        Rng rng(seed);
        UndoHistory history;
        Document doc{generateDemoRoster({30, 20, 2, seed})};
        std::vector<Document> states{doc};
        for (int step = 0; step < 40; ++step) {
            editAndRecord(history, doc, "random", [&](Document& d) {
                Roster& r = d.roster;
                const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng.below(n)); };
                switch (rng.below(7)) {
                    case 0: if (!r.households.empty()) r.households[pick(r.households.size())].notes += "x"; break;
                    case 1: if (!r.households.empty()) r.households.erase(r.households.begin() + static_cast<std::ptrdiff_t>(pick(r.households.size()))); break;
                    case 2: if (!r.groups.empty()) r.groups.insert(r.groups.begin() + static_cast<std::ptrdiff_t>(pick(r.groups.size())), r.groups.front()); break;
                    case 3: {
                        Constraint c;
                        c.id = "c" + std::to_string(step);
                        c.householdId = "h1";
                        c.groupId = "g1";
                        r.constraints.push_back(c);
                        break;
                    }
                    case 4: r.programmeName += "!"; r.settings.minimumScore = 0.1 * static_cast<double>(step % 5); break;
                    case 5:  // two far-apart changes in one edit
                        if (r.groups.size() > 2) {
                            r.groups.front().notes += "a";
                            r.groups.back().notes += "b";
                        }
                        break;
                    default: if (!r.matches.empty()) r.matches.pop_back(); break;
                }
            });
            states.push_back(doc);
        }
        for (std::size_t i = states.size() - 1; i > 0; --i) {
            ASSERT_TRUE(history.canUndo());
            history.undo(doc);
            ASSERT_EQ(doc, states[i - 1]) << "seed " << seed << " undo to state " << i - 1;
        }
        EXPECT_FALSE(history.canUndo());
        for (std::size_t i = 1; i < states.size(); ++i) {
            history.redo(doc);
            ASSERT_EQ(doc, states[i]) << "seed " << seed << " redo to state " << i;
        }
    }
}

}  // namespace
}  // namespace welkom
