// A cheap pass over JSON bytes, before any tree is built, that refuses input
// too large, too deep, too wide or holding too many records: a 63 MB file
// whose "households" list holds 33 million `1`s would otherwise cost
// gigabytes (one node per value, then one Household per element). It needs
// no memory beyond a fixed stack of kMaxPrescanDepth levels, knows strings
// (brackets inside them do not count) and member names (escapes decoded), and
// leaves syntax to the parser: brackets that do not balance pass.
//
// Usage:
//   JsonLimits limits = ...;  limits.counts = {{{"households"}, 100000, "limit.households"}};
//   if (std::optional<Problem> p = prescanJson(bytes, limits)) refuse(*p);   // p->path: "/households"
//
// Count rules name a path of member names, "*" standing for any element of
// a list: {"groups", "*", "members"} is every group's member list. Every
// other list may hold at most maxListItems; the whole file at most maxValues
// values. The problems are codes with numbers ({1} the limit), worded by the
// app's catalogues; those that say what the file was expected to be take it
// as {2}, the message "file_kind.<limits.kind>".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/validation.h"

namespace welkom {

constexpr int kMaxPrescanDepth = 64;

struct JsonCountLimit {
    std::vector<std::string_view> path;  // member names, "*" = any list element
    std::size_t max = 0;
    std::string code;                    // e.g. "limit.households"
};

struct JsonLimits {
    std::size_t maxBytes = 0;
    int maxDepth = kMaxPrescanDepth;     // at most kMaxPrescanDepth
    std::size_t maxObjectMembers = 256;
    std::size_t maxListItems = 100000;   // any list no count rule names
    std::size_t maxValues = 0;           // values in the whole file; 0 = no limit
    std::vector<JsonCountLimit> counts;
    std::string kind;                    // "roster": the problems' "file_kind.roster"
};

// The first limit the bytes break, as an error Problem (path "" or the
// list's JSON Pointer for count rules), or nothing.
std::optional<Problem> prescanJson(std::string_view bytes, const JsonLimits& limits);

// The pre-scan's problems, for readers that check the same limits otherwise
// (CSV): the file is larger than limits.maxBytes ("file.too_large", {1} its
// MB); a list holds more than rule.max (rule.code, {1} rule.max).
Problem fileTooLargeProblem(const JsonLimits& limits);
Problem countLimitProblem(const JsonCountLimit& rule, std::string path);

}  // namespace welkom
