// welkom export-csv: the matches of a roster as CSV for a mail merge, or
// (--problems [--members]) the households' or group members' open problems as a sheet
// to fill in and import again.
#include <iostream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/encrypted_files.h"
#include "cli/passphrase.h"
#include "app/text/match_sheet.h"
#include "app/text/problems_sheet.h"
#include "io/roster_csv.h"

namespace welkom::cli {

namespace {

const std::vector<OptionSpec> kSpecs = {
    {"--output", "-o", true, "CSV file to write"},
    {"--semicolon", "", false, "semicolons and a byte order mark, for Dutch Excel"},
    {"--lang", "", true, "column names and status words: en (default) or nl"},
    {"--live-only", "", false, "leave out ended and declined matches"},
    {"--problems", "", false, "write the households' open problems instead, to fill in and import again"},
    {"--members", "", false, "with --problems: the group members' open problems (a member sheet)"},
    {"--identity", "-i", true, "age identity file for an encrypted roster (repeatable)", true},
    kHelpOption,
};

int writeProblems(const Roster& roster, const Args& args, bool dutch) {
    ProblemsExportOptions options;
    options.dutchExcel = args.has("--semicolon");
    options.dutchHeaders = dutch;
    const bool members = args.has("--members");
    options.sheet = members ? ProblemsSheet::GroupMembers : ProblemsSheet::Households;
    const std::string csv = exportProblemsCsv(roster, options);
    if (Status s = writeFile(*args.value("--output"), csv); !s) return failWith(kExitIo, s.error());
    Result<CsvTable> written = readCsv(csv);
    const std::size_t rows = written && !written->rows.empty() ? written->rows.size() - 1 : 0;
    std::cerr << (dutch ? "Geschreven: " : "Wrote ") << rows
              << (members ? (dutch ? " groepsleden met open vragen naar " : " group members with open questions to ")
                          : (dutch ? " huishoudens met open vragen naar " : " households with open questions to "))
              << *args.value("--output") << "\n";
    return kExitOk;
}

}  // namespace

int runExportCsv(const std::vector<std::string>& argv) {
    const std::string usage =
        "welkom export-csv ROSTER -o matches.csv [--semicolon] [--lang en|nl] [--live-only]\n"
        "       welkom export-csv ROSTER --problems [--members] -o problems.csv [--semicolon] [--lang en|nl]";
    Args args;
    if (auto stop = parseCommandLine(
            argv, kSpecs, usage,
            "Writes one row per match: match id, household name, group name, municipality, coordinator\n"
            "name and contact, status, date proposed, date of the current status. No gender, ages,\n"
            "languages, needs or notes. The CSV is not encrypted: it holds names and contacts, so delete\n"
            "it after the mail merge.\n"
            "With --problems: one row per household with open problems its contact person can answer\n"
            "(a language without a level, an adult without languages, no consent): id, name, what is\n"
            "missing, the adults' languages as known, consent. Filled in, it imports back with\n"
            "`welkom import-csv --households FILE --into ROSTER`, which updates those households by id.\n"
            "With --problems --members: one row per group member with a language without a level, and\n"
            "the group's consent on its coordinator's row; it imports back with --members, by member id.\n"
            "Exit status: 0 written, 1 roster invalid or not decryptable, 2 wrong command line, 3 I/O.",
            args))
        return *stop;
    Result<bool> dutch = dutchFromArgs(args);
    if (!dutch) return failWith(kExitUsage, dutch.error());
    if (args.positional().size() != 1) return failWith(kExitUsage, "export-csv needs exactly one ROSTER");
    if (!args.has("--output")) return failWith(kExitUsage, "say where to write with -o FILE");
    if (args.has("--problems") && args.has("--live-only"))
        return failWith(kExitUsage, "--live-only is for matches, not with --problems");
    if (args.has("--members") && !args.has("--problems")) return failWith(kExitUsage, "--members goes with --problems");

    LoadedRoster loaded;
    if (auto stop = readRosterOrReport(args.positional()[0], args.values("--identity"), *dutch, loaded)) return *stop;
    if (args.has("--problems")) return writeProblems(loaded.roster, args, *dutch);
    MatchExportOptions options;
    options.dutchExcel = args.has("--semicolon");
    options.dutchHeaders = *dutch;
    options.liveOnly = args.has("--live-only");
    const std::string csv = exportMatchesCsv(loaded.roster, options);
    if (Status s = writeFile(*args.value("--output"), csv); !s) return failWith(kExitIo, s.error());
    std::size_t rows = 0;
    for (const Match& m : loaded.roster.matches) rows += options.liveOnly && isFinal(m.status()) ? 0 : 1;
    std::cerr << (*dutch ? "Geschreven: " : "Wrote ") << rows << (*dutch ? " koppelingen naar " : " matches to ")
              << *args.value("--output") << "\n";
    return kExitOk;
}

}  // namespace welkom::cli
