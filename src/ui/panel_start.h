// StartPanel: what a coordinator sees before a roster is open: try the demo,
// start a new programme, or open a roster file.
#pragma once

#include "ui/panel.h"

namespace welkom {

class StartPanel : public Panel {
public:
    const char* id() const override { return "start"; }
    TextId title() const override { return TextId::StartTitle; }
    bool isAvailable(const AppState& state) const override { return !state.document; }
    void drawContent(const AppState& state, CommandQueue& commands) override;
};

}  // namespace welkom
