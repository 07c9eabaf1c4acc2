// The review of a spreadsheet import (state.sheetImport, issue #15): the sheet
// as a table with each problem on its cell, what each column is taken as
// (a choice per column), a chosen cell to correct, the list of problems, and
// Import or Cancel. It only draws state and pushes commands (app/commands.h);
// the chosen cell and the text being typed are interface state.
#pragma once

#include <cstddef>
#include <string>

#include "app/app_state.h"
#include "app/commands.h"

namespace welkom {

class SheetImportDialog {
public:
    void draw(const AppState& state, CommandQueue& commands);

private:
    void drawTable(const SheetPreview& preview, Language lang, CommandQueue& commands);
    void drawChosenCell(const SheetPreview& preview, Language lang, CommandQueue& commands);
    void drawProblems(const SheetPreview& preview, Language lang);
    void choose(const SheetPreview& preview, std::size_t row, std::size_t column);

    // The chosen cell, as the sheet numbers it (row 1 the header); 0: none.
    std::size_t m_row = 0;
    std::size_t m_column = 0;
    std::string m_value;  // its text being corrected
    // Whether Escape cancels the review: only when, in the frame before, the
    // review itself had the focus and no field was being edited (Escape then
    // closes an open column choice, or reverts the Value field, instead).
    bool m_escapeCancels = false;
};

}  // namespace welkom
