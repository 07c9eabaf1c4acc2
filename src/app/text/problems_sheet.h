// The open problems of a roster as a spreadsheet to send to the participants'
// contact person (issue #15 item 6); filled in and imported again as a
// household sheet, its rows fill the households in by id (io/roster_csv.h).
//
//   std::string sheet = exportProblemsCsv(roster, {true, true});  // Dutch Excel, Dutch words
#pragma once

#include <string>

#include "core/roster.h"

namespace welkom {

enum class ProblemsSheet { Households, GroupMembers };

struct ProblemsExportOptions {
    bool dutchExcel = false;    // as MatchExportOptions
    bool dutchHeaders = false;  // Dutch column names, questions and level words
    ProblemsSheet sheet = ProblemsSheet::Households;
};

// One row per household with open problems its contact person can answer:
// a language without a level, an adult without languages, no consent to be
// matched. Columns: id, name, what is missing (in words), one languages
// column per adult (the known languages as the importer reads them,
// "Arabic (native); Kurdish", so only the level is to be added) and consent
// to matching (left empty to be filled in). Imported again as a household
// sheet, the rows update these households by id (CsvImportPreview). Only a
// header row when nothing is open. Formula-looking cells are guarded.
//
// ProblemsSheet::GroupMembers: one row per group member with a language
// without a level, and for a group without consent to be matched its
// coordinator's row (else its first member's). Columns: group, member id,
// name, what is missing, languages, consent to matching (only when a group
// lacks it). Imported again as a member sheet, the rows update these members
// by their id, and the consent their groups.
std::string exportProblemsCsv(const Roster& roster, const ProblemsExportOptions& options = {});

}  // namespace welkom
