// welkom: the native command-line tool, on the same core as the web app.
// Each command is one entry in kCommands; `welkom COMMAND --help` explains it.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/commands.h"

namespace {

using welkom::cli::Args;

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const std::vector<std::string>& args);
};

// Every command, in the order `welkom --help` lists them.
const Command kCommands[] = {
    {"validate", "check a roster and list every problem", welkom::cli::runValidate},
    {"import-csv", "add households or group members from a spreadsheet", welkom::cli::runImportCsv},
    {"import-signups", "add households and group members from encrypted sign-up files", welkom::cli::runImportSignups},
    {"programme-key", "create, show or export the programme's sign-up key", welkom::cli::runProgrammeKey},
    {"export-csv", "write the matches as CSV for a mail merge", welkom::cli::runExportCsv},
    {"demo", "write a roster of fictitious people", welkom::cli::runDemo},
    {"encrypt", "encrypt a file with age (recipients or passphrase)", welkom::cli::runEncrypt},
    {"decrypt", "decrypt an age file", welkom::cli::runDecrypt},
    {"match", "propose a matching of households to welcome groups", welkom::cli::runMatch},
    {"scores", "write the household x group score matrix as CSV", welkom::cli::runScores},
    {"learn", "learn criterion weights from outcomes, with a back-test", welkom::cli::runLearn},
    {"export-research", "write an anonymised extract of matches and outcomes", welkom::cli::runExportResearch},
    {"version", "print the version", welkom::cli::runVersion},
};

void printUsage(std::ostream& out) {
    out << "usage: welkom COMMAND [options]   (welkom COMMAND --help for details)\n\ncommands:\n";
    for (const Command& c : kCommands) {
        std::string name = c.name;
        out << "  " << name << std::string(name.size() < 18 ? 18 - name.size() : 1, ' ') << c.summary << "\n";
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        printUsage(std::cerr);
        return welkom::cli::kExitUsage;
    }
    const std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        printUsage(std::cout);
        return welkom::cli::kExitOk;
    }
    if (name == "--version") return welkom::cli::runVersion({});
    for (const Command& c : kCommands) {
        if (name == c.name) return c.run(std::vector<std::string>(argv + 2, argv + argc));
    }
    welkom::cli::printError("unknown command '" + name + "'");
    printUsage(std::cerr);
    return welkom::cli::kExitUsage;
}
