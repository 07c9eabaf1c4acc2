// Pieces shared by `welkom match` and `welkom scores`: loading a roster file
// with every problem reported, and the --weights option.
//
// Usage (inside a command):
//   auto roster = loadRosterFile(path);           // prints problems itself
//   if (!roster) return roster.error();           // an exit code
//   auto w = parseWeights("interests=2,age=0.5", roster->settings.weights);
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cli/cli.h"
#include "core/roster.h"

namespace welkom::cli {

// The roster, or the exit code after the problems were printed on stderr
// (kExitIo: unreadable file; kExitProblems: not a valid roster).
struct LoadOutcome {
    std::variant<Roster, int> value;
    explicit operator bool() const { return value.index() == 0; }
    Roster& roster() { return std::get<0>(value); }
    int exitCode() const { return std::get<1>(value); }
};
LoadOutcome loadRosterFile(const std::string& path);

// "name=w,name=w" over `base` (the roster's weights): named criteria are
// replaced, the rest keep their weight. Names must be criteria
// (scoring.h) and weights numbers >= 0.
Result<CriterionWeights> parseWeights(const std::string& text, CriterionWeights base);

// The roster of `path` with the command's --weights (if given) applied over
// its own weights; a bad --weights gives kExitUsage after printing why.
LoadOutcome loadRosterWithWeights(const std::string& path, const std::optional<std::string>& weights);

// CSV field quoted when it holds a comma, quote or line break (RFC 4180).
std::string csvField(const std::string& s);

}  // namespace welkom::cli
