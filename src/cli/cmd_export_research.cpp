// welkom export-research ROSTER -o FILE(.csv|.json): the anonymised research
// extract (io/research_export.h), after its k-anonymity check.
#include <iostream>

#include "app/text/messages.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/encrypted_files.h"
#include "cli/passphrase.h"
#include "io/research_export.h"

namespace welkom::cli {

namespace {

const std::vector<OptionSpec> kSpecs = {
    {"--output", "-o", true, "file to write; .csv or .json"},
    {"--k", "", true, "every combination of coarse attributes occurs at least k times (default 5, at least 5)"},
    {"--lang", "", true, "messages: en (default) or nl"},
    {"--identity", "-i", true, "age identity file for an encrypted roster (repeatable)", true},
    kHelpOption,
};

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

int runExportResearch(const std::vector<std::string>& argv) {
    const std::string usage = "welkom export-research ROSTER -o FILE.csv|FILE.json [--k 5]";
    Args args;
    if (auto stop = parseCommandLine(
            argv, kSpecs, usage,
            "Writes one row per started match whose household and group consented to research: the\n"
            "criterion scores at proposal time, coarse attributes (age and size bands, household type,\n"
            "gender, group size, number of shared languages, start month), and outcomes. No names,\n"
            "contacts, notes, places or ids: rows get fresh random ids and a random order. Attributes are\n"
            "generalised, and rare rows left out, until every combination occurs at least k times; what\n"
            "was done is printed. Other programmes can use the file with `welkom learn`.\n"
            "Exit status: 0 written, 1 roster invalid or not decryptable, 2 wrong command line, 3 I/O.",
            args))
        return *stop;
    Result<bool> dutch = dutchFromArgs(args);
    if (!dutch) return failWith(kExitUsage, dutch.error());
    if (args.positional().size() != 1) return failWith(kExitUsage, "export-research needs exactly one ROSTER");
    if (!args.has("--output")) return failWith(kExitUsage, "say where to write with -o FILE.csv or -o FILE.json");
    const std::string out = *args.value("--output");
    const bool json = endsWith(out, ".json");
    if (!json && !endsWith(out, ".csv")) return failWith(kExitUsage, "the output file must end in .csv or .json");
    ResearchExportOptions options;
    if (auto k = args.value("--k")) {
        Result<int> v = intOption("--k", *k, kMinResearchK, 1000);
        if (!v) return failWith(kExitUsage, v.error());
        options.k = *v;
    }

    LoadedRoster loaded;
    if (auto stop = readRosterOrReport(args.positional()[0], args.values("--identity"), *dutch, loaded)) return *stop;
    Result<ResearchExport> e = buildResearchExport(loaded.roster, options);
    if (!e) return failWith(kExitProblems, e.error());
    const std::string bytes = json ? writeResearchJson(*e, englishText) : writeResearchCsv(*e);
    if (Status s = writeFile(out, bytes); !s) return failWith(kExitIo, s.error());
    const ResearchExportReport& r = e->report;
    if (*dutch) {
        std::cerr << "Geschreven: " << r.exported << " rijen naar " << out << " (k = " << r.k << "; " << r.matches
                  << " koppelingen: " << r.notStarted << " nooit gestart, " << r.withoutConsent
                  << " zonder toestemming voor onderzoek, " << r.suppressed << " weggelaten)\n";
    } else {
        std::cerr << "Wrote " << r.exported << " rows to " << out << " (k = " << r.k << "; " << r.matches
                  << " matches: " << r.notStarted << " never started, " << r.withoutConsent
                  << " without consent to research, " << r.suppressed << " suppressed)\n";
    }
    for (const Message& s : r.steps) std::cerr << "  - " << messageText(s, *dutch) << "\n";
    return kExitOk;
}

}  // namespace welkom::cli
