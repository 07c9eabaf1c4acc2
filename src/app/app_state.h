// AppState: everything the interface draws, passed explicitly to every panel.
//
//   document  what gets saved (absent: the start screen is shown)
//   history   undo/redo steps of the document
//   ui        interface settings (language, scale); never personal data
//   errors    messages not yet dismissed; every Error ends up here
// Panels read it; only applyCommand() (commands.h) changes it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/document.h"
#include "app/texts.h"
#include "app/undo_history.h"
#include "core/result.h"

namespace welkom {

struct UiState {
    Language language = Language::English;
    float uiScale = 1.0f;
};

struct AppState {
    std::optional<Document> document;
    UndoHistory history;
    // Edits since the document was opened or last saved.
    bool unsaved = false;
    UiState ui;
    std::vector<Error> errors;
};

// Small JSON summary for the browser test interface (window.welkomTest.state()).
// It holds counts, flags and panel names only, never names of people or other
// personal data. `visiblePanels` comes from the interface layer.
std::string describeStateForTests(const AppState& state, const std::vector<std::string>& visiblePanels);

}  // namespace welkom
