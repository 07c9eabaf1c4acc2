// The one place where messages from core and io (message.h: a code and its
// arguments) become words, in the language of a catalogue (catalogue.h).
// The interface and the CLI both render through it.
//
// Usage:
//   const MessageTexts texts("nl");
//   for (const HardVerdict& v : report.hard) show(texts.reason(v.reason));  // "beide in Haarlem"
//
// An unknown language falls back to English; a code missing from a catalogue
// falls back to its English text, then to "[code]" (the tests check that every
// catalogue has every code, so neither happens in a release).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/text/catalogue.h"
#include "core/message.h"
#include "core/scoring.h"
#include "core/validation.h"
#include "io/roster_csv.h"

namespace welkom {

class MessageTexts {
public:
    explicit MessageTexts(std::string_view language);
    // Words from a catalogue not registered (a translator's draft, a test's
    // pseudo-language); it must outlive this object. English fills its gaps.
    explicit MessageTexts(const Catalogue& catalogue);

    const Catalogue& catalogue() const { return *m_catalogue; }
    std::string render(const Message& m) const;
    // The text of a code with these arguments already as words.
    std::string text(std::string_view code, const std::vector<std::string>& args = {}) const;

    // Formatting in this language.
    std::string integer(long long n) const;
    std::string list(const std::vector<std::string>& items) const;
    // A quantity with its thousands grouped: "100,000", "100.000".
    std::string count(long long n) const;

    // The matching engine's explanations (scoring.h): a criterion's name, why a
    // pair passes or fails a condition or scores as it does, and a change
    // that would unblock a household.
    std::string criterion(Criterion c) const;
    std::string reason(const Reason& r) const;
    std::string change(const Change& c) const;

    // A problem from validation or a reader (core/validation.h) in words: the
    // catalogue's `problem.<code>` (problemMessage: its {0} is the last step
    // of the problem's path).
    std::string problem(const Problem& p) const;
    // An Error in words: the catalogue's text of its code with its args. One
    // whose code has no text is worded as the problem of that code
    // (problem.<code>, as problemError makes them).
    std::string error(const Error& e) const;
    // A problem of an imported sheet in words, with where it is:
    // "row 4, column C "Leeftijd": <problem.<code>>" (csv.where.*, csv.problem_at).
    std::string csvProblem(const CsvProblem& p) const;

    // A code's text as written, placeholders unexpanded: this language's,
    // else English's; nullptr when neither has it.
    const std::string* find(std::string_view code) const;
    // A vocabulary term's label: the catalogue's term.<kind>.<code>, else the
    // vocabulary's own (tagLabel), as tables and forms show it.
    std::string termLabel(VocabularyKind kind, std::string_view tag) const;

private:
    const Catalogue* m_catalogue;
    const Catalogue* m_english;
    std::string renderArg(const Arg& a) const;
    std::string tagText(std::string_view tag, TagKind kind) const;
    std::string expand(std::string_view text, const std::vector<std::string>& args,
                       const std::vector<long long>& numbers) const;
};

// The plural category index of n under a rule: the position of its form in
// the rule's list of forms ("one-other": 0 for 1, else 1). Rules: one-other
// (en, nl, de, ...), zero-one-other (fa, ti: 0 and 1 take the first form;
// named for the CLDR "i = 0 or n = 1" rule), east-slavic (uk: one few many),
// arabic (zero one two few many other).
std::size_t pluralIndex(std::string_view rule, long long n);

}  // namespace welkom

namespace welkom {

// The same for callers that hold the interface language as English/Dutch
// (app::Language); new code should keep a MessageTexts.
std::string criterionLabel(Criterion c, bool dutch);
std::string termLabelText(VocabularyKind kind, std::string_view tag, bool dutch);
std::string renderReason(const Reason& r, bool dutch);
std::string renderChange(const Change& c, bool dutch);
std::string problemText(const Problem& p, bool dutch);
// "path: words" (only the words for an empty path), like core's formatProblem.
std::string formatProblemText(const Problem& p, bool dutch);
// A CSV import problem in words, with its row and column (MessageTexts::csvProblem).
std::string formatCsvProblemText(const CsvProblem& p, bool dutch);
// An Error in words.
std::string errorText(const Error& e, bool dutch);
// An Error as an argument of another message ("{0} was not added: {1}"),
// worded as MessageTexts::error words it.
Arg errorArg(const Error& e);
// A problem as an argument, after its path as formatProblemText writes it.
Arg problemArg(const Problem& p);
// Any message in words (a learning refusal, a detail).
std::string messageText(const Message& m, bool dutch);
// A message in English, for files written in English whatever the interface
// language (the research file's steps, writeResearchJson).
std::string englishText(const Message& m);

}  // namespace welkom
