// Controlled vocabularies: the codes an intake form offers for interests,
// goals, work sectors, skills, needs and languages, each with a Dutch and an
// English label. Files store the codes; the interface shows the labels.
// Coordinators may add their own tags ("custom:<text>", see roster.h); those
// are kept as they are and shown with their own text.
//
// Usage:
//   const Vocabulary& v = vocabulary(VocabularyKind::Interests);
//   if (const Term* t = findTerm(v, "cooking")) show(t->labelNl);   // "Koken"
//   std::string label = tagLabel(VocabularyKind::Skills, tag, /*dutch=*/true);
//   bool ok = isKnownLanguage("ti");                                  // Tigrinya
//
// Languages are ISO 639-1 codes. Two deliberate choices:
// - Dari (ISO 639-3 "prs", no 639-1 code) is filed under "fa" (Persian): Dari
//   and Farsi speakers understand each other, which is what matching needs.
//   The label says "Perzisch / Dari".
// - Kurdish is "ku" for both Kurmanji and Sorani; intake notes can tell them apart.
// Codes are lowercase ASCII, never reused for another meaning; labels may change.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace welkom {

struct Term {
    std::string_view code;
    std::string_view labelEn;
    std::string_view labelNl;
};

using Vocabulary = std::vector<Term>;

enum class VocabularyKind { Interests, Goals, Sectors, Skills, Needs, Languages };

// The built-in terms of one vocabulary, in display order.
const Vocabulary& vocabulary(VocabularyKind kind);

// The term with this code, or nullptr. Linear scan: vocabularies are small.
const Term* findTerm(const Vocabulary& v, std::string_view code);

bool isKnownLanguage(std::string_view code);

// A label for a stored tag: the vocabulary label for a known code, the text
// of a custom tag, or the tag itself when it is unknown (e.g. from a newer version).
std::string tagLabel(VocabularyKind kind, std::string_view tag, bool dutch);

}  // namespace welkom
