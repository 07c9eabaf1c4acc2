// Index:
//   [SECTION] Text helpers (normalised keys, lists)
//   [SECTION] Column names and synonyms
//   [SECTION] Importer: header, cells, values
//   [SECTION] Importer: households
//   [SECTION] Importer: group members
//   [SECTION] Importer: ids and validation of the merged roster
//   [SECTION] Apply
//   [SECTION] Export
#include "io/roster_csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/vocabulary.h"
#include "io/term_match.h"

namespace welkom {

// [SECTION] Text helpers ------------------------------------------------------------

namespace {

// Latin-1 supplement letters U+00C0..U+00FF without their accents ('_' drops the character).
constexpr std::string_view kLatin1Base = "aaaaaaaceeeeiiiidnooooo_ouuuuytsaaaaaaaceeeeiiiidnooooo_ouuuuyty";

// Lower case ASCII letters and digits, accents removed, everything else in
// ASCII dropped: "Coördinator", "coordinator" and "CO-ORDINATOR " are equal.
// Other non-ASCII bytes are kept, so text in other scripts still compares.
std::string normalizeKey(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(static_cast<char>(c));
            continue;
        }
        // A byte order mark (U+FEFF) is invisible: a second one in front of the
        // header (two exports pasted together) must not hide a column.
        if (c == 0xEF && s.substr(i, 3) == "\xEF\xBB\xBF") {
            i += 2;
            continue;
        }
        if (c == 0xC3 && i + 1 < s.size()) {
            const auto d = static_cast<unsigned char>(s[i + 1]);
            if (d >= 0x80 && d <= 0xBF) {
                const char base = kLatin1Base[d - 0x80];
                if (base != '_') out.push_back(base);
                ++i;
                continue;
            }
        }
        out.push_back(static_cast<char>(c));
    }
    return out;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view trim(std::string_view s) {
    // Also no-break spaces (U+00A0), which spreadsheets paste in, and byte
    // order marks (U+FEFF, "zero width no-break space") left where files were
    // pasted together: invisible, so never meant as part of a name.
    for (;;) {
        if (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
        else if (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
        else if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
        else break;
    }
    for (;;) {
        if (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
        else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
        else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xEF\xBB\xBF") s.remove_suffix(3);
        else break;
    }
    return s;
}

// Items of a list cell: split at ',' ';' and line breaks, trimmed, empties dropped.
std::vector<std::string> splitList(std::string_view cell) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= cell.size(); ++i) {
        if (i == cell.size() || cell[i] == ',' || cell[i] == ';' || cell[i] == '\n') {
            std::string_view item = trim(cell.substr(start, i - start));
            if (!item.empty()) out.emplace_back(item);
            start = i + 1;
        }
    }
    return out;
}

bool parseInt(std::string_view s, int& out) {
    if (s.empty() || s.size() > 9) return false;
    const char* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, out);
    return ec == std::errc() && p == end;
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }
// Arguments of a problem: a value from the sheet in quotes, a count.
Arg quotedArg(std::string_view s) { return Arg::textOf(quoted(s)); }
Arg count(std::size_t n) { return Arg::integerOf(static_cast<long long>(n)); }

}  // namespace

std::vector<std::string> splitProblemPath(const std::string& path) {
    std::vector<std::string> out;
    std::size_t start = 1;
    for (std::size_t i = 1; i <= path.size(); ++i) {
        if (i == path.size() || path[i] == '/') {
            out.push_back(path.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

namespace {

// The roster with a preview's updates and additions (see applyImport).
Roster mergedRoster(const Roster& base, const CsvImportPreview& preview) {
    Roster merged = base;
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < base.households.size(); ++i) index.emplace(base.households[i].id, i);
    for (const Household& h : preview.updatedHouseholds) {
        if (auto it = index.find(h.id); it != index.end()) merged.households[it->second] = h;
    }
    std::unordered_map<std::string_view, std::size_t> groupIndex;
    for (std::size_t i = 0; i < base.groups.size(); ++i) groupIndex.emplace(base.groups[i].id, i);
    for (const WelcomeGroup& g : preview.updatedGroups) {
        if (auto it = groupIndex.find(g.id); it != groupIndex.end()) merged.groups[it->second] = g;
    }
    merged.households.insert(merged.households.end(), preview.households.begin(), preview.households.end());
    merged.groups.insert(merged.groups.end(), preview.groups.begin(), preview.groups.end());
    return merged;
}

template <std::size_t N>
bool inList(const std::string& key, const std::array<std::string_view, N>& words) {
    return std::find(words.begin(), words.end(), key) != words.end();
}

// [SECTION] Column names and synonyms -----------------------------------------------

struct FieldSpec {
    std::string_view field;
    std::vector<std::string_view> names;  // compared after normalizeKey
};

// A column of its own for the level of Dutch ("NT2-niveau": A1), as sheets have it.
const std::vector<std::string_view> kDutchLevelNames = {
    "dutch level", "dutch", "niveau nederlands", "nederlands niveau", "taalniveau nederlands", "nt2 niveau",
    "niveau nt2", "nt2", "nederlands"};

// The column of exportProblemsCsv that says what is asked: read back without a warning.
// Compared as normalizeKey() keys: "What is missing" = "whatismissing".
constexpr std::array<std::string_view, 2> kQuestionHeaders = {"whatismissing", "watontbreekt"};

bool isQuestionColumn(std::string_view header) {
    const std::string key = normalizeKey(header);
    return std::any_of(kQuestionHeaders.begin(), kQuestionHeaders.end(),
                       [&](std::string_view h) { return normalizeKey(h) == key; });
}

const std::vector<FieldSpec>& householdSpecs() {
    static const std::vector<FieldSpec> kSpecs = {
#include "io/csv_household_headers.inc"
    };
    return kSpecs;
}

const std::vector<FieldSpec>& memberSpecs() {
    static const std::vector<FieldSpec> kSpecs = {
#include "io/csv_member_headers.inc"
    };
    return kSpecs;
}

constexpr std::array<std::string_view, 4> kAdultWords = {"adult", "volwassene", "ouder", "parent"};
struct AdultAttr {
    std::string_view attr;
    std::array<std::string_view, 3> names;
};
constexpr std::array<AdultAttr, 3> kAdultAttrs = {{
    {"age", {"age", "leeftijd", ""}},
    {"gender", {"gender", "geslacht", "sex"}},
    {"languages", {"languages", "talen", "taal"}},
}};

// "Volwassene 1 leeftijd", "leeftijd volwassene 1", "adult2_languages" -> "adult1_age", ...
std::string adultFieldOf(const std::string& key) {
    for (std::string_view word : kAdultWords) {
        for (const AdultAttr& a : kAdultAttrs) {
            for (std::string_view name : a.names) {
                if (name.empty()) continue;
                for (int n = 1; n <= kCsvMaxAdults; ++n) {
                    const std::string who = std::string(word) + std::to_string(n);
                    if (key == who + std::string(name) || key == std::string(name) + who)
                        return "adult" + std::to_string(n) + "_" + std::string(a.attr);
                }
            }
        }
    }
    return {};
}

std::vector<std::string> fieldNames(CsvImportKind kind) {
    std::vector<std::string> out;
    const auto& specs = kind == CsvImportKind::Households ? householdSpecs() : memberSpecs();
    for (const FieldSpec& s : specs) out.emplace_back(s.field);
    if (kind == CsvImportKind::Households) {
        for (int n = 1; n <= kCsvMaxAdults; ++n)
            for (const AdultAttr& a : kAdultAttrs) out.push_back("adult" + std::to_string(n) + "_" + std::string(a.attr));
    }
    return out;
}

}  // namespace

std::vector<std::string> householdCsvFields() { return fieldNames(CsvImportKind::Households); }
std::vector<std::string> groupMemberCsvFields() { return fieldNames(CsvImportKind::GroupMembers); }

Result<CsvColumnMapping> parseColumnMapping(std::string_view text) {
    CsvColumnMapping out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i != text.size() && text[i] != ',') continue;
        std::string_view entry = trim(text.substr(start, i - start));
        start = i + 1;
        if (entry.empty()) continue;
        const std::size_t eq = entry.rfind('=');
        if (eq == std::string_view::npos || trim(entry.substr(0, eq)).empty()) {
            return codedError("csv.mapping", {Arg::coded("csv.mapping.entry", {quotedArg(entry)})});
        }
        out.emplace_back(std::string(trim(entry.substr(0, eq))), std::string(trim(entry.substr(eq + 1))));
    }
    return out;
}

bool CsvImportPreview::hasErrors() const { return count(Severity::Error) > 0; }

std::size_t CsvImportPreview::count(Severity s) const {
    return static_cast<std::size_t>(
        std::count_if(problems.begin(), problems.end(), [&](const CsvProblem& p) { return p.severity == s; }));
}

// [SECTION] Importer: header, cells, values --------------------------------------------

namespace {

class Importer {
public:
    Importer(const Roster& into, CsvImportKind kind, CsvImportPreview& out) : m_into(into), m_kind(kind), m_out(out) {
        m_out.kind = kind;
        m_out.baseHouseholds = into.households.size();
        m_out.baseGroups = into.groups.size();
    }

    void run(std::string_view bytes, const CsvColumnMapping& mapping) {
        Result<CsvTable> table = readCsv(bytes);
        if (!table) {
            fileError(table.error());
            return;
        }
        m_out.encoding = table->encoding;
        m_out.delimiter = table->delimiter;
        if (table->rows.empty()) {
            fileError(codedError("csv.empty"));
            return;
        }
        m_header = table->rows[0];
        if (!resolveColumns(mapping, table->rows)) return;
        for (std::size_t i = 1; i < table->rows.size(); ++i) {
            const CsvRow& row = table->rows[i];
            m_row = i + 1;
            if (std::all_of(row.begin(), row.end(), [](const std::string& c) { return trim(c).empty(); })) continue;
            ++m_out.dataRows;
            if (!checkWidth(row)) continue;
            m_cells = &row;
            if (m_kind == CsvImportKind::Households) householdRow();
            else memberRow();
        }
        m_cells = nullptr;
        m_row = 0;
        if (m_kind == CsvImportKind::GroupMembers) finishGroups();
        assignIds();
        validateMerged();
    }

private:
    // ---- problems

    // A problem at the current row and `column` (0: the whole row), worded
    // by the app as problem.<code> with `args`.
    void add(Severity s, std::string code, std::size_t column, std::vector<Arg> args = {}) {
        CsvProblem p;
        p.severity = s;
        p.code = std::move(code);
        p.row = m_row;
        p.column = column;
        if (column > 0 && column <= m_header.size()) p.columnName = m_header[column - 1];
        p.args = std::move(args);
        m_out.problems.push_back(std::move(p));
        if (s == Severity::Error) m_rowFailed = true;
    }
    void error(std::string code, std::size_t column, std::vector<Arg> args = {}) {
        add(Severity::Error, std::move(code), column, std::move(args));
    }
    void warn(std::string code, std::size_t column, std::vector<Arg> args = {}) {
        add(Severity::Warning, std::move(code), column, std::move(args));
    }
    // A refusal of the whole file, worded by its code (problem.<code>) with its arguments.
    void fileError(const Error& e) {
        CsvProblem p;
        p.code = e.code;
        p.args = e.args;
        m_out.problems.push_back(std::move(p));
    }
    void fileError(std::string code, std::vector<Arg> args) { fileError(codedError(std::move(code), std::move(args))); }

    // ---- header

    std::string canonicalField(const std::string& given) const {
        const std::string key = normalizeKey(given);
        for (const std::string& f : fieldNames(m_kind))
            if (normalizeKey(f) == key) return f;
        return {};
    }

    std::string autoField(const std::string& header) const {
        const std::string key = normalizeKey(header);
        if (key.empty()) return {};
        const auto& specs = m_kind == CsvImportKind::Households ? householdSpecs() : memberSpecs();
        for (const FieldSpec& s : specs) {
            if (key == normalizeKey(s.field)) return std::string(s.field);
            for (std::string_view name : s.names)
                if (key == normalizeKey(name)) return std::string(s.field);
        }
        if (m_kind == CsvImportKind::Households) return adultFieldOf(key);
        return {};
    }

    bool resolveColumns(const CsvColumnMapping& mapping, const std::vector<CsvRow>& rows) {
        m_row = 1;
        std::vector<bool> mappingUsed(mapping.size(), false);
        for (const auto& [header, field] : mapping) {
            const std::string f = normalizeKey(field);
            if (!f.empty() && f != "ignore" && f != "negeer" && canonicalField(field).empty()) {
                fileError("csv.mapping", {Arg::coded("csv.mapping.unknown_field", {quotedArg(field), quotedArg(header)})});
            }
        }
        for (std::size_t c = 0; c < m_header.size(); ++c) {
            const std::string& header = m_header[c];
            std::string field;
            bool mapped = false;
            for (std::size_t k = 0; k < mapping.size(); ++k) {
                if (normalizeKey(mapping[k].first) != normalizeKey(header)) continue;
                mappingUsed[k] = true;
                mapped = true;
                field = canonicalField(mapping[k].second);
            }
            if (!mapped) field = autoField(header);
            if (!mapped && field.empty() && !trim(header).empty() && !isQuestionColumn(header)) {
                warn("csv.header_unknown", c + 1);
            }
            if (!field.empty()) {
                auto [it, inserted] = m_columnOf.emplace(field, c + 1);
                if (!inserted) {
                    error("csv.header_duplicate", c + 1, {Arg::textOf(csvColumnLetters(it->second)), quotedArg(field)});
                    field.clear();
                }
            }
            m_out.columns.push_back({header, field});
        }
        for (std::size_t k = 0; k < mapping.size(); ++k) {
            if (mappingUsed[k]) continue;
            fileError("csv.mapping", {Arg::coded("csv.mapping.no_such_column", {quotedArg(mapping[k].first)})});
        }
        // The text names the field and an example header in the reader's language (csv.column_example.<field>).
        auto require = [&](std::string_view field) {
            if (m_columnOf.count(std::string(field)) > 0) return;
            fileError("csv.header_missing", {quotedArg(field), Arg::coded("csv.column_example." + std::string(field))});
        };
        m_updating = namesRosterRecord(rows);
        if (m_kind == CsvImportKind::Households) {
            // A sheet that updates may leave out what it does not change (rows that add still need both).
            if (!m_updating) require("name");
            if (!m_updating) require("municipality");
        } else {
            require("group");
            if (!m_updating && m_columnOf.count("name") == 0 && m_columnOf.count("first_name") == 0)
                require("name");
            if (!m_updating) require("age");
            if (!m_updating && m_columnOf.count("group_municipality") == 0)
                require("municipality");
        }
        m_row = 0;
        return !m_out.hasErrors();
    }

    bool checkWidth(const CsvRow& row) {
        const std::size_t want = m_header.size();
        bool extraFilled = false;
        for (std::size_t c = want; c < row.size(); ++c) extraFilled = extraFilled || !trim(row[c]).empty();
        if (row.size() >= want && !extraFilled) return true;
        const char* separators = m_out.delimiter == ';'    ? "csv.separator.semicolons"
                                 : m_out.delimiter == '\t' ? "csv.separator.tabs"
                                                           : "csv.separator.commas";
        error("csv.columns", 0, {count(row.size()), count(want), Arg::coded(separators)});
        return false;
    }

    // ---- cells

    std::size_t col(std::string_view field) const {
        auto it = m_columnOf.find(std::string(field));
        return it == m_columnOf.end() ? 0 : it->second;
    }
    std::string_view cell(std::string_view field) const {
        const std::size_t c = col(field);
        if (c == 0 || !m_cells || c > m_cells->size()) return {};
        return trim((*m_cells)[c - 1]);
    }

    // ---- values

    // Whole years in [lo, hi]; false (with an error) otherwise.
    bool age(std::string_view field, std::string_view text, int lo, int& out) {
        int v = 0;
        if (!parseInt(text, v)) {
            error("csv.age", col(field), {Arg::coded("csv.age.not_a_number", {quotedArg(text)})});
            return false;
        }
        if (v < lo || v > kMaxAge) {
            error("csv.age", col(field),
                  {Arg::coded("csv.age.out_of_range", {Arg::integerOf(v), Arg::integerOf(lo), Arg::integerOf(kMaxAge)})});
            return false;
        }
        out = v;
        return true;
    }

    // Empty: not given (nullopt without a problem).
    std::optional<bool> yesNo(std::string_view field) {
        const std::string_view text = cell(field);
        const std::string k = normalizeKey(text);
        if (k.empty()) return std::nullopt;
        static constexpr std::array<std::string_view, 11> kYes = {"ja", "j", "yes", "y", "x", "1", "true", "waar",
                                                                  "akkoord", "\xE2\x9C\x93", "\xE2\x9C\x94"};
        static constexpr std::array<std::string_view, 9> kNo = {"nee", "n", "no", "0", "false", "onwaar", "niet",
                                                                "geen", "none"};
        if (inList(k, kYes)) return true;
        if (inList(k, kNo)) return false;
        // Vague detail, not unreadable: left "not given" (for consent: no consent) with a warning.
        warn("csv.yes_no", col(field), {quotedArg(text)});
        return std::nullopt;
    }

    // dd-mm-jjjj, d-m-jjjj, dd/mm/jjjj, d.m.jjjj or jjjj-mm-dd; "" when empty or invalid.
    static std::string toIsoDate(std::string_view s) {
        if (isValidIsoDate(s)) return std::string(s);
        int parts[3] = {0, 0, 0};
        std::size_t lens[3] = {0, 0, 0};
        std::size_t k = 0, i = 0;
        char sep = 0;
        for (; i < s.size() && k < 3; ++i) {
            const char c = s[i];
            if (c >= '0' && c <= '9') {
                if (++lens[k] > 4) return {};
                parts[k] = parts[k] * 10 + (c - '0');
            } else if ((c == '-' || c == '/' || c == '.') && k < 2 && lens[k] > 0 && (sep == 0 || sep == c)) {
                sep = c;
                ++k;
            } else {
                return {};
            }
        }
        if (k != 2 || i != s.size() || lens[0] > 2 || lens[1] > 2 || lens[2] != 4) return {};
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", parts[2], parts[1], parts[0]);
        return isValidIsoDate(buf) ? std::string(buf) : std::string{};
    }

    std::string date(std::string_view field) {
        const std::string_view text = cell(field);
        if (text.empty()) return {};
        std::string iso = toIsoDate(text);
        if (iso.empty()) {
            warn("csv.date", col(field), {quotedArg(text)});
        }
        return iso;
    }

    void consent(Consent& c) {
        // The consent column may hold a date instead of yes: consent given on that day.
        auto given = [&](std::string_view field, bool& flag, std::string& dateOut) {
            const std::string_view text = cell(field);
            if (std::string iso = toIsoDate(text); !iso.empty()) {
                flag = true;
                dateOut = iso;
            } else if (auto v = yesNo(field)) {
                flag = *v;
            }
        };
        given("consent_matching", c.toMatching, c.toMatchingDate);
        given("consent_research", c.toResearch, c.toResearchDate);
        if (std::string d = date("consent_matching_date"); !d.empty()) c.toMatchingDate = d;
        if (std::string d = date("consent_research_date"); !d.empty()) c.toResearchDate = d;
    }

    bool gender(std::string_view field, Gender& out) {
        const std::string_view text = cell(field);
        const std::string k = normalizeKey(text);
        static constexpr std::array<std::string_view, 6> kFemale = {"v", "vrouw", "f", "female", "woman", "w"};
        static constexpr std::array<std::string_view, 3> kMale = {"m", "man", "male"};
        static constexpr std::array<std::string_view, 7> kOther = {"x", "anders", "other", "nonbinair", "nonbinary",
                                                                   "divers", "nb"};
        static constexpr std::array<std::string_view, 7> kNone = {"", "onbekend", "unknown", "unspecified", "nvt",
                                                                  "zegiklieverniet", "prefernottosay"};
        if (inList(k, kFemale)) out = Gender::Female;
        else if (inList(k, kMale)) out = Gender::Male;
        else if (inList(k, kOther)) out = Gender::Other;
        else if (inList(k, kNone)) out = Gender::Unspecified;
        else {
            warn("csv.gender", col(field), {quotedArg(text)});
            return false;
        }
        return true;
    }

    static bool level(std::string key, LanguageLevel& out) {
        if (key.size() > 3 && key.compare(0, 3, "nt2") == 0) key.erase(0, 3);  // "NT2 A1", "NT2-niveau A1"
        static constexpr std::array<std::string_view, 7> kNative = {"native", "moedertaal", "nativespeaker",
                                                                    "mothertongue", "eerstetaal", "firstlanguage", "mt"};
        static constexpr std::array<std::string_view, 4> kNone = {"none", "geen", "0", "nvt"};
        if (inList(key, kNative)) out = LanguageLevel::Native;
        else if (inList(key, kNone)) out = LanguageLevel::None;
        else if (key.size() == 2 && (key[0] == 'a' || key[0] == 'b' || key[0] == 'c') && key[1] >= '0' && key[1] <= '2') {
            std::string upper = key;
            upper[0] = static_cast<char>(upper[0] - 'a' + 'A');
            if (upper == "B0" || upper == "C0") return false;
            return parseLanguageLevel(upper, out);
        } else return false;
        return true;
    }

    const std::string* languageCode(const std::string& key) {
        if (m_languages.empty()) {
            for (const TermWords& t : termWords()) {
                if (t.kind != VocabularyKind::Languages) continue;
                const std::string code(t.code);
                m_languages.emplace(normalizeKey(t.code), code);
                for (std::string_view label : t.words) {
                    m_languages.emplace(normalizeKey(label), code);
                    // "Persian / Dari": each name on its own too.
                    std::size_t start = 0;
                    for (std::size_t i = 0; i <= label.size(); ++i) {
                        if (i == label.size() || label[i] == '/') {
                            m_languages.emplace(normalizeKey(label.substr(start, i - start)), code);
                            start = i + 1;
                        }
                    }
                }
            }
            for (auto [alias, code] : {std::pair<const char*, const char*>{"farsi", "fa"}, {"perzisch", "fa"},
                                       {"kurmanji", "ku"}, {"kurmanci", "ku"}, {"sorani", "ku"}, {"tigrinja", "ti"},
                                       {"tigrigna", "ti"}, {"somali", "so"}, {"nederlandse", "nl"}})
                m_languages.emplace(alias, code);
        }
        auto it = m_languages.find(key);
        return it == m_languages.end() ? nullptr : &it->second;
    }

    // "ar:native; nl:A1", "Arabisch (moedertaal), Engels B1", "ti-C2".
    std::vector<LanguageSkill> languages(std::string_view field) {
        std::vector<LanguageSkill> out;
        for (const std::string& item : splitList(cell(field))) {
            std::string_view lang = item, lvl;
            if (const std::size_t p = item.find_first_of(":="); p != std::string::npos) {
                lang = std::string_view(item).substr(0, p);
                lvl = std::string_view(item).substr(p + 1);
            } else if (const std::size_t open = item.find('('); open != std::string::npos && item.back() == ')') {
                lang = std::string_view(item).substr(0, open);
                lvl = std::string_view(item).substr(open + 1, item.size() - open - 2);
            } else if (const std::size_t sp = item.find_last_of(" -"); sp != std::string::npos) {
                LanguageLevel probe;
                if (level(normalizeKey(std::string_view(item).substr(sp + 1)), probe)) {
                    lang = std::string_view(item).substr(0, sp);
                    lvl = std::string_view(item).substr(sp + 1);
                }
            }
            const std::string* code = languageCode(normalizeKey(trim(lang)));
            if (!code) {
                error("csv.language", col(field), {quotedArg(trim(lang))});
                continue;
            }
            // No level ("Frans, Duits") is missing detail, not an error: the
            // language is kept at level unknown, which validation asks for
            // (language.level_unknown). A level that is no level says so too.
            LanguageLevel l = LanguageLevel::Unknown;
            if (!trim(lvl).empty() && !level(normalizeKey(lvl), l)) {
                warn("csv.language_level", col(field), {quotedArg(trim(lvl))});
                l = LanguageLevel::Unknown;
            }
            addLanguage(out, *code, l);
        }
        return out;
    }

    // A language named twice keeps its best known level.
    static void addLanguage(std::vector<LanguageSkill>& out, const std::string& code, LanguageLevel l) {
        auto same = std::find_if(out.begin(), out.end(), [&](const LanguageSkill& s) { return s.code == code; });
        if (same == out.end()) out.push_back({code, l});
        else if (same->level == LanguageLevel::Unknown || (l != LanguageLevel::Unknown && l > same->level)) same->level = l;
    }

    // The row's level of Dutch column; nullopt when empty. Text that is no
    // level gives a warning (worded by the app: problem.csv.dutch_level) and
    // counts as Dutch at an unknown level.
    std::optional<LanguageLevel> dutchLevelCell() {
        const std::string_view text = cell("dutch_level");
        if (text.empty()) return std::nullopt;
        LanguageLevel l = LanguageLevel::Unknown;
        if (!level(normalizeKey(text), l)) warn("csv.dutch_level", col("dutch_level"));
        return l;
    }

    // Sets the level of Dutch from that column where a person's own languages
    // cell gave none (or only an unknown one): the person's own is more precise.
    static void setDutchLevel(std::vector<LanguageSkill>& langs, LanguageLevel l) {
        auto nl = std::find_if(langs.begin(), langs.end(), [](const LanguageSkill& s) { return s.code == "nl"; });
        if (nl == langs.end()) langs.push_back({"nl", l});
        else if (nl->level == LanguageLevel::Unknown) nl->level = l;
    }

    static TermDomain domainOf(VocabularyKind kind) {
        switch (kind) {
            case VocabularyKind::Interests: return TermDomain::Interests;
            case VocabularyKind::Goals: return TermDomain::Goals;
            case VocabularyKind::Sectors: return TermDomain::Sectors;
            case VocabularyKind::Skills: return TermDomain::Skills;
            case VocabularyKind::Needs:
            case VocabularyKind::Languages: break;  // languages have their own reader
        }
        return TermDomain::Needs;
    }

    std::string tagFor(VocabularyKind kind, std::string_view field, const std::string& item) {
        // The sheet's own words too ("werk zoeken", "a job"): io/term_match.h.
        if (std::optional<std::string> code = matchTerm(domainOf(kind), item)) return *code;
        if (isCustomTag(item)) return item;
        warn("csv.tag_custom", col(field), {quotedArg(item), quotedArg(makeCustomTag(item))});
        return makeCustomTag(item);
    }

    std::vector<std::string> tags(VocabularyKind kind, std::string_view field) {
        std::vector<std::string> out;
        for (const std::string& item : splitList(cell(field))) {
            std::string t = tagFor(kind, field, item);
            if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(std::move(t));
        }
        return out;
    }

    void availability(std::string_view field, Availability& a) {
        for (const std::string& item : splitList(cell(field))) {
            // Phrases too: evenings during the week, zaterdagochtend.
            const std::uint8_t slots = matchAvailability(item);
            a.weekdayDaytime = a.weekdayDaytime || (slots & kSlotWeekdayDaytime);
            a.evenings = a.evenings || (slots & kSlotEvenings);
            a.weekends = a.weekends || (slots & kSlotWeekends);
            if (slots == 0) {
                warn("csv.availability", col(field), {quotedArg(item)});
            }
        }
    }

    EducationLevel education(std::string_view field) {
        const std::string_view text = cell(field);
        if (normalizeKey(text).empty()) return EducationLevel::Unknown;
        EducationLevel level = EducationLevel::Unknown;
        if (std::optional<std::string> code = matchTerm(TermDomain::Education, text); code && parseEducationLevel(*code, level))
            return level;
        warn("csv.education", col(field), {quotedArg(text)});
        return EducationLevel::Unknown;
    }

    int wholeNumber(std::string_view field, int lo, int hi, int fallback) {
        const std::string_view text = cell(field);
        if (text.empty()) return fallback;
        int v = 0;
        if (!parseInt(text, v) || v < lo || v > hi) {
            error("csv.number", col(field), {quotedArg(text), Arg::integerOf(lo), Arg::integerOf(hi)});
            return fallback;
        }
        return v;
    }

    // [SECTION] Importer: households --------------------------------------------------

    // A new household from the row, or, when its id names a household of the
    // roster, that household with the row's filled cells applied (empty cells
    // leave a field as it is). Starting a new one from Household{} and
    // applying only filled cells gives what the sheet says.
    void householdRow() {
        m_rowFailed = false;
        const std::string id(cell("id"));
        const Household* existing = id.empty() ? nullptr : rosterHousehold(id);
        if (!id.empty() && !existing && m_updating && !idInRoster(id)) {
            error("csv.id_unknown", col("id"), {quotedArg(id)});
            return;
        }
        Household h = existing ? *existing : Household{};
        h.id = id;
        fillText("name", h.displayName);
        fillText("municipality", h.municipality);
        fillText("neighbourhood", h.neighbourhood);
        if (h.displayName.empty())
            error("csv.required", col("name"), {Arg::coded("csv.required.household_name")});
        if (h.municipality.empty())
            error("csv.required", col("municipality"), {Arg::coded("csv.required.household_municipality")});
        // Of each member: n of its adult<n>_ columns (an updated household's
        // adults count in order, children 0).
        std::vector<int> adultNumbers;
        int adults = 0;
        for (const HouseholdMember& m : h.members) adultNumbers.push_back(m.role == MemberRole::Adult ? ++adults : 0);
        for (int n = 1; n <= kCsvMaxAdults; ++n) {
            const std::string prefix = "adult" + std::to_string(n) + "_";
            const std::string ageField = prefix + "age", genderField = prefix + "gender", langField = prefix + "languages";
            if (cell(ageField).empty() && cell(genderField).empty() && cell(langField).empty()) continue;
            const std::size_t k = nthAdult(h, n);
            if (k == h.members.size()) {
                HouseholdMember added;
                added.role = MemberRole::Adult;
                h.members.push_back(std::move(added));
                adultNumbers.push_back(n);
                if (cell(ageField).empty()) {
                    error("csv.adult_age_missing", col(ageField) != 0 ? col(ageField) : col(langField),
                          {Arg::textOf(std::to_string(n))});
                }
            }
            HouseholdMember& m = h.members[k];
            if (!cell(ageField).empty()) age(ageField, cell(ageField), 0, m.age);
            if (!cell(genderField).empty()) gender(genderField, m.gender);
            if (!cell(langField).empty()) m.languages = languages(langField);
        }
        if (const std::optional<LanguageLevel> dutch = dutchLevelCell()) {
            for (HouseholdMember& m : h.members)
                if (m.role == MemberRole::Adult) setDutchLevel(m.languages, *dutch);
        }
        if (!cell("child_ages").empty()) {
            h.members.erase(std::remove_if(h.members.begin(), h.members.end(),
                                           [](const HouseholdMember& m) { return m.role == MemberRole::Child; }),
                            h.members.end());
            adultNumbers.erase(std::remove(adultNumbers.begin(), adultNumbers.end(), 0), adultNumbers.end());
            childAges(h);
        }
        if (h.members.empty() && !m_rowFailed) {
            error("csv.no_members", 0);
        }
        fillTags(VocabularyKind::Interests, "interests", h.interests);
        fillTags(VocabularyKind::Goals, "goals", h.goals);
        fillTags(VocabularyKind::Sectors, "work_sectors", h.workSectors);
        fillTags(VocabularyKind::Needs, "needs", h.needs);
        if (!cell("education").empty()) h.educationLevel = education("education");
        if (!cell("availability").empty()) {
            h.availability = Availability{};
            availability("availability", h.availability);
        }
        if (auto v = yesNo("women_only")) h.preferences.womenOnlyGroup = *v;
        if (auto v = yesNo("group_with_children")) h.preferences.groupWithChildren = *v;
        fillText("notes", h.notes);
        consent(h.consent);
        if (!h.id.empty()) checkGivenId(h.id, "id", existing != nullptr);
        if (m_rowFailed) return;  // the preview lists only what would be added or updated
        if (existing) {
            m_out.updatedHouseholdsBefore.push_back(*existing);
            m_out.updatedHouseholds.push_back(std::move(h));
            m_out.updatedHouseholdRows.push_back(m_row);
            m_updatedAdultNumbers.push_back(std::move(adultNumbers));
            return;
        }
        m_out.households.push_back(std::move(h));
        m_out.householdRows.push_back(m_row);
        m_adultNumbers.push_back(std::move(adultNumbers));
    }

    void fillText(std::string_view field, std::string& out) const {
        if (!cell(field).empty()) out = std::string(cell(field));
    }

    void fillTags(VocabularyKind kind, std::string_view field, std::vector<std::string>& out) {
        if (!cell(field).empty()) out = tags(kind, field);
    }

    // The index of the household's n-th adult (1-based); members.size() when it has fewer.
    static std::size_t nthAdult(const Household& h, int n) {
        for (std::size_t k = 0; k < h.members.size(); ++k)
            if (h.members[k].role == MemberRole::Adult && --n == 0) return k;
        return h.members.size();
    }

    // "4, 9", "4;9", "4 en 9", "4 jaar, 9 jaar".
    void childAges(Household& h) {
        const std::string_view text = cell("child_ages");
        std::string token;
        bool bad = false;
        auto flush = [&] {
            if (token.empty()) return;
            const std::string k = normalizeKey(token);
            static constexpr std::array<std::string_view, 7> kFill = {"en", "and", "jaar", "jr", "years", "year", "y"};
            if (!inList(k, kFill)) {
                HouseholdMember m;
                m.role = MemberRole::Child;
                if (age("child_ages", token, 0, m.age)) h.members.push_back(std::move(m));
                else bad = true;
            }
            token.clear();
        };
        for (char c : text) {
            if (c == ',' || c == ';' || isSpace(c) || c == '/') flush();
            else token.push_back(c);
            if (bad) return;  // one message per cell is enough
        }
        flush();
    }

    // An updating row's id names its household; any other id must be free. No id twice in a sheet.
    void checkGivenId(const std::string& id, std::string_view field, bool updating) {
        if (!m_givenIds.insert(id).second || (!updating && idInRoster(id))) {
            error("csv.id", col(field), {quotedArg(id)});
        }
    }

    const Household* rosterHousehold(const std::string& id) {
        if (m_householdIndex.empty()) {
            for (const Household& h : m_into.households) m_householdIndex.emplace(h.id, &h);
        }
        auto it = m_householdIndex.find(id);
        return it == m_householdIndex.end() ? nullptr : it->second;
    }

    // A sheet whose id column names a record of the roster updates by id (a
    // household sheet: a household; a member sheet: a member of the group in
    // its group column). Then an id the roster does not have is an error (a
    // typo would add a duplicate) rather than the id of a new record; member
    // ids in a sheet that names none are not used (new members get new ids).
    bool namesRosterRecord(const std::vector<CsvRow>& rows) {
        const bool households = m_kind == CsvImportKind::Households;
        const std::size_t c = col(households ? "id" : "member_id"), g = col("group");
        if (c == 0 || (!households && g == 0)) return false;
        for (std::size_t i = 1; i < rows.size(); ++i) {
            if (c > rows[i].size()) continue;
            const std::string id(trim(rows[i][c - 1]));
            if (households && rosterHousehold(id)) return true;
            const WelcomeGroup* group = households || g > rows[i].size() ? nullptr : rosterGroup(std::string(trim(rows[i][g - 1])));
            if (group != nullptr && std::any_of(group->members.begin(), group->members.end(),
                                                [&](const GroupMember& m) { return m.id == id; }))
                return true;
        }
        return false;
    }

    bool idInRoster(const std::string& id) {
        if (m_rosterIds.empty()) {
            for (const Household& h : m_into.households) m_rosterIds.insert(h.id);
            for (const WelcomeGroup& g : m_into.groups) m_rosterIds.insert(g.id);
        }
        return m_rosterIds.count(id) > 0;
    }

    // [SECTION] Importer: group members -----------------------------------------------

    // Group names compare like headers; a name of punctuation only compares as written.
    static std::string groupKey(const std::string& name) {
        std::string k = normalizeKey(name);
        return k.empty() ? name : k;
    }

    struct GroupBuild {
        std::vector<std::size_t> memberRows;
        std::map<std::string, std::pair<std::string, std::size_t>> levelValues;  // field -> (normalised value, row)
        bool failed = false;
        std::size_t coordinatorRow = 0;
        std::size_t coordinatorIndex = 0;
        bool hasCoordinator = false;
    };

    // A group-level cell: the first row that fills it sets it; later rows must agree.
    bool groupLevel(GroupBuild& b, std::string_view field) {
        const std::string_view text = cell(field);
        if (text.empty()) return false;
        const std::string k = normalizeKey(text);
        auto [it, inserted] = b.levelValues.emplace(std::string(field), std::make_pair(k, m_row));
        if (inserted) return true;
        if (it->second.first != k) {
            error("csv.group_conflict", col(field), {Arg::textOf(std::string(field)), count(it->second.second)});
        }
        return false;
    }

    void memberRow() {
        m_rowFailed = false;
        const std::string groupName(cell("group"));
        if (groupName.empty()) {
            error("csv.required", col("group"), {Arg::coded("csv.required.person_group")});
            return;
        }
        if (m_updating && !cell("member_id").empty()) return updateMemberRow(groupName);
        const std::string key = groupKey(groupName);
        auto found = m_groupIndex.find(key);
        if (found == m_groupIndex.end()) {
            found = m_groupIndex.emplace(key, m_out.groups.size()).first;
            WelcomeGroup g;
            g.name = groupName;
            g.capacity = 1;
            m_out.groups.push_back(std::move(g));
            m_out.groupRows.push_back(m_row);
            m_builds.emplace_back();
            if (const WelcomeGroup* existing = rosterGroup(groupName)) {
                error("csv.group_exists", col("group"), {quotedArg(existing->name), Arg::textOf(existing->id)});
            }
        }
        WelcomeGroup& g = m_out.groups[found->second];
        GroupBuild& b = m_builds[found->second];
        groupCells(g, b);
        GroupMember m;
        memberCells(m, true);
        coordinatorCell(b, g.members.size());
        g.members.push_back(std::move(m));
        b.memberRows.push_back(m_row);
    }

    // A row of a members' problems sheet sent back: its member id names a
    // member of the roster's group in its group column, and its filled cells
    // update that member (and the group's own columns, that group).
    void updateMemberRow(const std::string& groupName) {
        const std::string memberId(cell("member_id"));
        const WelcomeGroup* existing = rosterGroup(groupName);
        std::size_t k = existing == nullptr ? 0 : existing->members.size();
        for (std::size_t i = 0; existing != nullptr && i < existing->members.size() && k == existing->members.size(); ++i)
            if (existing->members[i].id == memberId) k = i;
        if (existing == nullptr || k == existing->members.size()) {
            error("csv.member_unknown", col("member_id"), {quotedArg(memberId), quotedArg(groupName)});
            return;
        }
        auto [it, first] = m_updatedGroupIndex.emplace(existing->id, m_out.updatedGroups.size());
        if (first) {
            m_out.updatedGroups.push_back(*existing);
            m_out.updatedGroupsBefore.push_back(*existing);
            m_out.updatedGroupRows.push_back(m_row);
            m_updatedBuilds.emplace_back();
            m_updatedBuilds.back().memberRows.assign(existing->members.size(), 0);
        }
        WelcomeGroup& g = m_out.updatedGroups[it->second];
        GroupBuild& b = m_updatedBuilds[it->second];
        if (b.memberRows[k] != 0) {
            error("csv.member_twice", col("member_id"), {quotedArg(memberId), Arg::textOf(std::to_string(b.memberRows[k]))});
            return;
        }
        b.memberRows[k] = m_row;
        m_out.updatedMemberRows.push_back(m_row);
        groupCells(g, b);
        memberCells(g.members[k], false);
        if (coordinatorCell(b, k)) g.coordinatorId = g.members[k].id;
    }

    // The group's own columns on a member's row: the first row that fills one sets it.
    void groupCells(WelcomeGroup& g, GroupBuild& b) {
        if (groupLevel(b, "group_municipality")) g.municipality = std::string(cell("group_municipality"));
        if (groupLevel(b, "group_neighbourhood")) g.neighbourhood = std::string(cell("group_neighbourhood"));
        if (groupLevel(b, "capacity")) g.capacity = wholeNumber("capacity", 0, 100, 1);
        if (groupLevel(b, "max_household_size")) g.support.maxHouseholdSize = wholeNumber("max_household_size", 0, 100, 0);
        if (groupLevel(b, "group_notes")) g.notes = std::string(cell("group_notes"));
        // Every consent cell is checked against the group's earlier rows, so no short-circuit.
        bool newConsent = false;
        for (const char* field : {"consent_matching", "consent_matching_date", "consent_research", "consent_research_date"})
            newConsent = groupLevel(b, field) || newConsent;
        if (newConsent) consent(g.consent);
        for (const std::string& m : splitList(cell("allowed_municipalities"))) {
            if (std::find(g.allowedMunicipalities.begin(), g.allowedMunicipalities.end(), m) == g.allowedMunicipalities.end())
                g.allowedMunicipalities.push_back(m);
        }
        availability("availability", g.availability);  // the group is available when any member is
    }

    // The member's own cells; an empty cell leaves a field as it is (a new
    // member starts empty, and needs a name and an age).
    void memberCells(GroupMember& m, bool isNew) {
        std::string name(cell("name"));
        if (name.empty()) {
            const std::string_view first = cell("first_name"), last = cell("last_name");
            name = std::string(first) + (!first.empty() && !last.empty() ? " " : "") + std::string(last);
        }
        if (!name.empty()) m.name = name;
        if (m.name.empty()) {
            error("csv.required", col("name") != 0 ? col("name") : col("first_name"),
                  {Arg::coded("csv.required.person_name")});
        }
        const std::string_view email = cell("contact"), phone = cell("phone");
        if (!email.empty() || !phone.empty())
            m.contact = std::string(email) + (!email.empty() && !phone.empty() ? ", " : "") + std::string(phone);
        if (!cell("age").empty()) age("age", cell("age"), kMinGroupMemberAge, m.age);
        else if (isNew) error("csv.required", col("age"), {Arg::coded("csv.required.person_age")});
        if (!cell("gender").empty()) gender("gender", m.gender);
        if (!cell("languages").empty()) m.languages = languages("languages");
        if (const std::optional<LanguageLevel> dutch = dutchLevelCell()) setDutchLevel(m.languages, *dutch);
        fillTags(VocabularyKind::Interests, "interests", m.interests);
        fillText("municipality", m.municipality);
        fillText("neighbourhood", m.neighbourhood);
        fillText("occupation", m.occupation);
        if (!cell("sector").empty()) m.sector = tagFor(VocabularyKind::Sectors, "sector", std::string(cell("sector")));
        fillTags(VocabularyKind::Skills, "skills", m.skills);
        if (auto v = yesNo("has_children")) m.hasChildren = *v;
    }

    // Whether the row marks member k as the group's coordinator (one per group).
    bool coordinatorCell(GroupBuild& b, std::size_t k) {
        auto v = yesNo("coordinator");
        if (!v || !*v) return false;
        if (b.hasCoordinator) {
            error("csv.coordinator", col("coordinator"), {count(b.coordinatorRow)});
            return false;
        }
        b.hasCoordinator = true;
        b.coordinatorRow = m_row;
        b.coordinatorIndex = k;
        return true;
    }

    // A group of the roster by its id or by its name (compared like headers).
    const WelcomeGroup* rosterGroup(const std::string& idOrName) {
        if (m_existingGroups.empty()) {
            for (const WelcomeGroup& existing : m_into.groups) {
                m_existingGroups.emplace(groupKey(existing.name), &existing);
                m_existingGroupIds.emplace(existing.id, &existing);
            }
        }
        if (auto e = m_existingGroupIds.find(idOrName); e != m_existingGroupIds.end()) return e->second;
        auto e = m_existingGroups.find(groupKey(idOrName));
        return e == m_existingGroups.end() ? nullptr : e->second;
    }

    // A group's municipality or neighbourhood not given in a group column:
    // its coordinator's, else the most common among its members (the first
    // seen on a tie). When members differ, a warning names the choice.
    void choosePlace(std::size_t i, std::string_view field, std::string GroupMember::*own, std::string& out) {
        if (!out.empty()) return;
        const WelcomeGroup& g = m_out.groups[i];
        const GroupBuild& b = m_builds[i];
        std::vector<std::pair<std::string, int>> counts;  // value, members; in order of first appearance
        for (const GroupMember& m : g.members) {
            if ((m.*own).empty()) continue;
            auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == m.*own; });
            if (it == counts.end()) counts.emplace_back(m.*own, 1);
            else ++it->second;
        }
        if (counts.empty()) return;
        const bool byCoordinator = b.hasCoordinator && !(g.members[b.coordinatorIndex].*own).empty();
        if (byCoordinator) {
            out = g.members[b.coordinatorIndex].*own;
        } else {
            out = std::max_element(counts.begin(), counts.end(), [](const auto& x, const auto& y) {
                      return x.second < y.second;
                  })->first;
        }
        if (counts.size() < 2) return;
        std::vector<Arg> values;
        for (const auto& c : counts) values.push_back(Arg::textOf(c.first));
        m_row = byCoordinator ? b.coordinatorRow : m_out.groupRows[i];
        const std::size_t column = col(field);
        const std::string header = column > 0 && column <= m_header.size() ? m_header[column - 1] : std::string(field);
        warn(byCoordinator ? "csv.group_place_coordinator" : "csv.group_place_most_common", column,
             {Arg::textOf(header), Arg::listOf(std::move(values)), Arg::textOf(out)});
    }

    void finishGroups() {
        for (std::size_t i = 0; i < m_out.groups.size(); ++i) {
            WelcomeGroup& g = m_out.groups[i];
            choosePlace(i, "municipality", &GroupMember::municipality, g.municipality);
            choosePlace(i, "neighbourhood", &GroupMember::neighbourhood, g.neighbourhood);
        }
        for (std::size_t i = 0; i < m_out.groups.size(); ++i) {
            if (!m_out.groups[i].municipality.empty()) continue;
            m_row = m_out.groupRows[i];
            error("csv.required", col("municipality"),
                  {Arg::coded("csv.required.group_municipality", {quotedArg(m_out.groups[i].name)})});
        }
        m_row = 0;
    }

    // [SECTION] Importer: ids and validation of the merged roster ----------------------

    void assignIds() {
        std::unordered_set<std::string> used = m_givenIds;
        for (const Household& h : m_into.households) used.insert(h.id);
        for (const WelcomeGroup& g : m_into.groups) used.insert(g.id);
        std::size_t next = 1;
        auto fresh = [&](const char* prefix) {
            for (;; ++next) {
                std::string id = std::string(prefix) + std::to_string(next);
                if (used.insert(id).second) return id;
            }
        };
        for (Household& h : m_out.households) {
            if (h.id.empty()) h.id = fresh("h-");
        }
        next = 1;
        for (std::size_t i = 0; i < m_out.groups.size(); ++i) {
            WelcomeGroup& g = m_out.groups[i];
            g.id = fresh("g-");
            for (std::size_t k = 0; k < g.members.size(); ++k) g.members[k].id = g.id + "-m" + std::to_string(k + 1);
            if (m_builds[i].hasCoordinator) g.coordinatorId = g.members[m_builds[i].coordinatorIndex].id;
        }
    }

    // Which column a validation path below a new or updated record points at
    // (adultNumbers: of a household's members, see householdRow).
    std::size_t columnForPath(const std::vector<int>& adultNumbers, const std::vector<std::string>& segs) const {
        if (segs.size() < 3) return 0;
        const std::string& f = segs[2];
        int k = -1;
        if (m_kind == CsvImportKind::Households && f == "members" && segs.size() >= 5 && segs[4] == "languages" &&
            parseInt(segs[3], k) && k >= 0 && static_cast<std::size_t>(k) < adultNumbers.size()) {
            return col("adult" + std::to_string(adultNumbers[static_cast<std::size_t>(k)]) + "_languages");
        }
        if (m_kind == CsvImportKind::Households) {
            static const std::map<std::string, std::string> kFields = {
                {"displayName", "name"}, {"municipality", "municipality"}, {"interests", "interests"},
                {"goals", "goals"}, {"workSectors", "work_sectors"}, {"needs", "needs"},
                {"consent", "consent_matching"}, {"id", "id"}};
            auto it = kFields.find(f);
            return it == kFields.end() ? 0 : col(it->second);
        }
        if (f == "members" && segs.size() >= 5) {
            static const std::map<std::string, std::string> kMember = {
                {"age", "age"}, {"name", "name"}, {"languages", "languages"}, {"interests", "interests"},
                {"skills", "skills"}, {"sector", "sector"}};
            auto it = kMember.find(segs[4]);
            return it == kMember.end() ? 0 : col(it->second);
        }
        static const std::map<std::string, std::string> kGroup = {
            {"name", "group"}, {"municipality", "municipality"}, {"coordinatorId", "coordinator"},
            {"capacity", "capacity"}, {"consent", "consent_matching"}, {"members", "group"}};
        auto it = kGroup.find(f);
        return it == kGroup.end() ? 0 : col(it->second);
    }

    // Runs validateRoster on the roster with the new records added and reports
    // what it says about them at their rows; problems elsewhere that were not
    // there before are errors of the import as a whole.
    void validateMerged() {
        if (m_out.households.empty() && m_out.groups.empty() && m_out.updatedHouseholds.empty() &&
            m_out.updatedGroups.empty())
            return;
        std::set<std::pair<std::string, std::string>> before;
        for (const Problem& p : validateRoster(m_into)) before.emplace(p.path, p.code);
        const Roster merged = mergedRoster(m_into, m_out);
        const std::string collection = m_kind == CsvImportKind::Households ? "households" : "groups";
        const std::size_t base = m_kind == CsvImportKind::Households ? m_out.baseHouseholds : m_out.baseGroups;
        const std::unordered_map<std::size_t, std::size_t> updated =  // roster index -> index in updated*
            m_kind == CsvImportKind::Households ? rosterIndexes(m_into.households, m_out.updatedHouseholds)
                                                : rosterIndexes(m_into.groups, m_out.updatedGroups);
        static const std::vector<int> kNoAdults;
        for (const Problem& p : validateRoster(merged)) {
            const std::vector<std::string> segs = splitProblemPath(p.path);
            int index = -1;
            const bool inCollection = segs.size() >= 2 && segs[0] == collection && parseInt(segs[1], index);
            if (inCollection && static_cast<std::size_t>(index) >= base) {
                const std::size_t i = static_cast<std::size_t>(index) - base;
                // Problems the importer already reported at the cell are not repeated.
                if (p.severity == Severity::Error && rowHasError(rowOfRecord(i, segs))) continue;
                m_row = rowOfRecord(i, segs);
                addAtRow(p, i < m_adultNumbers.size() ? m_adultNumbers[i] : kNoAdults, segs);
                continue;
            }
            if (auto u = inCollection ? updated.find(static_cast<std::size_t>(index)) : updated.end();
                u != updated.end()) {
                if (p.severity == Severity::Error && before.count({p.path, p.code}) > 0) continue;
                if (m_kind == CsvImportKind::Households) {
                    m_row = m_out.updatedHouseholdRows[u->second];
                    addAtRow(p, m_updatedAdultNumbers[u->second], segs);
                } else {
                    m_row = rowOfMember(m_updatedBuilds[u->second], segs, m_out.updatedGroupRows[u->second]);
                    addAtRow(p, kNoAdults, segs);
                }
                continue;
            }
            if (before.count({p.path, p.code}) > 0 || p.severity != Severity::Error) continue;
            m_row = 0;
            add(p.severity, "import.merged_problem", 0, {Arg::textOf(p.path), Arg::messageOf(problemMessage(p))});
        }
        m_row = 0;
    }

    // A validation problem of a record at the record's row (m_row).
    void addAtRow(const Problem& p, const std::vector<int>& adultNumbers, const std::vector<std::string>& segs) {
        add(p.severity, p.code, columnForPath(adultNumbers, segs), problemMessage(p).args);
    }

    std::size_t rowOfRecord(std::size_t i, const std::vector<std::string>& segs) const {
        if (m_kind == CsvImportKind::Households) return m_out.householdRows[i];
        return rowOfMember(m_builds[i], segs, m_out.groupRows[i]);
    }

    // The row of the member a path below a group points at; the group's row
    // when it points at the group or at a member without a row.
    static std::size_t rowOfMember(const GroupBuild& b, const std::vector<std::string>& segs, std::size_t groupRow) {
        int k = -1;
        if (segs.size() >= 4 && segs[2] == "members" && parseInt(segs[3], k) && k >= 0 &&
            static_cast<std::size_t>(k) < b.memberRows.size() && b.memberRows[static_cast<std::size_t>(k)] != 0)
            return b.memberRows[static_cast<std::size_t>(k)];
        return groupRow;
    }

    // Of each record of `roster` that `updated` holds: its index there.
    template <typename Record>
    static std::unordered_map<std::size_t, std::size_t> rosterIndexes(const std::vector<Record>& roster,
                                                                      const std::vector<Record>& updated) {
        std::unordered_map<std::size_t, std::size_t> out;
        if (updated.empty()) return out;
        std::unordered_map<std::string_view, std::size_t> byId;
        for (std::size_t u = 0; u < updated.size(); ++u) byId.emplace(updated[u].id, u);
        for (std::size_t i = 0; i < roster.size(); ++i)
            if (auto it = byId.find(roster[i].id); it != byId.end()) out.emplace(i, it->second);
        return out;
    }

    bool rowHasError(std::size_t row) const {
        return std::any_of(m_out.problems.begin(), m_out.problems.end(),
                           [&](const CsvProblem& p) { return p.row == row && p.severity == Severity::Error; });
    }

    const Roster& m_into;
    CsvImportKind m_kind;
    CsvImportPreview& m_out;
    CsvRow m_header;
    std::map<std::string, std::size_t> m_columnOf;  // field -> 1-based column
    const CsvRow* m_cells = nullptr;
    std::size_t m_row = 0;
    bool m_rowFailed = false;
    std::unordered_set<std::string> m_givenIds;
    std::unordered_set<std::string> m_rosterIds;                              // built on first use
    std::unordered_map<std::string, const WelcomeGroup*> m_existingGroups;   // normalised name; built on first use
    std::unordered_map<std::string, const WelcomeGroup*> m_existingGroupIds;  // id; built with m_existingGroups
    std::unordered_map<std::string, std::size_t> m_updatedGroupIndex;        // id -> index in updatedGroups
    std::vector<GroupBuild> m_updatedBuilds;  // per updated group; memberRows by member index, 0: not in the sheet
    std::unordered_map<std::string, std::string> m_languages;                 // normalised name -> code
    std::unordered_map<std::string, std::size_t> m_groupIndex;               // normalised name -> index
    std::vector<GroupBuild> m_builds;
    std::vector<std::vector<int>> m_adultNumbers;  // per previewed household, see householdRow
    std::vector<std::vector<int>> m_updatedAdultNumbers;  // per updated household
    std::unordered_map<std::string, const Household*> m_householdIndex;  // id; built on first use
    bool m_updating = false;  // see namesRosterRecord
};

}  // namespace

CsvImportPreview previewHouseholdImport(std::string_view csvBytes, const Roster& into, const CsvColumnMapping& mapping) {
    CsvImportPreview out;
    Importer(into, CsvImportKind::Households, out).run(csvBytes, mapping);
    return out;
}

CsvImportPreview previewGroupMemberImport(std::string_view csvBytes, const Roster& into,
                                          const CsvColumnMapping& mapping) {
    CsvImportPreview out;
    Importer(into, CsvImportKind::GroupMembers, out).run(csvBytes, mapping);
    return out;
}

// [SECTION] Apply -----------------------------------------------------------------------

namespace {

// Whether any of the records `before` is no longer in `current` as it was.
template <typename Record>
bool changedSince(const std::vector<Record>& current, const std::vector<Record>& before) {
    if (before.empty()) return false;
    std::unordered_map<std::string_view, const Record*> byId;
    for (const Record& r : current) byId.emplace(r.id, &r);
    return std::any_of(before.begin(), before.end(), [&](const Record& was) {
        auto it = byId.find(was.id);
        return it == byId.end() || !(*it->second == was);
    });
}

}  // namespace

Status applyImport(Roster& roster, const CsvImportPreview& preview) {
    if (preview.hasErrors()) {
        return codedError("import.has_errors", {Arg::integerOf(static_cast<long long>(preview.count(Severity::Error)))});
    }
    std::unordered_set<std::string_view> ids;
    for (const Household& h : roster.households) ids.insert(h.id);
    for (const WelcomeGroup& g : roster.groups) ids.insert(g.id);
    bool collides = roster.households.size() != preview.baseHouseholds || roster.groups.size() != preview.baseGroups;
    for (const Household& h : preview.households) collides = collides || ids.count(h.id) > 0;
    for (const WelcomeGroup& g : preview.groups) collides = collides || ids.count(g.id) > 0;
    // Each updated record as it was at the preview.
    collides = collides || changedSince(roster.households, preview.updatedHouseholdsBefore) ||
               changedSince(roster.groups, preview.updatedGroupsBefore);
    if (collides) {
        return codedError("import.stale");
    }
    std::set<std::pair<std::string, std::string>> before;
    for (const Problem& p : validateRoster(roster))
        if (p.severity == Severity::Error) before.emplace(p.path, p.code);
    Roster merged = mergedRoster(roster, preview);
    for (const Problem& p : validateRoster(merged)) {
        if (p.severity != Severity::Error || before.count({p.path, p.code}) > 0) continue;
        return codedError("import.invalid", {Arg::textOf(p.path), Arg::messageOf(problemMessage(p))});
    }
    roster = std::move(merged);
    return Ok{};
}

}  // namespace welkom
