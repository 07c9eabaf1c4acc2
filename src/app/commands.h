// Commands: the only way the interface changes AppState.
//
// Panels push intents while drawing; the frame loop applies them after the
// frame, so nothing changes under a panel's feet:
//   commands.push(SetLanguage{Language::Dutch});
//   ...after ImGui::Render(): applyCommands(state, commands);
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "app/app_state.h"

namespace welkom {

struct StartDemo {};
struct NewProgramme {
    std::string name;
};
struct CloseRoster {};
struct RenameProgramme {
    std::string name;
};
struct SetLanguage {
    Language language;
};
struct SetUiScale {
    float scale;
};
struct UndoEdit {};
struct RedoEdit {};
struct DismissError {
    std::size_t index;
};

using Command = std::variant<StartDemo, NewProgramme, CloseRoster, RenameProgramme, SetLanguage, SetUiScale,
                             UndoEdit, RedoEdit, DismissError>;

class CommandQueue {
public:
    void push(Command command) { m_commands.push_back(std::move(command)); }
    bool empty() const { return m_commands.empty(); }
    // Hands over the queued commands and leaves the queue empty.
    std::vector<Command> take() { return std::exchange(m_commands, {}); }

private:
    std::vector<Command> m_commands;
};

// Applies one command. Failures are reported in state.errors, never dropped.
void applyCommand(AppState& state, const Command& command);
void applyCommands(AppState& state, CommandQueue& queue);

}  // namespace welkom
