// Participants' priorities in the app: the setting through the command path,
// and the words for a criterion that counted more or less (catalogues en, nl).
#include <gtest/gtest.h>

#include "app/commands.h"
#include "app/text/messages.h"
#include "core/scoring.h"

namespace welkom {
namespace {

TEST(StatedPrioritiesApp, TheShareIsOneUndoableEditClampedToItsRange) {
    AppState state;
    applyCommand(state, NewProgramme{"Haarlem 2027"});
    EXPECT_EQ(state.document->roster.settings.participantPriorities, kDefaultParticipantPriorities);
    applyCommand(state, SetParticipantPriorities{0.8});
    EXPECT_EQ(state.document->roster.settings.participantPriorities, 0.8);
    EXPECT_TRUE(state.unsaved);
    applyCommand(state, SetParticipantPriorities{1.7});
    EXPECT_EQ(state.document->roster.settings.participantPriorities, 1.0);
    applyCommand(state, SetParticipantPriorities{-0.2});
    EXPECT_EQ(state.document->roster.settings.participantPriorities, 0.0);
    applyCommand(state, UndoEdit{});
    applyCommand(state, UndoEdit{});
    EXPECT_EQ(state.document->roster.settings.participantPriorities, 0.8);
}

Reason priorityReason(ReasonKind kind, double percent, StatedImportance household, int groupMembers) {
    Reason r(kind);
    r.n0 = percent;
    r.n1 = static_cast<double>(household);
    r.n2 = groupMembers;
    r.tags.push_back("language");
    return r;
}

TEST(StatedPrioritiesApp, ReasonSaysWhoSaidItMatters) {
    const MessageTexts en("en"), nl("nl");
    const Reason household = priorityReason(ReasonKind::PriorityCountedMore, 112.5, StatedImportance::VeryImportant, 0);
    EXPECT_EQ(en.reason(household), "counted more (113 % of its weight): the household said it matters to them");
    EXPECT_EQ(nl.reason(household),
              "telde zwaarder mee (113 % van het gewicht): het huishouden vindt dit belangrijk");
    const Reason group = priorityReason(ReasonKind::PriorityCountedLess, 75, StatedImportance::NotStated, 1);
    EXPECT_EQ(en.reason(group), "counted less (75 % of its weight): 1 group member said it matters little to them");
    EXPECT_EQ(nl.reason(group), "telde minder mee (75 % van het gewicht): 1 groepslid vindt dit minder belangrijk");
    const Reason both = priorityReason(ReasonKind::PriorityCountedMore, 125, StatedImportance::VeryImportant, 2);
    EXPECT_EQ(en.reason(both),
              "counted more (125 % of its weight): the household and 2 group members said how much it matters to them");
}

}  // namespace
}  // namespace welkom
