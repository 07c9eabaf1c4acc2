// welkom match ROSTER [--mode total|fair|stable] [--weights name=w,...]
//                     [-o matches.json|matches.csv] [--json] [--lang en|nl]
// Scores the roster, solves, and prints a summary: matched households, total
// and worst score, and every unmatched household with what blocks it.
#include <algorithm>
#include <array>
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/matching_common.h"
#include "core/matching_mode.h"
#include "core/scoring.h"
#include "app/text/messages.h"

namespace welkom::cli {

namespace {

const std::vector<OptionSpec> kMatchSpecs = {
    {"--mode", "", true, "total (best total, default), fair (most households, best worst score) or stable"},
    {"--weights", "", true, "criterion weights, e.g. interests=2,age=0.5 (default: the roster's settings)"},
    {"--output", "-o", true, "write the matching to a .json or .csv file"},
    {"--json", "", false, "print the matching as JSON instead of the summary"},
    {"--lang", "", true, "language of the reasons: en (default) or nl"},
    kHelpOption,
};

std::string fmt(double v, const char* f = "%.4f") {
    char buf[64];
    std::snprintf(buf, sizeof(buf), f, v);
    return buf;
}

std::string conflictText(const FixConflict& c, const MatchingProblem& p) {
    const std::string pair = p.householdIds[static_cast<std::size_t>(c.pair.household)] + " - " +
                             p.groupIds[static_cast<std::size_t>(c.pair.group)];
    const std::string what = c.reason == FixReason::Pin ? "pinned pair " : "active match ";
    switch (c.kind) {
        case ConflictKind::PairInfeasible: return what + pair + " is not a possible pair";
        case ConflictKind::PairForbidden: return what + pair + " is also excluded";
        case ConflictKind::BelowMinScore: return what + pair + " scores below the minimum score";
        case ConflictKind::HouseholdFixedTwice: return what + pair + ": the household is already fixed to another group";
        case ConflictKind::GroupOverCapacity: return what + pair + ": the group has no place left for it";
    }
    return what + pair;
}

// Why household h (matrix index) has no group in `m`.
std::string unmatchedReason(const Scorer& scorer, const MatchingProblem& p, int h, bool nl) {
    const std::size_t rh = p.householdAt[static_cast<std::size_t>(h)];
    const Household& hh = scorer.roster().households[rh];
    if (!hh.consent.toMatching)
        return nl ? "heeft geen toestemming gegeven voor koppelen" : "has not consented to matching";
    int feasible = 0, forbidden = 0, below = 0;
    int bestOpen = -1, bestBelow = -1;  // best open group, best group under the minimum
    double bestOpenScore = 0.0, bestBelowScore = 0.0;
    p.matrix.forEachPair(h, [&](int g, double s) {
        ++feasible;
        if (std::binary_search(p.rules.forbidden.begin(), p.rules.forbidden.end(), PairRef{h, g})) {
            ++forbidden;
        } else if (p.rules.minScore && s < *p.rules.minScore) {
            ++below;
            if (bestBelow < 0 || s > bestBelowScore) bestBelow = g, bestBelowScore = s;
        } else if (bestOpen < 0 || s > bestOpenScore) {
            bestOpen = g, bestOpenScore = s;
        }
    });
    if (feasible == 0) {
        const UnplaceableReport u = scorer.explainUnplaceable(rh);
        if (u.candidates.empty()) return nl ? "geen groep kan het opvangen (er zijn geen groepen)" : "no group can take it (there are no groups)";
        // How often each condition blocks, then the group with the smallest change.
        std::array<int, kHardConditionCount> count{};
        for (const CandidateBlock& c : u.candidates)
            for (const HardVerdict& v : c.failed) ++count[static_cast<std::size_t>(v.condition)];
        std::string s = nl ? "geen groep kan het opvangen (" + std::to_string(u.candidates.size()) + " groepen bekeken:"
                           : "no group can take it (" + std::to_string(u.candidates.size()) + " groups checked:";
        for (int c = 0; c < kHardConditionCount; ++c)
            if (count[static_cast<std::size_t>(c)] > 0)
                s += " " + std::string(toString(static_cast<HardCondition>(c))) + " " + std::to_string(count[static_cast<std::size_t>(c)]);
        s += ")";
        const std::string shown = u.smallest ? u.smallest->groupId : u.candidates.front().groupId;
        for (const CandidateBlock& c : u.candidates) {
            if (c.groupId != shown) continue;
            s += nl ? "; groep " + c.groupId + ": " : "; group " + c.groupId + ": ";
            for (std::size_t k = 0; k < c.failed.size(); ++k) s += (k ? "; " : "") + renderReason(c.failed[k].reason, nl);
        }
        if (u.smallest) {
            s += nl ? "; kleinste verandering: " : "; smallest change: ";
            for (std::size_t k = 0; k < u.smallest->changes.size(); ++k)
                s += (k ? (nl ? " en " : " and ") : "") + renderChange(u.smallest->changes[k], nl);
        }
        return s;
    }
    if (forbidden == feasible)
        return nl ? "de coördinator heeft elke mogelijke groep uitgesloten" : "the coordinator excluded every possible group";
    if (bestOpen < 0) {
        const std::string g = p.groupIds[static_cast<std::size_t>(bestBelow)];
        const std::string minimum = fmt(*p.rules.minScore, "%.2f");
        return nl ? "elke mogelijke groep scoort onder het minimum " + minimum + " (beste: " + g + ", " + fmt(bestBelowScore) + ")"
                  : "every possible group scores below the minimum " + minimum + " (best: " + g + ", " + fmt(bestBelowScore) + ")";
    }
    const std::string g = p.groupIds[static_cast<std::size_t>(bestOpen)];
    return nl ? "de mogelijke groepen gingen naar andere huishoudens (beste: " + g + ", " + fmt(bestOpenScore) + ")"
              : "its possible groups went to other households (best: " + g + ", " + fmt(bestOpenScore) + ")";
}

nlohmann::ordered_json matchingJson(const std::string& mode, const Scorer& scorer, const MatchingProblem& p,
                                    const Matching<double>& m, bool nl) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["mode"] = mode;
    j["total"] = m.total;
    j["matched"] = m.matched;
    j["households"] = p.households();
    j["groups"] = p.groups();
    j["worstScore"] = m.worstScore ? ordered_json(*m.worstScore) : ordered_json(nullptr);
    ordered_json matches = ordered_json::array(), unmatched = ordered_json::array();
    for (int h = 0; h < p.households(); ++h) {
        const int g = m.groupOf[static_cast<std::size_t>(h)];
        if (g == kUnmatched) {
            unmatched.push_back({{"householdId", p.householdIds[static_cast<std::size_t>(h)]},
                                 {"reason", unmatchedReason(scorer, p, h, nl)}});
            continue;
        }
        ordered_json e;
        e["householdId"] = p.householdIds[static_cast<std::size_t>(h)];
        e["groupId"] = p.groupIds[static_cast<std::size_t>(g)];
        e["score"] = p.matrix.score(h, g).value_or(0.0);
        const PairRef pr{h, g};
        const bool locked = std::find(p.rules.locked.begin(), p.rules.locked.end(), pr) != p.rules.locked.end();
        const bool pinned = std::find(p.rules.pins.begin(), p.rules.pins.end(), pr) != p.rules.pins.end();
        e["fixed"] = locked ? ordered_json("locked") : pinned ? ordered_json("pin") : ordered_json(nullptr);
        const PairScore ps = scorer.score(p.householdAt[static_cast<std::size_t>(h)], p.groupAt[static_cast<std::size_t>(g)]);
        ordered_json crit = ordered_json::object();
        for (int c = 0; c < kCriterionCount; ++c)
            if (ps.applicable[static_cast<std::size_t>(c)])
                crit[std::string(criterionName(static_cast<Criterion>(c)))] = ps.scores[static_cast<std::size_t>(c)];
        e["criteria"] = std::move(crit);
        matches.push_back(std::move(e));
    }
    j["matches"] = std::move(matches);
    j["unmatched"] = std::move(unmatched);
    return j;
}

std::string matchingCsv(const MatchingProblem& p, const Matching<double>& m) {
    std::string out = "household_id,group_id,score\n";
    for (int h = 0; h < p.households(); ++h) {
        const int g = m.groupOf[static_cast<std::size_t>(h)];
        if (g == kUnmatched) continue;
        out += csvField(p.householdIds[static_cast<std::size_t>(h)]) + "," + csvField(p.groupIds[static_cast<std::size_t>(g)]) +
               "," + fmt(p.matrix.score(h, g).value_or(0.0), "%.6f") + "\n";
    }
    return out;
}

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

int runMatch(const std::vector<std::string>& argv) {
    const std::string usage =
        "welkom match ROSTER [--mode total|fair|stable] [--weights name=w,...] [-o matches.json|matches.csv] [--json]";
    Args parsed;
    if (auto stop = parseCommandLine(argv, kMatchSpecs, usage,
                                     "Proposes a matching of households to welcome groups: scores every possible pair "
                                     "(hard conditions first, then the weighted criteria), solves, and prints how many "
                                     "households are matched, the total and worst score, and why each unmatched household "
                                     "could not be placed. Pins, exclusions and active matches in the roster are kept.",
                                     parsed))
        return *stop;
    const Args* args = &parsed;
    if (args->positional().size() != 1) {
        printError("expected one roster file\nusage: " + usage);
        return kExitUsage;
    }
    MatchMode mode = MatchMode::BestTotal;
    if (!parseMatchMode(args->value("--mode").value_or("total"), mode)) {
        printError("--mode must be total, fair or stable");
        return kExitUsage;
    }
    const std::string lang = args->value("--lang").value_or("en");
    if (lang != "en" && lang != "nl") {
        printError("--lang must be en or nl");
        return kExitUsage;
    }
    const bool nl = lang == "nl";
    const std::optional<std::string> output = args->value("--output");
    if (output && !endsWith(*output, ".json") && !endsWith(*output, ".csv")) {
        printError("-o: the file name must end in .json or .csv");
        return kExitUsage;
    }

    LoadOutcome loaded = loadRosterWithWeights(args->positional()[0], args->value("--weights"));
    if (!loaded) return loaded.exitCode();
    Roster& roster = loaded.roster();

    Scorer scorer(roster);
    const MatchingProblem problem = buildMatchingProblem(scorer);
    const Matching<double> m = solveMatching(problem, mode);
    for (const FixedPairNote& n : problem.fixedNotes) {
        std::string broken;
        for (HardCondition c : n.broken) broken += (broken.empty() ? "" : ", ") + std::string(toString(c));
        std::cerr << "note: " << (n.reason == FixReason::Pin ? "pinned pair " : "active match ")
                  << problem.householdIds[static_cast<std::size_t>(n.pair.household)] << " - "
                  << problem.groupIds[static_cast<std::size_t>(n.pair.group)] << " breaks a hard condition (" << broken
                  << "); kept because a person decided it\n";
    }
    if (!m.ok()) {
        if (m.status == SolveStatus::Infeasible) {
            printError("the pins and active matches cannot all be kept:");
            for (const FixConflict& c : m.conflicts) std::cerr << "  " << conflictText(c, problem) << "\n";
            return kExitProblems;
        }
        printError(std::string("the solver refused the input: ") + (m.error ? errorText(*m.error, messagesInDutch()) : std::string(toString(m.status))));
        return kExitProblems;
    }

    const std::string modeName = mode == MatchMode::BestTotal ? "best total" : std::string(toString(mode));
    if (output) {
        const std::string bytes = endsWith(*output, ".csv") ? matchingCsv(problem, m)
                                                            : matchingJson(std::string(toString(mode)), scorer, problem, m, nl).dump(2) + "\n";
        Status st = writeFile(*output, bytes);
        if (!st) {
            printError(st.error());
            return kExitIo;
        }
    }
    if (args->has("--json")) {
        std::cout << matchingJson(std::string(toString(mode)), scorer, problem, m, nl).dump(2) << "\n";
        return kExitOk;
    }
    std::cout << modeName << ": " << m.matched << " of " << problem.households() << " households matched ("
              << problem.groups() << " groups)\n";
    std::cout << "total score " << fmt(m.total) << ", worst matched score "
              << (m.worstScore ? fmt(*m.worstScore) : std::string("-")) << "\n";
    const int unmatched = problem.households() - m.matched;
    if (unmatched > 0) {
        std::cout << "unmatched households (" << unmatched << "):\n";
        for (int h = 0; h < problem.households(); ++h) {
            if (m.groupOf[static_cast<std::size_t>(h)] != kUnmatched) continue;
            std::cout << "  " << problem.householdIds[static_cast<std::size_t>(h)] << ": "
                      << unmatchedReason(scorer, problem, h, nl) << "\n";
        }
    }
    if (output) std::cout << "wrote " << *output << "\n";
    return kExitOk;
}

}  // namespace welkom::cli
