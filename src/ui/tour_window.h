// TourWindow: the guided demo tour's small, non-modal window (step counter,
// title, text, what to do, Back/Next/End) and a coloured frame around the
// item the step points at. What a step shows and when it is done is decided
// in app/tour.h; this only draws it.
//   TourWindow tour;
//   each frame, after the workspace (the highlight uses the item rectangles
//   of the last complete frame, ui/item_registry.h):
//     tour.draw(state, commands);
// Keys while the window has focus: Enter or Right arrow: next, Left arrow:
// back, Escape: end. It takes the keyboard focus when a step begins and when
// the step's task gets done, so a keyboard user can go on at once.
#pragma once

#include <cstdint>

#include "app/app_state.h"
#include "app/commands.h"

namespace welkom {

class TourWindow {
public:
    void draw(const AppState& state, CommandQueue& commands);

private:
    void drawHighlight(const AppState& state);

    std::uint64_t m_seenStepChanges = 0;
    bool m_wasDone = false;
};

}  // namespace welkom
