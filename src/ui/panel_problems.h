// ProblemsPanel: every validation problem of the open roster, or of the file
// that was refused, with where it is (JSON Pointer) and what is wrong.
#pragma once

#include "ui/panel.h"

namespace welkom {

class ProblemsPanel : public Panel {
public:
    const char* id() const override { return "problems"; }
    TextId title() const override { return TextId::ProblemsTitle; }
    bool isAvailable(const AppState& state) const override { return !state.problems.empty(); }
    void drawContent(const AppState& state, CommandQueue& commands) override;
};

}  // namespace welkom
