#include "io/roster_migrations.h"

#include <string>

#include "core/validation.h"
#include "io/roster_json.h"

namespace welkom {

namespace {

// Version 2 adds the language level `unknown`. A version 1 file cannot hold
// it, so its data stays as it is; the version number changes so that an
// older Welkom refuses a new file with "update Welkom" instead of calling the
// level a broken value.
Status migrate1To2(nlohmann::ordered_json&) { return Ok{}; }

}  // namespace

const std::vector<RosterMigration>& rosterMigrations() {
    static const std::vector<RosterMigration> kRosterMigrations = {&migrate1To2};
    return kRosterMigrations;
}

Status applyMigrations(nlohmann::ordered_json& doc, int from, int to,
                       const std::vector<RosterMigration>& table) {
    for (int v = from; v < to; ++v) {
        const auto step = static_cast<std::size_t>(v - 1);
        if (v < 1 || step >= table.size() || table[step] == nullptr) {
            return problemError(
                Problem{"", Severity::Error, "roster.migration", {Arg::integerOf(v), Arg::integerOf(v + 1)}});
        }
        Status s = table[step](doc);
        if (!s) return s;
        doc["version"] = v + 1;
    }
    return Ok{};
}

Status migrateRoster(nlohmann::ordered_json& doc, int fileVersion) {
    return applyMigrations(doc, fileVersion, kRosterFormatVersion, rosterMigrations());
}

}  // namespace welkom
