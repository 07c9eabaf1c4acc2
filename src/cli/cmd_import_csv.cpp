// welkom import-csv: households or group members from a sign-up spreadsheet,
// previewed, then added to a roster all or nothing.
#include <iostream>

#include "app/text/messages.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/encrypted_files.h"
#include "cli/passphrase.h"
#include "io/roster_csv.h"

namespace welkom::cli {

namespace {

const std::vector<OptionSpec> kSpecs = {
    {"--households", "", true, "CSV with one row per household"},
    {"--members", "", true, "CSV with one row per group member (with a group column)"},
    {"--into", "", true, "roster to add to (plain or encrypted); default: a new roster"},
    {"--map", "", true, "column mapping 'Header=field,Other=field' ('Header=' ignores a column)"},
    {"--dry-run", "-n", false, "only print the preview; write nothing"},
    {"--output", "-o", true, "roster file to write (may be the --into file)"},
    {"--identity", "-i", true, "age identity file for an encrypted --into (repeatable)", true},
    {"--encrypt", "", false, "encrypt the output with a passphrase (WELKOM_PASSPHRASE or prompt)"},
    {"--plain", "", false, "write the output unencrypted even when --into was encrypted"},
    {"--work-factor", "", true, "scrypt work factor for a new passphrase (default 18)"},
    {"--lang", "", true, "language of the messages: en (default) or nl"},
    kHelpOption,
};

const char* encodingName(CsvEncoding e) {
    switch (e) {
        case CsvEncoding::Utf8: return "UTF-8";
        case CsvEncoding::Utf8Bom: return "UTF-8 with BOM";
        case CsvEncoding::Windows1252: return "Windows-1252";
    }
    return "?";
}

void printPreview(const CsvImportPreview& p, const std::string& path, bool dutch) {
    const char* sep = p.delimiter == ';' ? (dutch ? "puntkomma's" : "semicolons")
                      : p.delimiter == '\t' ? "tabs" : (dutch ? "komma's" : "commas");
    std::cout << path << ": " << p.dataRows << (dutch ? " rijen, " : " rows, ") << encodingName(p.encoding)
              << (dutch ? ", gescheiden door " : ", separated by ") << sep << "\n";
    for (const CsvColumn& c : p.columns) {
        std::cout << "  " << (c.header.empty() ? "(empty)" : c.header) << " -> "
                  << (c.field.empty() ? (dutch ? "(genegeerd)" : "(ignored)") : c.field) << "\n";
    }
    if (p.kind == CsvImportKind::Households) {
        if (!p.updatedHouseholds.empty()) {
            std::cout << (dutch ? "Bij te werken huishoudens: " : "Households to update: ") << p.updatedHouseholds.size()
                      << "\n";
            for (std::size_t i = 0; i < p.updatedHouseholds.size(); ++i) {
                std::cout << "  " << p.updatedHouseholds[i].id << "  " << p.updatedHouseholds[i].displayName
                          << (dutch ? ", rij " : ", row ") << p.updatedHouseholdRows[i] << "\n";
            }
        }
        std::cout << (dutch ? "Toe te voegen huishoudens: " : "Households to add: ") << p.households.size() << "\n";
        for (std::size_t i = 0; i < p.households.size(); ++i) {
            std::cout << "  " << p.households[i].id << "  " << p.households[i].displayName << " ("
                      << p.households[i].members.size() << (dutch ? " personen" : " people") << ")"
                      << (dutch ? ", rij " : ", row ") << p.householdRows[i] << "\n";
        }
    } else {
        if (!p.updatedGroups.empty()) {
            std::cout << (dutch ? "Bij te werken groepsleden: " : "Group members to update: ")
                      << p.updatedMemberRows.size() << (dutch ? ", in Welkom Groepen: " : ", in welcome groups: ")
                      << p.updatedGroups.size() << "\n";
            for (std::size_t i = 0; i < p.updatedGroups.size(); ++i) {
                std::cout << "  " << p.updatedGroups[i].id << "  " << p.updatedGroups[i].name
                          << (dutch ? ", vanaf rij " : ", from row ") << p.updatedGroupRows[i] << "\n";
            }
        }
        std::cout << (dutch ? "Toe te voegen Welkom Groepen: " : "Welcome groups to add: ") << p.groups.size() << "\n";
        for (std::size_t i = 0; i < p.groups.size(); ++i) {
            std::cout << "  " << p.groups[i].id << "  " << p.groups[i].name << " (" << p.groups[i].members.size()
                      << (dutch ? " leden" : " members") << ")" << (dutch ? ", rij " : ", row ") << p.groupRows[i]
                      << "\n";
        }
    }
    for (const CsvProblem& x : p.problems) {
        const char* label = x.severity == Severity::Error ? (dutch ? "fout" : "error")
                                                          : (dutch ? "waarschuwing" : "warning");
        std::cout << label << ": " << formatCsvProblemText(x, dutch) << "\n";
    }
    std::cout << p.count(Severity::Error) << (dutch ? " fouten, " : " errors, ") << p.count(Severity::Warning)
              << (dutch ? " waarschuwingen\n" : " warnings\n");
}

}  // namespace

int runImportCsv(const std::vector<std::string>& argv) {
    const std::string usage =
        "welkom import-csv (--households FILE.csv | --members FILE.csv) [--into ROSTER] [--map SPEC] "
        "[--dry-run] -o OUT";
    Args args;
    if (auto stop = parseCommandLine(
            argv, kSpecs, usage,
            "Imports a sign-up spreadsheet (see docs/csv-import.md for the columns). Prints a preview:\n"
            "the columns recognised, what will be added, and every problem with row and column. Writes\n"
            "OUT only when there are no errors, and then adds everything at once.\n"
            "A household sheet whose id column names households of --into (a sheet from\n"
            "`welkom export-csv --problems`, filled in) updates them: filled cells replace, empty cells\n"
            "keep; an id --into does not have is then an error.\n"
            "If --into is encrypted, OUT is encrypted the same way unless --plain is given.\n"
            "Exit status: 0 imported (or a clean dry run), 1 problems (nothing written), 2 wrong command\n"
            "line, 3 file not readable or writable.",
            args))
        return *stop;
    Result<bool> dutch = dutchFromArgs(args);
    if (!dutch) return failWith(kExitUsage, dutch.error());
    const auto households = args.value("--households"), members = args.value("--members");
    if (households.has_value() == members.has_value())
        return failWith(kExitUsage, "give either --households or --members");
    if (!args.positional().empty()) return failWith(kExitUsage, "unexpected argument '" + args.positional()[0] + "'");
    const bool dryRun = args.has("--dry-run");
    if (!dryRun && !args.has("--output")) return failWith(kExitUsage, "say where to write with -o OUT (or use --dry-run)");
    if (args.has("--plain") && args.has("--encrypt")) return failWith(kExitUsage, "--plain and --encrypt exclude each other");
    int workFactor = kAgeDefaultWorkFactor;
    if (auto wf = args.value("--work-factor")) {
        Result<int> v = intOption("--work-factor", *wf, 1, kAgeMaxWorkFactor);
        if (!v) return failWith(kExitUsage, v.error());
        workFactor = *v;
    }
    CsvColumnMapping mapping;
    if (auto spec = args.value("--map")) {
        Result<CsvColumnMapping> m = parseColumnMapping(*spec);
        if (!m) return failWith(kExitUsage, m.error());
        mapping = std::move(*m);
    }

    const std::string csvPath = households ? *households : *members;
    Result<std::string> csv = readFile(csvPath);
    if (!csv) return failWith(kExitIo, csv.error());

    Roster roster;
    Encryption encryption;
    if (auto into = args.value("--into")) {
        LoadedRoster loaded;
        std::vector<Problem> problems;
        Result<OpenedFile> file = openRoster(*into, args.values("--identity"), loaded, problems);
        if (!file) {
            for (const Problem& p : problems)
                if (p.severity == Severity::Error) std::cerr << formatProblemText(p, *dutch) << "\n";
            return failWith(exitCodeFor(file.error()), errorText(file.error(), *dutch));
        }
        wipe(file->plaintext);
        roster = std::move(loaded.roster);
        encryption = std::move(file->encryption);
    }

    const CsvImportPreview preview = households ? previewHouseholdImport(*csv, roster, mapping)
                                                : previewGroupMemberImport(*csv, roster, mapping);
    printPreview(preview, csvPath, *dutch);
    if (preview.hasErrors()) {
        std::cerr << (*dutch ? "Niets geschreven.\n" : "Nothing written.\n");
        return kExitProblems;
    }
    if (dryRun) {
        std::cerr << (*dutch ? "Proefdraai: niets geschreven.\n" : "Dry run: nothing written.\n");
        return kExitOk;
    }
    if (Status s = applyImport(roster, preview); !s) return failWith(kExitProblems, errorText(s.error(), *dutch));

    if (args.has("--plain")) {
        encryption = Encryption{};
    } else if (args.has("--encrypt") && encryption.kind != Encryption::Kind::Passphrase) {
        Result<std::string> pass = readPassphrase("New passphrase for " + *args.value("--output"), true);
        if (!pass) return failWith(exitCodeFor(pass.error()), pass.error());
        encryption = Encryption{};
        encryption.kind = Encryption::Kind::Passphrase;
        encryption.passphrase = std::move(*pass);
    }
    encryption.workFactor = workFactor;
    RosterWriteOptions write;
    write.includeProgrammeKeys = encryption.kind != Encryption::Kind::None;
    if (!write.includeProgrammeKeys && !roster.signup.keys.empty())
        std::cerr << (*dutch ? "Let op: de aanmeldsleutels van het programma blijven buiten het onversleutelde bestand.\n"
                             : "Note: the programme's sign-up keys are left out of the unencrypted output.\n");
    Result<std::string> out = seal(writeRoster(roster, write), encryption);
    wipe(encryption.passphrase);
    if (!out) return failWith(kExitProblems, out.error());
    if (Status s = writeFile(*args.value("--output"), *out); !s) return failWith(kExitIo, s.error());
    if (households) {
        std::cerr << (*dutch ? "Huishoudens: toegevoegd " : "Households: added ") << preview.households.size()
                  << (*dutch ? ", bijgewerkt " : ", updated ") << preview.updatedHouseholds.size() << "\n";
    } else {
        std::cerr << (*dutch ? "Welkom Groepen: toegevoegd " : "Welcome groups: added ") << preview.groups.size()
                  << (*dutch ? "; groepsleden bijgewerkt " : "; group members updated ")
                  << preview.updatedMemberRows.size() << "\n";
    }
    std::cerr << (*dutch ? "Geschreven: " : "Wrote ") << *args.value("--output")
              << (encryption.kind == Encryption::Kind::None ? (*dutch ? " (onversleuteld)\n" : " (not encrypted)\n")
                                                            : (*dutch ? " (versleuteld)\n" : " (encrypted)\n"));
    return kExitOk;
}

}  // namespace welkom::cli
