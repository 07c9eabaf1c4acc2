// The problems sheet (issue #15 item 6): words for the contact person, so in
// the app's layer; io reads the filled-in sheet back (io/roster_csv.h).
#include "app/problems_sheet.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "core/validation.h"
#include "core/vocabulary.h"
#include "io/csv.h"
#include "io/roster_csv.h"

namespace welkom {

namespace {

// A JSON Pointer step that is a list index ("3").
bool parseIndex(const std::string& step, int& out) {
    auto [end, ec] = std::from_chars(step.data(), step.data() + step.size(), out);
    return ec == std::errc() && end == step.data() + step.size() && out >= 0;
}

std::string languageName(const std::string& code, bool dutch) {
    const Term* t = findTerm(vocabulary(VocabularyKind::Languages), code);
    return t == nullptr ? code : std::string(dutch ? t->labelNl : t->labelEn);
}

// "Arabic (native); Kurdish": as the importer reads it, a language of unknown level without one.
std::string languagesCell(const std::vector<LanguageSkill>& languages, bool dutch) {
    std::string out;
    for (const LanguageSkill& l : languages) {
        if (!out.empty()) out += "; ";
        out += languageName(l.code, dutch);
        if (l.level == LanguageLevel::Unknown) continue;
        const std::string_view level = dutch && l.level == LanguageLevel::Native ? "moedertaal"
                                       : dutch && l.level == LanguageLevel::None ? "geen"
                                                                                 : toString(l.level);
        out += " (" + std::string(level) + ")";
    }
    return out;
}

// What a household's contact person is asked, found by validation.
struct HouseholdQuestions {
    std::size_t household = 0;
    std::vector<std::pair<int, std::vector<std::string>>> levels;  // adult number, languages without a level
    std::vector<int> noLanguages;                                   // adult numbers
    bool consent = false;

    // "adult 1: level of Ukrainian, Russian; adult 2: languages; consent to be matched (yes/no)".
    std::string words(bool nl) const {
        std::vector<std::string> parts;
        std::vector<int> adults;
        for (const auto& [adult, names] : levels) adults.push_back(adult);
        for (int adult : noLanguages) adults.push_back(adult);
        std::sort(adults.begin(), adults.end());
        for (int adult : adults) {
            std::string part = (nl ? "volwassene " : "adult ") + std::to_string(adult) + ": ";
            if (std::find(noLanguages.begin(), noLanguages.end(), adult) != noLanguages.end()) {
                part += nl ? "talen met niveau" : "languages with level";
            } else {
                part += nl ? "niveau van " : "level of ";
                const auto& names = std::find_if(levels.begin(), levels.end(), [&](const auto& l) { return l.first == adult; })->second;
                for (std::size_t i = 0; i < names.size(); ++i) part += (i == 0 ? "" : ", ") + names[i];
            }
            parts.push_back(std::move(part));
        }
        if (!adults.empty()) parts.back() += nl ? " (niveau A0-C2 of moedertaal)" : " (level A0-C2 or native)";
        if (consent) parts.push_back(nl ? "toestemming om gekoppeld te worden (ja/nee)" : "consent to be matched (yes/no)");
        std::string out;
        for (const std::string& part : parts) out += (out.empty() ? "" : "; ") + part;
        return out;
    }
};

}  // namespace

std::string exportProblemsCsv(const Roster& roster, const ProblemsExportOptions& options) {
    const bool nl = options.dutchHeaders;
    ValidationOptions quick;
    quick.reachability = {};  // no group can take it: not for the contact person to answer
    std::vector<HouseholdQuestions> questions;
    int adultColumns = 0;
    bool consentColumn = false;
    for (const Problem& p : validateRoster(roster, quick)) {
        const std::vector<std::string> segs = splitProblemPath(p.path);
        int index = -1, member = -1;
        if (segs.size() < 3 || segs[0] != "households" || !parseIndex(segs[1], index) ||
            static_cast<std::size_t>(index) >= roster.households.size())
            continue;
        const Household& h = roster.households[static_cast<std::size_t>(index)];
        const bool language = (p.code == "language.level_unknown" || p.code == "language.none") && segs.size() >= 5 &&
                              segs[2] == "members" && parseIndex(segs[3], member) &&
                              static_cast<std::size_t>(member) < h.members.size();
        if (!language && p.code != "consent.matching") continue;
        int adult = 0;
        for (int k = 0; language && k <= member; ++k)
            adult += h.members[static_cast<std::size_t>(k)].role == MemberRole::Adult ? 1 : 0;
        if (language && (adult == 0 || adult > kCsvMaxAdults)) continue;
        // Validation lists a household's problems together, so one entry per household.
        if (questions.empty() || questions.back().household != static_cast<std::size_t>(index))
            questions.push_back({static_cast<std::size_t>(index), {}, {}, false});
        HouseholdQuestions& q = questions.back();
        if (!language) {
            q.consent = consentColumn = true;
        } else if (p.code == "language.none") {
            q.noLanguages.push_back(adult);
        } else {
            if (q.levels.empty() || q.levels.back().first != adult) q.levels.push_back({adult, {}});
            q.levels.back().second.push_back(languageName(segs.back(), nl));
        }
        adultColumns = std::max(adultColumns, adult);
    }
    CsvRow header = {"id", nl ? "naam" : "name", nl ? "wat ontbreekt" : "what is missing"};
    for (int n = 1; n <= adultColumns; ++n)
        header.push_back(nl ? "volwassene " + std::to_string(n) + " talen" : "adult " + std::to_string(n) + " languages");
    if (consentColumn) header.push_back(nl ? "toestemming koppeling" : "consent to matching");
    std::vector<CsvRow> rows = {header};
    for (const HouseholdQuestions& q : questions) {
        const Household& h = roster.households[q.household];
        CsvRow row = {h.id, h.displayName, q.words(nl)};
        int adult = 0;
        for (const HouseholdMember& m : h.members)
            if (m.role == MemberRole::Adult && ++adult <= adultColumns) row.push_back(languagesCell(m.languages, nl));
        row.resize(header.size());  // fewer adults: empty cells; consent: empty, to be filled in
        rows.push_back(std::move(row));
    }
    CsvWriteOptions write;
    if (options.dutchExcel) {
        write.delimiter = ';';
        write.byteOrderMark = true;
    }
    return writeCsv(rows, write);
}

}  // namespace welkom
