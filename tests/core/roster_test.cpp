#include "core/roster.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "app/text/messages.h"
#include "core/vocabulary.h"

namespace welkom {
namespace {

TEST(Roster, IsoDates) {
    for (const char* ok : {"2024-01-01", "2024-02-29", "2000-02-29", "1900-12-31", "2999-06-30"}) {
        EXPECT_TRUE(isValidIsoDate(ok)) << ok;
    }
    for (const char* bad : {"", "2024-1-01", "2024-01-1", "24-01-01", "2023-02-29", "1900-02-29", "2024-04-31",
                            "2024-00-10", "2024-13-10", "2024-01-00", "2024/01/01", "2024-01-01T00:00",
                            "１２３４-01-01", "1899-12-31", "3000-01-01", "2024-0a-01"}) {
        EXPECT_FALSE(isValidIsoDate(bad)) << bad;
    }
}

TEST(Roster, CustomTags) {
    EXPECT_TRUE(isCustomTag("custom:Fietsles"));
    EXPECT_FALSE(isCustomTag("custom:"));
    EXPECT_FALSE(isCustomTag("cooking"));
    EXPECT_EQ(makeCustomTag("Oud spelen"), "custom:Oud spelen");
    EXPECT_EQ(customTagText("custom:Oud spelen"), "Oud spelen");
    EXPECT_EQ(customTagText("cooking"), "");
}

TEST(Roster, EnumNamesRoundTrip) {
    for (int i = 0; i <= static_cast<int>(LanguageLevel::Native); ++i) {
        LanguageLevel v{};
        ASSERT_TRUE(parseLanguageLevel(toString(static_cast<LanguageLevel>(i)), v));
        EXPECT_EQ(static_cast<int>(v), i);
    }
    for (int i = 0; i <= static_cast<int>(MatchStatus::Declined); ++i) {
        MatchStatus v{};
        ASSERT_TRUE(parseMatchStatus(toString(static_cast<MatchStatus>(i)), v));
        EXPECT_EQ(static_cast<int>(v), i);
    }
    EducationLevel e = EducationLevel::Master;
    EXPECT_FALSE(parseEducationLevel("Master", e));  // names are case-sensitive
    EXPECT_EQ(e, EducationLevel::Master);
    EXPECT_LT(LanguageLevel::A1, LanguageLevel::A2);
    EXPECT_LT(LanguageLevel::C2, LanguageLevel::Native);
}

TEST(Roster, MatchLifecycle) {
    using S = MatchStatus;
    const S path[] = {S::Proposed, S::AcceptedByGroup, S::AcceptedByHousehold, S::Introduced, S::Active, S::Ended};
    for (size_t i = 0; i + 1 < std::size(path); ++i) EXPECT_TRUE(isAllowedTransition(path[i], path[i + 1]));
    EXPECT_TRUE(isAllowedTransition(S::Proposed, S::Declined));
    EXPECT_TRUE(isAllowedTransition(S::AcceptedByHousehold, S::Declined));
    EXPECT_TRUE(isAllowedTransition(S::Introduced, S::Ended));
    EXPECT_FALSE(isAllowedTransition(S::Proposed, S::Introduced));
    EXPECT_FALSE(isAllowedTransition(S::Active, S::Declined));
    EXPECT_FALSE(isAllowedTransition(S::Ended, S::Active));
    EXPECT_FALSE(isAllowedTransition(S::Declined, S::Proposed));
    EXPECT_TRUE(isFinal(S::Ended));
    EXPECT_FALSE(isFinal(S::Active));
    Match m;
    EXPECT_EQ(m.status(), S::Proposed);
    m.history = {{S::Proposed, "2024-01-01", "", "", {}}, {S::Declined, "2024-01-02", "", "", {}}};
    EXPECT_EQ(m.status(), S::Declined);
}

TEST(Vocabulary, SizesCodesAndLabels) {
    EXPECT_GE(vocabulary(VocabularyKind::Interests).size(), 30u);
    EXPECT_GE(vocabulary(VocabularyKind::Goals).size(), 10u);
    EXPECT_GE(vocabulary(VocabularyKind::Sectors).size(), 15u);
    EXPECT_GE(vocabulary(VocabularyKind::Skills).size(), 12u);
    EXPECT_GE(vocabulary(VocabularyKind::Languages).size(), 40u);
    for (VocabularyKind k : {VocabularyKind::Interests, VocabularyKind::Goals, VocabularyKind::Sectors,
                             VocabularyKind::Skills, VocabularyKind::Needs, VocabularyKind::Languages}) {
        std::set<std::string_view> codes;
        for (const Term& t : vocabulary(k)) {
            EXPECT_TRUE(codes.insert(t.code).second) << "duplicate code " << t.code;
            for (char c : t.code) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '_') << t.code;
        }
    }
    for (const Term& t : vocabulary(VocabularyKind::Languages)) EXPECT_EQ(t.code.size(), 2u) << t.code;
}

TEST(Vocabulary, LanguagesOfNewcomers) {
    for (const char* code : {"nl", "en", "ar", "ti", "fa", "ps", "tr", "uk", "ru", "so", "ku", "am"}) {
        EXPECT_TRUE(isKnownLanguage(code)) << code;
    }
    EXPECT_FALSE(isKnownLanguage("prs"));  // Dari is filed under "fa"
    EXPECT_FALSE(isKnownLanguage("NL"));
    EXPECT_NE(termLabelText(VocabularyKind::Languages, "fa", false).find("Dari"), std::string::npos);
}

// Labels come from the catalogues (term.<kind>.<code>): every term has one in
// English and Dutch; a custom tag shows its own text, an unknown code itself.
TEST(Vocabulary, TagLabels) {
    for (VocabularyKind k : {VocabularyKind::Interests, VocabularyKind::Goals, VocabularyKind::Sectors,
                             VocabularyKind::Skills, VocabularyKind::Needs, VocabularyKind::Languages})
        for (const Term& t : vocabulary(k))
            for (bool dutch : {false, true}) EXPECT_NE(termLabelText(k, t.code, dutch), t.code) << t.code;
    EXPECT_EQ(termLabelText(VocabularyKind::Interests, "cooking", true), "Koken");
    EXPECT_EQ(termLabelText(VocabularyKind::Interests, "cooking", false), "Cooking");
    EXPECT_EQ(termLabelText(VocabularyKind::Skills, "custom:Fietsles geven", true), "Fietsles geven");
    EXPECT_EQ(termLabelText(VocabularyKind::Goals, "from_the_future", false), "from_the_future");
}

}  // namespace
}  // namespace welkom
