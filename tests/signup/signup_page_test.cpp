// The sign-up page's C++ side (src/signup/signup_page.h, issue #14): its
// texts in six languages, the language picked from the browser's list, the
// check with the roster's own rules worded in the form's language, and the
// encryption that the coordinator's import opens.
#include "signup/signup_page.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/text/catalogue.h"
#include "core/roster_fixtures.h"
#include "io/age.h"
#include "io/programme_keys.h"
#include "io/signup.h"

namespace welkom {

std::vector<std::string_view> embeddedSignupTexts();

namespace {

using nlohmann::json;

// The {N} argument numbers a text uses.
std::set<int> argumentsOf(const std::string& text) {
    std::set<int> out;
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        if (text[i] == '{' && std::isdigit(static_cast<unsigned char>(text[i + 1]))) out.insert(text[i + 1] - '0');
    return out;
}

TEST(SignupPageTexts, SixLanguagesEachWithEveryTextAndItsArguments) {
    EXPECT_EQ(signupLanguages(), (std::vector<std::string>{"nl", "en", "ar", "uk", "fa", "ti"}));
    std::vector<Catalogue> files;
    for (std::string_view text : embeddedSignupTexts()) {
        Result<Catalogue> c = parseCatalogue(text);
        ASSERT_TRUE(c) << c.error().code;
        files.push_back(*c);
    }
    const auto english = std::find_if(files.begin(), files.end(), [](const Catalogue& c) { return c.language == "en"; });
    ASSERT_NE(english, files.end());
    EXPECT_GT(english->texts.size(), 100u);
    for (const Catalogue& file : files) {
        for (const auto& [code, text] : english->texts) {
            const std::string* own = file.find(code);
            ASSERT_NE(own, nullptr) << file.language << " lacks " << code;
            EXPECT_EQ(argumentsOf(*own), argumentsOf(text)) << file.language << " " << code;
        }
        // Machine-made texts (consent and privacy above all) are never presented as reviewed.
        EXPECT_FALSE(file.reviewed) << file.language;
    }
}

TEST(SignupPageTexts, TheBrowsersLanguageWhenThePageHasIt) {
    EXPECT_EQ(chooseSignupLanguage({"fa-IR", "en-US"}), "fa");
    EXPECT_EQ(chooseSignupLanguage({"prs-AF"}), "fa");  // Dari, filed under Persian
    EXPECT_EQ(chooseSignupLanguage({"de-DE", "UK-ua"}), "uk");
    EXPECT_EQ(chooseSignupLanguage({"ti_ER"}), "ti");
    EXPECT_EQ(chooseSignupLanguage({"de", "fr"}), "en");
    EXPECT_EQ(chooseSignupLanguage({}), "en");
}

TEST(SignupPageSetup, ArabicIsRightToLeftWithItsOwnTextsAndChoices) {
    const json ar = json::parse(signupPageSetup("ar"));
    const json en = json::parse(signupPageSetup("en"));
    EXPECT_EQ(ar["language"], "ar");
    EXPECT_EQ(ar["direction"], "rtl");
    EXPECT_EQ(en["direction"], "ltr");
    EXPECT_EQ(json::parse(signupPageSetup("fa"))["direction"], "rtl");
    EXPECT_EQ(json::parse(signupPageSetup("xx"))["language"], "en");  // unknown: English
    EXPECT_EQ(ar["languages"].size(), 6u);
    EXPECT_NE(ar["texts"]["consent.privacy_text"], en["texts"]["consent.privacy_text"]);
    EXPECT_EQ(ar["texts"].size(), en["texts"].size());
    EXPECT_FALSE(ar["reviewed"].get<bool>());
    // The vocabularies come in the page's language, every term labelled.
    for (const char* kind : {"interests", "goals", "sectors", "skills", "needs", "languages"}) {
        ASSERT_EQ(ar["choices"][kind].size(), en["choices"][kind].size()) << kind;
        int differ = 0;
        for (std::size_t i = 0; i < ar["choices"][kind].size(); ++i) {
            EXPECT_EQ(ar["choices"][kind][i]["code"], en["choices"][kind][i]["code"]);
            differ += ar["choices"][kind][i]["label"] != en["choices"][kind][i]["label"];
        }
        EXPECT_EQ(differ, static_cast<int>(en["choices"][kind].size())) << kind << ": untranslated labels";
    }
}

TEST(SignupPageText, PluralFormsFollowTheLanguage) {
    EXPECT_EQ(signupPageText("en", "check.problems_title", {"1"}), "One answer needs your attention");
    EXPECT_EQ(signupPageText("en", "check.problems_title", {"3"}), "3 answers need your attention");
    EXPECT_EQ(signupPageText("en", "member.heading", {"2"}), "Person 2");
    EXPECT_NE(signupPageText("uk", "check.problems_title", {"3"}), signupPageText("uk", "check.problems_title", {"5"}));
}

std::string householdDocument(int age, const std::string& displayName) {
    json d = {{"format", "welkom-signup"},
              {"version", 1},
              {"form", "household"},
              {"programme", {{"name", "Samen Hier Testdorp"}, {"fingerprint", "0000-0000-0000-0000"}}},
              {"language", "ar"},
              {"household",
               {{"id", "s-1a2b3c4d"},
                {"displayName", displayName},
                {"municipality", "Haarlem"},
                {"members", json::array({{{"age", age}, {"role", "adult"}, {"languages", {{"ar", "native"}, {"nl", "unknown"}}}},
                                         {{"age", 7}, {"role", "child"}}})},
                {"interests", json::array({"cooking"})}}},
              {"priorities", {{"language", "very_important"}}},
              {"consent", {{"toMatching", true}, {"toResearch", false}, {"date", "2026-12-06"}}}};
    return d.dump();
}

TEST(SignupCheck, AValidFormHasNoProblems) {
    const json out = json::parse(signupCheck(householdDocument(34, "Familie Testfictief"), "ar"));
    EXPECT_TRUE(out["problems"].empty()) << out.dump(2);
}

TEST(SignupCheck, TheRostersOwnRulesPointAtTheFieldInTheFormsLanguage) {
    const json ar = json::parse(signupCheck(householdDocument(230, ""), "ar"));
    const json en = json::parse(signupCheck(householdDocument(230, ""), "en"));
    std::set<std::string> paths;
    for (const json& p : ar["problems"]) paths.insert(p["path"].get<std::string>());
    EXPECT_TRUE(paths.count("/household/members/0/age")) << ar.dump(2);
    EXPECT_TRUE(paths.count("/household/displayName")) << ar.dump(2);
    // Every rule's words come from the form's language, not English: the
    // roster's validation gives codes, each catalogue words them.
    for (const char* language : {"ar", "uk", "fa", "ti"}) {
        const json other = json::parse(signupCheck(householdDocument(230, ""), language));
        ASSERT_EQ(other["problems"].size(), en["problems"].size()) << language;
        for (std::size_t i = 0; i < other["problems"].size(); ++i) {
            const std::string text = other["problems"][i]["text"].get<std::string>();
            EXPECT_EQ(other["problems"][i]["code"], en["problems"][i]["code"]);
            EXPECT_NE(text, en["problems"][i]["text"].get<std::string>()) << language << ": " << text;
            EXPECT_EQ(text.find("[problem."), std::string::npos) << language << ": " << text;
        }
    }
}

TEST(SignupCheck, AStructuralFaultNamesItsPlace) {
    json d = json::parse(householdDocument(34, "Familie Testfictief"));
    d["consent"] = "yes";
    const json out = json::parse(signupCheck(d.dump(), "en"));
    ASSERT_EQ(out["problems"].size(), 1u);
    EXPECT_EQ(out["problems"][0]["path"], "/consent");
}

TEST(SignupEncrypt, TheCoordinatorsImportOpensWhatThePageMade) {
    Roster roster = testing::makeFixtureRoster();
    Result<ProgrammeKey> key = createProgrammeKey("2026-12-06T10:00:00Z");
    ASSERT_TRUE(key);
    makeCurrentKey(roster.signup, *key);
    const std::string recipient = programmeRecipient(roster.signup)->toString();
    EXPECT_EQ(json::parse(signupKeyInfo(recipient, "en"))["fingerprint"], keyFingerprint(*programmeRecipient(roster.signup)));
    EXPECT_TRUE(json::parse(signupKeyInfo("age1notakey", "nl")).contains("error"));

    json d = json::parse(householdDocument(34, "Familie Testfictief"));
    d["programme"]["fingerprint"] = keyFingerprint(*programmeRecipient(roster.signup));
    d["programme"]["name"] = roster.programmeName;
    Result<std::string> file = encryptSignup(d.dump(), recipient);
    ASSERT_TRUE(file);
    EXPECT_EQ(file->rfind("age-encryption.org/v1\n", 0), 0u);
    const SignupImportPreview preview = previewSignupImport(roster, {{"aanmelding-1a2b.welkom-signup.age", *file}});
    ASSERT_EQ(preview.files.size(), 1u);
    EXPECT_FALSE(preview.files[0].refusal) << preview.files[0].refusal->code;
    EXPECT_FALSE(preview.hasErrors());
    EXPECT_EQ(preview.merged.households.size(), roster.households.size() + 1);
    EXPECT_FALSE(encryptSignup(d.dump(), "age1notakey"));
}

// The group-level questions are answered by the group's coordinator on their
// own form; another member's answers to them change nothing.
TEST(SignupGroupAnswers, TheCoordinatorsAnswersSetTheNewGroup) {
    Roster roster = testing::makeFixtureRoster();
    makeCurrentKey(roster.signup, *createProgrammeKey("2026-12-06T10:00:00Z"));
    const X25519Recipient key = *programmeRecipient(roster.signup);
    auto memberFile = [&](const std::string& id, bool coordinator, int capacity) {
        json d = {{"format", "welkom-signup"},
                  {"version", 1},
                  {"form", "group-member"},
                  {"programme", {{"name", roster.programmeName}, {"fingerprint", keyFingerprint(key)}}},
                  {"group", {{"name", "Buurtgroep Fictief"}, {"municipality", "Haarlem"}, {"capacity", capacity},
                             {"maxHouseholdSize", 6}, {"availability", {{"evenings", true}, {"weekends", true}}}}},
                  {"groupMember", {{"id", id}, {"name", "Testpersoon " + id}, {"age", 40}, {"languages", {{"nl", "native"}}}}},
                  {"isGroupCoordinator", coordinator},
                  {"consent", {{"toMatching", true}, {"toResearch", false}, {"date", "2026-12-06"}}}};
        EXPECT_TRUE(json::parse(signupCheck(d.dump(), "nl"))["problems"].empty());
        return SignupFile{id + ".welkom-signup.age", *encryptSignup(d.dump(), key.toString())};
    };
    const SignupImportPreview p = previewSignupImport(roster, {memberFile("s-1", true, 2), memberFile("s-2", false, 9)});
    ASSERT_FALSE(p.hasErrors());
    const WelcomeGroup& g = p.merged.groups.back();
    EXPECT_EQ(g.name, "Buurtgroep Fictief");
    EXPECT_EQ(g.members.size(), 2u);
    EXPECT_EQ(g.coordinatorId, "s-1");
    EXPECT_EQ(g.capacity, 2);  // the coordinator's, not the other member's 9
    EXPECT_EQ(g.support.maxHouseholdSize, 6);
    EXPECT_TRUE(g.availability.evenings && g.availability.weekends && !g.availability.weekdayDaytime);

    json bad = json::parse(householdDocument(34, "Familie Testfictief"));
    bad["form"] = "group-member";
    bad.erase("household");
    bad["groupMember"] = {{"id", "s-3"}, {"name", "Testpersoon Drie"}, {"age", 40}};
    bad["group"] = {{"name", "Buurtgroep Fictief"}, {"capacity", 0}};
    const json out = json::parse(signupCheck(bad.dump(), "en"));
    ASSERT_EQ(out["problems"].size(), 1u);
    EXPECT_EQ(out["problems"][0]["path"], "/group/capacity");
}

}  // namespace
}  // namespace welkom
