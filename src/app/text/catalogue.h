// Message catalogues: one file per language, app/text/catalogue/<lang>.txt,
// built into the program (CMake embeds every file of that folder, see
// cmake/EmbedCatalogues.cmake): English and Dutch always, the participants'
// languages where registerParticipantCatalogues() is called
// (participant_catalogues.h), plus any a test registers.
//
// File format (UTF-8, one entry per line; blank lines and lines starting
// with # are ignored):
//   @language = nl                         ISO 639-1 code
//   @name = Nederlands                     the language's own name
//   @reviewed-by-native-speaker = no       yes once a native speaker has read every entry
//   @plural-rule = one-other               see pluralCategory() in texts.cpp
//   @list-separator = ", "                 quotes keep spaces in @ settings
//   @list-empty = (geen)
//   @digit-group-separator = .             "100.000" in a {N:count}
//   @lowercase-labels-in-sentences = yes  "Koken" reads "koken" mid-sentence
//   validation.age_range = leeftijd moet tussen {0} en {1} liggen
// A text's {N} is the message's argument N; {N|form|form...} picks a form by
// the number N (forms in the order of the plural rule's categories, e.g.
// "one other"), and a form may itself contain {N}. {N:count} writes the
// number N with its thousands grouped ("100,000"), for quantities; a plain
// {N} writes it as it is (a year, an age). An entry may end with
// "  #unreviewed" to mark only that entry as not yet reviewed.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace welkom {

struct Catalogue {
    std::string language;  // "en"
    std::string name;      // "English"
    bool reviewed = false; // by a native speaker, the whole file
    std::string pluralRule = "one-other";
    std::string listSeparator = ", ";
    std::string listEmpty;
    std::string digitGroupSeparator = ",";  // "100,000"; {N:count} uses it
    bool lowercaseLabels = false;  // vocabulary labels start lowercase inside a sentence
    std::map<std::string, std::string, std::less<>> texts;  // code -> text
    std::vector<std::string> unreviewed;                    // codes marked #unreviewed

    const std::string* find(std::string_view code) const;
};

// Fails on a line that is neither a comment, a setting nor "code = text", on a
// repeated code, and on a missing @language ("catalogue.syntax").
Result<Catalogue> parseCatalogue(std::string_view text);

// The built-in catalogues plus registered ones, by language code; nullptr when unknown.
const Catalogue* findCatalogue(std::string_view language);
std::vector<std::string> catalogueLanguages();
// Adds (or replaces) a catalogue at run time: tests, a translator's preview.
void registerCatalogue(Catalogue catalogue);

}  // namespace welkom
