// MatchingPanel: choose what matters (weights, mode), run the matching, read
// the proposal with per-criterion bars, open a pair to see why it was chosen,
// its alternatives with their cost and "why not" for any other group; pin,
// forbid or release with a reason; compare with the previous run; accept.
#pragma once

#include <cstdint>
#include <string>

#include "ui/panel.h"

namespace welkom {

class MatchingPanel : public Panel {
public:
    const char* id() const override { return "matching"; }
    TextId title() const override { return TextId::MatchingTitle; }
    bool isAvailable(const AppState& state) const override { return state.document.has_value(); }
    void drawContent(const AppState& state, CommandQueue& commands) override;

private:
    void drawControls(const AppState& state, CommandQueue& commands);
    void drawWeights(const AppState& state, CommandQueue& commands);
    void drawResults(const AppState& state, CommandQueue& commands);
    void drawPairDetail(const AppState& state, CommandQueue& commands);
    void drawComparison(const AppState& state);

    std::string m_reason;  // reason typed for a pin or forbid
    std::uint64_t m_tourScrolled = 0;  // tour step change for which the pin buttons were scrolled into view
};

}  // namespace welkom
