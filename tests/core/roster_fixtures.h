// A small, valid roster of fictitious people shared by the core and io tests.
// Every validation test starts from it and breaks exactly one thing.
#pragma once

#include <string>

#include "core/roster.h"

namespace welkom::testing {

inline GroupMember fixtureMember(const std::string& id, const std::string& name, int age, Gender gender) {
    GroupMember m;
    m.id = id;
    m.name = name;
    m.contact = id + "@example.org";
    m.age = age;
    m.gender = gender;
    m.languages = {{"nl", LanguageLevel::Native}, {"en", LanguageLevel::B2}};
    m.interests = {"cooking", "cycling"};
    m.occupation = "leraar";
    m.sector = "education";
    m.skills = {"tutoring"};
    return m;
}

inline Roster makeFixtureRoster() {
    Roster r;
    r.programmeName = "Samen Hier Teststad";

    Household h;
    h.id = "h1";
    h.displayName = "Familie Testa";
    h.municipality = "Haarlem";
    h.neighbourhood = "Schalkwijk";
    h.members.push_back({38, Gender::Female, MemberRole::Adult,
                         {{"ar", LanguageLevel::Native}, {"nl", LanguageLevel::A2}, {"en", LanguageLevel::B1}}, {}});
    h.members.push_back({9, Gender::Male, MemberRole::Child, {}, {}});
    h.interests = {"cooking", "football", "custom:Oud spelen"};
    h.goals = {"learn_dutch", "find_work"};
    h.workSectors = {"care"};
    h.educationLevel = EducationLevel::Vocational;
    h.availability.evenings = true;
    h.availability.weekends = true;
    h.preferences.groupWithChildren = true;
    h.needs = {"paperwork_help"};
    h.notes = "Fictief huishouden voor tests.";
    h.consent = {true, "2024-02-29", true, "2024-03-01", {}};
    r.households.push_back(h);

    Household h2 = h;
    h2.id = "h2";
    h2.displayName = "Dhr. Proef";
    h2.members = {{27, Gender::Male, MemberRole::Adult, {{"ti", LanguageLevel::Native}, {"en", LanguageLevel::A2}}, {}}};
    h2.preferences = {};
    r.households.push_back(h2);

    WelcomeGroup g;
    g.id = "g1";
    g.name = "De Buurtgroep";
    g.municipality = "Haarlem";
    g.neighbourhood = "Centrum";
    g.members = {fixtureMember("g1-m1", "Anna Voorbeeld", 45, Gender::Female),
                 fixtureMember("g1-m2", "Bram Voorbeeld", 47, Gender::Male),
                 fixtureMember("g1-m3", "Chris Test", 31, Gender::Other),
                 fixtureMember("g1-m4", "Dewi Proef", 62, Gender::Female),
                 fixtureMember("g1-m5", "Eva Fictief", 19, Gender::Unspecified)};
    g.members[0].hasChildren = true;
    g.coordinatorId = "g1-m1";
    g.availability.evenings = true;
    g.capacity = 1;
    g.support.maxHouseholdSize = 6;
    g.allowedMunicipalities = {"Heemstede"};
    g.consent = {true, "2024-01-15", false, "", {}};
    r.groups.push_back(g);

    WelcomeGroup g2 = g;
    g2.id = "g2";
    g2.name = "Koor en Koffie";
    for (GroupMember& m : g2.members) m.id = "g2-" + m.id.substr(3);
    g2.coordinatorId = "g2-m2";
    r.groups.push_back(g2);

    Match m;
    m.id = "m1";
    m.householdId = "h1";
    m.groupId = "g1";
    m.scores = {{"interests", 0.75}, {"age", 0.5}, {"language", 1.0}};
    m.history = {{MatchStatus::Proposed, "2024-04-01", "", "", {}},
                 {MatchStatus::AcceptedByGroup, "2024-04-03", "", "Groep enthousiast", {}},
                 {MatchStatus::AcceptedByHousehold, "2024-04-05", "", "", {}},
                 {MatchStatus::Introduced, "2024-04-12", "", "", {}},
                 {MatchStatus::Active, "2024-04-12", "", "", {}}};
    r.matches.push_back(m);

    Constraint c;
    c.id = "c1";
    c.kind = ConstraintKind::Forbid;
    c.householdId = "h2";
    c.groupId = "g2";
    c.reason = "Woont naast een groepslid";
    c.author = "coördinator Haarlem";
    c.date = "2024-03-20";
    r.constraints.push_back(c);

    CheckIn ci;
    ci.id = "ci1";
    ci.matchId = "m1";
    ci.date = "2024-07-12";
    ci.milestone = CheckInMilestone::Month3;
    ci.meetingsPerMonth = 4;
    ci.dutchLevel = LanguageLevel::A2;
    ci.workStatus = WorkStatus::LanguageCourse;
    ci.newContacts = 3;
    ci.householdSatisfaction = 5;
    ci.groupSatisfaction = 4;
    ci.note = "Samen naar de markt geweest";
    ci.extra = {{"mood", "\"good\""}};  // a field of a newer version
    r.checkIns.push_back(ci);

    r.settings.weights[Criterion::Age] = 0.5;
    r.settings.weights[Criterion::Language] = 2.0;
    r.settings.minimumScore = 0.25;
    return r;
}

}  // namespace welkom::testing
