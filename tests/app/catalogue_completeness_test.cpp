// Every built-in catalogue is complete against English: every code en has,
// with the same argument numbers, and plural-form groups with as many forms
// as the catalogue's plural rule has categories. The languages beyond en and
// nl also carry a label for every vocabulary term (en and nl take theirs from
// core/vocabulary.cpp). The machine-made catalogues say they are not reviewed.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app/text/catalogue.h"
#include "app/text/embedded_catalogues.h"
#include "app/text/participant_catalogues.h"
#include "core/vocabulary.h"

namespace welkom {
namespace {

std::size_t formsOfRule(std::string_view rule) {
    if (rule == "one-other" || rule == "zero-one-other") return 2;
    if (rule == "east-slavic") return 3;
    if (rule == "arabic") return 6;
    return 0;  // unknown rule: fails below
}

struct Placeholders {
    std::set<int> arguments;               // every {N} and every plural selector N
    std::vector<std::size_t> pluralForms;  // forms of each {N|...|...} group
    bool wellFormed = true;
};

// Reads {N}, {N:count} and {N|form|form...} (a form may itself hold {N}).
void scan(std::string_view text, std::size_t& i, Placeholders& out, int depth) {
    while (i < text.size()) {
        const char c = text[i];
        if (c == '}' || (c == '|' && depth > 0)) return;
        if (c != '{') {
            ++i;
            continue;
        }
        ++i;
        int number = -1;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            number = (number < 0 ? 0 : number * 10) + (text[i] - '0');
            ++i;
        }
        if (number < 0 || i >= text.size()) {
            out.wellFormed = false;
            return;
        }
        out.arguments.insert(number);
        constexpr std::string_view kCount = ":count}";
        if (text.substr(i, kCount.size()) == kCount) {
            i += kCount.size();
            continue;
        }
        if (text[i] == '}') {
            ++i;
            continue;
        }
        if (text[i] != '|') {
            out.wellFormed = false;
            return;
        }
        std::size_t forms = 0;
        while (i < text.size() && text[i] == '|') {
            ++i;
            ++forms;
            scan(text, i, out, depth + 1);
        }
        if (i >= text.size() || text[i] != '}') {
            out.wellFormed = false;
            return;
        }
        ++i;
        out.pluralForms.push_back(forms);
    }
}

Placeholders placeholdersOf(std::string_view text) {
    Placeholders out;
    std::size_t i = 0;
    scan(text, i, out, 0);
    if (i != text.size()) out.wellFormed = false;
    return out;
}

// The participants' languages are linked only where they are registered (the
// sign-up page); every test here checks them too.
class CatalogueCompleteness : public ::testing::Test {
protected:
    void SetUp() override { registerParticipantCatalogues(); }
};

TEST(CatalogueCompletenessOfTheApp, OnlyTheInterfaceLanguagesAreBuiltIn) {
    // The app's page carries English and Dutch only; the others come with registration.
    std::vector<std::string> builtIn;
    for (std::string_view text : embeddedCatalogues()) builtIn.push_back(parseCatalogue(text)->language);
    EXPECT_EQ(builtIn, (std::vector<std::string>{"en", "nl"}));
    registerParticipantCatalogues();
    registerParticipantCatalogues();  // twice changes nothing
    const std::vector<std::string> all = catalogueLanguages();
    for (const char* language : {"en", "nl", "ar", "uk", "fa", "ti"})
        EXPECT_EQ(std::count(all.begin(), all.end(), language), 1) << language;
}

TEST_F(CatalogueCompleteness, TheFourMachineMadeLanguagesExistAndSayTheyAreNotReviewed) {
    const std::vector<std::string> languages = catalogueLanguages();
    for (const char* language : {"ar", "uk", "fa", "ti"}) {
        const Catalogue* catalogue = findCatalogue(language);
        ASSERT_NE(catalogue, nullptr) << language;
        EXPECT_FALSE(catalogue->reviewed) << language << ": machine-made, no native speaker has read it";
        EXPECT_FALSE(catalogue->name.empty()) << language;
        EXPECT_FALSE(catalogue->listEmpty.empty()) << language;
    }
    // Arabic, Persian and Ethiopic script have no case; Cyrillic has.
    for (const char* language : {"ar", "fa", "ti"})
        EXPECT_FALSE(findCatalogue(language)->lowercaseLabels) << language << ": its script has no case";
    EXPECT_EQ(findCatalogue("ar")->pluralRule, "arabic");
    EXPECT_EQ(findCatalogue("uk")->pluralRule, "east-slavic");
    EXPECT_EQ(findCatalogue("fa")->pluralRule, "zero-one-other");
    EXPECT_EQ(findCatalogue("ti")->pluralRule, "zero-one-other");
    EXPECT_EQ(findCatalogue("ar")->listSeparator, "، ");
    EXPECT_EQ(findCatalogue("fa")->listSeparator, "، ");
    EXPECT_EQ(findCatalogue("fa")->name, "فارسی / دری");
}

TEST_F(CatalogueCompleteness, EveryCatalogueHasEveryEnglishCodeWithTheSameArguments) {
    const Catalogue* english = findCatalogue("en");
    ASSERT_NE(english, nullptr);
    for (const std::string& language : catalogueLanguages()) {
        const Catalogue* catalogue = findCatalogue(language);
        ASSERT_NE(catalogue, nullptr) << language;
        for (const auto& [code, englishText] : english->texts) {
            const std::string* text = catalogue->find(code);
            if (text == nullptr) {
                ADD_FAILURE() << language << ": no text for " << code;
                continue;
            }
            const Placeholders want = placeholdersOf(englishText);
            const Placeholders got = placeholdersOf(*text);
            EXPECT_TRUE(got.wellFormed) << language << " " << code << ": " << *text;
            EXPECT_EQ(got.arguments, want.arguments) << language << " " << code << ": " << *text;
        }
    }
}

TEST_F(CatalogueCompleteness, EveryPluralGroupHasTheFormsOfItsRule) {
    for (const std::string& language : catalogueLanguages()) {
        const Catalogue* catalogue = findCatalogue(language);
        ASSERT_NE(catalogue, nullptr) << language;
        const std::size_t forms = formsOfRule(catalogue->pluralRule);
        ASSERT_NE(forms, 0u) << language << ": unknown plural rule " << catalogue->pluralRule;
        for (const auto& [code, text] : catalogue->texts) {
            const Placeholders got = placeholdersOf(text);
            EXPECT_TRUE(got.wellFormed) << language << " " << code << ": " << text;
            for (std::size_t n : got.pluralForms)
                EXPECT_EQ(n, forms) << language << " " << code << " (" << catalogue->pluralRule << "): " << text;
        }
    }
}

TEST_F(CatalogueCompleteness, EveryVocabularyTermHasALabelBeyondEnglishAndDutch) {
    const struct {
        VocabularyKind kind;
        const char* name;
    } kinds[] = {
        {VocabularyKind::Interests, "interests"}, {VocabularyKind::Goals, "goals"},
        {VocabularyKind::Sectors, "sectors"},     {VocabularyKind::Skills, "skills"},
        {VocabularyKind::Needs, "needs"},         {VocabularyKind::Languages, "languages"},
    };
    for (const std::string& language : catalogueLanguages()) {
        if (language == "en" || language == "nl") continue;
        const Catalogue* catalogue = findCatalogue(language);
        ASSERT_NE(catalogue, nullptr) << language;
        for (const auto& kind : kinds) {
            for (const Term& term : vocabulary(kind.kind)) {
                const std::string code = std::string("term.") + kind.name + "." + std::string(term.code);
                const std::string* label = catalogue->find(code);
                EXPECT_TRUE(label != nullptr && !label->empty()) << language << ": no label for " << code;
            }
        }
    }
}

}  // namespace
}  // namespace welkom
