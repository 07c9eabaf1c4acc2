// RecordTable: the searchable, sortable, clipped table the Households and
// Welcome groups panels share. It keeps only interface state (search text,
// sort order, selection) and a row order cached per document revision, so
// 20,000 rows cost only the visible ones per frame.
//
//   RecordTable<Household> table(columns);
//   if (auto picked = table.draw("households", roster.households, state.editRevision, lang)) select(*picked);
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/texts.h"
#include "core/text_fold.h"
#include "ui/a11y_tree.h"
#include "ui/roster_text.h"
#include "ui/widgets.h"

namespace welkom {

template <typename Record>
struct RecordColumn {
    TextId header;
    // Cell text; also what the search matches and (unless `number`) the sort key.
    std::function<std::string(const Record&, Language)> text;
    // Numeric sort key, when the column is a number.
    std::function<double(const Record&)> number;
    float widthWeight = 1.0f;
};

// The rows to show: indices of the records that contain `search` in any
// column (ignoring case and accents, in any script: core/text_fold.h), sorted
// by column `sortColumn` (-1: roster order). Text sorts in each alphabet's
// order with numbers compared as numbers (g2 before g10), so "g1, g2, ..., g10"
// reads the way a person counts; ties keep roster order.
template <typename Record>
std::vector<std::size_t> recordOrder(const std::vector<Record>& records, const std::vector<RecordColumn<Record>>& columns,
                                     const std::string& search, int sortColumn, bool descending, Language lang) {
    std::vector<std::size_t> order;
    const std::string needle = searchFold(search);
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (!needle.empty()) {
            bool found = false;
            for (const auto& column : columns)
                if (searchFold(column.text(records[i], lang)).find(needle) != std::string::npos) found = true;
            if (!found) continue;
        }
        order.push_back(i);
    }
    if (sortColumn < 0 || sortColumn >= static_cast<int>(columns.size())) return order;
    const auto& column = columns[static_cast<std::size_t>(sortColumn)];
    // Keys once per row, not once per comparison.
    std::vector<double> numbers;
    std::vector<std::string> texts;
    if (column.number) {
        numbers.resize(records.size());
        for (std::size_t i : order) numbers[i] = column.number(records[i]);
    } else {
        texts.resize(records.size());
        for (std::size_t i : order) texts[i] = sortKey(column.text(records[i], lang));
    }
    auto less = [&](std::size_t a, std::size_t b) {
        if (column.number) {
            if (numbers[a] != numbers[b]) return numbers[a] < numbers[b];
        } else if (texts[a] != texts[b]) {
            return texts[a] < texts[b];
        }
        return a < b;  // stable and reproducible
    };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return descending ? less(b, a) : less(a, b); });
    return order;
}

template <typename Record>
class RecordTable {
public:
    explicit RecordTable(std::vector<RecordColumn<Record>> columns) : m_columns(std::move(columns)) {}

    std::optional<std::size_t> selected() const { return m_selected; }
    void select(std::size_t index) {
        m_selected = index;
        m_scrollToSelected = true;
    }

    // Draws the search field and the table; returns the row clicked this frame.
    std::optional<std::size_t> draw(const char* id, const std::vector<Record>& records, std::uint64_t revision,
                                    Language lang, float height) {
        std::optional<std::size_t> clicked;
        ImGui::PushID(id);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22.0f);
        if (inputTextWithHint("##search", tr(lang, TextId::SearchHint), m_search)) m_orderRevision = ~0ull;
        ImGui::SameLine();
        ImGui::TextDisabled("%zu / %zu %s", m_order.size(), records.size(), tr(lang, TextId::ShownOfTotal));

        const auto flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                           ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("table", static_cast<int>(m_columns.size()), flags, ImVec2(0.0f, height))) {
            ImGui::TableSetupScrollFreeze(0, 1);
            for (const auto& column : m_columns)
                ImGui::TableSetupColumn(tr(lang, column.header), ImGuiTableColumnFlags_WidthStretch, column.widthWeight);
            ImGui::TableHeadersRow();
            ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs();
            if (sort && sort->SpecsDirty) {
                m_orderRevision = ~0ull;
                m_sortColumn = sort->SpecsCount > 0 ? sort->Specs[0].ColumnIndex : -1;
                m_sortDescending = sort->SpecsCount > 0 && sort->Specs[0].SortDirection == ImGuiSortDirection_Descending;
                sort->SpecsDirty = false;
            }
            if (m_orderRevision != revision || m_orderLanguage != lang) rebuildOrder(records, revision, lang);

            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(m_order.size()));
            if (m_scrollToSelected && m_selected) {
                auto it = std::find(m_order.begin(), m_order.end(), *m_selected);
                if (it != m_order.end())
                    ImGui::SetScrollY(static_cast<float>(it - m_order.begin()) * ImGui::GetTextLineHeightWithSpacing());
                m_scrollToSelected = false;
            }
            while (clipper.Step()) {
                for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                    const std::size_t index = m_order[static_cast<std::size_t>(row)];
                    const Record& record = records[index];
                    ImGui::TableNextRow();
                    ImGui::PushID(static_cast<int>(index));
                    for (std::size_t c = 0; c < m_columns.size(); ++c) {
                        ImGui::TableSetColumnIndex(static_cast<int>(c));
                        const std::string text = m_columns[c].text(record, lang);
                        if (c == 0) {
                            // The first cell selects the whole row.
                            if (rosterSelectable(text, "", m_selected == index, ImGuiSelectableFlags_SpanAllColumns)) {
                                m_selected = index;
                                clicked = index;
                            }
                        } else {
                            rosterText(text);
                            a11y::cell(text.c_str());  // the row's other cells, for the accessibility grid
                        }
                    }
                    ImGui::PopID();
                }
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
        if (m_selected && *m_selected >= records.size()) m_selected.reset();
        return clicked;
    }

private:

    void rebuildOrder(const std::vector<Record>& records, std::uint64_t revision, Language lang) {
        m_order = recordOrder(records, m_columns, m_search, m_sortColumn, m_sortDescending, lang);
        m_orderRevision = revision;
        m_orderLanguage = lang;
    }

    std::vector<RecordColumn<Record>> m_columns;
    std::string m_search;
    std::vector<std::size_t> m_order;
    std::uint64_t m_orderRevision = ~0ull;
    Language m_orderLanguage = Language::English;
    int m_sortColumn = -1;
    bool m_sortDescending = false;
    std::optional<std::size_t> m_selected;
    bool m_scrollToSelected = false;
};

}  // namespace welkom
