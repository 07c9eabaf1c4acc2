// Roster files, JSON format v1: {"format": "welkom-roster", "version": 1, ...}.
// The format is described in docs/roster-format.md, with a JSON Schema in
// docs/roster.schema.json.
//
// Usage:
//   std::string bytes = writeRoster(roster);
//
//   std::vector<Problem> problems;
//   Result<LoadedRoster> r = loadRoster(bytes, &problems);
//   if (!r) { showError(r.error()); showList(problems); }   // every problem, with its path
//   else    { use(r->roster); showList(r->problems); }      // warnings only
//
// Loading is all or nothing: any error-level problem (a wrong type, a missing
// field, a failed validation rule) refuses the whole file, but every problem
// found is reported, not just the first. Nothing here throws.
//
// Hostile input: files over kMaxRosterBytes, nesting deeper than kMaxJsonDepth,
// objects with more than kMaxObjectMembers members and more records than the
// count limits below are refused by a cheap pre-scan (json_prescan.h) before
// anything is built (recursion on deep input could overflow
// the stack; unknown objects are re-emitted through nlohmann's order-keeping
// objects, which are quadratic in their member count). Reading uses the fast
// tree of json_dom.h: ~0.5 s natively for 20,000 x 20,000 (55 MB), see
// bench/roster_load_bench.cpp. Numbers beyond double range (1e400) are syntax errors
// (nlohmann: "number overflow"), integers beyond 64 bits are read as doubles
// and refused by whole-number fields; invalid UTF-8 is a syntax error. A name
// repeated in one object ("json.duplicate_key") is an error: RFC 8259 leaves
// its meaning open, and letting one of two "households" arrays win loses data.
//
// Compatibility: fields this version does not know are kept per object
// (ExtraFields in core) and written back unchanged. A file with a newer
// `version` is refused with a message to update Welkom; older versions go
// through the migrations in roster_migrations.h first.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/roster.h"
#include "core/validation.h"

namespace welkom {

constexpr std::string_view kRosterFormatName = "welkom-roster";
// Version 2 added the language level "unknown" (roster_migrations.cpp).
constexpr int kRosterFormatVersion = 2;
constexpr std::size_t kMaxRosterBytes = std::size_t{64} * 1024 * 1024;
constexpr int kMaxJsonDepth = 64;
constexpr std::size_t kMaxObjectMembers = 256;
// Record counts, checked by the pre-scan before anything is allocated; well
// above a national programme (docs/roster-format.md, "Limits").
constexpr std::size_t kMaxHouseholds = 100000;
constexpr std::size_t kMaxGroups = 100000;
constexpr std::size_t kMaxMembersPerGroup = 1000;
constexpr std::size_t kMaxMembersPerHousehold = 100;
constexpr std::size_t kMaxMatches = 200000;
constexpr std::size_t kMaxCheckIns = 1000000;
constexpr std::size_t kMaxConstraints = 200000;
constexpr std::size_t kMaxRosterListItems = 100000;  // any other list (interests, unknown fields...)
constexpr std::size_t kMaxRosterValues = 8000000;    // containers + commas in the whole file

struct RosterWriteOptions {
    bool pretty = false;  // two-space indentation; a 20k x 20k roster is ~2x larger pretty
    // The programme's secret sign-up keys (roster.signup.keys) are written only
    // when this is set: for output that is encrypted next. Plain output leaves them out.
    bool includeProgrammeKeys = false;
};

// Serialises the roster (UTF-8, ends with a newline). Default values are
// omitted to keep large rosters small; ExtraFields are written back as they were.
std::string writeRoster(const Roster& roster, const RosterWriteOptions& options = {});

struct LoadedRoster {
    Roster roster;
    std::vector<Problem> problems;  // warnings only (errors refuse the load)
};

// Everything the reader learnt, for an interface that shows all problems.
struct RosterReadReport {
    // Set when the file was a readable roster (it may still have errors).
    std::optional<Roster> roster;
    // Set when the file is not a roster this version can read at all (too
    // large, too deep, not JSON, another format, a newer version); it is
    // also the only entry in `problems`.
    std::optional<Error> failure;
    // Syntax, limit, format, type and validation problems, in file order per kind.
    std::vector<Problem> problems;
};

// Reads and validates; never fails outright, the report says what went wrong.
RosterReadReport readRoster(std::string_view bytes, const ValidationOptions& validation = {});

// All or nothing. On failure the Error summarises (code "roster.invalid",
// "roster.too_new", "json.syntax", ...) and `problems`, when given, receives
// every problem found; on success `problems` receives the warnings too.
Result<LoadedRoster> loadRoster(std::string_view bytes, std::vector<Problem>* problems = nullptr,
                                const ValidationOptions& validation = {});

// One household or group member object exactly as a roster file holds it
// (sign-up documents carry the same objects, io/signup.h). Type problems go
// to `problems`, their paths starting with `path` (a JSON Pointer).
class JsonRef;
void readHouseholdObject(JsonRef j, Household& out, std::vector<Problem>& problems, std::string path);
void readGroupMemberObject(JsonRef j, GroupMember& out, std::vector<Problem>& problems, std::string path);
// True when some object in `root` names a member twice (roster files refuse that: json.duplicate_key).
bool hasRepeatedKeys(JsonRef root);

}  // namespace welkom
