// ProgrammePanel: the open programme at a glance (counts, demo notice).
#pragma once

#include <string>

#include "ui/panel.h"

namespace welkom {

class ProgrammePanel : public Panel {
public:
    const char* id() const override { return "programme"; }
    TextId title() const override { return TextId::OverviewTitle; }
    bool isAvailable(const AppState& state) const override { return state.document.has_value(); }
    void drawContent(const AppState& state, CommandQueue& commands) override;

private:
    std::string m_nameEdit;  // the programme name while it is being typed
    bool m_editingName = false;
};

}  // namespace welkom
