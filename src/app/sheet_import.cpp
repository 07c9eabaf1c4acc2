#include "app/sheet_import.h"

#include <algorithm>
#include <utility>

#include "app/jobs.h"
#include "app/wire_message.h"
#include "io/roster_json.h"

namespace welkom {

bool SheetPreview::hasErrors() const { return count(Severity::Error) > 0; }

std::size_t SheetPreview::count(Severity s) const {
    return static_cast<std::size_t>(
        std::count_if(problems.begin(), problems.end(), [&](const CsvProblem& p) { return p.severity == s; }));
}

const CsvProblem* SheetPreview::problemAt(std::size_t row, std::size_t column) const {
    const CsvProblem* found = nullptr;
    for (const CsvProblem& p : problems) {
        if (p.row != row || p.column != column) continue;
        if (p.severity == Severity::Error) return &p;
        if (!found) found = &p;
    }
    return found;
}

namespace {

// The coordinator's corrections applied to the sheet as read. A cell past the
// end of a short row widens the row (that is how a missing cell is filled in).
void applyCellEdits(const std::vector<SheetCellEdit>& edits, std::vector<CsvRow>& rows) {
    for (const SheetCellEdit& e : edits) {
        if (e.row == 0 || e.column == 0 || e.row > rows.size() || e.column > kCsvMaxColumns) continue;
        CsvRow& row = rows[e.row - 1];
        if (row.size() < e.column) row.resize(e.column);
        row[e.column - 1] = e.text;
    }
}

bool namesGroups(const CsvImportPreview& p) {
    return std::any_of(p.columns.begin(), p.columns.end(), [](const CsvColumn& c) { return c.field == "group"; });
}

CsvImportPreview previewOfKind(CsvImportKind kind, std::string_view bytes, const Roster& into,
                               const CsvColumnMapping& mapping) {
    return kind == CsvImportKind::Households ? previewHouseholdImport(bytes, into, mapping)
                                             : previewGroupMemberImport(bytes, into, mapping);
}

}  // namespace

SheetPreview previewSheet(const Roster& into, const SheetImportRequest& request) {
    SheetPreview out;
    Result<CsvTable> table = readCsv(request.bytes);
    // With corrections, the importer reads the corrected sheet written again
    // as UTF-8 with the sheet's own separator.
    std::string corrected;
    if (table && !request.edits.empty()) {
        applyCellEdits(request.edits, table->rows);
        CsvWriteOptions options;
        options.delimiter = table->delimiter;
        options.guardFormulas = false;  // read back by the importer, not by a spreadsheet
        corrected = writeCsv(table->rows, options);
    }
    const std::string_view bytes = corrected.empty() ? std::string_view(request.bytes) : std::string_view(corrected);

    CsvImportPreview preview;
    if (request.kind == SheetKind::Households) {
        preview = previewOfKind(CsvImportKind::Households, bytes, into, request.mapping);
    } else if (request.kind == SheetKind::GroupMembers) {
        preview = previewOfKind(CsvImportKind::GroupMembers, bytes, into, request.mapping);
    } else {
        preview = previewOfKind(CsvImportKind::GroupMembers, bytes, into, request.mapping);
        if (!namesGroups(preview)) preview = previewOfKind(CsvImportKind::Households, bytes, into, request.mapping);
    }

    out.kind = preview.kind;
    out.encoding = table ? table->encoding : preview.encoding;  // the file's, not the corrected copy's
    out.delimiter = preview.delimiter;
    out.dataRows = preview.dataRows;
    out.columns = preview.columns;
    out.problems = preview.problems;
    out.households = preview.households.size();
    out.groups = preview.groups.size();
    for (const WelcomeGroup& g : preview.groups) out.members += g.members.size();
    out.updatedHouseholds = preview.updatedHouseholds.size();
    out.updatedMembers = preview.updatedMemberRows.size();
    if (table) {  // the table shows the sheet as corrected
        const std::size_t n = std::min(table->rows.size(), kMaxShownSheetRows + 1);
        out.rows.assign(table->rows.begin(), table->rows.begin() + static_cast<std::ptrdiff_t>(n));
    }
    if (!preview.hasErrors()) {
        Roster merged = into;
        if (Status applied = applyImport(merged, preview)) {
            out.merged = std::move(merged);
        } else {  // listed with the sheet's problems, so the review says why nothing can be imported
            // Not worded here: this runs in the worker, which carries no catalogue
            // (the page words the code, problem.<code>, as for the sheet's own problems).
            const Error& e = applied.error();
            CsvProblem refusal;
            refusal.code = e.code;
            refusal.args = e.args;
            out.problems.push_back(std::move(refusal));
        }
    }
    return out;
}

void setColumnField(CsvColumnMapping& mapping, const std::string& header, const std::string& field) {
    auto same = [&](const std::pair<std::string, std::string>& m) { return m.first == header; };
    mapping.erase(std::remove_if(mapping.begin(), mapping.end(), same), mapping.end());
    mapping.emplace_back(header, field);
}

void setCellEdit(std::vector<SheetCellEdit>& edits, SheetCellEdit edit) {
    auto same = [&](const SheetCellEdit& e) { return e.row == edit.row && e.column == edit.column; };
    edits.erase(std::remove_if(edits.begin(), edits.end(), same), edits.end());
    edits.push_back(std::move(edit));
}

std::vector<std::string> sheetFieldChoices(CsvImportKind kind) {
    return kind == CsvImportKind::Households ? householdCsvFields() : groupMemberCsvFields();
}

bool isSheetFileName(std::string_view name) {
    auto endsWith = [&](std::string_view suffix) {
        if (name.size() < suffix.size()) return false;
        for (std::size_t i = 0; i < suffix.size(); ++i) {
            char c = name[name.size() - suffix.size() + i];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (c != suffix[i]) return false;
        }
        return true;
    };
    return endsWith(".csv") || endsWith(".tsv") || endsWith(".txt");
}

// [SECTION] Wire forms

namespace {

Error damagedWire() { return malformedWireError(); }

void writeCsvProblem(WireWriter& w, const CsvProblem& p) {
    w.byte(p.severity == Severity::Error ? 0 : 1).field(p.code);
    w.u32(static_cast<std::uint32_t>(p.row)).u32(static_cast<std::uint32_t>(p.column));
    w.field(p.columnName);
    writeArgs(w, p.args);
}

bool readCsvProblem(WireReader& r, CsvProblem& p) {
    std::uint8_t severity = 0;
    std::uint32_t row = 0, column = 0;
    if (!r.byte(severity) || !r.field(p.code) || !r.u32(row) || !r.u32(column) || !r.field(p.columnName) ||
        !readArgs(r, p.args))
        return false;
    p.severity = severity == 0 ? Severity::Error : Severity::Warning;
    p.row = row;
    p.column = column;
    return true;
}

}  // namespace

std::string encodeSheetRequest(const SheetImportRequest& request) {
    WireWriter w;
    w.field(request.fileName).field(request.bytes).byte(static_cast<std::uint8_t>(request.kind));
    w.u32(static_cast<std::uint32_t>(request.mapping.size()));
    for (const auto& [header, field] : request.mapping) w.field(header).field(field);
    w.u32(static_cast<std::uint32_t>(request.edits.size()));
    for (const SheetCellEdit& e : request.edits)
        w.u32(static_cast<std::uint32_t>(e.row)).u32(static_cast<std::uint32_t>(e.column)).field(e.text);
    return w.take();
}

Result<SheetImportRequest> decodeSheetRequest(std::string_view wire) {
    WireReader r(wire);
    SheetImportRequest request;
    std::uint8_t kind = 0;
    std::uint32_t count = 0;
    if (!r.field(request.fileName) || !r.field(request.bytes) || !r.byte(kind) ||
        kind > static_cast<std::uint8_t>(SheetKind::GroupMembers) || !r.count(count, 8))
        return damagedWire();
    request.kind = static_cast<SheetKind>(kind);
    request.mapping.resize(count);
    for (auto& [header, field] : request.mapping)
        if (!r.field(header) || !r.field(field)) return damagedWire();
    if (!r.count(count, 12)) return damagedWire();
    request.edits.resize(count);
    for (SheetCellEdit& e : request.edits) {
        std::uint32_t row = 0, column = 0;
        if (!r.u32(row) || !r.u32(column) || !r.field(e.text)) return damagedWire();
        e.row = row;
        e.column = column;
    }
    if (!r.atEnd()) return damagedWire();
    return request;
}

std::string encodeSheetPreview(const SheetPreview& p) {
    WireWriter w;
    w.byte(p.kind == CsvImportKind::Households ? 0 : 1).byte(static_cast<std::uint8_t>(p.encoding));
    w.byte(static_cast<std::uint8_t>(p.delimiter)).u32(static_cast<std::uint32_t>(p.dataRows));
    w.u32(static_cast<std::uint32_t>(p.columns.size()));
    for (const CsvColumn& c : p.columns) w.field(c.header).field(c.field);
    w.u32(static_cast<std::uint32_t>(p.problems.size()));
    for (const CsvProblem& problem : p.problems) writeCsvProblem(w, problem);
    w.u32(static_cast<std::uint32_t>(p.rows.size()));
    for (const CsvRow& row : p.rows) writeStrings(w, row);
    w.u32(static_cast<std::uint32_t>(p.households)).u32(static_cast<std::uint32_t>(p.groups));
    w.u32(static_cast<std::uint32_t>(p.members)).u32(static_cast<std::uint32_t>(p.updatedHouseholds));
    w.u32(static_cast<std::uint32_t>(p.updatedMembers));
    w.byte(p.merged ? 1 : 0);
    if (p.merged) writeMergedRoster(w, *p.merged);
    return w.take();
}

Result<SheetPreview> decodeSheetPreview(std::string_view wire) {
    WireReader r(wire);
    SheetPreview p;
    std::uint8_t kind = 0, encoding = 0, delimiter = 0, merged = 0;
    std::uint32_t count = 0, n = 0;
    if (!r.byte(kind) || kind > 1 || !r.byte(encoding) ||
        encoding > static_cast<std::uint8_t>(CsvEncoding::Windows1252) || !r.byte(delimiter) || !r.u32(n) ||
        !r.count(count, 8))
        return damagedWire();
    p.kind = kind == 0 ? CsvImportKind::Households : CsvImportKind::GroupMembers;
    p.encoding = static_cast<CsvEncoding>(encoding);
    p.delimiter = static_cast<char>(delimiter);
    p.dataRows = n;
    p.columns.resize(count);
    for (CsvColumn& c : p.columns)
        if (!r.field(c.header) || !r.field(c.field)) return damagedWire();
    if (!r.count(count, 30)) return damagedWire();
    p.problems.resize(count);
    for (CsvProblem& problem : p.problems)
        if (!readCsvProblem(r, problem)) return damagedWire();
    if (!r.count(count, 4)) return damagedWire();
    p.rows.resize(count);
    for (CsvRow& row : p.rows)
        if (!readStrings(r, row)) return damagedWire();
    std::uint32_t households = 0, groups = 0, members = 0, updated = 0, updatedMembers = 0;
    if (!r.u32(households) || !r.u32(groups) || !r.u32(members) || !r.u32(updated) || !r.u32(updatedMembers) ||
        !r.byte(merged))
        return damagedWire();
    p.updatedHouseholds = updated;
    p.updatedMembers = updatedMembers;
    p.households = households;
    p.groups = groups;
    p.members = members;
    if (merged && !readMergedRoster(r, p.merged.emplace())) return damagedWire();
    if (!r.atEnd()) return damagedWire();
    return p;
}

}  // namespace welkom
