// LearningPanel: learning weights from outcomes, and the anonymised research
// extract. The coordinator sets what counts as success, adds anonymised
// extracts of other municipalities (through the platform's file picker),
// runs the learning (app/outcomes_session.h) and sees the coefficients with
// their intervals and sample sizes, why it refuses when it does, the
// proposed weights and the back-test. "Adopt these weights" is one undoable
// edit; nothing changes without that click. The export section downloads
// the k-anonymous extract and shows what it generalised or left out.
#pragma once

#include "ui/panel.h"

namespace welkom {

class LearningPanel : public Panel {
public:
    const char* id() const override { return "learning"; }
    TextId title() const override { return TextId::LearningTitle; }
    bool isAvailable(const AppState& state) const override { return state.document.has_value(); }
    void drawContent(const AppState& state, CommandQueue& commands) override;

private:
    void drawInputs(const AppState& state, CommandQueue& commands);
    void drawResults(const AppState& state, CommandQueue& commands);
    void drawExport(const AppState& state, CommandQueue& commands);
};

}  // namespace welkom
