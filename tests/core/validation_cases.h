// One mutation of the fixture roster (roster_fixtures.h) per validation rule,
// with where and what it must report. Shared by validation_test.cpp and the
// word-for-word message comparison (tests/app/messages_golden_test.cpp).
#pragma once

#include <functional>
#include <vector>

#include "core/roster_fixtures.h"
#include "core/validation.h"

namespace welkom::testing {

struct RuleCase {
    const char* name;
    std::function<void(Roster&)> mutate;
    const char* path;
    const char* code;
    Severity severity;
};

inline std::vector<RuleCase> validationRuleCases() {
return {
    // Errors
    {"empty household id", [](Roster& r) { r.households[1].id = ""; }, "/households/1/id", "id.empty",
     Severity::Error},
    {"duplicate household id", [](Roster& r) { r.households[1].id = "h1"; }, "/households/1/id", "id.duplicate",
     Severity::Error},
    {"duplicate group id", [](Roster& r) { r.groups[1].id = "g1"; }, "/groups/1/id", "id.duplicate",
     Severity::Error},
    {"group id used by a household", [](Roster& r) { r.groups[1].id = "h2"; }, "/groups/1/id", "id.used_by_household",
     Severity::Error},
    {"duplicate member id", [](Roster& r) { r.groups[0].members[3].id = "g1-m2"; }, "/groups/0/members/3/id",
     "id.duplicate", Severity::Error},
    {"empty member id", [](Roster& r) { r.groups[0].members[3].id = ""; }, "/groups/0/members/3/id", "id.empty",
     Severity::Error},
    {"duplicate match id",
     [](Roster& r) {
         r.matches.push_back(r.matches[0]);
         r.matches[1].householdId = "h2";
         r.matches[1].groupId = "g2";
     },
     "/matches/1/id", "id.duplicate", Severity::Error},
    {"duplicate constraint id", [](Roster& r) { r.constraints.push_back(r.constraints[0]); },
     "/constraints/1/id", "id.duplicate", Severity::Error},
    {"duplicate check-in id", [](Roster& r) { r.checkIns.push_back(r.checkIns[0]); }, "/checkIns/1/id",
     "id.duplicate", Severity::Error},
    {"empty display name", [](Roster& r) { r.households[0].displayName = ""; }, "/households/0/displayName",
     "text.empty", Severity::Error},
    {"empty municipality", [](Roster& r) { r.groups[1].municipality = ""; }, "/groups/1/municipality",
     "text.empty", Severity::Error},
    {"household without members", [](Roster& r) { r.households[1].members.clear(); }, "/households/1/members",
     "household.no_members", Severity::Error},
    {"household member too old", [](Roster& r) { r.households[0].members[1].age = 111; },
     "/households/0/members/1/age", "age.range", Severity::Error},
    {"household member negative age", [](Roster& r) { r.households[0].members[1].age = -1; },
     "/households/0/members/1/age", "age.range", Severity::Error},
    {"group member too young", [](Roster& r) { r.groups[1].members[2].age = 15; }, "/groups/1/members/2/age",
     "age.range", Severity::Error},
    {"unknown language (household)",
     [](Roster& r) { r.households[0].members[0].languages.push_back({"xx", LanguageLevel::B1}); },
     "/households/0/members/0/languages/xx", "language.unknown", Severity::Error},
    {"unknown language (group, 639-3 code)",
     [](Roster& r) { r.groups[0].members[1].languages.push_back({"prs", LanguageLevel::A1}); },
     "/groups/0/members/1/languages/prs", "language.unknown", Severity::Error},
    {"coordinator not a member", [](Roster& r) { r.groups[1].coordinatorId = "g1-m1"; },
     "/groups/1/coordinatorId", "coordinator.not_member", Severity::Error},
    {"negative capacity", [](Roster& r) { r.groups[0].capacity = -1; }, "/groups/0/capacity", "capacity.range",
     Severity::Error},
    {"negative max household size", [](Roster& r) { r.groups[0].support.maxHouseholdSize = -2; },
     "/groups/0/support/maxHouseholdSize", "support.range", Severity::Error},
    {"match with unknown household", [](Roster& r) { r.matches[0].householdId = "h9"; },
     "/matches/0/householdId", "reference.household", Severity::Error},
    {"match with unknown group", [](Roster& r) { r.matches[0].groupId = "g9"; }, "/matches/0/groupId",
     "reference.group", Severity::Error},
    {"match pointing at a household id as group", [](Roster& r) { r.matches[0].groupId = "h1"; },
     "/matches/0/groupId", "reference.group", Severity::Error},
    {"constraint with unknown household", [](Roster& r) { r.constraints[0].householdId = "nobody"; },
     "/constraints/0/householdId", "reference.household", Severity::Error},
    {"constraint with unknown group", [](Roster& r) { r.constraints[0].groupId = "g7"; },
     "/constraints/0/groupId", "reference.group", Severity::Error},
    {"check-in of unknown match", [](Roster& r) { r.checkIns[0].matchId = "m404"; }, "/checkIns/0/matchId",
     "reference.match", Severity::Error},
    {"score above 1", [](Roster& r) { r.matches[0].scores[1].score = 1.5; }, "/matches/0/scores/age",
     "match.score_range", Severity::Error},
    {"empty history", [](Roster& r) { r.matches[0].history.clear(); }, "/matches/0/history",
     "match.no_history", Severity::Error},
    {"history not starting with proposed",
     [](Roster& r) { r.matches[0].history.erase(r.matches[0].history.begin()); },
     "/matches/0/history/0/status", "match.start", Severity::Error},
    {"skipped acceptance",
     [](Roster& r) { r.matches[0].history.erase(r.matches[0].history.begin() + 2); },
     "/matches/0/history/2/status", "match.transition", Severity::Error},
    {"event after the end",
     [](Roster& r) {
         r.matches[0].history.push_back({MatchStatus::Ended, "2025-04-12", "year over", "", {}});
         r.matches[0].history.push_back({MatchStatus::Active, "2025-05-01", "", "", {}});
     },
     "/matches/0/history/6/status", "match.transition", Severity::Error},
    {"invalid event date", [](Roster& r) { r.matches[0].history[3].date = "2024-13-01"; },
     "/matches/0/history/3/date", "date.invalid", Severity::Error},
    {"invalid consent date", [](Roster& r) { r.households[1].consent.toMatchingDate = "2023-02-29"; },
     "/households/1/consent/toMatchingDate", "date.invalid", Severity::Error},
    {"invalid group consent date", [](Roster& r) { r.groups[0].consent.toResearchDate = "15-01-2024"; },
     "/groups/0/consent/toResearchDate", "date.invalid", Severity::Error},
    {"invalid constraint date", [](Roster& r) { r.constraints[0].date = "2024-3-20"; }, "/constraints/0/date",
     "date.invalid", Severity::Error},
    {"invalid check-in date", [](Roster& r) { r.checkIns[0].date = "yesterday"; }, "/checkIns/0/date",
     "date.invalid", Severity::Error},
    {"pinned and forbidden",
     [](Roster& r) {
         Constraint pin = r.constraints[0];
         pin.id = "c2";
         pin.kind = ConstraintKind::Pin;
         r.constraints.push_back(pin);
     },
     "/constraints/1/kind", "constraint.conflict", Severity::Error},
    {"negative weight", [](Roster& r) { r.settings.weights[Criterion::Language] = -0.5; }, "/settings/weights/language",
     "weight.range", Severity::Error},
    {"minimum score above 1", [](Roster& r) { r.settings.minimumScore = 1.01; }, "/settings/minimumScore",
     "score.range", Severity::Error},
    // Warnings
    {"group of four", [](Roster& r) { r.groups[1].members.pop_back(); }, "/groups/1/members", "group.small",
     Severity::Warning},
    {"household without consent", [](Roster& r) { r.households[0].consent.toMatching = false; },
     "/households/0/consent/toMatching", "consent.matching", Severity::Warning},
    {"group without consent", [](Roster& r) { r.groups[1].consent.toMatching = false; },
     "/groups/1/consent/toMatching", "consent.group_matching", Severity::Warning},
    {"no group shares a language",
     [](Roster& r) { r.households[1].members[0].languages = {{"ti", LanguageLevel::Native}}; },
     "/households/1", "household.unreachable", Severity::Warning},
    {"no group in the municipality", [](Roster& r) { r.households[1].municipality = "Zwolle"; },
     "/households/1", "household.unreachable", Severity::Warning},
    {"unknown interest", [](Roster& r) { r.households[0].interests.push_back("knitting2"); },
     "/households/0/interests/3", "tag.unknown", Severity::Warning},
    {"unknown skill", [](Roster& r) { r.groups[0].members[0].skills.push_back("juggling"); },
     "/groups/0/members/0/skills/1", "tag.unknown", Severity::Warning},
    {"unknown sector", [](Roster& r) { r.groups[0].members[0].sector = "space"; },
     "/groups/0/members/0/sector", "tag.unknown", Severity::Warning},
    {"unknown goal", [](Roster& r) { r.households[1].goals = {"learn_dutch", "fly"}; }, "/households/1/goals/1",
     "tag.unknown", Severity::Warning},
    {"unknown need", [](Roster& r) { r.households[1].needs = {"custom:"}; }, "/households/1/needs/0",
     "tag.unknown", Severity::Warning},
    {"language level unknown",
     [](Roster& r) { r.households[0].members[0].languages[0].level = LanguageLevel::Unknown; },
     "/households/0/members/0/languages/ar", "language.level_unknown", Severity::Warning},
    {"language level unknown (group)",
     [](Roster& r) { r.groups[0].members[2].languages[1].level = LanguageLevel::Unknown; },
     "/groups/0/members/2/languages/en", "language.level_unknown", Severity::Warning},
    {"adult without languages",
     [](Roster& r) {
         r.households[0].members[0].languages.clear();
         r.households[0].members.push_back({40, Gender::Male, MemberRole::Adult, {{"ar", LanguageLevel::B1}}, {}});
     },
     "/households/0/members/0/languages", "language.none", Severity::Warning},
    {"only children", [](Roster& r) { r.households[0].members.erase(r.households[0].members.begin()); },
     "/households/0/members", "household.no_adult", Severity::Warning},
    {"no coordinator", [](Roster& r) { r.groups[0].coordinatorId = ""; }, "/groups/0/coordinatorId",
     "coordinator.missing", Severity::Warning},
    {"dates out of order", [](Roster& r) { r.matches[0].history[2].date = "2024-04-02"; },
     "/matches/0/history/2/date", "date.order", Severity::Warning},
    {"household in two open matches",
     [](Roster& r) {
         Match m = r.matches[0];
         m.id = "m2";
         m.groupId = "g2";
         m.history.resize(1);
         r.matches.push_back(m);
     },
     "/matches/1", "match.household_twice", Severity::Warning},
    {"satisfaction out of range", [](Roster& r) { r.checkIns[0].groupSatisfaction = 0; },
     "/checkIns/0/groupSatisfaction", "checkin.range", Severity::Error},
    {"meetings out of range", [](Roster& r) { r.checkIns[0].meetingsPerMonth = 63; },
     "/checkIns/0/meetingsPerMonth", "checkin.range", Severity::Error},
    {"check-in before the match started", [](Roster& r) { r.checkIns[0].date = "2024-04-01"; },
     "/checkIns/0/date", "checkin.before_start", Severity::Warning},
    {"check-in of a match never introduced", [](Roster& r) { r.matches[0].history.resize(2); },
     "/checkIns/0/matchId", "checkin.not_started", Severity::Warning},
    {"ended early but still active", [](Roster& r) { r.checkIns[0].endedEarly = true; },
     "/checkIns/0/endedEarly", "checkin.ended_not_recorded", Severity::Warning},
    {"end reason without an end", [](Roster& r) { r.checkIns[0].endReason = EndReason::Moved; },
     "/checkIns/0/endReason", "checkin.reason_without_end", Severity::Warning},
    {"two check-ins for one milestone",
     [](Roster& r) {
         r.checkIns.push_back(r.checkIns[0]);
         r.checkIns[1].id = "ci2";
     },
     "/checkIns/1/milestone", "checkin.duplicate_milestone", Severity::Warning},
    {"group over capacity",
     [](Roster& r) {
         Match m = r.matches[0];
         m.id = "m2";
         m.householdId = "h2";
         m.history.resize(2);
         r.matches.push_back(m);
     },
     "/matches/1", "group.over_capacity", Severity::Warning},
};
}

}  // namespace welkom::testing
