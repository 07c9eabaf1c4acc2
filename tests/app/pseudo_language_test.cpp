// Adding a language is adding a catalogue (issue #18): a pseudo-language made
// here from English words every roster problem and
// every reason of the matching engine with no change to core, io or ui. Each
// of its texts is English wrapped in ⟦ ⟧ with its placeholders kept, so a
// text that escaped the catalogue (a sentence written in core or io, or an
// English fallback) shows up without the brackets.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "app/text/catalogue.h"
#include "app/text/messages.h"
#include "core/roster_fixtures.h"
#include "core/scoring.h"
#include "core/validation.h"
#include "core/validation_cases.h"
#include "io/roster_csv.h"

namespace welkom {
namespace {

constexpr const char* kPseudo = "qps";  // the pseudo-locale code tools use for this

// Not registered, so the other tests' "every language" loops stay with the real ones.
const MessageTexts& pseudoTexts() {
    static const Catalogue pseudo = [] {
        Catalogue c = *findCatalogue("en");
        c.language = kPseudo;
        c.name = "Pseudo";
        for (auto& [code, text] : c.texts) text = "⟦" + text + "⟧";
        return c;
    }();
    static const MessageTexts texts(pseudo);
    return texts;
}

bool isPseudo(const std::string& s) {
    return s.rfind("⟦", 0) == 0 && s.size() >= 3 && s.compare(s.size() - 3, 3, "⟧") == 0;
}

TEST(PseudoLanguage, WordsEveryRosterProblem) {
    const MessageTexts& texts = pseudoTexts();
    std::set<std::string> codes;
    for (const testing::RuleCase& c : testing::validationRuleCases()) {
        Roster r = testing::makeFixtureRoster();
        c.mutate(r);
        for (const Problem& p : validateRoster(r)) {
            const std::string text = texts.problem(p);
            EXPECT_TRUE(isPseudo(text)) << c.name << ": " << p.code << ": " << text;
            EXPECT_EQ(text.find("[problem."), std::string::npos) << text;
            codes.insert(p.code);
        }
    }
    EXPECT_GE(codes.size(), 35u);  // the rule cases reach (nearly) every rule
    std::vector<Problem> many(kMaxProblemsListed + 7, Problem{"/x", Severity::Warning, "date.order"});
    capProblems(many);
    EXPECT_EQ(texts.problem(many.back()), "⟦... and 7 more problems not listed⟧");
}

TEST(PseudoLanguage, WordsTheMatchingEnginesReasons) {
    const MessageTexts& texts = pseudoTexts();
    const Roster r = testing::makeFixtureRoster();
    const Scorer scorer(r);
    std::size_t reasons = 0;
    for (std::size_t h = 0; h < r.households.size(); ++h) {
        for (std::size_t g = 0; g < r.groups.size(); ++g) {
            const PairReport report = scorer.explain(h, g);
            for (const HardVerdict& v : report.hard) {
                EXPECT_TRUE(isPseudo(texts.reason(v.reason))) << texts.reason(v.reason);
                ++reasons;
            }
            for (const CriterionResult& c : report.soft) {
                EXPECT_TRUE(isPseudo(texts.reason(c.reason))) << texts.reason(c.reason);
                EXPECT_TRUE(isPseudo(texts.criterion(c.criterion))) << texts.criterion(c.criterion);
                ++reasons;
            }
        }
    }
    EXPECT_GT(reasons, 20u);
}

TEST(PseudoLanguage, WordsAProblemInsideAnImportRefusal) {
    // A refusal that names the problem behind it: both are worded by the catalogue.
    Roster into = testing::makeFixtureRoster();
    CsvImportPreview preview =
        previewHouseholdImport("name,municipality,adult1_age,adult1_languages\nFamilie Proef,Almere,30,ar:native\n", into);
    ASSERT_FALSE(preview.hasErrors());
    ASSERT_EQ(preview.households.size(), 1u);
    preview.households[0].municipality.clear();
    const Status applied = applyImport(into, preview);
    ASSERT_FALSE(applied.ok());
    const std::string text = pseudoTexts().error(applied.error());
    EXPECT_EQ(text, "⟦the merged roster would be invalid: /households/2/municipality: ⟦municipality must not be empty⟧⟧");
}

}  // namespace
}  // namespace welkom
