// HouseholdsPanel: every newcomer household in a searchable, sortable table,
// and an editor for the selected one with its validation messages inline.
#pragma once

#include <optional>
#include <string>

#include "ui/panel.h"
#include "ui/record_table.h"

namespace welkom {

class HouseholdsPanel : public Panel {
public:
    HouseholdsPanel();
    const char* id() const override { return "households"; }
    TextId title() const override { return TextId::HouseholdsTitle; }
    bool isAvailable(const AppState& state) const override { return state.document.has_value(); }
    void drawContent(const AppState& state, CommandQueue& commands) override;

private:
    void drawEditor(const AppState& state, CommandQueue& commands, std::size_t index);

    RecordTable<Household> m_table;
    Household m_draft;  // the selected household as being edited
    std::optional<std::size_t> m_draftIndex;
    std::uint64_t m_draftRevision = 0;
    std::uint64_t m_focusRequest = 0;
};

}  // namespace welkom
