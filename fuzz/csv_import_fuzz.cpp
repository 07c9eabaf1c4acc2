// Fuzz target: CSV reading and the household / group-member import previews
// (io/csv.h, io/roster_csv.h).
//
// Invariants beyond "no crash, leak or sanitizer report":
// - every problem has a code, and its words in English and Dutch come from
//   the importer or from the app's catalogues (never a bare "[problem.x]");
// - every row the reader returns has at least one field, and no table exceeds
//   the documented limits;
// - a preview without errors applies to an empty roster, and the result
//   validates without errors (applyImport's promise);
// - against a roster with households and a group whose ids a problems sheet
//   sent back names (the update-by-id path): a preview without errors applies
//   with no validation error the roster did not have, no id twice, and no
//   record of the roster lost.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/validation.h"
#include "fuzz_check.h"
#include "fuzz_words.h"
#include "app/text/catalogue.h"
#include "app/text/messages.h"
#include "io/csv.h"
#include "io/roster_csv.h"

using namespace welkom;

namespace {

// Two households and a group of five, as a problems sheet names them (the
// corpus has such sheets: problems_households.csv, problems_members.csv).
Roster rosterWithIds() {
    Roster roster;
    for (const char* id : {"h-1", "h-2"}) {
        Household h;
        h.id = id;
        h.displayName = std::string("Familie ") + id;
        h.municipality = "Haarlem";
        h.members.push_back(HouseholdMember{40, Gender::Unspecified, MemberRole::Adult, {{"ar", LanguageLevel::Unknown}}, {}});
        roster.households.push_back(std::move(h));
    }
    WelcomeGroup g;
    g.id = "g-1";
    g.name = "Team A";
    g.municipality = "Haarlem";
    g.capacity = 1;
    for (int k = 1; k <= 5; ++k) {
        GroupMember m;
        m.id = "g-1-m" + std::to_string(k);
        m.name = "Lid " + std::to_string(k);
        m.age = 30 + k;
        m.languages = {{"nl", LanguageLevel::Unknown}};
        g.members.push_back(std::move(m));
    }
    g.coordinatorId = "g-1-m1";
    roster.groups.push_back(std::move(g));
    return roster;
}

std::size_t errorsIn(const Roster& roster) {
    std::size_t n = 0;
    for (const Problem& p : validateRoster(roster)) n += p.severity == Severity::Error;
    return n;
}

void checkUpdate(const Roster& base, const CsvImportPreview& preview) {
    if (preview.hasErrors()) return;
    Roster roster = base;
    if (!applyImport(roster, preview)) return;  // refused whole, which is allowed
    FUZZ_CHECK(errorsIn(roster) <= errorsIn(base), "an applied update adds no validation error");
    FUZZ_CHECK(roster.households.size() >= base.households.size() && roster.groups.size() >= base.groups.size(),
               "an import never removes a record");
    for (std::size_t i = 0; i < base.groups.size(); ++i)
        FUZZ_CHECK(roster.groups[i].members.size() == base.groups[i].members.size(), "an update adds no member");
    std::vector<std::string> seen;
    for (const Household& h : roster.households) seen.push_back(h.id);
    for (const WelcomeGroup& g : roster.groups) seen.push_back(g.id);
    std::sort(seen.begin(), seen.end());
    FUZZ_CHECK(std::adjacent_find(seen.begin(), seen.end()) == seen.end(), "no id twice");
}

void checkPreview(const CsvImportPreview& preview) {
    for (const CsvProblem& p : preview.problems) {
        FUZZ_CHECK(!p.code.empty(), "problems need a code");
        // Worded by the catalogues: both must have its code and every coded argument.
        FUZZ_CHECK(isWorded(codedError(p.code, p.args)), "every problem code has words in the catalogues");
        for (bool dutch : {false, true}) FUZZ_CHECK(!formatCsvProblemText(p, dutch).empty(), "problems have words");
    }
    if (preview.hasErrors()) return;
    Roster roster;
    const Status applied = applyImport(roster, preview);
    if (!applied) return;  // e.g. "import.invalid": refused, which is allowed
    FUZZ_CHECK(!hasErrors(validateRoster(roster)), "an applied import must validate");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    Result<CsvTable> table = readCsv(bytes);
    if (table) {
        std::size_t cells = 0;
        for (const CsvRow& row : table->rows) {
            FUZZ_CHECK(!row.empty(), "every row has a field");
            FUZZ_CHECK(row.size() <= kCsvMaxColumns, "column limit");
            for (const std::string& field : row) {
                FUZZ_CHECK(field.size() <= kCsvMaxFieldBytes, "field limit");
                FUZZ_CHECK(isValidUtf8(field), "fields are UTF-8");
            }
            cells += row.size();
        }
        FUZZ_CHECK(cells <= kCsvMaxCells, "cell limit");
    } else {
        FUZZ_CHECK(isWorded(table.error()), "errors need a code and words");
    }

    const Roster empty;
    checkPreview(previewHouseholdImport(bytes, empty));
    checkPreview(previewGroupMemberImport(bytes, empty));
    static const Roster withIds = rosterWithIds();
    checkUpdate(withIds, previewHouseholdImport(bytes, withIds));
    checkUpdate(withIds, previewGroupMemberImport(bytes, withIds));
    return 0;
}
