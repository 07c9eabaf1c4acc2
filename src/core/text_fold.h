// Text folding for searching and sorting people's names and notes in any
// script, without ICU: what a coordinator means by "the same letters".
//
//   searchFold("Şükrü Işık") == "sukru isik"       // case and accents ignored
//   searchFold("أحمد") == searchFold("احمد")        // hamza on alef ignored
//   textContains("عائلة حدّاد", "حداد")               // shadda ignored
//   textLess("Ґанна", "Дарина"), textLess("g2", "g10")
//
// Latin, Greek: lowercase, accents dropped (ß -> ss, Turkish İ and ı -> i).
// Cyrillic: lowercase; й ї є ґ stay letters of their own (only ё -> е).
// Arabic script (Arabic, Farsi): vowel marks, tatweel and joiners dropped;
// alef, yeh, kaf, teh marbuta and hamza-carrier variants made one letter, so
// Farsi ی and Arabic ي, ک and ك match; Arabic-Indic digits become 0-9.
// Ethiopic and other scripts compare as written (no case).
// Invisible format characters (ZWNJ, bidi marks, soft hyphen) are ignored.
#pragma once

#include <string>
#include <string_view>

namespace welkom {

// The folded UTF-8 text that search compares. Invalid UTF-8 bytes become U+FFFD.
std::string searchFold(std::string_view text);

// Whether `text` contains `needle` once both are folded. An empty needle is in every text.
bool textContains(std::string_view text, std::string_view needle);

// A byte string whose plain order (std::string's <) is the order people expect:
// folded letters first, in each alphabet's order (Farsi پ چ ژ گ after ب ج ز ک,
// Ukrainian ґ є і ї after г е и), numbers by value (g2 before g10, ۲ before ۱۰);
// texts equal when folded are then ordered by their accents and case.
std::string sortKey(std::string_view text);

// sortKey(a) < sortKey(b), for one comparison.
bool textLess(std::string_view a, std::string_view b);

}  // namespace welkom
