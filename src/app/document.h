// Document: what gets saved, the programme's roster. Everything else in
// AppState is session or interface state and is never written to a file.
#pragma once

#include "core/roster.h"

namespace welkom {

struct Document {
    Roster roster;

    bool operator==(const Document& other) const { return roster == other.roster; }
};

}  // namespace welkom
