#include "app/commands.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace welkom {
namespace {

TEST(Commands, StartDemoOpensADemoDocumentWithoutUnsavedChanges) {
    AppState state;
    applyCommand(state, StartDemo{});
    ASSERT_TRUE(state.document);
    EXPECT_TRUE(state.document->roster.isDemo);
    EXPECT_FALSE(state.unsaved);
    EXPECT_FALSE(state.history.canUndo());
}

TEST(Commands, StartDemoHonoursTheRequestedSizeWithinLimits) {
    AppState state;
    applyCommand(state, StartDemo{});
    EXPECT_EQ(state.document->roster.households.size(), static_cast<std::size_t>(kBuiltInDemo.households));
    EXPECT_EQ(state.document->roster.groups.size(), static_cast<std::size_t>(kBuiltInDemo.groups));
    state.ui.demoSize = 300;
    applyCommand(state, StartDemo{});
    EXPECT_EQ(state.document->roster.households.size(), 300u);
    EXPECT_EQ(state.document->roster.groups.size(), 300u);
    EXPECT_TRUE(state.document->roster.isDemo);
    state.ui.demoSize = 1000000;
    applyCommand(state, StartDemo{});
    EXPECT_EQ(state.document->roster.households.size(), static_cast<std::size_t>(kMaxDemoSize));
}

TEST(Commands, EditsAreUndoableAndMarkUnsaved) {
    AppState state;
    applyCommand(state, NewProgramme{"Haarlem 2027"});
    EXPECT_EQ(state.document->roster.programmeName, "Haarlem 2027");
    applyCommand(state, RenameProgramme{"Haarlem 2028"});
    EXPECT_TRUE(state.unsaved);
    EXPECT_EQ(state.history.undoLabel(), "Rename programme");
    applyCommand(state, UndoEdit{});
    EXPECT_EQ(state.document->roster.programmeName, "Haarlem 2027");
    applyCommand(state, RedoEdit{});
    EXPECT_EQ(state.document->roster.programmeName, "Haarlem 2028");
}

TEST(Commands, EditWithoutDocumentIsReportedNotDropped) {
    AppState state;
    applyCommand(state, RenameProgramme{"x"});
    ASSERT_EQ(state.errors.size(), 1u);
    EXPECT_EQ(state.errors[0].code, "app.no_document");
    applyCommand(state, DismissError{0});
    EXPECT_TRUE(state.errors.empty());
}

TEST(Commands, OpeningAnotherDocumentStartsAFreshHistory) {
    AppState state;
    applyCommand(state, NewProgramme{"a"});
    applyCommand(state, RenameProgramme{"b"});
    applyCommand(state, StartDemo{});
    EXPECT_FALSE(state.history.canUndo());
    applyCommand(state, CloseRoster{});
    EXPECT_FALSE(state.document);
}

TEST(Commands, QueueIsAppliedInOrderAndEmptied) {
    AppState state;
    CommandQueue queue;
    queue.push(NewProgramme{"a"});
    queue.push(RenameProgramme{"b"});
    queue.push(SetLanguage{Language::Dutch});
    queue.push(SetUiScale{10.0f});
    applyCommands(state, queue);
    EXPECT_TRUE(queue.empty());
    EXPECT_EQ(state.document->roster.programmeName, "b");
    EXPECT_EQ(state.ui.language, Language::Dutch);
    EXPECT_FLOAT_EQ(state.ui.uiScale, 3.0f) << "scale is clamped";
}

TEST(Commands, TestSummaryHoldsCountsAndFlagsButNoNames) {
    AppState state;
    applyCommand(state, NewProgramme{"Gemeente Voorbeeld"});
    applyCommand(state, RenameProgramme{"Gemeente Voorbeeld 2"});
    const auto summary = nlohmann::json::parse(describeStateForTests(state, {"programme"}));
    EXPECT_EQ(summary["panels"], nlohmann::json::array({"programme"}));
    EXPECT_EQ(summary["rosterOpen"], true);
    EXPECT_EQ(summary["unsaved"], true);
    EXPECT_EQ(summary["demo"], false);
    EXPECT_EQ(summary.dump().find("Voorbeeld"), std::string::npos);
}

}  // namespace
}  // namespace welkom
