// Fuzz target: CSV reading and the household / group-member import previews
// (io/csv.h, io/roster_csv.h).
//
// Invariants beyond "no crash, leak or sanitizer report":
// - every problem has a code, and its words in English and Dutch come from
//   the importer or from the app's catalogues (never a bare "[problem.x]");
// - every row the reader returns has at least one field, and no table exceeds
//   the documented limits;
// - a preview without errors applies to an empty roster, and the result
//   validates without errors (applyImport's promise).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/validation.h"
#include "fuzz_check.h"
#include "app/text/catalogue.h"
#include "app/text/messages.h"
#include "io/csv.h"
#include "io/roster_csv.h"

using namespace welkom;

namespace {

void checkPreview(const CsvImportPreview& preview) {
    for (const CsvProblem& p : preview.problems) {
        FUZZ_CHECK(!p.code.empty(), "problems need a code");
        // A problem given as a code only is worded by the catalogues: both must have it.
        if (p.message.empty()) {
            for (const char* language : {"en", "nl"}) {
                const Catalogue* catalogue = findCatalogue(language);
                FUZZ_CHECK(catalogue && catalogue->find("problem." + p.code),
                           "every problem code has words in the catalogues");
            }
        }
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
        FUZZ_CHECK(!table.error().code.empty() && !table.error().message.empty(), "errors need a code and message");
    }

    const Roster empty;
    checkPreview(previewHouseholdImport(bytes, empty));
    checkPreview(previewGroupMemberImport(bytes, empty));
    return 0;
}
