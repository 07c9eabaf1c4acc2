#include "app/commands.h"

#include <algorithm>
#include <utility>

namespace welkom {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

constexpr float kMinUiScale = 0.75f;
constexpr float kMaxUiScale = 3.0f;

// Opens `document` in place of whatever was open, with a fresh history.
void openDocument(AppState& state, Document document) {
    state.document = std::move(document);
    state.history.clear();
    state.unsaved = false;
}

// Records an undo step, then lets `edit` change the open document.
template <typename Edit>
void editDocument(AppState& state, std::string label, Edit&& edit) {
    if (!state.document) {
        state.errors.push_back(makeError("app.no_document", "There is no roster open to change.",
                                         "Er is geen rooster geopend om te wijzigen."));
        return;
    }
    state.history.record(std::move(label), *state.document);
    edit(*state.document);
    state.unsaved = true;
}

}  // namespace

void applyCommand(AppState& state, const Command& command) {
    std::visit(Overloaded{
                   [&](const StartDemo&) {
                       Document demo;
                       demo.programmeName = tr(state.ui.language, TextId::DemoProgrammeName);
                       demo.isDemo = true;
                       openDocument(state, std::move(demo));
                   },
                   [&](const NewProgramme& c) {
                       Document document;
                       document.programmeName =
                           c.name.empty() ? tr(state.ui.language, TextId::DefaultProgrammeName) : c.name;
                       openDocument(state, std::move(document));
                   },
                   [&](const CloseRoster&) {
                       state.document.reset();
                       state.history.clear();
                       state.unsaved = false;
                   },
                   [&](const RenameProgramme& c) {
                       editDocument(state, "Rename programme", [&](Document& d) { d.programmeName = c.name; });
                   },
                   [&](const SetLanguage& c) { state.ui.language = c.language; },
                   [&](const SetUiScale& c) { state.ui.uiScale = std::clamp(c.scale, kMinUiScale, kMaxUiScale); },
                   [&](const UndoEdit&) {
                       if (state.document && state.history.canUndo()) {
                           state.document = state.history.undo(*state.document);
                           state.unsaved = true;
                       }
                   },
                   [&](const RedoEdit&) {
                       if (state.document && state.history.canRedo()) {
                           state.document = state.history.redo(*state.document);
                           state.unsaved = true;
                       }
                   },
                   [&](const DismissError& c) {
                       if (c.index < state.errors.size()) state.errors.erase(state.errors.begin() + c.index);
                   },
               },
               command);
}

void applyCommands(AppState& state, CommandQueue& queue) {
    for (const Command& command : queue.take()) applyCommand(state, command);
}

}  // namespace welkom
