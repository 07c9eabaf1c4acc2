// MatchesPanel: every match and where it stands in its lifecycle (proposed ->
// accepted by group -> accepted by household -> introduced -> active ->
// ended/declined), with dates, reasons and notes. Each step is recorded by
// the coordinator: nothing becomes a match by automated means alone.
#pragma once

#include <optional>
#include <string>

#include "ui/panel.h"

namespace welkom {

class MatchesPanel : public Panel {
public:
    const char* id() const override { return "matches"; }
    TextId title() const override { return TextId::MatchesTitle; }
    bool isAvailable(const AppState& state) const override { return state.document.has_value(); }
    void drawContent(const AppState& state, CommandQueue& commands) override;

private:
    std::optional<std::string> m_selected;  // match id
    std::string m_reason;
    std::string m_note;
};

}  // namespace welkom
