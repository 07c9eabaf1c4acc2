// Searching and sorting names in the scripts our participants write.
#include "core/text_fold.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace welkom {
namespace {

std::vector<std::string> sorted(std::vector<std::string> names) {
    std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) { return textLess(a, b); });
    return names;
}

TEST(TextFold, LatinIgnoresCaseAndAccents) {
    EXPECT_EQ(searchFold("Şükrü Çelik"), "sukru celik");
    EXPECT_EQ(searchFold("ÉLODIE Müller-Straße"), "elodie muller-strasse");
    EXPECT_TRUE(textContains("Zoë Nguyễn", "nguyen"));
    EXPECT_TRUE(textContains("Anna de Vries", "DE VRIES"));
    EXPECT_FALSE(textContains("Anna de Vries", "jansen"));
    EXPECT_TRUE(textContains("anything", ""));
}

TEST(TextFold, TurkishDottedAndDotlessIMatchPlainI) {
    // A Dutch keyboard has no ı or İ: "isik" must find Işık, and İ must not become "i̇".
    EXPECT_EQ(searchFold("Işık"), "isik");
    EXPECT_EQ(searchFold("İSTANBUL"), "istanbul");
    EXPECT_TRUE(textContains("Aylin Işık", "ISIK"));
    EXPECT_TRUE(textContains("Aylin Işık", "ışık"));
}

TEST(TextFold, GreekAndCyrillicIgnoreCase) {
    EXPECT_EQ(searchFold("Ελένη"), "ελενη");
    EXPECT_TRUE(textContains("Оксана Ковальчук", "КОВАЛЬЧУК"));
    // Ukrainian letters stay distinct: ї is not і, й is not и.
    EXPECT_EQ(searchFold("Її"), "її");
    EXPECT_FALSE(textContains("Йосип", "Иосип"));
    EXPECT_TRUE(textContains("Фёдор", "федор"));
}

TEST(TextFold, ArabicIgnoresMarksAndLetterVariants) {
    // Shadda and vowel marks, tatweel, hamza forms of alef.
    EXPECT_TRUE(textContains("عائلة حدّاد", "حداد"));
    EXPECT_TRUE(textContains("حـــداد", "حداد"));
    EXPECT_TRUE(textContains("أحمد", "احمد"));
    EXPECT_TRUE(textContains("إبراهيم", "ابراهيم"));
    EXPECT_TRUE(textContains("مُحَمَّد", "محمد"));
    EXPECT_FALSE(textContains("حداد", "محمد"));
}

TEST(TextFold, FarsiAndArabicLettersMatchEachOther) {
    // Farsi keyboards type ی and ک, Arabic ones ي and ك: the same name either way.
    EXPECT_EQ(searchFold("علی کریمی"), searchFold("علي كريمي"));
    // The zero-width non-joiner inside Farsi words does not hide them.
    EXPECT_TRUE(textContains("می‌خواهم", "میخواهم"));
    // Persian and Arabic-Indic digits find ASCII ones.
    EXPECT_TRUE(textContains("خانه ۱۲", "12"));
    EXPECT_TRUE(textContains("بيت ١٢", "12"));
}

TEST(TextFold, EthiopicComparesAsWritten) {
    EXPECT_TRUE(textContains("ሰላም ተስፋይ", "ተስፋይ"));
    EXPECT_FALSE(textContains("ሰላም ተስፋይ", "ተስፋ ይ"));
}

TEST(TextFold, InvisibleFormatCharactersAreIgnored) {
    EXPECT_TRUE(textContains("\u202Bحداد\u202C", "حداد"));
    EXPECT_TRUE(textContains("Anna\u00ADmaria", "annamaria"));
}

TEST(TextFold, InvalidUtf8DoesNotCrashOrMatchEverything) {
    const std::string broken = std::string("ab\xC3") + "\xFF" + "cd";
    EXPECT_TRUE(textContains(broken, "cd"));
    EXPECT_FALSE(textContains(broken, "abcd"));
    EXPECT_FALSE(sortKey(broken).empty());
}

TEST(TextSort, LatinIgnoresAccentsThenOrdersByThem) {
    EXPECT_EQ(sorted({"Çelik", "Dekker", "Bakker", "celik", "Celik"}),
              (std::vector<std::string>{"Bakker", "Celik", "celik", "Çelik", "Dekker"}));
    EXPECT_TRUE(textLess("Öztürk", "Pieters"));
    EXPECT_TRUE(textLess("Işık", "Jansen"));
}

TEST(TextSort, NumbersByValueInAnyDigits) {
    EXPECT_EQ(sorted({"g10", "g2", "g1"}), (std::vector<std::string>{"g1", "g2", "g10"}));
    EXPECT_TRUE(textLess("خانه ۲", "خانه ۱۰"));
    EXPECT_TRUE(textLess("h01", "h2"));
}

TEST(TextSort, ArabicAlphabetWithFarsiLetters) {
    // ا ب پ ت ... ج چ ح ... ز ژ س ... ک گ ل
    EXPECT_EQ(sorted({"گلی", "تارا", "پری", "بهار", "آرش"}),
              (std::vector<std::string>{"آرش", "بهار", "پری", "تارا", "گلی"}));
    EXPECT_EQ(sorted({"ژاله", "زهرا", "سارا"}), (std::vector<std::string>{"زهرا", "ژاله", "سارا"}));
    EXPECT_EQ(sorted({"چمران", "جواد", "حسن"}), (std::vector<std::string>{"جواد", "چمران", "حسن"}));
    // Farsi ی and Arabic ي sort as one letter.
    EXPECT_EQ(sortKey("علی").substr(0, 9), sortKey("علي").substr(0, 9));
}

TEST(TextSort, UkrainianAlphabet) {
    // а б в г ґ д е є ж з и і ї й к
    EXPECT_EQ(sorted({"Йосип", "Їжак", "Іван", "Ирина", "Ґанна", "Галина", "Євген", "Дарина"}),
              (std::vector<std::string>{"Галина", "Ґанна", "Дарина", "Євген", "Ирина", "Іван", "Їжак", "Йосип"}));
}

TEST(TextSort, ShorterPrefixFirstAndScriptsStayTogether) {
    EXPECT_TRUE(textLess("Ann", "Anna"));
    EXPECT_EQ(sorted({"ሰላም", "حداد", "Оксана", "Anna"}),
              (std::vector<std::string>{"Anna", "Оксана", "حداد", "ሰላም"}));
}

}  // namespace
}  // namespace welkom
