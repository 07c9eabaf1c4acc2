// GroupsPanel: every welcome group in a searchable, sortable table, and an
// editor for the selected group: its members, who coordinates, consent,
// with the roster rules' messages inline.
#pragma once

#include "ui/record_panel.h"

namespace welkom {

class GroupsPanel : public RecordPanel<WelcomeGroup> {
public:
    GroupsPanel();
    const char* id() const override { return "groups"; }
    TextId title() const override { return TextId::GroupsTitle; }
    bool isAvailable(const AppState& state) const override { return state.document.has_value(); }

private:
    const std::vector<WelcomeGroup>& records(const AppState& state) const override {
        return state.document->roster.groups;
    }
    bool drawFields(const AppState& state, WelcomeGroup& draft) override;
    Command updateCommand(std::size_t index, const WelcomeGroup& draft) const override {
        return UpdateGroup{index, draft};
    }
};

}  // namespace welkom
