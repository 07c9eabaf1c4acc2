// Importing sign-up spreadsheets into a roster (the sheets Welkom writes are in
// app/text: match_sheet.h, problems_sheet.h). The columns are documented in docs/csv-import.md.
//
// Usage:
//   CsvImportPreview p = previewHouseholdImport(csvBytes, roster);    // or previewGroupMemberImport
//   for (const CsvProblem& x : p.problems) show(formatCsvProblemText(x, dutch));   // app/text/messages.h
//   // "row 4, column C "Leeftijd volwassene 1": "veertig" is not an age ..."
//   if (!p.hasErrors() && userAgrees(p.households.size())) {
//       Status s = applyImport(roster, p);                             // all or nothing
//   }
//
//   // The problems sheet (app/text/problems_sheet.h exportProblemsCsv), filled in, imports back as updates.
//
// Why a preview: a coordinator sees what will be added and every problem (row,
// column and column name, as the spreadsheet shows them) before anything
// changes, then applies it in one step or not at all. The preview already runs
// validateRoster on the merged roster, so applying cannot fail on content; it
// fails only if the roster changed in between.
//
// Headers are recognised in Dutch or English, ignoring case, accents, spaces,
// underscores and punctuation ("Coördinator" = "coordinator"), with synonyms
// ("E-mail" -> contact, "Woonplaats" -> municipality). A mapping overrides
// or extends that: {"Hoe heet je?", "name"}, or {"Opmerking", ""} to ignore.
// Lists in one cell are split at ',' ';' and line breaks; labels in either
// language become vocabulary codes, anything else a "custom:<text>" tag with a
// warning. Dates may be dd-mm-jjjj, d-m-jjjj, dd/mm/jjjj, d.m.jjjj or ISO.
//
// New ids are "h-<n>" and "g-<n>" with the smallest n not in use (households
// and groups share one id space), group members "<group id>-m<k>": the same
// file into the same roster gives the same ids.
//
// Cost: linear in the file plus two validateRoster runs over the merged roster.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/message.h"
#include "core/result.h"
#include "core/roster.h"
#include "core/validation.h"
#include "io/csv.h"

namespace welkom {

// Column header -> field name (see householdCsvFields / groupMemberCsvFields);
// an empty field (or "ignore") ignores the column. Headers compare like
// automatic recognition does (case, accents and spaces do not matter).
using CsvColumnMapping = std::vector<std::pair<std::string, std::string>>;

// Parses "Header=field,Other header=field" (the CLI's --map). The last '='
// splits, since field names never contain one.
Result<CsvColumnMapping> parseColumnMapping(std::string_view text);

// The canonical field names, in documentation order. Households also accept
// adult<N>_age, adult<N>_gender and adult<N>_languages for N = 1..kCsvMaxAdults.
std::vector<std::string> householdCsvFields();
std::vector<std::string> groupMemberCsvFields();
constexpr int kCsvMaxAdults = 9;

struct CsvProblem {
    Severity severity = Severity::Error;
    std::string code;         // e.g. "csv.age", "csv.columns", "csv.header_unknown"
    std::size_t row = 0;      // 1-based row of the file (1 is the header); 0: the whole file
    std::size_t column = 0;   // 1-based; 0: the whole row
    std::string columnName;   // the header text of `column`
    std::vector<Arg> args;    // {0}, {1}, ... of its text, problem.<code> in the app's catalogue
};

enum class CsvImportKind { Households, GroupMembers };

// One column of the file and what it was taken as.
struct CsvColumn {
    std::string header;
    std::string field;  // empty: ignored
};

struct CsvImportPreview {
    CsvImportKind kind = CsvImportKind::Households;
    CsvEncoding encoding = CsvEncoding::Utf8;
    char delimiter = ',';
    std::size_t dataRows = 0;  // non-empty rows below the header
    std::vector<CsvColumn> columns;
    // What applyImport adds, with the file row each record starts on. Household
    // rows with errors are left out; groups are listed even when a member's row
    // has an error (an error anywhere blocks the whole import anyway).
    std::vector<Household> households;
    std::vector<std::size_t> householdRows;
    std::vector<WelcomeGroup> groups;
    std::vector<std::size_t> groupRows;
    std::vector<CsvProblem> problems;  // file order, errors and warnings
    // What applyImport changes: in a household sheet whose id column names
    // households of the roster (a problems sheet sent back, see
    // exportProblemsCsv), each such row updates that household. Its cells fill
    // the fields they give; empty cells leave a field as it is. Listed as the
    // records will be, with their file rows and as they were at the preview.
    std::vector<Household> updatedHouseholds;
    std::vector<std::size_t> updatedHouseholdRows;
    std::vector<Household> updatedHouseholdsBefore;
    // Likewise in a member sheet whose member id column names members of the
    // roster (the members' problems sheet sent back): each group with such a
    // row is updated, listed with the first row that names it; the rows that
    // update a member are in updatedMemberRows.
    std::vector<WelcomeGroup> updatedGroups;
    std::vector<std::size_t> updatedGroupRows;
    std::vector<WelcomeGroup> updatedGroupsBefore;
    std::vector<std::size_t> updatedMemberRows;
    // The roster the preview was made against, to notice changes before applying.
    std::size_t baseHouseholds = 0;
    std::size_t baseGroups = 0;

    bool hasErrors() const;
    std::size_t count(Severity s) const;
};

// One row per household; a row whose id names a household of `into` updates
// it (see updatedHouseholds). Never fails: problems are in the preview.
CsvImportPreview previewHouseholdImport(std::string_view csvBytes, const Roster& into,
                                        const CsvColumnMapping& mapping = {});
// One row per person with a group column; group-level fields (capacity, ...)
// are taken from the group's rows and must agree. Municipality and
// neighbourhood are each member's own; the group's come from its group
// columns, else the coordinator's row, else the most common (with a warning
// naming the choice when members differ).
// A row whose member id names a member of the roster's group in its group
// column (by id or name) updates that member (see updatedGroups).
CsvImportPreview previewGroupMemberImport(std::string_view csvBytes, const Roster& into,
                                          const CsvColumnMapping& mapping = {});

// Adds the preview's records and updates the ones it updates. Refuses (roster
// untouched) when the preview has errors ("import.has_errors"), when the
// roster changed so that ids collide, sizes differ or an updated record was
// edited meanwhile ("import.stale"), or when the merged roster has validation
// errors it did not have before ("import.invalid").
Status applyImport(Roster& roster, const CsvImportPreview& preview);

// The steps of a validation problem's JSON Pointer: "/households/3/consent" -> households, 3, consent.
std::vector<std::string> splitProblemPath(const std::string& path);

}  // namespace welkom
