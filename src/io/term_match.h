// Recognising the vocabularies in the words a sign-up sheet uses ('werk
// zoeken', 'a job', 'evenings during the week', 'hbo'): a synonym table per
// vocabulary in Dutch and English (term_synonyms.inc, published in
// docs/csv-import.md; more languages are more rows) plus the labels of
// core/vocabulary.h, compared tolerantly. The CSV importer uses it; anything
// it does not recognise stays an own tag there, as before.
//
// Usage:
//   std::optional<std::string> g = matchTerm(TermDomain::Goals, 'werk zoeken');      // 'find_work'
//   std::uint8_t slots = matchAvailability('evenings during the week');              // kSlotEvenings
//   std::optional<std::string> e = matchTerm(TermDomain::Education, 'HBO-opleiding'); // 'bachelor'
//
// Tolerant means: case, accents and punctuation do not matter; small words
// ('a', 'the', 'to', 'de', 'een', 'te', ...) are left out; plurals ('avonden',
// 'languages', 'activities') compare as their singular; word order does not
// matter; 'and'/'en'/'&' are small words too. When no entry matches exactly:
// the entry whose words all occur in the phrase and cover the most of it
// (a tie between two codes recognises nothing), then one small typo in a
// phrase of six letters or more (two in ten or more), again only when one code
// is nearest. So a phrase is recognised as a wrong code only when a synonym
// says so; an unclear one stays unrecognised.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/vocabulary.h"

namespace welkom {

enum class TermDomain : std::uint8_t { Interests, Goals, Sectors, Skills, Needs, Education };

// The code of the vocabulary term (or education level name, core/roster.h)
// the phrase means, or nullopt.
std::optional<std::string> matchTerm(TermDomain domain, std::string_view phrase);

// The words a sheet may write for a vocabulary term, English and Dutch
// (io/term_words.inc): matchTerm knows them, and their parts.
struct TermWords {
    VocabularyKind kind;
    std::string_view code;
    std::array<std::string_view, 2> words;
};
const std::vector<TermWords>& termWords();

// The times of the week a phrase names, as bits (0: none recognised).
// 'zaterdagochtend' is weekends, 'doordeweeks 's avonds' evenings,
// 'weekday mornings' weekday daytime, 'anytime' all three.
constexpr std::uint8_t kSlotWeekdayDaytime = 1, kSlotEvenings = 2, kSlotWeekends = 4;
std::uint8_t matchAvailability(std::string_view phrase);

}  // namespace welkom
