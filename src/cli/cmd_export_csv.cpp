// welkom export-csv: the matches of a roster as CSV for a mail merge.
#include <iostream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/encrypted_files.h"
#include "cli/passphrase.h"
#include "io/roster_csv.h"

namespace welkom::cli {

namespace {

const std::vector<OptionSpec> kSpecs = {
    {"--output", "-o", true, "CSV file to write"},
    {"--semicolon", "", false, "semicolons and a byte order mark, for Dutch Excel"},
    {"--lang", "", true, "column names and status words: en (default) or nl"},
    {"--live-only", "", false, "leave out ended and declined matches"},
    {"--identity", "-i", true, "age identity file for an encrypted roster (repeatable)", true},
    kHelpOption,
};

}  // namespace

int runExportCsv(const std::vector<std::string>& argv) {
    const std::string usage = "welkom export-csv ROSTER -o matches.csv [--semicolon] [--lang en|nl] [--live-only]";
    Args args;
    if (auto stop = parseCommandLine(
            argv, kSpecs, usage,
            "Writes one row per match: match id, household name, group name, municipality, coordinator\n"
            "name and contact, status, date proposed, date of the current status. No gender, ages,\n"
            "languages, needs or notes. The CSV is not encrypted: it holds names and contacts, so delete\n"
            "it after the mail merge.\n"
            "Exit status: 0 written, 1 roster invalid or not decryptable, 2 wrong command line, 3 I/O.",
            args))
        return *stop;
    Result<bool> dutch = dutchFromArgs(args);
    if (!dutch) return failWith(kExitUsage, dutch.error().message);
    if (args.positional().size() != 1) return failWith(kExitUsage, "export-csv needs exactly one ROSTER");
    if (!args.has("--output")) return failWith(kExitUsage, "say where to write with -o FILE");

    LoadedRoster loaded;
    if (auto stop = readRosterOrReport(args.positional()[0], args.values("--identity"), *dutch, loaded)) return *stop;
    MatchExportOptions options;
    options.dutchExcel = args.has("--semicolon");
    options.dutchHeaders = *dutch;
    options.liveOnly = args.has("--live-only");
    const std::string csv = exportMatchesCsv(loaded.roster, options);
    if (Status s = writeFile(*args.value("--output"), csv); !s) return failWith(kExitIo, s.error().message);
    std::size_t rows = 0;
    for (const Match& m : loaded.roster.matches) rows += options.liveOnly && isFinal(m.status()) ? 0 : 1;
    std::cerr << (*dutch ? "Geschreven: " : "Wrote ") << rows << (*dutch ? " koppelingen naar " : " matches to ")
              << *args.value("--output") << "\n";
    return kExitOk;
}

}  // namespace welkom::cli
