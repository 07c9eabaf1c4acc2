// The texts people read, word for word: every message family of core and io
// rendered in English and Dutch on the fixture and demo rosters, compared with
// tests/fixtures/messages/golden-{en,nl}.txt. The files were written by this
// test before messages became codes (issue #18), so they hold the wording as
// it was; a change of wording updates them on purpose:
//   WELKOM_WRITE_GOLDEN=1 ./welkom_engine_tests --gtest_filter='MessagesGolden.*'
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "app/jobs.h"
#include "app/matching_wire.h"
#include "app/qr_code.h"
#include "app/text/messages.h"
#include "app/text/open_errors.h"
#include "core/demo_roster.h"
#include "core/learning.h"
#include "core/stable_matching.h"
#include "core/roster_fixtures.h"
#include "core/scoring.h"
#include "core/validation.h"
#include "core/validation_cases.h"
#include "core/vocabulary.h"
#include "io/age.h"
#include "io/bech32.h"
#include "io/json_dom.h"
#include "io/research_export.h"
#include "io/roster_csv.h"
#include "io/roster_json.h"
#include "io/roster_migrations.h"

namespace welkom {
namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class Dump {
public:
    explicit Dump(bool dutch) : nl(dutch) {}
    const bool nl;
    void section(const std::string& name) { m_out << "[" << name << "]\n"; }
    void line(const std::string& text) { m_out << text << "\n"; }
    std::string str() const { return m_out.str(); }

private:
    std::ostringstream m_out;
};

void dumpValidation(Dump& d) {
    d.section("validation: one rule broken at a time");
    for (const testing::RuleCase& c : testing::validationRuleCases()) {
        Roster r = testing::makeFixtureRoster();
        c.mutate(r);
        for (const Problem& p : validateRoster(r)) d.line(formatProblemText(p, d.nl));
    }
    d.section("validation: demo rosters");
    for (const DemoRosterOptions& o : {DemoRosterOptions{60, 40, 4, 7}, DemoRosterOptions{200, 120, 6, 3}})
        for (const Problem& p : validateRoster(generateDemoRoster(o))) d.line(formatProblemText(p, d.nl));
}

void dumpPair(Dump& d, const PairReport& rep, std::set<std::string>& seen) {
    for (const HardVerdict& v : rep.hard) {
        const std::string s = renderReason(v.reason, d.nl);
        if (seen.insert(s).second) d.line(s);
    }
    for (const CriterionResult& c : rep.soft) {
        const std::string s = criterionLabel(c.criterion, d.nl) + ": " + renderReason(c.reason, d.nl);
        if (seen.insert(s).second) d.line(s);
    }
}

void dumpUnplaceable(Dump& d, const UnplaceableReport& u, std::set<std::string>& seen) {
    for (const CandidateBlock& c : u.candidates)
        for (const HardVerdict& v : c.failed) {
            const std::string s = renderReason(v.reason, d.nl);
            if (seen.insert(s).second) d.line(s);
        }
    if (u.smallest)
        for (const Change& c : u.smallest->changes) {
            const std::string s = renderChange(c, d.nl);
            if (seen.insert(s).second) d.line(s);
        }
}

void dumpScoring(Dump& d) {
    d.section("criterion labels");
    for (int c = 0; c < kCriterionCount; ++c) d.line(criterionLabel(static_cast<Criterion>(c), d.nl));
    // Reasons of every pair (each distinct text once, in first-seen order).
    std::set<std::string> seen;
    d.section("reasons and changes: fixture roster, one rule broken at a time");
    for (const testing::RuleCase& c : testing::validationRuleCases()) {
        Roster r = testing::makeFixtureRoster();
        c.mutate(r);
        if (hasErrors(validateRoster(r))) continue;
        const Scorer scorer(r);
        for (std::size_t h = 0; h < r.households.size(); ++h) {
            for (std::size_t g = 0; g < r.groups.size(); ++g) dumpPair(d, scorer.explain(h, g), seen);
            dumpUnplaceable(d, scorer.explainUnplaceable(h), seen);
        }
    }
    d.section("reasons and changes: demo roster");
    const Roster demo = generateDemoRoster({60, 40, 4, 7});
    const Scorer scorer(demo);
    for (std::size_t h = 0; h < demo.households.size(); ++h) {
        for (std::size_t g = 0; g < demo.groups.size(); ++g) dumpPair(d, scorer.explain(h, g), seen);
        dumpUnplaceable(d, scorer.explainUnplaceable(h), seen);
    }
}

void dumpVocabulary(Dump& d) {
    d.section("vocabulary labels");
    for (VocabularyKind k : {VocabularyKind::Interests, VocabularyKind::Goals, VocabularyKind::Sectors,
                             VocabularyKind::Skills, VocabularyKind::Needs, VocabularyKind::Languages}) {
        for (const Term& t : vocabulary(k)) d.line(std::string(t.code) + " = " + termLabelText(k, t.code, d.nl));
        d.line(termLabelText(k, "custom:Eigen label", d.nl));
        d.line(termLabelText(k, "unknown_code", d.nl));
    }
}

void dumpCsv(Dump& d) {
    d.section("csv import problems");
    const std::string dir = std::string(WELKOM_SOURCE_DIR) + "/tests/fixtures/csv/";
    const Roster into = testing::makeFixtureRoster();
    for (const char* f : {"households_broken.csv", "households_cp1252.csv", "households_en_comma.csv",
                          "households_nl_semicolon_bom_crlf.csv"}) {
        d.line(std::string("-- ") + f);
        for (const CsvProblem& p : previewHouseholdImport(readFile(dir + f), into).problems)
            d.line(formatCsvProblemText(p, d.nl));
    }
    d.line("-- members_nl.csv");
    for (const CsvProblem& p : previewGroupMemberImport(readFile(dir + "members_nl.csv"), into).problems)
        d.line(formatCsvProblemText(p, d.nl));
    d.line("-- members as households, households as members, odd bytes");
    for (const CsvProblem& p : previewGroupMemberImport(readFile(dir + "households_en_comma.csv"), into).problems)
        d.line(formatCsvProblemText(p, d.nl));
    for (const CsvProblem& p : previewHouseholdImport(readFile(dir + "members_nl.csv"), into).problems)
        d.line(formatCsvProblemText(p, d.nl));
    // g1 is a group's id: a new household may not take it. A sheet whose ids
    // name households updates them, and then an id the roster lacks is an error.
    for (const char* bytes : {"", "naam\n\"open", "a;b\n1;2;3\n", "id,displayName,municipality\ng1,,\n",
                              "id,adult1_languages\nh1,ar\nh-missing,ar\n"})
        for (const CsvProblem& p : previewHouseholdImport(bytes, into).problems) d.line(formatCsvProblemText(p, d.nl));
}

// What the CSV reader refuses before any row is imported: encodings it cannot
// read, bytes that are not text, and sheets beyond its limits. (The 64 MB and
// 4 million cell limits are left out: their input is too large for a test.)
void dumpCsvReaderErrors(Dump& d) {
    d.section("csv reader errors");
    const Roster into = testing::makeFixtureRoster();
    const std::string megabyte(kCsvMaxFieldBytes, 'x');
    std::string longRow = "a\n";
    for (int i = 0; i < 5; ++i) longRow += megabyte + ",";
    for (const std::string& bytes :
         {std::string("\xFF\xFEn\0a\0"), std::string("naam\nx\0y\n", 9), std::string("\xEF\xBB\xBFnaam\nx\xC3\x28\n"),
          std::string("naam\nx\x81y\n"), std::string("a\n") + std::string(kCsvMaxColumns + 1, ','),
          std::string("a\n\"") + megabyte + "x\"", std::string("a\n") + megabyte + "x", longRow})
        for (const CsvProblem& p : previewHouseholdImport(bytes, into).problems) d.line(formatCsvProblemText(p, d.nl));
}

// Every kind of problem the sheet importer words itself, on sheets made to
// break each rule once, and the refusals of applying a preview.
void dumpCsvImporterProblems(Dump& d) {
    d.section("csv importer problems");
    const Roster into = testing::makeFixtureRoster();
    auto show = [&](const CsvImportPreview& p) {
        for (const CsvProblem& x : p.problems) d.line(formatCsvProblemText(x, d.nl));
    };
    show(previewHouseholdImport(
        "name,municipality,adult1_age,adult1_gender,adult1_languages,availability,education,women_only,"
        "consent_matching_date,child_ages\n"
        "Familie Testfictief,Voorbeeldstad,200,robot,ar:B1,nooit,raketkunde,misschien,32-13-2020,4\n",
        into));
    show(previewHouseholdImport("name,Naam,municipality\nA,B,C\n", into));
    for (const char* sheet : {"name;municipality\nA;B;C\n", "name\tmunicipality\nA\tB\tC\n"})
        show(previewHouseholdImport(sheet, into));
    show(previewHouseholdImport("Wie,Waar\nA,B\n", into, {{"Wie", "naam_onbekend"}, {"Ontbreekt", "name"}}));
    show(previewGroupMemberImport(
        "group,name,age,coordinator,capacity,municipality\n"
        "Groep Oost,Anna Testfictief,40,ja,2,Voorbeeldstad\n"
        "Groep Oost,Bert Testfictief,41,ja,3,Voorbeeldstad\n"
        "Groep Oost,,,nee,2,Voorbeeldstad\n"
        ",Carla Testfictief,30,nee,,\n"
        "Groep Zonder,Dirk Testfictief,30,nee,veel,\n"
        "De Buurtgroep,Eva Testfictief,30,nee,1,Voorbeeldstad\n",
        into));
    show(previewGroupMemberImport("group,name,age\nGroep Oost,Anna Testfictief,40\n", into));
    Roster roster = into;
    const CsvImportPreview broken = previewHouseholdImport("name,municipality\nFamilie Testfictief,\n", roster);
    const Status refused = applyImport(roster, broken);
    ASSERT_FALSE(refused.ok());
    d.line(errorText(refused.error(), d.nl));
    const CsvImportPreview good = previewHouseholdImport("name,municipality,adult1_age,adult1_languages\nFamilie Testfictief,Voorbeeldstad,40,nl:B1\n", roster);
    roster.households.pop_back();
    const Status stale = applyImport(roster, good);
    ASSERT_FALSE(stale.ok());
    d.line(errorText(stale.error(), d.nl));
}

void dumpResearch(Dump& d) {
    d.section("research export steps");
    auto steps = [&](const Roster& roster) {
        ResearchExportOptions opt;
        opt.seed = 1;
        Result<ResearchExport> e = buildResearchExport(roster, opt);
        ASSERT_TRUE(e.ok());
        for (const Message& s : e->report.steps) d.line(messageText(s, d.nl));
    };
    for (const DemoRosterOptions& o : {DemoRosterOptions{60, 40, 4, 7}, DemoRosterOptions{400, 300, 4, 2},
                                       DemoRosterOptions{3000, 2000, 8, 5}})
        steps(generateDemoRoster(o));
    steps(Roster{});  // nothing to generalise
}

// Every refusal of readResearchFile: the file as a whole, then each kind of bad value in a row.
void dumpResearchErrors(Dump& d) {
    d.section("research file errors");
    const std::string json = R"({"format": "welkom-research", "version": 1, "rows": )";
    const std::string csv = "research_id,status,";
    for (const std::string& bytes :
         {std::string("{"), std::string(R"({"rows": [[[[[[[[[1]]]]]]]]]})"), std::string(R"({"format": "other"})"),
          std::string(R"({"format": "welkom-research", "version": 2})"), json + "{}}", json + "[3]}",
          json + R"([{"status": "active", "check_ins": [1]}]})", json + R"([{"status": "active", "score_age": 1.5}]})",
          std::string(""), std::string("a,b\n1,2\n"), std::string(200002, '\n'), csv + "score_interests\nab,active,x\n",
          csv + "\nab,proposed\n", csv + "ended_early\nab,ended,maybe\n", csv + "end_reason\nab,ended,zzz\n",
          csv + "check_ins\nab,active,many\n", csv + "household_satisfaction\nab,active,9\n",
          csv + "months_followed\nab,active,2000\n", csv + "dutch_level\nab,active,Z9\n",
          csv + "work_status\nab,active,zzz\n"}) {
        const Result<std::vector<ResearchRow>> rows = readResearchFile(bytes);
        d.line(rows ? "(read)" : errorText(rows.error(), d.nl));
    }
}

void dumpLearning(Dump& d) {
    d.section("learning refusals");
    const Roster demo = generateDemoRoster({60, 40, 4, 7});
    for (const std::vector<LearningSample>& samples :
         {std::vector<LearningSample>{}, learningSamples(demo, SuccessDefinition{})}) {
        const WeightProposal p = proposeWeights(fitSuccessModel(samples), demo.settings.weights);
        for (const Refusal& r : p.refusals) d.line(messageText(r, d.nl));
    }
}

void dumpRosterErrors(Dump& d) {
    d.section("roster file errors");
    for (const char* bytes : {"", "{", "[]", "{\"format\": 99}", "{\"format\": \"x\"}", "{\"format\": 1}",
                              "{\"format\": 1, \"households\": 3}", "{\"format\": 1, \"households\": [{\"id\": 5}]}",
                              "\xEF\xBB\xBF{}", "{\"a\":1,}", "nul"}) {
        const RosterReadReport rep = readRoster(bytes);
        if (rep.failure) d.line(errorText(*rep.failure, d.nl));
        for (const Problem& p : rep.problems) d.line(formatProblemText(p, d.nl));
    }
    // A roster that parses but breaks rules: the refusal names its first error.
    Roster broken = testing::makeFixtureRoster();
    broken.households[1].displayName.clear();
    broken.groups[0].members[1].age = 12;
    std::vector<Problem> problems;
    const Result<LoadedRoster> loaded = loadRoster(writeRoster(broken), &problems);
    ASSERT_FALSE(loaded.ok());
    d.line(errorText(explainOpenError(loaded.error(), problems), d.nl));
    // More problems than a list shows: the last one counts the rest.
    for (std::size_t extra : {1u, 5u}) {
        std::vector<Problem> many(kMaxProblemsListed + extra, Problem{"/x", Severity::Warning, "date.order"});
        capProblems(many);
        d.line(formatProblemText(many.back(), d.nl));
    }
}

// What the roster reader finds in a file that parses: every kind of value of
// the wrong shape, a missing field, a repeated field, a file from a newer
// version, and a migration that does not exist.
void dumpRosterReaderProblems(Dump& d) {
    d.section("roster reader problems");
    const std::string version = std::to_string(kRosterFormatVersion);
    const std::string broken = R"({"format": "welkom-roster", "version": )" + version + R"(,
      "households": [{"id": "h1", "displayName": "Familie Testfictief", "displayName": "Familie Testfictief",
        "members": [{"age": "veertig", "gender": "robot", "role": 3, "languages": {"ar": "B7", "ti": 2}},
                    {"age": 99999999999}, 7],
        "interests": "koken", "goals": [1], "educationLevel": 4, "consent": {"toMatching": "ja"},
        "availability": [], "statedPriorities": {"language": "very"}}],
      "groups": {}, "matches": [{"id": "m1", "householdId": "h1", "groupId": "g1",
        "scores": {"age": "hoog"}}],
      "checkIns": [{"id": "c1", "matchId": "m1", "meetingsPerMonth": "vaak"}]})";
    const std::string newer = R"({"format": "welkom-roster", "version": 99})";
    for (const std::string& bytes : {broken, std::string(R"({"format": "welkom-roster", "version": "2"})"), newer}) {
        const RosterReadReport rep = readRoster(bytes);
        if (rep.failure) d.line(errorText(*rep.failure, d.nl));
        for (const Problem& p : rep.problems) d.line(formatProblemText(p, d.nl));
    }
    nlohmann::ordered_json doc = nlohmann::ordered_json::parse(newer);
    const Status migrated = applyMigrations(doc, 1, 3, {});
    ASSERT_FALSE(migrated.ok());
    d.line(errorText(migrated.error(), d.nl));
}

// The solvers' refusals of malformed input and a key's bad Bech32 text: not
// met through the app's own inputs, but said in words if they ever are.
void dumpSolverAndKeyErrors(Dump& d) {
    d.section("solver and key text errors");
    auto show = [&](const Error& e) { d.line(errorText(e, d.nl)); };
    show(ScoreMatrix<double>::dense(2, 2, {0.5, 0.5, 0.5}).validate().error());
    show(ScoreMatrix<double>::dense(1, 1, {std::nan("")}).validate().error());
    MatchRules<double> rules;
    rules.capacity = {-1};
    show(*solveStable(ScoreMatrix<double>::dense(1, 1, {0.5}), rules).error);
    rules.capacity = {1};
    rules.pins = {{0, 3}};
    show(*solveStable(ScoreMatrix<double>::dense(1, 1, {0.5}), rules).error);
    StableMarket market;
    market.prefs.household = {{0, 0}};
    market.prefs.group = {{0}};
    show(*deferredAcceptance(market).error);
    for (const char* text : {"age1 x", "age1qqqqqqqqqqqqqqqqqqqqqqqqq", "Age1qqqqqq", "age1bbbbbb"})
        show(bech32Decode(text).error());
}

void dumpImportRefusal(Dump& d) {
    d.section("csv import refused on apply");
    // A preview changed after it was made (as a stale or hand-made one could
    // be): applying it would make the roster invalid, and says why.
    Roster into = testing::makeFixtureRoster();
    const std::string dir = std::string(WELKOM_SOURCE_DIR) + "/tests/fixtures/csv/";
    CsvImportPreview preview = previewHouseholdImport(readFile(dir + "households_en_comma.csv"), into);
    ASSERT_FALSE(preview.households.empty());
    preview.households[0].municipality.clear();
    const Status applied = applyImport(into, preview);
    ASSERT_FALSE(applied.ok());
    d.line(errorText(applied.error(), d.nl));
}

// Every kind of age error, and the details a hostile or damaged file meets most.
void dumpAgeErrors(Dump& d) {
    d.section("age errors");
    auto bytes = [](std::string_view s) { return AgeBytes(s.begin(), s.end()); };
    auto show = [&](const Error& e) { d.line(errorText(e, d.nl)); };
    // The work factor cap differs by build (22 native, 20 in wasm): written as <cap>.
    auto showWithCap = [&](const Error& e) {
        std::string words = errorText(e, d.nl);
        const std::string cap = std::to_string(kAgeMaxWorkFactor);
        const std::size_t at = words.rfind(cap);
        if (at != std::string::npos) words.replace(at, cap.size(), "<cap>");
        d.line(words);
    };
    AgeDecryptOptions withPassphrase;
    withPassphrase.passphrases = {"fiets boom water zon"};
    auto decryptFails = [&](const AgeBytes& file, const AgeDecryptOptions& options) {
        const Result<AgeBytes> r = ageDecrypt(file, options);
        if (r) return d.line("(decrypted)");
        show(r.error());
    };
    const Result<AgeBytes> good = ageEncryptWithPassphrase(bytes("Familie Testfictief"), "fiets boom water zon", 2);
    ASSERT_TRUE(good);
    const std::string goodText(good->begin(), good->end());
    const std::size_t macLine = goodText.find("\n--- ");
    ASSERT_NE(macLine, std::string::npos);

    decryptFails(bytes(""), withPassphrase);
    decryptFails(bytes("age-encryption.org/v2\n"), withPassphrase);
    decryptFails(bytes("hello, not an age file\n"), withPassphrase);
    decryptFails(bytes(goodText.substr(0, macLine)), withPassphrase);
    decryptFails(bytes("age-encryption.org/v1\n--- AAAA\n"), withPassphrase);
    std::string hugeWorkFactor = goodText;
    hugeWorkFactor.replace(hugeWorkFactor.find(" 2\n"), 3, " 40\n");
    showWithCap(ageDecrypt(bytes(hugeWorkFactor), withPassphrase).error());
    std::string changedMac = goodText;
    changedMac[macLine + 6] = changedMac[macLine + 6] == 'A' ? 'B' : 'A';
    decryptFails(bytes(changedMac), withPassphrase);
    AgeDecryptOptions wrong;
    wrong.passphrases = {"een ander wachtwoord"};
    decryptFails(*good, wrong);
    decryptFails(AgeBytes(good->begin(), good->end() - 3), withPassphrase);
    decryptFails(bytes("-----BEGIN AGE ENCRYPTED FILE-----\n!!!!\n-----END AGE ENCRYPTED FILE-----\n"), withPassphrase);
    decryptFails(bytes("-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n"), withPassphrase);

    show(parseAgeIdentityFile("# sleutel\n\nAGE-SECRET-KEY-1FICTIEF\n").error());
    show(parseAgeIdentityFile("# alleen commentaar\n").error());
    show(parseAgeRecipientsFile("").error());
    show(ageEncrypt(bytes("x"), {}).error());
    show(ageEncryptWithPassphrase(bytes("x"), "", 2).error());
    showWithCap(ageEncryptWithPassphrase(bytes("x"), "fiets boom water zon", 99).error());
}

// The app's and the command line's own refusals and notices: their sample
// values stand for a file's name, counts and options.
void dumpAppErrors(Dump& d) {
    d.section("app and command-line errors and notices");
    auto show = [&](const Error& e) { d.line(errorText(e, d.nl)); };
    show(fileTooLargeError());
    show(notARosterError());
    for (AgeErrorKind kind : {AgeErrorKind::NoMatch, AgeErrorKind::Hmac, AgeErrorKind::WorkFactorTooHigh})
        show(explainOpenError(codedError(ageErrorCode(kind), {Arg::textOf("technical detail")})));
    show(explainOpenError(JsonDoc::parse("{\n\n  x").error()));
    show(encodeQrCode(std::string(2332, 'a')).error());
    show(encodeQrCodeWithMask("x", 9).error());
    show(workerStoppedError(true));
    show(workerStoppedError(false));
    show(malformedWireError());
    show(decodeMatchingRun("").error());
    for (const char* code : {"ui.font", "app.no_document", "app.no_document_to_save", "roster.unencrypted", "signup.stale"})
        show(codedError(code));
    for (long long count : {1, 3}) show(codedError("signup.imported", {Arg::integerOf(count)}));
    show(codedError("sheet.has_errors"));
    show(codedError("sheet.stale"));
    for (int filled : {0, 1, 2, 3}) {
        show(codedError("sheet.imported",
                        {Arg::textOf("groepen.csv"), Arg::integerOf(2), Arg::integerOf(1), Arg::integerOf(5),
                         (filled & 1) ? Arg::coded("sheet.imported.households", {Arg::integerOf(3)}) : Arg::textOf(""),
                         (filled & 2) ? Arg::coded("sheet.imported.members", {Arg::integerOf(4)}) : Arg::textOf("")}));
    }
    for (const std::string name : {"", "rooster.age"}) {
        const Arg file = name.empty() ? Arg::coded("file.unnamed") : Arg::coded("file.named", {Arg::textOf(name)});
        show(codedError("file.error", {file, errorArg(fileTooLargeError())}));
        show(codedError("file.unreadable", {file}));
        show(codedError("file.out_of_memory", {file}));
    }
    show(codedError("memory.low"));
    const Problem range{"/checkIns/0/householdSatisfaction", Severity::Error, "checkin.range",
                        {Arg::integerOf(1), Arg::integerOf(5)}};
    const Problem date{"/checkIns/0/date", Severity::Error, "date.invalid", {Arg::textOf("2024-13-01")}};
    const Arg rangeField = Arg::coded("checkin.invalid.field", {Arg::textOf("householdSatisfaction"), Arg::messageOf(problemMessage(range))});
    const Arg dateField = Arg::coded("checkin.invalid.field", {Arg::textOf("date"), Arg::messageOf(problemMessage(date))});
    show(codedError("checkin.invalid", {rangeField}));
    show(codedError("checkin.invalid", {Arg::coded("checkin.invalid.fields", {rangeField, dateField})}));
    show(codedError("checkin.unknown", {Arg::textOf("ci7")}));
    show(codedError("weights.invalid", {Arg::textOf("goals")}));
    const Error refused = errorWithDetail("research.format", "research.detail.empty");
    show(codedError("research.not_added", {Arg::textOf("extract.csv"), errorArg(refused)}));
    show(codedError("research.imported", {Arg::textOf("extract.csv"), Arg::integerOf(12), Arg::integerOf(7)}));
    show(codedError("app.transition", {Arg::textOf("ended"), Arg::textOf("proposed")}));
    for (const char* code : {"signup.link_copied", "autosave.unavailable", "matching.roster", "signup.roster", "sheet.roster"})
        show(codedError(code));
    // The command line (src/cli): options, files, passphrases.
    const Arg option = Arg::textOf("--weights"), path = Arg::textOf("uit/rooster.json"), item = Arg::textOf("interests");
    show(codedError("cli.unknown_option", {Arg::textOf("--x")}));
    for (const char* code : {"cli.repeated_option", "cli.unexpected_value", "cli.missing_value"}) show(codedError(code, {option}));
    for (const char* code : {"io.read", "io.read_failed", "io.write", "io.write_failed", "io.replace_failed"})
        show(codedError(code, {path}));
    std::vector<Arg> known;
    for (int i = 0; i < kCriterionCount; ++i) known.push_back(Arg::textOf(std::string(criterionName(static_cast<Criterion>(i)))));
    show(codedError("cli.weights", {item, Arg::listOf(known)}));
    show(codedError("cli.weight_value", {item}));
    const Error inner = explainOpenError(codedError(ageErrorCode(AgeErrorKind::Hmac), {Arg::textOf("technical detail")}));
    show(codedError("file.error", {path, errorArg(inner)}));
    show(codedError("cli.bad_number", {Arg::textOf("--work-factor"), Arg::integerOf(10), Arg::integerOf(22), Arg::textOf("x")}));
    show(codedError("cli.bad_lang", {Arg::textOf("de")}));
    show(codedError("cli.no_passphrase_prompt"));
    show(codedError("cli.no_passphrase_entered"));
    show(codedError("cli.no_passphrase", {Arg::textOf("WELKOM_PASSPHRASE")}));
    show(codedError("cli.passphrase_empty"));
    show(codedError("cli.passphrase_mismatch"));
    // Catalogue files (app/text/catalogue.h).
    for (const char* text : {"@language = xx\nnonsense\n", "@language = xx\n = text\n", "@language = xx\n@colour = red\n",
                             "@language = xx\na = 1\na = 2\n", "a = 1\n"})
        show(parseCatalogue(text).error());
    for (const char* code : {"signup.import_has_errors", "signup.key_date", "signup.no_key"}) show(codedError(code));
}

std::string dumpAll(bool dutch) {
    Dump d(dutch);
    dumpValidation(d);
    dumpScoring(d);
    dumpVocabulary(d);
    dumpCsv(d);
    dumpCsvReaderErrors(d);
    dumpCsvImporterProblems(d);
    dumpResearch(d);
    dumpResearchErrors(d);
    dumpLearning(d);
    dumpRosterErrors(d);
    dumpRosterReaderProblems(d);
    dumpImportRefusal(d);
    dumpAgeErrors(d);
    dumpSolverAndKeyErrors(d);
    dumpAppErrors(d);
    return d.str();
}

void compareWithGolden(const std::string& lang, const std::string& actual) {
    const std::string path = std::string(WELKOM_SOURCE_DIR) + "/tests/fixtures/messages/golden-" + lang + ".txt";
    if (std::getenv("WELKOM_WRITE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << actual;
        return;
    }
    const std::string expected = readFile(path);
    ASSERT_FALSE(expected.empty()) << path;
    if (expected == actual) return;
    // Show the first line that differs rather than two huge strings.
    std::istringstream e(expected), a(actual);
    std::string le, la;
    for (int n = 1;; ++n) {
        const bool he = static_cast<bool>(std::getline(e, le)), ha = static_cast<bool>(std::getline(a, la));
        if (!he && !ha) break;
        ASSERT_EQ(le, la) << lang << " line " << n;
    }
}

TEST(MessagesGolden, EnglishWordForWord) { compareWithGolden("en", dumpAll(false)); }
TEST(MessagesGolden, DutchWordForWord) { compareWithGolden("nl", dumpAll(true)); }

}  // namespace
}  // namespace welkom
