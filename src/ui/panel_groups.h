// GroupsPanel: every welcome group in a searchable, sortable table, and an
// editor for the selected group: its members, who coordinates, consent,
// with the roster rules' messages inline.
#pragma once

#include <optional>
#include <string>

#include "ui/panel.h"
#include "ui/record_table.h"

namespace welkom {

class GroupsPanel : public Panel {
public:
    GroupsPanel();
    const char* id() const override { return "groups"; }
    TextId title() const override { return TextId::GroupsTitle; }
    bool isAvailable(const AppState& state) const override { return state.document.has_value(); }
    void drawContent(const AppState& state, CommandQueue& commands) override;

private:
    void drawEditor(const AppState& state, CommandQueue& commands, std::size_t index);

    RecordTable<WelcomeGroup> m_table;
    WelcomeGroup m_draft;
    std::optional<std::size_t> m_draftIndex;
    std::uint64_t m_draftRevision = 0;
    std::uint64_t m_focusRequest = 0;
};

}  // namespace welkom
