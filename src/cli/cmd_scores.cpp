// welkom scores ROSTER [-o scores.csv] [--weights name=w,...]
// The full household x group score matrix as CSV: one row per household
// (household_id, then one column per group id, both in id order); an empty
// cell is a pair that will not be proposed (a hard condition, the
// coordinator's exclusion, or a score below the minimum).
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/matching_common.h"
#include "core/scoring.h"

namespace welkom::cli {

namespace {

const std::vector<OptionSpec> kScoresSpecs = {
    {"--output", "-o", true, "write the CSV here (default: standard output)"},
    {"--weights", "", true, "criterion weights, e.g. interests=2,age=0.5 (default: the roster's settings)"},
    kHelpOption,
};

std::string scoresCsv(const MatchingProblem& p) {
    std::string out = "household_id";
    for (const std::string& g : p.groupIds) out += "," + csvField(g);
    out += "\n";
    std::size_t f = 0;  // rules.forbidden is sorted by (household, group)
    char cell[32];
    for (int h = 0; h < p.households(); ++h) {
        out += csvField(p.householdIds[static_cast<std::size_t>(h)]);
        int next = 0;
        auto pad = [&](int upTo) {
            for (; next < upTo; ++next) out += ',';
        };
        p.matrix.forEachPair(h, [&](int g, double score) {
            while (f < p.rules.forbidden.size() && p.rules.forbidden[f] < PairRef{h, g}) ++f;
            const bool isForbidden = f < p.rules.forbidden.size() && p.rules.forbidden[f] == PairRef{h, g};
            if (isForbidden || (p.rules.minScore && score < *p.rules.minScore)) return;
            pad(g);
            std::snprintf(cell, sizeof(cell), ",%.6f", score);
            out += cell;
            ++next;
        });
        pad(p.groups());
        out += "\n";
    }
    return out;
}

}  // namespace

int runScores(const std::vector<std::string>& argv) {
    const std::string usage = "welkom scores ROSTER [-o scores.csv] [--weights name=w,...]";
    Args parsed;
    if (auto stop = parseCommandLine(argv, kScoresSpecs, usage,
                                     "Writes the household x group score matrix as CSV: one row per household, one column "
                                     "per group (both in id order). An empty cell is a pair that will not be proposed: it "
                                     "breaks a hard condition, the coordinator excluded it, or it scores below the minimum.",
                                     parsed))
        return *stop;
    const Args* args = &parsed;
    if (args->positional().size() != 1) {
        printError("expected one roster file\nusage: " + usage);
        return kExitUsage;
    }
    LoadOutcome loaded = loadRosterWithWeights(args->positional()[0], args->value("--weights"));
    if (!loaded) return loaded.exitCode();
    Roster& roster = loaded.roster();
    const MatchingProblem problem = buildMatchingProblem(roster);
    const std::string csv = scoresCsv(problem);
    if (auto out = args->value("--output")) {
        Status st = writeFile(*out, csv);
        if (!st) {
            printError(st.error());
            return kExitIo;
        }
        std::cerr << "wrote " << problem.households() << " households x " << problem.groups() << " groups to " << *out
                  << "\n";
    } else {
        std::cout << csv;
    }
    return kExitOk;
}

}  // namespace welkom::cli
