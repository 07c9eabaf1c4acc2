// The open problems of a roster as a spreadsheet to send to the participants'
// contact person (issue #15 item 6); filled in and imported again as a
// household sheet, its rows fill the households in by id (io/roster_csv.h).
//
//   std::string sheet = exportProblemsCsv(roster, {true, true});  // Dutch Excel, Dutch words
#pragma once

#include <string>

#include "core/roster.h"

namespace welkom {

struct ProblemsExportOptions {
    bool dutchExcel = false;    // as MatchExportOptions
    bool dutchHeaders = false;  // Dutch column names, questions and level words
};

// One row per household with open problems its contact person can answer:
// a language without a level, an adult without languages, no consent to be
// matched. Columns: id, name, what is missing (in words), one languages
// column per adult (the known languages as the importer reads them,
// "Arabic (native); Kurdish", so only the level is to be added) and consent
// to matching (left empty to be filled in). Imported again as a household
// sheet, the rows update these households by id (CsvImportPreview). Only a
// header row when nothing is open. Formula-looking cells are guarded.
std::string exportProblemsCsv(const Roster& roster, const ProblemsExportOptions& options = {});

}  // namespace welkom
