// Checks a roster and reports every problem at once, each with a JSON Pointer
// into the file (format v1 key names, see docs/roster-format.md), a severity
// and a code with arguments, so the interface can list them all, in its own
// language, and jump to the field.
//
// Usage:
//   std::vector<Problem> problems = validateRoster(roster);
//   for (const Problem& p : problems) log(formatProblemText(p, dutch));   // app/text/messages.h
//   // "/groups/3/members/2/age: age must be between 16 and 110"
//   if (hasErrors(problems)) refuseToLoad();
//
// Errors make a file unusable (loading refuses it): duplicate or empty ids,
// references to unknown households/groups/members/matches, impossible ages,
// unknown language codes, invalid dates, negative capacity, impossible match
// histories, out-of-range settings. Warnings are worth a look but harmless:
// small groups, missing consent, unknown tags, households no group can take.
//
// Cost: O(total size of the roster) plus the reachability hook (the default
// one is linear too); about 0.13 s natively for 20,000 households and 20,000
// groups (bench/roster_load_bench.cpp).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/message.h"
#include "core/roster.h"
#include "core/scoring.h"

namespace welkom {

enum class Severity { Error, Warning };

struct Problem {
    std::string path;       // JSON Pointer, "" for the whole file
    Severity severity = Severity::Error;
    std::string code;       // stable, e.g. "id.duplicate", "age.range"
    // The app's catalogue words the code (problemMessage); these are the
    // values its words take as {1}, {2}... ({0} is the path's last step):
    // numbers and names, never words.
    std::vector<Arg> args = {};
};

// The problem as a message for the catalogue: code "problem.<code>", {0} the
// last step of its path (unescaped: a field, a language code), then its args.
Message problemMessage(const Problem& p);
// A reader's refusal as an Error: the problem's code with its problemMessage's
// arguments ({0} the path's last step, "" for the whole file), which the app
// words as the problem, problem.<code> (MessageTexts::error). For problems
// worded by code (no own message).
Error problemError(const Problem& p);
bool hasErrors(const std::vector<Problem>& problems);

// Problem lists shown or printed keep the first kMaxProblemsListed; the rest
// become one last problem "problems.more" ("... and N more problems", an
// error when any of them was). `moreErrors` counts errors a reader already left out.
constexpr std::size_t kMaxProblemsListed = 1000;
void capProblems(std::vector<Problem>& problems, std::size_t moreErrors = 0);
size_t countSeverity(const std::vector<Problem>& problems, Severity s);

// Returns the indices of households that no group can take. The default is
// the matching engine's own hard-condition check (scoring.h,
// hardConditionUnreachableHouseholds); simpleUnreachableHouseholds is the
// older, looser stand-in (municipality and language only).
using ReachabilityCheck = std::function<std::vector<size_t>(const Roster&)>;

// A quick stand-in for the matching engine's check: a household (with consent, not in
// a live match) is unreachable when no consenting group with capacity in its
// municipality (or allowing it, or any municipality when the settings allow
// it) has a member who shares a language at level A2 or better with one of
// its adults. Linear in the roster's size.
std::vector<size_t> simpleUnreachableHouseholds(const Roster& roster);

struct ValidationOptions {
    ReachabilityCheck reachability = hardConditionUnreachableHouseholds;  // empty: skip the check
};

// Limits the rules use, exposed for forms and tests.
constexpr int kMinGroupMemberAge = 16;
constexpr int kMaxAge = 110;
constexpr int kMinGroupSize = 5;

std::vector<Problem> validateRoster(const Roster& roster, const ValidationOptions& options = {});

}  // namespace welkom
