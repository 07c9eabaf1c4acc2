// Document: what gets saved (the programme's roster). Everything else in
// AppState is session or interface state and is never written to a file.
#pragma once

#include <cstdint>
#include <string>

namespace welkom {

struct Document {
    std::string programmeName;
    // A demo roster holds only generated, fictitious people; the interface
    // labels it DEMO everywhere and never saves it unless asked.
    bool isDemo = false;
    // Counts shown in the interface; replaced by the roster model.
    int householdCount = 0;
    int groupCount = 0;
    int matchCount = 0;

    bool operator==(const Document& other) const {
        return programmeName == other.programmeName && isDemo == other.isDemo &&
               householdCount == other.householdCount && groupCount == other.groupCount &&
               matchCount == other.matchCount;
    }
};

}  // namespace welkom
