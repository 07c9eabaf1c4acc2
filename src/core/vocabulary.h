// Controlled vocabularies: the codes an intake form offers for interests,
// goals, work sectors, skills, needs and languages. Files store the codes; the
// app's catalogues give each a label per language (term.<kind>.<code>, e.g.
// term.interests.cooking = Koken), and the sheet importer recognises the
// words of io/term_words.inc.
// Coordinators may add their own tags ("custom:<text>", see roster.h); those
// are kept as they are and shown with their own text.
//
// Usage:
//   const Vocabulary& v = vocabulary(VocabularyKind::Interests);
//   bool known = findTerm(v, "cooking") != nullptr;
//   std::string label = texts.termLabel(VocabularyKind::Skills, tag);   // app/text/messages.h
//   bool ok = isKnownLanguage("ti");                                  // Tigrinya
//
// Languages are ISO 639-1 codes. Two deliberate choices:
// - Dari (ISO 639-3 "prs", no 639-1 code) is filed under "fa" (Persian): Dari
//   and Farsi speakers understand each other, which is what matching needs.
//   Its label says Persian / Dari.
// - Kurdish is "ku" for both Kurmanji and Sorani; intake notes can tell them apart.
// Codes are lowercase ASCII, never reused for another meaning; labels may change.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace welkom {

struct Term {
    std::string_view code;
};

using Vocabulary = std::vector<Term>;

enum class VocabularyKind { Interests, Goals, Sectors, Skills, Needs, Languages };

// The built-in terms of one vocabulary, in display order.
const Vocabulary& vocabulary(VocabularyKind kind);

// The term with this code, or nullptr. Linear scan: vocabularies are small.
const Term* findTerm(const Vocabulary& v, std::string_view code);

bool isKnownLanguage(std::string_view code);

}  // namespace welkom
