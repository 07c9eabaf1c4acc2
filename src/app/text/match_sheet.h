// The matches as a spreadsheet for a mail merge (introductions, letters):
// column names and status words in the reader's language, so in the app's
// layer.
//
//   std::string csv = exportMatchesCsv(roster, {/*dutchExcel=*/true, /*dutchHeaders=*/true});
#pragma once

#include <string>

#include "core/roster.h"

namespace welkom {

struct MatchExportOptions {
    bool dutchExcel = false;    // ';' separated with a UTF-8 byte order mark, for Dutch Excel
    bool dutchHeaders = false;  // Dutch column names and status words
    bool liveOnly = false;      // leave out ended and declined matches
};

// One row per match: match id, household display name, group name, the
// group's municipality, coordinator name and contact, status, date proposed,
// date of the current status. Deliberately nothing else: no gender, ages,
// languages, needs or notes (special-category and free-text data do not belong
// in a mail merge). RFC 4180 with CRLF; formula-looking cells are guarded.
std::string exportMatchesCsv(const Roster& roster, const MatchExportOptions& options = {});

}  // namespace welkom
