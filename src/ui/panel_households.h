// HouseholdsPanel: every newcomer household in a searchable, sortable table,
// and an editor for the selected one with its validation messages inline.
#pragma once

#include "ui/record_panel.h"

namespace welkom {

class HouseholdsPanel : public RecordPanel<Household> {
public:
    HouseholdsPanel();
    const char* id() const override { return "households"; }
    TextId title() const override { return TextId::HouseholdsTitle; }
    bool isAvailable(const AppState& state) const override { return state.document.has_value(); }

private:
    const std::vector<Household>& records(const AppState& state) const override {
        return state.document->roster.households;
    }
    bool drawFields(const AppState& state, Household& draft) override;
    Command updateCommand(std::size_t index, const Household& draft) const override {
        return UpdateHousehold{index, draft};
    }
};

}  // namespace welkom
