#include "io/term_match.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/roster.h"
#include "core/vocabulary.h"

namespace welkom {

namespace {

struct Synonym {
    TermDomain domain;
    std::string_view code;
    std::string_view words;
};

const Synonym kSynonyms[] = {
#include "io/term_synonyms.inc"
};

}  // namespace

const std::vector<TermWords>& termWords() {
    static const std::vector<TermWords> kWords = {
#include "io/term_words.inc"
    };
    return kWords;
}

namespace {

// Latin-1 supplement letters U+00C0..U+00FF without their accents ('_' ends a word).
constexpr std::string_view kLatin1Base = "aaaaaaaceeeeiiiidnooooo_ouuuuytsaaaaaaaceeeeiiiidnooooo_ouuuuyty";

// Small words that carry no meaning here, Dutch and English ('and'/'en' too).
constexpr std::array<std::string_view, 44> kSmallWords = {
    "a",   "an",   "the",  "to",   "for",  "of",    "in",   "on",     "at",   "with", "and",
    "or",  "my",   "our",  "i",    "we",   "me",    "some", "would",  "like", "want", "be",
    "de",  "het",  "een",  "te",   "van",  "voor",  "met",  "en",     "op",   "aan",  "om",
    "mijn", "onze", "ik",  "wij",  "graag", "wil",  "willen", "bij",  "all",  "during", "tijdens"};

bool isVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// One spelling per word: plural and inflection endings off ('avonden' ->
// 'avond', 'talen' -> 'taal', 'activities' -> 'activity', 'books' -> 'book').
std::string stem(std::string w) {
    const auto ends = [&](std::string_view e) { return w.size() > e.size() && w.compare(w.size() - e.size(), e.size(), e) == 0; };
    if (w.size() > 4 && ends("ies")) {
        w.replace(w.size() - 3, 3, "y");
    } else if (w.size() > 4 && ends("en")) {
        w.resize(w.size() - 2);
        // 'tal' -> 'taal', 'wek' -> 'week': an open syllable lost its long vowel's spelling.
        const std::size_t n = w.size();
        if (n >= 3 && !isVowel(w[n - 1]) && isVowel(w[n - 2]) && w[n - 2] != 'i' && !isVowel(w[n - 3]))
            w.insert(n - 1, 1, w[n - 2]);
    } else if (w.size() > 3 && ends("s") && !ends("ss") && !ends("us") && !ends("is")) {
        w.pop_back();
    }
    return w;
}

// Lower case words, accents off, small words left out, stemmed. Any byte
// outside ASCII letters and digits (and Latin-1 letters) ends a word, except
// other UTF-8 text, which is kept as part of a word.
std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::string w;
    auto flush = [&] {
        if (!w.empty() && std::find(kSmallWords.begin(), kSmallWords.end(), w) == kSmallWords.end())
            out.push_back(stem(std::move(w)));
        w.clear();
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '\'' || (c == 0xE2 && s.substr(i, 3) == "\xE2\x80\x99")) {  // apostrophes join: "hobby's"
            i += c == '\'' ? 0 : 2;
            continue;
        }
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') w.push_back(static_cast<char>(c - 'A' + 'a'));
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) w.push_back(static_cast<char>(c));
            else flush();
            continue;
        }
        if (c == 0xC3 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(s[i + 1]) <= 0xBF) {
            const char base = kLatin1Base[static_cast<unsigned char>(s[++i]) - 0x80];
            if (base == '_') flush();
            else w.push_back(base);
            continue;
        }
        w.push_back(static_cast<char>(c));
    }
    flush();
    return out;
}

// Words sorted and joined: word order does not matter.
std::string keyOf(std::vector<std::string> ws) {
    std::sort(ws.begin(), ws.end());
    ws.erase(std::unique(ws.begin(), ws.end()), ws.end());
    std::string k;
    for (const std::string& w : ws) k += (k.empty() ? "" : " ") + w;
    return k;
}

struct Entry {
    std::string key;
    std::vector<std::string> words;  // sorted, unique
    std::string code;
};

std::vector<Entry> buildEntries(TermDomain domain) {
    std::vector<Entry> out;
    auto add = [&](std::string_view text, std::string_view code) {
        std::vector<std::string> ws = words(text);
        std::sort(ws.begin(), ws.end());
        ws.erase(std::unique(ws.begin(), ws.end()), ws.end());
        if (ws.empty()) return;
        Entry e{keyOf(ws), ws, std::string(code)};
        const bool same = std::any_of(out.begin(), out.end(), [&](const Entry& o) { return o.key == e.key && o.code == e.code; });
        if (!same) out.push_back(std::move(e));
    };
    if (domain != TermDomain::Education) {
        static constexpr VocabularyKind kKinds[] = {VocabularyKind::Interests, VocabularyKind::Goals,
                                                    VocabularyKind::Sectors, VocabularyKind::Skills,
                                                    VocabularyKind::Needs};
        for (const TermWords& t : termWords()) {
            if (t.kind != kKinds[static_cast<int>(domain)]) continue;
            std::string code(t.code);
            std::replace(code.begin(), code.end(), '_', ' ');
            add(code, t.code);
            for (std::string_view label : t.words) {
                add(label, t.code);
                // Each part of a label on its own: 'schilderen' for 'Tekenen en schilderen'.
                std::string text(label);
                for (std::string_view sep : {" and ", " en ", " / ", " or ", " of ", "(", ")"})
                    for (std::size_t p; (p = text.find(sep)) != std::string::npos;) text.replace(p, sep.size(), "|");
                std::size_t start = 0;
                for (std::size_t i = 0; i <= text.size(); ++i) {
                    if (i < text.size() && text[i] != '|') continue;
                    if (start > 0 || i < text.size()) add(std::string_view(text).substr(start, i - start), t.code);
                    start = i + 1;
                }
            }
        }
    }
    for (const Synonym& s : kSynonyms)
        if (s.domain == domain) add(s.words, s.code);
    return out;
}

const std::vector<Entry>& entries(TermDomain domain) {
    static const std::array<std::vector<Entry>, 6> kAll = {
        buildEntries(TermDomain::Interests), buildEntries(TermDomain::Goals),  buildEntries(TermDomain::Sectors),
        buildEntries(TermDomain::Skills),    buildEntries(TermDomain::Needs),  buildEntries(TermDomain::Education)};
    return kAll[static_cast<std::size_t>(domain)];
}

// Optimal string alignment distance; limit + 1 when it is surely above
// `limit`. Three rows of the table, reused between calls: no allocation per pair.
int editDistance(std::string_view a, std::string_view b, int limit) {
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    if (n - m > limit || m - n > limit) return limit + 1;
    thread_local std::vector<int> before, previous, current;
    before.assign(static_cast<std::size_t>(m + 1), 0);
    previous.resize(static_cast<std::size_t>(m + 1));
    current.resize(static_cast<std::size_t>(m + 1));
    for (int j = 0; j <= m; ++j) previous[static_cast<std::size_t>(j)] = j;
    for (int i = 1; i <= n; ++i) {
        const auto ui = static_cast<std::size_t>(i);
        current[0] = i;
        int rowBest = i;
        for (int j = 1; j <= m; ++j) {
            const auto uj = static_cast<std::size_t>(j);
            const int cost = a[ui - 1] == b[uj - 1] ? 0 : 1;
            int v = std::min({previous[uj] + 1, current[uj - 1] + 1, previous[uj - 1] + cost});
            if (i > 1 && j > 1 && a[ui - 1] == b[uj - 2] && a[ui - 2] == b[uj - 1]) v = std::min(v, before[uj - 2] + 1);
            current[uj] = v;
            rowBest = std::min(rowBest, v);
        }
        if (rowBest > limit) return limit + 1;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[static_cast<std::size_t>(m)];
}

// The one code among `candidates` (code, rank; higher is better) with the
// best rank, or nullopt when two codes share it.
std::optional<std::string> unique(const std::vector<std::pair<std::string, int>>& candidates) {
    std::optional<std::string> best;
    int bestRank = -1;
    bool tie = false;
    for (const auto& [code, rank] : candidates) {
        if (rank > bestRank) {
            best = code;
            bestRank = rank;
            tie = false;
        } else if (rank == bestRank && code != *best) {
            tie = true;
        }
    }
    return tie ? std::nullopt : best;
}

}  // namespace

std::optional<std::string> matchTerm(TermDomain domain, std::string_view phrase) {
    std::vector<std::string> ws = words(phrase);
    std::sort(ws.begin(), ws.end());
    ws.erase(std::unique(ws.begin(), ws.end()), ws.end());
    if (ws.empty()) return std::nullopt;
    const std::string key = keyOf(ws);
    const std::vector<Entry>& all = entries(domain);
    std::vector<std::pair<std::string, int>> found;
    // 1. The same words.
    for (const Entry& e : all)
        if (e.key == key) found.emplace_back(e.code, 0);
    if (!found.empty()) return unique(found);
    // 2. An entry whose words all occur in the phrase; the one covering most.
    for (const Entry& e : all)
        if (std::includes(ws.begin(), ws.end(), e.words.begin(), e.words.end()))
            found.emplace_back(e.code, static_cast<int>(e.words.size()));
    if (!found.empty()) return unique(found);
    // 3. A small typo in the whole phrase.
    const int limit = key.size() >= 10 ? 2 : key.size() >= 6 ? 1 : 0;
    for (const Entry& e : all) {
        const int d = editDistance(key, e.key, limit);
        if (d <= limit) found.emplace_back(e.code, limit - d);
    }
    return found.empty() ? std::nullopt : unique(found);
}

namespace {

// The times one part of a phrase names: a day name or 'weekend' makes it the
// weekend ('zaterdagochtend', 'sunday evening'), an evening word evenings
// ('doordeweeks 's avonds'), a weekday or a time of day weekday daytime.
std::uint8_t slotsOfPart(const std::vector<std::string>& ws) {
    const auto has = [](const std::string& w, std::initializer_list<std::string_view> parts) {
        return std::any_of(parts.begin(), parts.end(), [&](std::string_view p) { return w.find(p) != std::string::npos; });
    };
    bool weekend = false, evening = false, day = false;
    for (const std::string& w : ws) {
        if (w == "altijd" || w == "always" || w == "anytime" || w == "flexibel" || w == "flexible" || w == "whenever")
            return kSlotWeekdayDaytime | kSlotEvenings | kSlotWeekends;
        weekend = weekend || has(w, {"weekend", "zaterdag", "zondag", "saturday", "sunday"});
        evening = evening || has(w, {"avond", "evening", "night", "nacht"});
        day = day || w == "day" ||
              has(w, {"doordeweek", "weekdag", "werkdag", "weekday", "maandag", "dinsdag", "woensdag", "donderdag",
                      "vrijdag", "monday", "tuesday", "wednesday", "thursday", "friday", "overdag", "daytime", "ochtend",
                      "morning", "middag", "afternoon", "lunch"});
    }
    return weekend ? kSlotWeekends : evening ? kSlotEvenings : day ? kSlotWeekdayDaytime : 0;
}

}  // namespace

std::uint8_t matchAvailability(std::string_view phrase) {
    // 'evenings and weekends': each part on its own.
    std::uint8_t slots = 0;
    std::vector<std::string> part;
    std::string lower;
    for (char c : phrase) lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    std::size_t start = 0;
    for (std::size_t i = 0; i <= lower.size(); ++i) {
        const bool end = i == lower.size() || lower[i] == '/' || lower[i] == '+' || lower[i] == '&';
        if (!end) {
            bool conjunction = false;
            for (std::string_view w : {" and ", " en ", " or ", " of ", " plus "})
                if (lower.compare(i, w.size(), w) == 0) conjunction = true;
            if (!conjunction) continue;
        }
        slots |= slotsOfPart(words(std::string_view(phrase).substr(start, i - start)));
        start = i + 1;
    }
    return slots;
}

}  // namespace welkom
