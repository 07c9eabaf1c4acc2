// Spreadsheets (CSV) imported in the app (issue #15): the coordinator drops a
// sign-up sheet, sees it as a table with each problem on its cell, says what
// a column means or corrects a cell, and imports it as one undoable step.
//
//   SheetImportRequest request{"aanmeldingen.csv", bytes};        // kind guessed
//   SheetPreview p = previewSheet(roster, request);               // in the worker
//   request.edits.push_back({4, 3, "42"});                        // row 4, column C
//   p = previewSheet(roster, request);                            // checked again
//   if (p.merged) roster = *p.merged;                             // Import
//
// The preview runs in the worker (jobs.h SheetPreviewJob): io's household or
// group-member import preview (io/roster_csv.h), then applyImport on a copy of
// the roster, so that Import only swaps rosters. Nothing reaches the roster
// before Import; the sheet's bytes stay in the page's memory only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/roster.h"
#include "io/roster_csv.h"

namespace welkom {

enum class SheetKind : std::uint8_t {
    Guess,         // group members when a column names the group, else households
    Households,    // one row per household
    GroupMembers,  // one row per person, with the group's name
};

// A corrected cell, numbered as the spreadsheet shows it (row 1 is the
// header, column 1 is A).
struct SheetCellEdit {
    std::size_t row = 0;
    std::size_t column = 0;
    std::string text;
    bool operator==(const SheetCellEdit& o) const { return row == o.row && column == o.column && text == o.text; }
};

// What the coordinator asked for: the file, its kind, their column choices
// and corrections. Checked again as a whole after every change.
struct SheetImportRequest {
    std::string fileName;
    std::string bytes;
    SheetKind kind = SheetKind::Guess;
    CsvColumnMapping mapping;  // header -> field; "" ignores the column
    std::vector<SheetCellEdit> edits;
};

// Rows the preview carries for the table (the header not counted); problems
// in later rows are still listed, with their row and column.
constexpr std::size_t kMaxShownSheetRows = 1000;

struct SheetPreview {
    CsvImportKind kind = CsvImportKind::Households;
    CsvEncoding encoding = CsvEncoding::Utf8;
    char delimiter = ',';
    std::size_t dataRows = 0;
    std::vector<CsvColumn> columns;  // what each column was taken as
    std::vector<CsvProblem> problems;
    std::vector<CsvRow> rows;  // the header, then up to kMaxShownSheetRows rows, corrections applied
    // What Import adds and changes.
    std::size_t households = 0;
    std::size_t groups = 0;
    std::size_t members = 0;
    std::size_t updatedHouseholds = 0;  // rows whose id names a household: filled in (round trip)
    std::size_t updatedMembers = 0;     // rows whose member id names a group member: filled in
    // The roster after Import; none while errors block it.
    std::optional<Roster> merged;

    bool hasErrors() const;
    std::size_t count(Severity s) const;
    // The worst problem on this cell (row and column as the sheet numbers
    // them), or null.
    const CsvProblem* problemAt(std::size_t row, std::size_t column) const;
};

SheetPreview previewSheet(const Roster& into, const SheetImportRequest& request);

// The request with one more choice or correction; a later one for the same
// header or cell replaces the earlier.
void setColumnField(CsvColumnMapping& mapping, const std::string& header, const std::string& field);
void setCellEdit(std::vector<SheetCellEdit>& edits, SheetCellEdit edit);

// The field names a column can be taken as, for the sheet's kind.
std::vector<std::string> sheetFieldChoices(CsvImportKind kind);

// Whether a file's name says it is a spreadsheet export (.csv, .tsv, .txt).
bool isSheetFileName(std::string_view name);

// Wire forms between the page and the worker (jobs.h).
std::string encodeSheetRequest(const SheetImportRequest& request);
Result<SheetImportRequest> decodeSheetRequest(std::string_view wire);
std::string encodeSheetPreview(const SheetPreview& preview);
Result<SheetPreview> decodeSheetPreview(std::string_view wire);

// The import being reviewed (state.sheetImport).
struct SheetImportReview {
    SheetImportRequest request;
    std::optional<SheetPreview> preview;  // none until the first check has finished
    std::uint64_t checkingJob = 0;        // the check running now, 0: none
    std::uint64_t revision = 0;           // the roster's edit revision the preview was made against
};

}  // namespace welkom
