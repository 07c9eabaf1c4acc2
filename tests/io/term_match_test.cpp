// The sheets' own words for the vocabularies (io/term_match.h), measured on a
// corpus of phrases as people write them in sign-up forms, each with the code
// it means (tests/fixtures/csv/synonym_corpus.txt): at least 95 % must be
// recognised as their code and none as another code.
#include "io/term_match.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/text/messages.h"
#include "core/vocabulary.h"

namespace welkom {
namespace {

struct CorpusRow {
    std::string domain, phrase, code;
};

std::string trimmed(const std::string& s) {
    const std::size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::vector<CorpusRow> readCorpus() {
    std::ifstream in(std::string(WELKOM_SOURCE_DIR) + "/tests/fixtures/csv/synonym_corpus.txt");
    EXPECT_TRUE(in.good());
    std::vector<CorpusRow> rows;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const std::size_t a = line.find('|'), b = line.rfind('|');
        EXPECT_NE(a, b) << line;
        rows.push_back({trimmed(line.substr(0, a)), trimmed(line.substr(a + 1, b - a - 1)), trimmed(line.substr(b + 1))});
    }
    return rows;
}

std::string slotNames(std::uint8_t slots) {
    std::string s;
    if (slots & kSlotWeekdayDaytime) s += "weekday_daytime";
    if (slots & kSlotEvenings) s += std::string(s.empty() ? "" : "+") + "evenings";
    if (slots & kSlotWeekends) s += std::string(s.empty() ? "" : "+") + "weekends";
    return s.empty() ? "-" : s;
}

// What the matcher makes of one row: a code, or "-" for nothing.
std::string recognised(const CorpusRow& r) {
    if (r.domain == "availability") return slotNames(matchAvailability(r.phrase));
    const std::vector<std::pair<const char*, TermDomain>> domains = {
        {"interests", TermDomain::Interests}, {"goals", TermDomain::Goals},   {"sectors", TermDomain::Sectors},
        {"skills", TermDomain::Skills},       {"needs", TermDomain::Needs},   {"education", TermDomain::Education}};
    for (const auto& [name, domain] : domains)
        if (r.domain == name) return matchTerm(domain, r.phrase).value_or("-");
    ADD_FAILURE() << "unknown domain " << r.domain;
    return "-";
}

TEST(TermMatch, CorpusOfSignUpPhrasesIsRecognisedAndNeverWrong) {
    const std::vector<CorpusRow> rows = readCorpus();
    std::size_t withCode = 0, right = 0, missed = 0;
    std::ostringstream wrong, misses;
    for (const CorpusRow& r : rows) {
        const std::string got = recognised(r);
        if (r.code != "-") ++withCode;
        if (got == r.code) {
            right += r.code != "-" ? 1 : 0;
        } else if (got == "-") {
            ++missed;
            misses << "  " << r.domain << " | " << r.phrase << " -> nothing (meant " << r.code << ")\n";
        } else {
            wrong << "  " << r.domain << " | " << r.phrase << " -> " << got << " (meant " << r.code << ")\n";
        }
    }
    EXPECT_GE(rows.size(), 300u);
    EXPECT_EQ(wrong.str(), "") << "recognised as another code";
    EXPECT_GE(static_cast<double>(right), 0.95 * static_cast<double>(withCode))
        << right << " of " << withCode << " recognised; missed:\n" << misses.str();
    std::cout << "synonym corpus: " << right << " of " << withCode << " recognised, " << missed << " missed\n"
              << misses.str();
}

TEST(TermMatch, ToleranceRules) {
    // Case, accents, word order, small words, plurals.
    EXPECT_EQ(matchTerm(TermDomain::Goals, "NEDERLANDS LEREN"), "learn_dutch");
    EXPECT_EQ(matchTerm(TermDomain::Goals, "leren Nederlands"), "learn_dutch");
    EXPECT_EQ(matchTerm(TermDomain::Interests, "Wandelen & natuur"), "walking");
    EXPECT_EQ(matchTerm(TermDomain::Sectors, "Financiën"), "finance");
    EXPECT_EQ(matchTerm(TermDomain::Interests, "avonden"), std::nullopt);
    // Two codes equally named: nothing rather than a guess.
    EXPECT_EQ(matchTerm(TermDomain::Goals, "Nederlands leren en werk vinden"), std::nullopt);
    // Typos only in longer phrases.
    EXPECT_EQ(matchTerm(TermDomain::Interests, "Fotografiee"), "photography");
    EXPECT_EQ(matchTerm(TermDomain::Interests, "roken"), std::nullopt);
    EXPECT_EQ(matchTerm(TermDomain::Interests, ""), std::nullopt);
    // Every term's code, its words (io/term_words.inc) and the labels the app
    // shows in English and Dutch are recognised as that code.
    const std::vector<std::pair<VocabularyKind, TermDomain>> kinds = {
        {VocabularyKind::Interests, TermDomain::Interests}, {VocabularyKind::Goals, TermDomain::Goals},
        {VocabularyKind::Sectors, TermDomain::Sectors},     {VocabularyKind::Skills, TermDomain::Skills},
        {VocabularyKind::Needs, TermDomain::Needs}};
    for (const auto& [kind, domain] : kinds)
        for (const Term& t : vocabulary(kind)) {
            EXPECT_EQ(matchTerm(domain, t.code), std::string(t.code)) << t.code;
            for (bool dutch : {false, true}) {
                const std::string label = termLabelText(kind, t.code, dutch);
                EXPECT_EQ(matchTerm(domain, label), std::string(t.code)) << label;
            }
        }
    // Every term of every vocabulary has its words, and only terms do.
    for (VocabularyKind kind : {VocabularyKind::Interests, VocabularyKind::Goals, VocabularyKind::Sectors,
                                VocabularyKind::Skills, VocabularyKind::Needs, VocabularyKind::Languages})
        for (const Term& t : vocabulary(kind))
            EXPECT_EQ(std::count_if(termWords().begin(), termWords().end(),
                                    [&](const TermWords& w) { return w.kind == kind && w.code == t.code; }),
                      1)
                << t.code;
    for (const TermWords& w : termWords()) EXPECT_NE(findTerm(vocabulary(w.kind), w.code), nullptr) << w.code;
    EXPECT_EQ(matchAvailability("evenings during the week"), kSlotEvenings);
    EXPECT_EQ(matchAvailability("zaterdagochtend"), kSlotWeekends);
    EXPECT_EQ(matchAvailability("Evenings and weekends"), kSlotEvenings | kSlotWeekends);
    EXPECT_EQ(matchAvailability("soms"), 0);
}

}  // namespace
}  // namespace welkom
