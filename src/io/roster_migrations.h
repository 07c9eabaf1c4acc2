// Migrations of roster files between format versions, applied to the parsed
// JSON before it is mapped to core types, so the mapper only ever knows the
// current version.
//
// Usage (inside the reader):
//   Status s = migrateRoster(doc, fileVersion);   // brings doc up to kRosterFormatVersion
//
// Adding version 2: write `Status migrate1To2(nlohmann::ordered_json&)`, append
// it to kRosterMigrations in roster_migrations.cpp, bump kRosterFormatVersion,
// and keep a v1 fixture test. Entry i turns version i+1 into version i+2.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace welkom {

using RosterMigration = Status (*)(nlohmann::ordered_json& doc);

// The real table: entry i turns version i+1 into version i+2.
const std::vector<RosterMigration>& rosterMigrations();

// Runs table[from-1], table[from], ... until `doc` is at version `to`, and sets
// doc["version"] = to. Fails (code "roster.migration") when a step is missing
// or reports an error. Preconditions: 1 <= from <= to.
Status applyMigrations(nlohmann::ordered_json& doc, int from, int to,
                       const std::vector<RosterMigration>& table);

// applyMigrations with the real table up to kRosterFormatVersion.
Status migrateRoster(nlohmann::ordered_json& doc, int fileVersion);

}  // namespace welkom
