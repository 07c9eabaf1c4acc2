#include "io/roster_json.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "app/text/messages.h"
#include "app/text/open_errors.h"
#include "core/demo_roster.h"
#include "core/roster_fixtures.h"
#include "io/roster_migrations.h"

namespace welkom {
namespace {

using nlohmann::ordered_json;

bool hasProblem(const std::vector<Problem>& ps, const std::string& path, const std::string& code) {
    return std::any_of(ps.begin(), ps.end(), [&](const Problem& p) { return p.path == path && p.code == code; });
}

std::string dumpProblems(const std::vector<Problem>& ps) {
    std::string s;
    for (const Problem& p : ps) s += p.code + " " + formatProblemText(p, false) + "\n";
    return s;
}

// Serialises the fixture, lets the test edit the JSON, and reads it back.
template <typename Edit>
RosterReadReport readEdited(Edit edit) {
    ordered_json j = ordered_json::parse(writeRoster(testing::makeFixtureRoster()));
    edit(j);
    return readRoster(j.dump());
}

TEST(RosterJson, FixtureRoundTripsExactly) {
    const Roster original = testing::makeFixtureRoster();
    const std::string bytes = writeRoster(original);
    std::vector<Problem> problems;
    Result<LoadedRoster> loaded = loadRoster(bytes, &problems);
    ASSERT_TRUE(loaded.ok()) << loaded.error().code << "\n" << dumpProblems(problems);
    EXPECT_TRUE(loaded->problems.empty()) << dumpProblems(loaded->problems);
    EXPECT_TRUE(loaded->roster == original);
    EXPECT_EQ(writeRoster(loaded->roster), bytes);
}

TEST(RosterJson, PrettyOutputReadsTheSame) {
    const Roster original = testing::makeFixtureRoster();
    const std::string pretty = writeRoster(original, {true});
    EXPECT_NE(pretty.find("\n  \"version\": " + std::to_string(kRosterFormatVersion)), std::string::npos);
    Result<LoadedRoster> loaded = loadRoster(pretty);
    ASSERT_TRUE(loaded.ok()) << loaded.error().code;
    EXPECT_TRUE(loaded->roster == original);
}

TEST(RosterJson, HeaderNamesFormatAndVersion) {
    const ordered_json j = ordered_json::parse(writeRoster(Roster{}));
    EXPECT_EQ(j.at("format"), "welkom-roster");
    EXPECT_EQ(j.at("version"), 2);
    EXPECT_EQ(j.begin().key(), "format");
}

// Version 2 added the level "unknown"; a version 1 file reads as it was.
TEST(RosterJson, UnknownLanguageLevelRoundTripsAndVersionOneFilesStillLoad) {
    Roster original = testing::makeFixtureRoster();
    original.households[0].members[0].languages[0].level = LanguageLevel::Unknown;
    const std::string bytes = writeRoster(original);
    EXPECT_NE(bytes.find("\"ar\":\"unknown\""), std::string::npos);
    std::vector<Problem> problems;
    Result<LoadedRoster> loaded = loadRoster(bytes, &problems);
    ASSERT_TRUE(loaded.ok()) << dumpProblems(problems);
    EXPECT_TRUE(loaded->roster == original);
    EXPECT_TRUE(hasProblem(loaded->problems, "/households/0/members/0/languages/ar", "language.level_unknown"))
        << dumpProblems(loaded->problems);

    ordered_json v1 = ordered_json::parse(writeRoster(testing::makeFixtureRoster()));
    v1["version"] = 1;
    Result<LoadedRoster> old = loadRoster(v1.dump());
    ASSERT_TRUE(old.ok()) << old.error().code;
    EXPECT_TRUE(old->roster == testing::makeFixtureRoster());
    EXPECT_EQ(ordered_json::parse(writeRoster(old->roster)).at("version"), 2);

    // Not a level for a check-in: kept as written, counted as no level.
    ordered_json checkIn = ordered_json::parse(writeRoster(testing::makeFixtureRoster()));
    checkIn["checkIns"][0]["dutchLevel"] = "unknown";
    Result<LoadedRoster> withCheckIn = loadRoster(checkIn.dump());
    ASSERT_TRUE(withCheckIn.ok()) << withCheckIn.error().code;
    EXPECT_FALSE(withCheckIn->roster.checkIns[0].dutchLevel.has_value());
    EXPECT_NE(writeRoster(withCheckIn->roster).find("\"dutchLevel\":\"unknown\""), std::string::npos);
}

TEST(RosterJson, UnknownFieldsSurviveAtEveryLevel) {
    ordered_json j = ordered_json::parse(writeRoster(testing::makeFixtureRoster()));
    j["futureTopLevel"] = {{"a", ordered_json::array({1, 2, 3})}, {"b", nullptr}};
    j["households"][0]["futureField"] = "x";
    j["households"][0]["members"][1]["schoolYear"] = 4;
    j["households"][0]["consent"]["withdrawnOn"] = "2025-01-01";
    j["households"][0]["availability"]["mornings"] = true;
    j["groups"][1]["members"][2]["badge"] = {{"colour", "blue"}};
    j["groups"][1]["support"]["wheelchair"] = true;
    j["matches"][0]["history"][1]["by"] = "coordinator";
    j["matches"][0]["futureScoreVersion"] = 2.5;
    j["constraints"][0]["expires"] = "2025-06-01";
    j["settings"]["fairness"] = {{"maxGap", 0.1}};
    const std::string input = j.dump();

    Result<LoadedRoster> loaded = loadRoster(input);
    ASSERT_TRUE(loaded.ok()) << loaded.error().code;
    const Roster& r = loaded->roster;
    ASSERT_EQ(r.extra.size(), 1u);
    EXPECT_EQ(r.extra[0].first, "futureTopLevel");
    EXPECT_EQ(r.households[0].members[1].extra.at(0).second, "4");
    EXPECT_EQ(r.checkIns[0].extra.size(), 1u);  // the fixture's "mood"

    const ordered_json back = ordered_json::parse(writeRoster(r));
    EXPECT_EQ(back, ordered_json::parse(input));
}

// Weights are typed in memory (one per Criterion) and named on disk: a file
// naming only some criteria gives the others the default weight, and weights
// of criteria this version does not know survive a save.
TEST(RosterJson, WeightsAreReadAndWrittenByCriterionName) {
    ordered_json j = ordered_json::parse(writeRoster(testing::makeFixtureRoster()));
    j["settings"]["weights"] = {{"language", 2.5}, {"age", 0.25}, {"charm", 3}};
    Result<LoadedRoster> loaded = loadRoster(j.dump());
    ASSERT_TRUE(loaded.ok()) << loaded.error().code;
    const CriterionWeights& w = loaded->roster.settings.weights;
    EXPECT_EQ(w[Criterion::Language], 2.5);
    EXPECT_EQ(w[Criterion::Age], 0.25);
    EXPECT_EQ(w[Criterion::Interests], kDefaultCriterionWeight);
    EXPECT_EQ(w[Criterion::Distance], kDefaultCriterionWeight);

    const ordered_json back = ordered_json::parse(writeRoster(loaded->roster))["settings"]["weights"];
    ASSERT_EQ(back.size(), static_cast<std::size_t>(kCriterionCount) + 1);
    auto it = back.begin();
    for (Criterion c : allCriteria()) {
        EXPECT_EQ(it.key(), criterionName(c)) << "every criterion by name, in criterion order";
        EXPECT_EQ(it.value().get<double>(), w[c]);
        ++it;
    }
    EXPECT_EQ(it.key(), "charm");
    EXPECT_EQ(it.value(), 3);
}

TEST(RosterJson, StatedPrioritiesAndTheirShareRoundTrip) {
    Roster r = testing::makeFixtureRoster();
    r.households[0].statedPriorities[Criterion::Language] = StatedImportance::VeryImportant;
    r.households[0].statedPriorities[Criterion::Age] = StatedImportance::NotImportant;
    r.groups[0].members[0].statedPriorities[Criterion::Distance] = StatedImportance::Important;
    r.settings.participantPriorities = 0.8;
    const std::string bytes = writeRoster(r);
    const ordered_json j = ordered_json::parse(bytes);
    EXPECT_EQ(j["households"][0]["statedPriorities"], (ordered_json{{"age", "not_important"}, {"language", "very_important"}}));
    EXPECT_EQ(j["groups"][0]["members"][0]["statedPriorities"], (ordered_json{{"distance", "important"}}));
    EXPECT_EQ(j["settings"]["participantPriorities"], 0.8);
    EXPECT_FALSE(j["households"][1].contains("statedPriorities"));  // nothing stated: left out
    Result<LoadedRoster> loaded = loadRoster(bytes);
    ASSERT_TRUE(loaded.ok()) << loaded.error().code;
    EXPECT_TRUE(loaded->roster == r);
    EXPECT_EQ(writeRoster(loaded->roster), bytes);

    // The default share is not written, so files of rosters that never touched it stay as they were.
    EXPECT_FALSE(ordered_json::parse(writeRoster(testing::makeFixtureRoster()))["settings"].contains("participantPriorities"));
}

// Sign-up imports before priorities were typed left them as an unknown member
// of the same name and shape: such files read them as the fields.
TEST(RosterJson, StatedPrioritiesKeptAsAnUnknownFieldReadAsTheFields) {
    const RosterReadReport rep = readEdited([](ordered_json& j) {
        j["households"][0]["statedPriorities"] = {{"language", "very_important"}, {"interests", "important"}};
        j["groups"][0]["members"][0]["statedPriorities"] = {{"availability", "not_important"}, {"charm", "very_important"}};
    });
    ASSERT_TRUE(rep.roster) << dumpProblems(rep.problems);
    EXPECT_TRUE(rep.problems.empty()) << dumpProblems(rep.problems);
    const Household& h = rep.roster->households[0];
    EXPECT_EQ(h.statedPriorities[Criterion::Language], StatedImportance::VeryImportant);
    EXPECT_EQ(h.statedPriorities[Criterion::Interests], StatedImportance::Important);
    EXPECT_EQ(h.statedPriorities[Criterion::Age], StatedImportance::NotStated);
    EXPECT_TRUE(h.extra.empty());
    const GroupMember& m = rep.roster->groups[0].members[0];
    EXPECT_EQ(m.statedPriorities[Criterion::Availability], StatedImportance::NotImportant);
    // A criterion this version does not know is kept as read and written back.
    ASSERT_EQ(m.statedPriorities.unknownCriteria.size(), 1u);
    EXPECT_EQ(ordered_json::parse(writeRoster(*rep.roster))["groups"][0]["members"][0]["statedPriorities"]["charm"],
              "very_important");
}

TEST(RosterJson, StatedPrioritiesAndTheirShareAreChecked) {
    const RosterReadReport bad = readEdited([](ordered_json& j) {
        j["households"][0]["statedPriorities"] = {{"language", "essential"}};
    });
    EXPECT_TRUE(hasProblem(bad.problems, "/households/0/statedPriorities/language", "json.enum")) << dumpProblems(bad.problems);
    const RosterReadReport range = readEdited([](ordered_json& j) { j["settings"]["participantPriorities"] = 1.5; });
    EXPECT_TRUE(hasProblem(range.problems, "/settings/participantPriorities", "priorities.range"))
        << dumpProblems(range.problems);
}

// Before outcomes were defined, check-ins carried them as unknown members in
// any shape. Those files must still open: values of another shape under a now
// known name are kept as unknown (with a warning), the rest is read.
TEST(RosterJson, CheckInsFromBeforeOutcomesStillLoad) {
    ordered_json j = ordered_json::parse(writeRoster(testing::makeFixtureRoster()));
    ordered_json legacy = {{"id", "ci1"},
                           {"matchId", "m1"},
                           {"date", "2024-07-12"},
                           {"meetingsPerMonth", "weekly"},
                           {"satisfaction", {{"group", 4}, {"household", 5}}},
                           {"householdSatisfaction", 4},
                           {"milestone", "after the summer"}};
    j["checkIns"] = ordered_json::array({legacy});
    const std::string input = j.dump();
    std::vector<Problem> problems;
    Result<LoadedRoster> loaded = loadRoster(input, &problems);
    ASSERT_TRUE(loaded.ok()) << loaded.error().code << "\n" << dumpProblems(problems);
    const CheckIn& c = loaded->roster.checkIns.at(0);
    EXPECT_FALSE(c.meetingsPerMonth.has_value());
    EXPECT_EQ(c.householdSatisfaction, 4);
    EXPECT_EQ(c.milestone, CheckInMilestone::AdHoc);
    ASSERT_EQ(c.extra.size(), 3u);
    EXPECT_EQ(c.extra[0].first, "meetingsPerMonth");
    EXPECT_TRUE(hasProblem(problems, "/checkIns/0/meetingsPerMonth", "checkin.kept_unknown"));
    EXPECT_TRUE(hasProblem(problems, "/checkIns/0/milestone", "checkin.kept_unknown"));
    // Nothing is lost on save.
    const ordered_json back = ordered_json::parse(writeRoster(loaded->roster));
    EXPECT_EQ(back["checkIns"][0]["meetingsPerMonth"], "weekly");
    EXPECT_EQ(back["checkIns"][0]["satisfaction"], legacy["satisfaction"]);
    EXPECT_EQ(back["checkIns"][0]["householdSatisfaction"], 4);
}

TEST(RosterJson, CheckInOutcomesRoundTripAndRangesAreChecked) {
    Roster r = testing::makeFixtureRoster();
    CheckIn c;
    c.id = "ci2";
    c.matchId = "m1";
    c.date = "2024-10-14";
    c.milestone = CheckInMilestone::Month6;
    c.meetingsPerMonth = 0;
    c.endedEarly = true;
    c.endReason = EndReason::Moved;
    r.checkIns.push_back(c);
    const std::string bytes = writeRoster(r);
    EXPECT_NE(bytes.find("\"endReason\":\"moved\""), std::string::npos);
    EXPECT_NE(bytes.find("\"meetingsPerMonth\":0"), std::string::npos);  // 0 is an answer, not a default
    std::vector<Problem> problems;
    Result<LoadedRoster> loaded = loadRoster(bytes, &problems);
    ASSERT_TRUE(loaded.ok()) << dumpProblems(problems);
    EXPECT_TRUE(loaded->roster == r);
    // The match is still active: the early end is not recorded in its history.
    EXPECT_TRUE(hasProblem(problems, "/checkIns/1/endedEarly", "checkin.ended_not_recorded"));

    RosterReadReport bad = readEdited([](ordered_json& j) {
        j["checkIns"][0]["householdSatisfaction"] = 6;
        j["checkIns"][0]["newContacts"] = -1;
    });
    EXPECT_TRUE(hasProblem(bad.problems, "/checkIns/0/householdSatisfaction", "checkin.range"));
    EXPECT_TRUE(hasProblem(bad.problems, "/checkIns/0/newContacts", "checkin.range"));
}

TEST(RosterJson, NewerVersionIsRefusedWithAClearMessage) {
    ordered_json j = ordered_json::parse(writeRoster(testing::makeFixtureRoster()));
    j["version"] = kRosterFormatVersion + 1;
    std::vector<Problem> problems;
    Result<LoadedRoster> loaded = loadRoster(j.dump(), &problems);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, "roster.too_new");
    const std::string en = errorText(loaded.error(), false);
    EXPECT_NE(en.find("newer version"), std::string::npos) << en;
    EXPECT_NE(en.find("format version " + std::to_string(kRosterFormatVersion + 1)), std::string::npos) << en;
    EXPECT_NE(errorText(loaded.error(), true).find("nieuwere versie"), std::string::npos);
    ASSERT_EQ(problems.size(), 1u);
}

TEST(RosterJson, OtherFilesAreNotRosters) {
    for (const char* text : {"[]", "{}", "{\"format\":\"something-else\",\"version\":1}", "42", "\"welkom-roster\""}) {
        Result<LoadedRoster> loaded = loadRoster(text);
        ASSERT_FALSE(loaded.ok()) << text;
        EXPECT_EQ(loaded.error().code, "roster.not_roster") << text;
    }
    for (const char* text : {"{\"format\":\"welkom-roster\"}", "{\"format\":\"welkom-roster\",\"version\":\"1\"}",
                             "{\"format\":\"welkom-roster\",\"version\":0}",
                             "{\"format\":\"welkom-roster\",\"version\":1.5}"}) {
        Result<LoadedRoster> loaded = loadRoster(text);
        ASSERT_FALSE(loaded.ok()) << text;
        EXPECT_EQ(loaded.error().code, "roster.version") << text;
    }
}

TEST(RosterJson, MinimalFileLoads) {
    Result<LoadedRoster> loaded = loadRoster("{\"format\":\"welkom-roster\",\"version\":1}");
    ASSERT_TRUE(loaded.ok()) << loaded.error().code;
    EXPECT_TRUE(loaded->roster.households.empty());
}

TEST(RosterJson, WrongTypesAndMissingFieldsAreAllReportedWithPaths) {
    RosterReadReport report = readEdited([](ordered_json& j) {
        j["households"][0]["members"][0]["age"] = "38";
        j["households"][1].erase("municipality");
        j["groups"][1]["members"][2]["languages"]["nl"] = "fluent";
        j["groups"][0]["capacity"] = true;
        j["matches"][0]["history"] = "proposed";
        j["settings"]["weights"]["age"] = "high";
        j["households"][0]["interests"][1] = 7;
    });
    EXPECT_FALSE(report.roster.has_value());
    const auto& ps = report.problems;
    EXPECT_TRUE(hasProblem(ps, "/households/0/members/0/age", "json.type")) << dumpProblems(ps);
    EXPECT_TRUE(hasProblem(ps, "/households/1/municipality", "json.missing"));
    EXPECT_TRUE(hasProblem(ps, "/groups/1/members/2/languages/nl", "json.enum"));
    EXPECT_TRUE(hasProblem(ps, "/groups/0/capacity", "json.type"));
    EXPECT_TRUE(hasProblem(ps, "/matches/0/history", "json.type"));
    EXPECT_TRUE(hasProblem(ps, "/settings/weights/age", "json.type"));
    EXPECT_TRUE(hasProblem(ps, "/households/0/interests/1", "json.type"));
    EXPECT_EQ(ps.size(), 7u) << dumpProblems(ps);

    std::vector<Problem> problems;
    ordered_json j = ordered_json::parse(writeRoster(testing::makeFixtureRoster()));
    j["groups"][0]["capacity"] = true;
    Result<LoadedRoster> loaded = loadRoster(j.dump(), &problems);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, "roster.invalid");
    // The refusal, in words, names the first error (app/text/open_errors.h).
    const std::string refusal = errorText(explainOpenError(loaded.error(), problems), false);
    EXPECT_NE(refusal.find("/groups/0/capacity"), std::string::npos) << refusal;
    EXPECT_EQ(problems.size(), 1u);
}

TEST(RosterJson, PathsEscapeJsonPointerCharacters) {
    RosterReadReport report = readEdited([](ordered_json& j) {
        j["households"][0]["members"][0]["languages"]["a/b~c"] = "fluent";
    });
    EXPECT_TRUE(hasProblem(report.problems, "/households/0/members/0/languages/a~1b~0c", "json.enum"))
        << dumpProblems(report.problems);
}

TEST(RosterJson, ValidationErrorsRefuseTheLoadButKeepTheRosterInTheReport) {
    ordered_json j = ordered_json::parse(writeRoster(testing::makeFixtureRoster()));
    j["groups"][1]["members"][3]["age"] = 12;
    j["households"][1]["consent"]["toMatching"] = false;
    RosterReadReport report = readRoster(j.dump());
    ASSERT_TRUE(report.roster.has_value());
    EXPECT_TRUE(hasProblem(report.problems, "/groups/1/members/3/age", "age.range"));
    EXPECT_TRUE(hasProblem(report.problems, "/households/1/consent/toMatching", "consent.matching"));

    std::vector<Problem> problems;
    Result<LoadedRoster> loaded = loadRoster(j.dump(), &problems);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, "roster.invalid");
    EXPECT_NE(errorText(loaded.error(), false).find("1 error, 1 warning"), std::string::npos) << errorText(loaded.error(), false);
    EXPECT_NE(errorText(loaded.error(), true).find("1 fout, 1 waarschuwing"), std::string::npos);
    EXPECT_EQ(problems.size(), 2u);
}

TEST(RosterJson, WarningsDoNotRefuseTheLoad) {
    ordered_json j = ordered_json::parse(writeRoster(testing::makeFixtureRoster()));
    j["households"][1]["consent"]["toMatching"] = false;
    std::vector<Problem> problems;
    Result<LoadedRoster> loaded = loadRoster(j.dump(), &problems);
    ASSERT_TRUE(loaded.ok());
    ASSERT_EQ(loaded->problems.size(), 1u);
    EXPECT_EQ(loaded->problems[0].severity, Severity::Warning);
    EXPECT_EQ(problems.size(), 1u);
}

TEST(RosterJson, DeepNestingIsRefusedBeforeParsing) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    Result<LoadedRoster> loaded = loadRoster(deep);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, "json.too_deep");

    // Deep inside a legitimate roster, as an unknown field.
    std::string doc = "{\"format\":\"welkom-roster\",\"version\":1,\"x\":" + std::string(100000, '{');
    Result<LoadedRoster> nested = loadRoster(doc);
    ASSERT_FALSE(nested.ok());
    EXPECT_EQ(nested.error().code, "json.too_deep");

    // Brackets inside strings do not count.
    const std::string quoted = "{\"format\":\"welkom-roster\",\"version\":1,\"programmeName\":\"" +
                               std::string(1000, '[') + "\"}";
    EXPECT_TRUE(loadRoster(quoted).ok());

    // Exactly the limit is fine; one more is not.
    auto nestedArrays = [](int levels) {  // the root object is one level
        return "{\"format\":\"welkom-roster\",\"version\":1,\"x\":" + std::string(levels - 1, '[') +
               std::string(levels - 1, ']') + "}";
    };
    EXPECT_TRUE(loadRoster(nestedArrays(kMaxJsonDepth)).ok());
    EXPECT_EQ(loadRoster(nestedArrays(kMaxJsonDepth + 1)).error().code, "json.too_deep");
}

TEST(RosterJson, HugeObjectsAndFilesAreRefused) {
    std::string wide = "{\"format\":\"welkom-roster\",\"version\":1,\"x\":{";
    for (std::size_t i = 0; i < kMaxObjectMembers + 1; ++i) wide += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
    wide += "}}";
    EXPECT_EQ(loadRoster(wide).error().code, "json.too_many_members");

    // A long array is fine: rosters are arrays.
    std::string longArray = "{\"format\":\"welkom-roster\",\"version\":1,\"x\":[0";
    for (std::size_t i = 0; i < kMaxObjectMembers * 2; ++i) longArray += ",0";
    longArray += "]}";
    EXPECT_TRUE(loadRoster(longArray).ok());

    const std::string big(kMaxRosterBytes + 1, ' ');
    EXPECT_EQ(loadRoster(big).error().code, "file.too_large");
}

TEST(RosterJson, HugeNumbersAreRefused) {
    // nlohmann 3.11 refuses 1e400 while parsing ("number overflow"); integers
    // beyond 64 bits become doubles, which a whole-number field refuses.
    std::string text = writeRoster(testing::makeFixtureRoster());
    const auto replaceFirst = [](std::string s, const std::string& from, const std::string& to) {
        const auto pos = s.find(from);
        EXPECT_NE(pos, std::string::npos) << from;
        return s.replace(pos, from.size(), to);
    };
    for (const char* huge : {"1e400", "-1e400"}) {
        Result<LoadedRoster> r1 = loadRoster(replaceFirst(text, "\"age\":38", std::string("\"age\":") + huge));
        ASSERT_FALSE(r1.ok());
        EXPECT_EQ(r1.error().code, "json.syntax");
        EXPECT_NE(errorText(r1.error(), false).find(huge), std::string::npos) << errorText(r1.error(), false);
    }
    Result<LoadedRoster> r2 = loadRoster(replaceFirst(text, "\"minimumScore\":0.25", "\"minimumScore\":1e400"));
    EXPECT_EQ(r2.error().code, "json.syntax");
    RosterReadReport r3 = readRoster(replaceFirst(text, "\"age\":38", "\"age\":99999999999999999999999"));
    EXPECT_TRUE(hasProblem(r3.problems, "/households/0/members/0/age", "json.type")) << dumpProblems(r3.problems);
    RosterReadReport r5 = readRoster(replaceFirst(text, "\"minimumScore\":0.25", "\"minimumScore\":1e308"));
    EXPECT_TRUE(hasProblem(r5.problems, "/settings/minimumScore", "score.range")) << dumpProblems(r5.problems);
    RosterReadReport r4 = readRoster(replaceFirst(text, "\"capacity\":1", "\"capacity\":4294967296"));
    EXPECT_TRUE(hasProblem(r4.problems, "/groups/0/capacity", "json.range")) << dumpProblems(r4.problems);
}

TEST(RosterJson, InvalidUtf8IsASyntaxError) {
    std::string text = writeRoster(testing::makeFixtureRoster());
    const auto pos = text.find("Familie Testa");
    ASSERT_NE(pos, std::string::npos);
    for (const char* bad : {"\xff", "\xc3", "\xed\xa0\x80", "\xc0\xaf"}) {  // stray, truncated, surrogate, overlong
        std::string broken = text;
        broken.insert(pos + 3, bad);
        Result<LoadedRoster> loaded = loadRoster(broken);
        ASSERT_FALSE(loaded.ok());
        EXPECT_EQ(loaded.error().code, "json.syntax");
        EXPECT_NE(errorText(loaded.error(), false).find("UTF-8"), std::string::npos) << errorText(loaded.error(), false);
    }
    // Valid multi-byte text is kept exactly.
    Roster r = testing::makeFixtureRoster();
    r.households[0].displayName = "Ярослава Şükrü ሰላም سلام";
    Result<LoadedRoster> loaded = loadRoster(writeRoster(r));
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->roster.households[0].displayName, r.households[0].displayName);
}

TEST(RosterJson, TruncatedFilesAreSyntaxErrorsAtEveryLength) {
    const std::string text = writeRoster(testing::makeFixtureRoster());
    // Every prefix, including an empty file: never a crash, never a roster.
    for (std::size_t n = 0; n + 1 < text.size(); n += 7) {
        Result<LoadedRoster> loaded = loadRoster(std::string_view(text).substr(0, n));
        ASSERT_FALSE(loaded.ok()) << n;
        EXPECT_EQ(loaded.error().code, "json.syntax") << n;
    }
    Result<LoadedRoster> cut = loadRoster(std::string_view(text).substr(0, text.size() / 2));
    ASSERT_FALSE(cut.ok());
    EXPECT_NE(errorText(cut.error(), false).find("line 1"), std::string::npos) << errorText(cut.error(), false);
}

TEST(RosterJson, TrailingGarbageIsASyntaxError) {
    const std::string text = writeRoster(testing::makeFixtureRoster()) + "{}";
    EXPECT_EQ(loadRoster(text).error().code, "json.syntax");
}

// RFC 8259 leaves repeated names open (first, last or both win), so a roster
// with one is ambiguous and refused, each repetition named once at its path.
TEST(RosterJson, RepeatedKeysAreRefusedNamingEachOne) {
    const std::string text =
        "{\"format\":\"welkom-roster\",\"version\":1,\"x\":1,\"x\":2,\"x\":3,\"households\":[{\"id\":\"h1\","
        "\"displayName\":\"A\",\"municipality\":\"Delft\",\"members\":[{\"age\":30,\"languages\":{\"ar\":\"B1\"},"
        "\"languages\":{\"en\":\"B2\"}}],\"interests\":[\"cooking\"],\"interests\":[\"chess\"],"
        "\"consent\":{\"toMatching\":true}}]}";
    std::vector<Problem> problems;
    Result<LoadedRoster> loaded = loadRoster(text, &problems);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, "roster.invalid");
    const std::string refusal = errorText(explainOpenError(loaded.error(), problems), false);
    EXPECT_NE(refusal.find("appears more than once"), std::string::npos) << refusal;
    EXPECT_EQ(std::count_if(problems.begin(), problems.end(),
                            [](const Problem& p) { return p.code == "json.duplicate_key"; }),
              3)
        << dumpProblems(problems);
    EXPECT_TRUE(hasProblem(problems, "/x", "json.duplicate_key")) << dumpProblems(problems);
    EXPECT_TRUE(hasProblem(problems, "/households/0/interests", "json.duplicate_key")) << dumpProblems(problems);
    EXPECT_TRUE(hasProblem(problems, "/households/0/members/0/languages", "json.duplicate_key"))
        << dumpProblems(problems);

    // Two "households" arrays: neither may silently win. The same names in
    // different objects, and repeated values, are fine.
    EXPECT_EQ(loadRoster("{\"format\":\"welkom-roster\",\"version\":1,\"households\":[],\"households\":[]}")
                  .error()
                  .code,
              "roster.invalid");
    EXPECT_TRUE(loadRoster("{\"format\":\"welkom-roster\",\"version\":1,\"a\":{\"k\":1},\"b\":{\"k\":1}}").ok());

    // Wide objects take the sorting path: one repetition among 200 names.
    std::string wide = "{\"format\":\"welkom-roster\",\"version\":1,\"x\":{";
    for (int i = 0; i < 200; ++i) wide += "\"k" + std::to_string(i) + "\":0,";
    EXPECT_TRUE(loadRoster(wide + "\"k200\":0}}").ok());
    std::vector<Problem> wideProblems;
    EXPECT_FALSE(loadRoster(wide + "\"k7\":0}}", &wideProblems).ok());
    EXPECT_TRUE(hasProblem(wideProblems, "/x/k7", "json.duplicate_key")) << dumpProblems(wideProblems);
}

TEST(RosterJson, SchemaDescribesThisVersion) {
    // The schema is documentation; this keeps its header in step with the code.
    std::FILE* f = std::fopen(WELKOM_SOURCE_DIR "/docs/roster.schema.json", "rb");
    ASSERT_NE(f, nullptr);
    std::string text;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
    std::fclose(f);
    const ordered_json schema = ordered_json::parse(text, nullptr, false);
    ASSERT_FALSE(schema.is_discarded());
    EXPECT_EQ(schema["properties"]["format"]["const"], std::string(kRosterFormatName));
    EXPECT_EQ(schema["properties"]["version"]["const"], kRosterFormatVersion);
    for (const char* key : {"households", "groups", "matches", "constraints", "checkIns", "settings", "signup", "team"}) {
        EXPECT_TRUE(schema["properties"].contains(key)) << key;
    }
}

TEST(RosterMigrations, StepsRunInOrderAndBumpTheVersion) {
    ordered_json doc = {{"format", "welkom-roster"}, {"version", 1}, {"trail", ""}};
    const std::vector<RosterMigration> table = {
        [](ordered_json& d) -> Status {
            d["trail"] = d["trail"].get<std::string>() + "1>2 ";
            return Ok{};
        },
        [](ordered_json& d) -> Status {
            d["trail"] = d["trail"].get<std::string>() + "2>3";
            return Ok{};
        },
    };
    ASSERT_TRUE(applyMigrations(doc, 1, 3, table).ok());
    EXPECT_EQ(doc["trail"], "1>2 2>3");
    EXPECT_EQ(doc["version"], 3);

    ordered_json again = {{"version", 2}, {"trail", ""}};
    ASSERT_TRUE(applyMigrations(again, 2, 3, table).ok());
    EXPECT_EQ(again["trail"], "2>3");

    Status missing = applyMigrations(doc, 3, 4, table);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, "roster.migration");

    const std::vector<RosterMigration> failing = {
        [](ordered_json&) -> Status { return codedError("roster.migration"); }};
    ordered_json doc2 = {{"version", 1}};
    EXPECT_FALSE(applyMigrations(doc2, 1, 2, failing).ok());
    EXPECT_EQ(doc2["version"], 1);
}

TEST(RosterMigrations, CurrentVersionNeedsNoMigration) {
    EXPECT_EQ(rosterMigrations().size(), static_cast<std::size_t>(kRosterFormatVersion - 1));
    ordered_json doc = {{"version", kRosterFormatVersion}};
    EXPECT_TRUE(migrateRoster(doc, kRosterFormatVersion).ok());
}

// Random truncation, flipped bytes, invalid UTF-8 and duplicated slices: the
// reader never crashes, and either refuses the file or returns a roster that
// validates without errors.
TEST(RosterJsonCorruption, RandomDamageGivesAnErrorOrAValidRoster) {
    const std::string original = writeRoster(generateDemoRoster({12, 8, 2, 3}), {true});
    std::mt19937 rng(7);
    int loaded = 0, refused = 0;
    for (int round = 0; round < 1200; ++round) {
        std::string s = original;
        std::uniform_int_distribution<std::size_t> pos(0, s.size() - 1);
        switch (round % 4) {
            case 0: s.resize(pos(rng)); break;
            case 1:
                for (int i = 0; i < 3; ++i) s[pos(rng)] = static_cast<char>(rng());
                break;
            case 2: s.insert(pos(rng), (round / 4) % 2 ? "\xC3" : "\xED\xA0\x80"); break;
            default: s.insert(pos(rng), s.substr(pos(rng), 30)); break;
        }
        const RosterReadReport report = readRoster(s);
        Result<LoadedRoster> r = loadRoster(s);
        if (r) {
            ASSERT_FALSE(hasErrors(validateRoster(r->roster))) << s;
            ASSERT_FALSE(report.failure.has_value());
            ++loaded;
        } else {
            ASSERT_FALSE(r.error().code.empty());
            ASSERT_TRUE(report.failure.has_value() || hasErrors(report.problems));
            ++refused;
        }
    }
    EXPECT_GT(loaded, 5);  // flips inside names and notes keep the file valid
    EXPECT_GT(refused, 300);
}

}  // namespace
}  // namespace welkom
