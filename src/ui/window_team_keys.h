// File > Team keys... (issue #14, item 7): the public keys of the
// coordinators who share this roster, how the roster is saved (to those keys
// or with a passphrase), adding a colleague's key and making one's own.
// Only draws state and pushes commands (app/commands.h).
#pragma once

#include <cstddef>
#include <string>

#include "app/app_state.h"
#include "app/commands.h"

namespace welkom {

class TeamKeysWindow {
public:
    void open() { m_open = true; }
    void draw(const AppState& state, CommandQueue& commands);

private:
    void drawKeys(const AppState& state, CommandQueue& commands);
    void drawAdd(const AppState& state, CommandQueue& commands);

    bool m_open = false;
    std::string m_colleagueName;
    std::string m_colleagueKey;
    std::string m_ownName;
    std::size_t m_keyCount = 0;  // the team's size last frame: a key added empties the fields
};

}  // namespace welkom
