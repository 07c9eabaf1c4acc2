// Panel: one part of the workspace (start screen, households, matching...).
//
// A panel draws state and pushes commands; it never changes AppState or does
// I/O while drawing. It holds only interface state of its own (filter text,
// selected row). The Workspace (workspace.h) decides where a panel appears and
// calls drawContent() inside the window or tab it made:
//   class StartPanel : public Panel { ... void drawContent(const AppState&, CommandQueue&) override; };
#pragma once

#include "app/app_state.h"
#include "app/commands.h"
#include "app/texts.h"

namespace welkom {

class Panel {
public:
    virtual ~Panel() = default;
    // Stable, language-independent name ("start", "programme"): ImGui ID and test API.
    virtual const char* id() const = 0;
    virtual TextId title() const = 0;
    // Whether the panel has something to show for this state.
    virtual bool isAvailable(const AppState& state) const = 0;
    virtual void drawContent(const AppState& state, CommandQueue& commands) = 0;
};

}  // namespace welkom
