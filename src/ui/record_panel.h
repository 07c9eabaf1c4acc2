// RecordPanel: what the Households and Welcome groups panels share: the
// table, selecting a record (by click or by a jump from a problem), a draft
// copy that follows the document unless the coordinator is typing, the
// record's problems inline, and one update command per finished edit.
// A subclass provides the list, the columns and the editor's fields.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/panel.h"
#include "ui/record_focus.h"
#include "ui/record_table.h"
#include "ui/widgets.h"

namespace welkom {

template <typename Record>
class RecordPanel : public Panel {
public:
    void drawContent(const AppState& state, CommandQueue& commands) final {
        const std::vector<Record>& list = records(state);
        const std::string prefix = std::string("/") + id() + "/";
        if (auto focused = focusedRecord(state, prefix, m_focusRequest)) m_table.select(*focused);
        const float tableHeight = ImGui::GetContentRegionAvail().y * 0.45f;
        m_table.draw(id(), list, state.editRevision, state.ui.language, tableHeight);
        ImGui::Separator();
        const auto selected = m_table.selected();
        if (!selected) {
            ImGui::TextDisabled("%s", tr(state.ui.language, TextId::EditorSelectHint));
            return;
        }
        const Record& current = list[*selected];
        // Follow the document (undo, other edits) unless a field is being typed in.
        if (m_draftIndex != selected || (m_draftRevision != state.editRevision && !ImGui::IsAnyItemActive())) {
            m_draft = current;
            m_draftIndex = selected;
            m_draftRevision = state.editRevision;
        }
        ImGui::BeginChild("editor");
        ImGui::TextDisabled("%s", m_draft.id.c_str());
        const bool changed = drawFields(state, m_draft);
        recordProblems(state, prefix + std::to_string(*selected));
        ImGui::EndChild();
        if (changed && !(m_draft == current)) commands.push(updateCommand(*selected, m_draft));
    }

protected:
    explicit RecordPanel(std::vector<RecordColumn<Record>> columns) : m_table(std::move(columns)) {}

    virtual const std::vector<Record>& records(const AppState& state) const = 0;
    // Draws the editor's fields on `draft`; true when a finished edit changed it.
    virtual bool drawFields(const AppState& state, Record& draft) = 0;
    virtual Command updateCommand(std::size_t index, const Record& draft) const = 0;

private:
    RecordTable<Record> m_table;
    Record m_draft;
    std::optional<std::size_t> m_draftIndex;
    std::uint64_t m_draftRevision = 0;
    std::uint64_t m_focusRequest = 0;
};

}  // namespace welkom
