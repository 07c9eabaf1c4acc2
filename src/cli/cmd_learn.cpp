// welkom learn ROSTER [research.csv|research.json ...]: fits the success
// model (core/learning.h) on the roster's matches plus imported anonymised
// extracts, prints coefficients with intervals, and proposes new weights
// with a back-test, or says why it will not.
#include <cstdio>
#include <iostream>

#include "app/text/messages.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/encrypted_files.h"
#include "cli/passphrase.h"
#include "core/learning.h"
#include "io/research_export.h"

namespace welkom::cli {

namespace {

const std::vector<OptionSpec> kSpecs = {
    {"--months", "", true, "success: still active after this many months (default 12)"},
    {"--min-household", "", true, "success: household satisfaction at least this, 1-5 (default 4; 0: ignore)"},
    {"--min-group", "", true, "success: group satisfaction at least this, 1-5 (default 4; 0: ignore)"},
    {"--lambda", "", true, "L2 penalty of the regression, a number >= 0 (default 1)"},
    {"--lang", "", true, "messages: en (default) or nl"},
    {"--identity", "-i", true, "age identity file for an encrypted roster (repeatable)", true},
    kHelpOption,
};

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

}  // namespace

int runLearn(const std::vector<std::string>& argv) {
    const std::string usage = "welkom learn ROSTER [more.csv|more.json ...] [--months 12] [--min-household 4] "
                              "[--min-group 4] [--lambda 1]";
    Args args;
    if (auto stop = parseCommandLine(
            argv, kSpecs, usage,
            "Learns from outcomes: a penalised logistic regression of success (by default: still active at\n"
            "12 months with both satisfactions 4 or more) on the criterion scores each match had when it was\n"
            "proposed, over this roster and any anonymised extracts from `welkom export-research`. Prints\n"
            "each criterion's coefficient with a 95% interval and the sample size, then proposes weights and\n"
            "back-tests them on past proposals, or says why it does not (under 30 matches with a known\n"
            "outcome, intervals too wide). Nothing is changed: try proposed weights with\n"
            "`welkom match ROSTER --weights ...`.\n"
            "Exit status: 0 done (proposed or not), 1 invalid input, 2 wrong command line, 3 I/O.",
            args))
        return *stop;
    Result<bool> dutch = dutchFromArgs(args);
    if (!dutch) return failWith(kExitUsage, dutch.error());
    if (args.positional().empty()) return failWith(kExitUsage, "learn needs a ROSTER\nusage: " + usage);
    SuccessDefinition def;
    LogisticOptions fitOptions;
    struct IntOpt {
        const char* name;
        int* out;
        int lo, hi;
    };
    for (const IntOpt& o : {IntOpt{"--months", &def.months, 1, 60}, IntOpt{"--min-household", &def.minHouseholdSatisfaction, 0, 5},
                            IntOpt{"--min-group", &def.minGroupSatisfaction, 0, 5}}) {
        if (auto v = args.value(o.name)) {
            Result<int> parsed = intOption(o.name, *v, o.lo, o.hi);
            if (!parsed) return failWith(kExitUsage, parsed.error());
            *o.out = *parsed;
        }
    }
    if (auto v = args.value("--lambda")) {
        char* end = nullptr;
        const double l = std::strtod(v->c_str(), &end);
        if (v->empty() || end != v->c_str() + v->size() || !(l >= 0.0 && l <= 1e6))
            return failWith(kExitUsage, "--lambda must be a number from 0 to 1000000");
        fitOptions.lambda = l;
    }

    LoadedRoster loaded;
    if (auto stop = readRosterOrReport(args.positional()[0], args.values("--identity"), *dutch, loaded)) return *stop;
    const Roster& roster = loaded.roster;
    std::vector<LearningSample> samples = learningSamples(roster, def);
    std::cout << "roster " << args.positional()[0] << ": " << samples.size() << " matches with a known outcome\n";
    for (std::size_t i = 1; i < args.positional().size(); ++i) {
        const std::string& path = args.positional()[i];
        Result<std::string> bytes = readFile(path);
        if (!bytes) return failWith(kExitIo, bytes.error());
        Result<std::vector<ResearchRow>> rows = readResearchFile(*bytes);
        if (!rows) return failWith(kExitProblems, path + ": " + errorText(rows.error(), *dutch));
        const std::vector<LearningSample> more = researchSamples(*rows, def);
        std::cout << path << ": " << rows->size() << " rows, " << more.size() << " with a known outcome\n";
        samples.insert(samples.end(), more.begin(), more.end());
    }

    const LogisticFit fit = fitSuccessModel(samples, fitOptions);
    std::cout << "\nsuccess: active at " << def.months << " months";
    if (def.minHouseholdSatisfaction > 0) std::cout << ", household satisfaction >= " << def.minHouseholdSatisfaction;
    if (def.minGroupSatisfaction > 0) std::cout << ", group satisfaction >= " << def.minGroupSatisfaction;
    std::cout << "\nsamples " << fit.samples << " (" << fit.successes << " successes), lambda " << fixed(fit.lambda, 3)
              << (fit.converged ? "" : ", NOT converged") << "\n\n";
    std::cout << "criterion      n     estimate  95% interval        (log-odds from score 0 to 1)\n";
    for (const Coefficient& c : fit.coefficients) {
        std::string name(criterionName(c.criterion));
        name.resize(12, ' ');
        std::cout << name << " " << std::string(5 - std::min<std::size_t>(5, std::to_string(c.present).size()), ' ')
                  << c.present << "  ";
        if (!c.estimated) {
            std::cout << "   (too few matches with this criterion)\n";
            continue;
        }
        std::cout << (c.estimate < 0 ? "" : " ") << fixed(c.estimate, 2) << "     [" << fixed(c.low, 2) << ", "
                  << fixed(c.high, 2) << "]\n";
    }

    const WeightProposal p = proposeWeights(fit, roster.settings.weights);
    if (!p.proposed) {
        std::cout << "\nno new weights proposed:\n";
        for (const Refusal& r : p.refusals) std::cout << "  - " << messageText(r, *dutch) << "\n";
        return kExitOk;
    }
    std::cout << "\nproposed weights (current -> proposed):\n";
    std::string flag;
    for (Criterion c : allCriteria()) {
        const std::string name(criterionName(c));
        std::cout << "  " << name << ": " << fixed(roster.settings.weights[c], 3) << " -> " << fixed(p.weights[c], 3)
                  << (p.changed[static_cast<std::size_t>(c)] ? "" : "  (kept: interval too wide)") << "\n";
        flag += (flag.empty() ? "" : ",") + name + "=" + fixed(p.weights[c], 3);
    }
    const BackTest bt = backTest(roster, roster.settings.weights, p.weights, fit);
    std::cout << "\nback-test on " << bt.households << " households of past proposals (replayed on today's profiles):\n"
              << "  current weights reproduce the actual group for " << bt.sameAsActual << "\n"
              << "  proposed weights change the group for " << bt.changed << "\n"
              << "  predicted success: actual pairs " << fixed(bt.meanSuccessActual, 3) << ", replay with current weights "
              << fixed(bt.meanSuccessBefore, 3) << ", with proposed weights " << fixed(bt.meanSuccessAfter, 3) << "\n"
              << "  (fitted on the same matches, so optimistic: a direction, not a promise)\n";
    for (const BackTestChange& c : bt.changes) {
        std::cout << "  " << c.householdId << ": " << (c.groupBefore.empty() ? "-" : c.groupBefore) << " -> "
                  << (c.groupAfter.empty() ? "-" : c.groupAfter) << " (predicted " << fixed(c.successBefore, 2)
                  << " -> " << fixed(c.successAfter, 2) << ")\n";
    }
    std::cout << "\nto try them: welkom match " << args.positional()[0] << " --weights " << flag << "\n";
    return kExitOk;
}

}  // namespace welkom::cli
