#include "ui/dialog_sheet_import.h"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "app/text/messages.h"
#include "io/csv.h"
#include "ui/a11y_tree.h"
#include "ui/appearance.h"
#include "ui/roster_text.h"
#include "ui/widgets.h"

namespace welkom {
namespace {

constexpr const char* kPopupId = "###sheet-import";
constexpr std::size_t kCellChars = 40;  // longer cells are cut in the table; the chosen cell shows all

bool dutch(Language lang) { return lang == Language::Dutch; }

// "C "Leeftijd"" as the sheet names a column.
std::string columnLabel(const SheetPreview& p, std::size_t column) {
    std::string label = csvColumnLetters(column);
    if (column <= p.columns.size() && !p.columns[column - 1].header.empty())
        label += " \"" + p.columns[column - 1].header + "\"";
    return label;
}

std::string shortened(const std::string& text) {
    std::string line = text.substr(0, text.find('\n'));
    if (line.size() <= kCellChars && line.size() == text.size()) return text;
    std::size_t cut = std::min(line.size(), kCellChars);
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    return line.substr(0, cut) + "...";
}

std::string cellText(const SheetPreview& p, std::size_t row, std::size_t column) {
    if (row == 0 || row > p.rows.size()) return {};
    const CsvRow& r = p.rows[row - 1];
    return column >= 1 && column <= r.size() ? r[column - 1] : std::string();
}

ImVec4 severityColour(Severity s) { return toneColour(s == Severity::Error ? TextTone::Error : TextTone::Warning); }

// The current table cell's background in the problem's colour, faint.
void tintCell(const CsvProblem& problem) {
    ImVec4 tint = severityColour(problem.severity);
    tint.w = 0.25f;
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(tint));
}

}  // namespace

void SheetImportDialog::choose(const SheetPreview& preview, std::size_t row, std::size_t column) {
    m_row = row;
    m_column = column;
    m_value = cellText(preview, row, column);
}

void SheetImportDialog::draw(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    const std::string title = std::string(tr(lang, TextId::SheetImportTitle)) + kPopupId;
    if (!state.sheetImport) {
        m_row = m_column = 0;
        m_value.clear();
        m_escapeCancels = false;
        if (ImGui::BeginPopupModal(title.c_str())) {
            ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        return;
    }
    const SheetImportReview& review = *state.sheetImport;
    if (!ImGui::IsPopupOpen(kPopupId)) ImGui::OpenPopup(title.c_str());
    const ImVec2 screen = ImGui::GetMainViewport()->WorkSize;
    ImGui::SetNextWindowSize(ImVec2(screen.x * 0.9f, screen.y * 0.9f), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;

    rosterText(review.request.fileName);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(tr(lang, TextId::SheetImportIntro));
    ImGui::PopTextWrapPos();
    const bool checking = review.checkingJob != 0;
    if (checking) {
        ImGui::TextUnformatted(tr(lang, TextId::SheetChecking));
        a11y::announce(tr(lang, TextId::SheetChecking));
        ImGui::SameLine();
        jobProgressBar(-1.0f, ImGui::GetFontSize() * 10.0f);
    }
    if (review.preview) {
        const SheetPreview& preview = *review.preview;
        // What each row is: a choice that checks the sheet again.
        ImGui::TextUnformatted(tr(lang, TextId::SheetKindLabel));
        const bool households = preview.kind == CsvImportKind::Households;
        ImGui::SameLine();
        // The question is each radio's description, so a screen reader says it with the choice.
        if (ImGui::RadioButton((std::string(tr(lang, TextId::SheetKindHouseholds)) + "###sheet-kind-h").c_str(), households) &&
            !households)
            commands.push(SetSheetKind{SheetKind::Households});
        a11y::describeLastItem(tr(lang, TextId::SheetKindLabel));
        ImGui::SameLine();
        if (ImGui::RadioButton((std::string(tr(lang, TextId::SheetKindMembers)) + "###sheet-kind-m").c_str(), !households) &&
            households)
            commands.push(SetSheetKind{SheetKind::GroupMembers});
        a11y::describeLastItem(tr(lang, TextId::SheetKindLabel));

        // What Import does, in numbers.
        std::string summary;
        if (households) {
            summary = std::string(tr(lang, TextId::SheetAddsHouseholds)) + " " + std::to_string(preview.households);
            if (preview.updatedHouseholds > 0)
                summary += "  |  " + std::string(tr(lang, TextId::SheetUpdatesHouseholds)) + " " +
                           std::to_string(preview.updatedHouseholds);
        } else {
            summary = std::string(tr(lang, TextId::SheetAddsGroups)) + " " + std::to_string(preview.groups) + " " +
                      tr(lang, TextId::SheetAddsMembers) + " " + std::to_string(preview.members);
            if (preview.updatedMembers > 0)
                summary += "  |  " + std::string(tr(lang, TextId::SheetUpdatesMembers)) + " " +
                           std::to_string(preview.updatedMembers);
        }
        summary += "  |  " + std::string(tr(lang, TextId::SheetErrors)) + " " +
                   std::to_string(preview.count(Severity::Error)) + "  |  " + tr(lang, TextId::SheetWarnings) + " " +
                   std::to_string(preview.count(Severity::Warning));
        ImGui::TextUnformatted(summary.c_str());
        if (!checking) a11y::announce(summary);

        const float below = ImGui::GetFrameHeightWithSpacing() * 9.0f;
        ImGui::BeginChild("###sheet-table-area", ImVec2(0.0f, -below), false);
        drawTable(preview, lang, commands);
        ImGui::EndChild();
        drawChosenCell(preview, lang, commands);
        drawProblems(preview, lang);

        if (preview.hasErrors()) {
            ImGui::TextColored(toneColour(TextTone::Error), "%s", tr(lang, TextId::SheetBlocked));
            if (!checking) a11y::announce(tr(lang, TextId::SheetBlocked), true);
        }
        ImGui::BeginDisabled(checking || !preview.merged);
        if (ImGui::Button((std::string(tr(lang, TextId::ImportApply)) + "###sheet-import-apply").c_str()))
            commands.push(ConfirmSheetImport{});
        ImGui::EndDisabled();
        ImGui::SameLine();
    }
    const bool escape = m_escapeCancels && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    if (ImGui::Button((std::string(tr(lang, TextId::Cancel)) + "###sheet-import-cancel").c_str()) || escape)
        commands.push(CancelSheetImport{});
    m_escapeCancels = ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows | ImGuiFocusedFlags_NoPopupHierarchy) &&
                      !ImGui::IsAnyItemActive();
    ImGui::EndPopup();
}

void SheetImportDialog::drawTable(const SheetPreview& preview, Language lang, CommandQueue& commands) {
    const std::size_t columns = std::max<std::size_t>(
        preview.columns.size(), preview.rows.empty() ? 0 : preview.rows.front().size());
    if (columns == 0 || columns + 1 > 512) return;  // ImGui tables hold at most 512 columns (readCsv's limit too)
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Borders |
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("###sheet-table", static_cast<int>(columns) + 1, flags)) return;
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(1, 2);
    ImGui::TableSetupColumn(tr(lang, TextId::SheetRow), ImGuiTableColumnFlags_WidthFixed, em * 3.0f);
    for (std::size_t c = 1; c <= columns; ++c)
        ImGui::TableSetupColumn(columnLabel(preview, c).c_str(), ImGuiTableColumnFlags_WidthFixed, em * 11.0f);
    ImGui::TableHeadersRow();

    // The second header row: what each column is taken as, a choice per column.
    const std::vector<std::string> fields = sheetFieldChoices(preview.kind);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(tr(lang, TextId::SheetTakenAs));
    for (std::size_t c = 1; c <= columns && c <= preview.columns.size(); ++c) {
        if (!ImGui::TableSetColumnIndex(static_cast<int>(c))) continue;
        const CsvColumn& column = preview.columns[c - 1];
        const CsvProblem* headerProblem = preview.problemAt(1, c);  // a column not recognised, or taken twice
        if (headerProblem) tintCell(*headerProblem);
        const std::string shown = column.field.empty() ? tr(lang, TextId::SheetIgnored) : column.field;
        const std::string name = std::string(tr(lang, TextId::SheetColumn)) + " " + columnLabel(preview, c) + " " +
                                 tr(lang, TextId::SheetTakenAs);
        ImGui::SetNextItemWidth(-1.0f);
        ImGui::PushID(static_cast<int>(c));
        if (beginCombo("###taken-as", shown.c_str(), name.c_str())) {
            if (ImGui::Selectable(tr(lang, TextId::SheetIgnored), column.field.empty()))
                commands.push(MapSheetColumn{column.header, ""});
            for (const std::string& field : fields)
                if (ImGui::Selectable(field.c_str(), field == column.field))
                    commands.push(MapSheetColumn{column.header, field});
            ImGui::EndCombo();
        }
        ImGui::PopID();
    }

    // The rows, with each problem on its cell (a row's own problem on its number).
    ImGuiListClipper clipper;
    const int dataRows = static_cast<int>(preview.rows.size()) - 1;
    clipper.Begin(std::max(dataRows, 0));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const std::size_t row = static_cast<std::size_t>(i) + 2;  // row 1 is the header
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            const CsvProblem* rowProblem = preview.problemAt(row, 0);
            const std::string number = std::to_string(row);
            if (rowProblem) {
                ImGui::TextColored(severityColour(rowProblem->severity), "%s !", number.c_str());
                tooltipForLastItem(formatCsvProblemText(*rowProblem, dutch(lang)).c_str());
            } else {
                ImGui::TextUnformatted(number.c_str());
            }
            for (std::size_t c = 1; c <= columns; ++c) {
                if (!ImGui::TableSetColumnIndex(static_cast<int>(c))) continue;
                const std::string text = cellText(preview, row, c);
                const CsvProblem* problem = preview.problemAt(row, c);
                const std::string id = "###cell-" + std::to_string(row) + "-" + std::to_string(c);
                const bool chosen = m_row == row && m_column == c;
                if (problem) tintCell(*problem);
                // Text and problem in one name: "! 40 jaar" is read as the cell and its problem.
                const std::string shown = (problem ? "! " : "") + shortened(text);
                if (rosterSelectable(shown, id.c_str(), chosen)) choose(preview, row, c);
                std::string name = csvColumnLetters(c) + std::to_string(row) + ": " + text;
                if (problem) {
                    const std::string words = formatCsvProblemText(*problem, dutch(lang));
                    tooltipForLastItem(words.c_str());
                    name += " (" + words + ")";
                }
                a11y::cell(name.c_str());
            }
        }
    }
    ImGui::EndTable();
}

void SheetImportDialog::drawChosenCell(const SheetPreview& preview, Language lang, CommandQueue& commands) {
    if (m_row == 0 || m_row > std::max<std::size_t>(preview.rows.size(), preview.dataRows + 1)) {
        ImGui::TextDisabled("%s", tr(lang, TextId::SheetChooseCell));
        return;
    }
    const std::string where = std::string(tr(lang, TextId::SheetCellTitle)) + ": " + tr(lang, TextId::SheetRow) + " " +
                              std::to_string(m_row) + ", " + tr(lang, TextId::SheetColumn) + " " +
                              columnLabel(preview, m_column);
    ImGui::TextUnformatted(where.c_str());
    if (const CsvProblem* problem = preview.problemAt(m_row, m_column)) {
        ImGui::SameLine();
        ImGui::TextColored(severityColour(problem->severity), "%s", formatCsvProblemText(*problem, dutch(lang)).c_str());
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24.0f);
    const std::string label = std::string(tr(lang, TextId::SheetCellValue)) + "###sheet-cell-value";
    inputText(label.c_str(), m_value);
    ImGui::SameLine();
    if (ImGui::Button((std::string(tr(lang, TextId::SheetCellUse)) + "###sheet-cell-use").c_str()))
        commands.push(EditSheetCell{{m_row, m_column, m_value}});
}

void SheetImportDialog::drawProblems(const SheetPreview& preview, Language lang) {
    const std::string heading = std::string(tr(lang, TextId::SheetProblems)) + " (" +
                                std::to_string(preview.problems.size()) + ")###sheet-problems";
    if (!ImGui::CollapsingHeader(heading.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
    ImGui::BeginChild("###sheet-problem-list", ImVec2(0.0f, ImGui::GetFrameHeightWithSpacing() * 3.5f), true);
    if (preview.problems.empty()) ImGui::TextUnformatted(tr(lang, TextId::SheetNoProblems));
    for (std::size_t i = 0; i < preview.problems.size(); ++i) {
        const CsvProblem& p = preview.problems[i];
        const std::string words = formatCsvProblemText(p, dutch(lang));
        ImGui::PushStyleColor(ImGuiCol_Text, severityColour(p.severity));
        // A problem with a cell chooses that cell.
        if (ImGui::Selectable((words + "###problem-" + std::to_string(i)).c_str(), false) && p.row > 1 && p.column > 0)
            choose(preview, p.row, p.column);
        ImGui::PopStyleColor();
    }
    ImGui::EndChild();
}

}  // namespace welkom
