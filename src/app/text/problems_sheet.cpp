// The problems sheet (issue #15 item 6): words for the contact person, so in
// the app's layer; io reads the filled-in sheet back (io/roster_csv.h).
#include "app/text/problems_sheet.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/text/messages.h"
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

// Whether a problem's path is below record `index` of `collection` (of `size` records).
bool inRecord(const std::vector<std::string>& segs, std::string_view collection, std::size_t size, int& index) {
    return segs.size() >= 3 && segs[0] == collection && parseIndex(segs[1], index) &&
           static_cast<std::size_t>(index) < size;
}

std::string languageName(const std::string& code, bool dutch) {
    return termLabelText(VocabularyKind::Languages, code, dutch);
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

// "level of Ukrainian, Russian".
std::string levelsAsked(const std::vector<std::string>& names, bool nl) {
    std::string out = nl ? "niveau van " : "level of ";
    for (std::size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "" : ", ") + names[i];
    return out;
}

std::string_view levelHint(bool nl) { return nl ? " (niveau A0-C2 of moedertaal)" : " (level A0-C2 or native)"; }

std::string consentAsked(bool nl, bool group) {
    if (group) return nl ? "toestemming van de groep om gekoppeld te worden (ja/nee)" : "the group's consent to be matched (yes/no)";
    return nl ? "toestemming om gekoppeld te worden (ja/nee)" : "consent to be matched (yes/no)";
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : "; ") + part;
    return out;
}

// Problems of the contact person's kind only: a group that no household can reach is not for them.
std::vector<Problem> askableProblems(const Roster& roster) {
    ValidationOptions quick;
    quick.reachability = {};
    return validateRoster(roster, quick);
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
                part += levelsAsked(
                    std::find_if(levels.begin(), levels.end(), [&](const auto& l) { return l.first == adult; })->second, nl);
            }
            parts.push_back(std::move(part));
        }
        if (!adults.empty()) parts.back() += levelHint(nl);
        if (consent) parts.push_back(consentAsked(nl, false));
        return joined(parts);
    }
};

// What a group member is asked: the levels of the member's languages, and
// on one row of a group without consent (its coordinator's), that consent.
struct MemberQuestions {
    std::vector<std::string> levels;
    bool consent = false;

    std::string words(bool nl) const {
        std::vector<std::string> parts;
        if (!levels.empty()) parts.push_back(levelsAsked(levels, nl) + std::string(levelHint(nl)));
        if (consent) parts.push_back(consentAsked(nl, true));
        return joined(parts);
    }
};

// What the group column says of each group: its name, unless another group
// has that name too (ignoring ASCII case): then its id (the importer takes
// either). Counted once per export, not once per row.
std::vector<std::string> groupCells(const Roster& roster) {
    auto lower = [](std::string s) {
        for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        return s;
    };
    std::map<std::string, int> uses;
    for (const WelcomeGroup& g : roster.groups) ++uses[lower(g.name)];
    std::vector<std::string> out;
    out.reserve(roster.groups.size());
    for (const WelcomeGroup& g : roster.groups) out.push_back(uses[lower(g.name)] > 1 ? g.id : g.name);
    return out;
}

std::string groupMembersSheet(const Roster& roster, const ProblemsExportOptions& options) {
    const bool nl = options.dutchHeaders;
    std::map<std::pair<std::size_t, std::size_t>, MemberQuestions> questions;  // (group, member): in roster order
    bool consentColumn = false;
    for (const Problem& p : askableProblems(roster)) {
        const std::vector<std::string> segs = splitProblemPath(p.path);
        int index = -1, member = -1;
        if (!inRecord(segs, "groups", roster.groups.size(), index)) continue;
        const WelcomeGroup& g = roster.groups[static_cast<std::size_t>(index)];
        if (p.code == "language.level_unknown" && segs.size() >= 6 && segs[2] == "members" &&
            parseIndex(segs[3], member) && static_cast<std::size_t>(member) < g.members.size()) {
            questions[{static_cast<std::size_t>(index), static_cast<std::size_t>(member)}].levels.push_back(
                languageName(segs.back(), nl));
        } else if (p.code == "consent.group_matching" && !g.members.empty()) {
            auto coordinator = std::find_if(g.members.begin(), g.members.end(),
                                            [&](const GroupMember& m) { return m.id == g.coordinatorId; });
            const std::size_t k = coordinator == g.members.end() ? 0 : static_cast<std::size_t>(coordinator - g.members.begin());
            questions[{static_cast<std::size_t>(index), k}].consent = consentColumn = true;
        }
    }
    CsvRow header = {nl ? "groep" : "group", nl ? "lid id" : "member id", nl ? "naam" : "name",
                     nl ? "wat ontbreekt" : "what is missing", nl ? "talen" : "languages"};
    if (consentColumn) header.push_back(nl ? "toestemming koppeling" : "consent to matching");
    std::vector<CsvRow> rows = {header};
    const std::vector<std::string> groupColumn = groupCells(roster);
    for (const auto& [at, q] : questions) {
        const GroupMember& m = roster.groups[at.first].members[at.second];
        CsvRow row = {groupColumn[at.first], m.id, m.name, q.words(nl), languagesCell(m.languages, nl)};
        row.resize(header.size());  // consent: empty, to be filled in
        rows.push_back(std::move(row));
    }
    return writeSpreadsheetCsv(rows, options.dutchExcel);
}

std::string householdsSheet(const Roster& roster, const ProblemsExportOptions& options) {
    const bool nl = options.dutchHeaders;
    std::vector<HouseholdQuestions> questions;
    int adultColumns = 0;
    bool consentColumn = false;
    for (const Problem& p : askableProblems(roster)) {
        const std::vector<std::string> segs = splitProblemPath(p.path);
        int index = -1, member = -1;
        if (!inRecord(segs, "households", roster.households.size(), index)) continue;
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
    return writeSpreadsheetCsv(rows, options.dutchExcel);
}

}  // namespace

std::string exportProblemsCsv(const Roster& roster, const ProblemsExportOptions& options) {
    return options.sheet == ProblemsSheet::GroupMembers ? groupMembersSheet(roster, options)
                                                        : householdsSheet(roster, options);
}

}  // namespace welkom
