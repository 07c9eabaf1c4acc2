// Tests of the problems round trip (exportProblemsCsv): what a contact person
// does with the exported sheet, for the io and the command-line tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "io/csv.h"

namespace welkom::testing {

// What a contact person does: a level after every language that has none.
inline std::string withLevels(const std::string& cell, const std::string& level) {
    std::string out;
    std::size_t start = 0;
    while (start <= cell.size() && !cell.empty()) {
        std::size_t end = cell.find("; ", start);
        if (end == std::string::npos) end = cell.size();
        std::string item = cell.substr(start, end - start);
        if (item.find('(') == std::string::npos) item += " (" + level + ")";
        out += (out.empty() ? "" : "; ") + item;
        start = end + 2;
    }
    return out;
}

// Fills in the exported sheet: every open level, and consent for every household that lacks it.
inline std::string fillIn(const std::string& exported, const std::string& level, const std::string& yes) {
    Result<CsvTable> t = readCsv(exported);
    EXPECT_TRUE(t);
    if (!t) return {};
    CsvTable table = std::move(*t);
    const CsvRow& header = table.rows[0];
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
        for (std::size_t c = 0; c < header.size(); ++c) {
            const std::string& h = header[c];
            if (h.find("languages") != std::string::npos || h.find("talen") != std::string::npos)
                table.rows[r][c] = withLevels(table.rows[r][c], level);
            if (h == "consent to matching" || h == "toestemming koppeling") table.rows[r][c] = yes;
        }
    }
    CsvWriteOptions w;
    w.delimiter = table.delimiter;
    return writeCsv(table.rows, w);
}

}  // namespace welkom::testing
