// PresentationPanel: the matching proposal for a projector. Households and
// welcome groups stand in two columns; the links between them appear one by
// one with their scores (app/presentation.h times them from the clock). A
// "what if" slider re-runs the matching with one criterion weighted
// differently: links that changed turn orange, and the count of changed pairs
// is shown. Only there in presentation mode (View menu, or ?present=1).
#pragma once

#include "ui/panel.h"

namespace welkom {

class PresentationPanel : public Panel {
public:
    const char* id() const override { return "present"; }
    TextId title() const override { return TextId::PresentTitle; }
    bool isAvailable(const AppState& state) const override { return state.ui.presentation && state.document; }
    void drawContent(const AppState& state, CommandQueue& commands) override;

private:
    void drawControls(const AppState& state, CommandQueue& commands);
    void drawColumns(const AppState& state);
};

}  // namespace welkom
