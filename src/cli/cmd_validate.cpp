// welkom validate FILE: every problem of a roster, one per line.
#include <iostream>

#include "app/text/messages.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/encrypted_files.h"
#include "cli/passphrase.h"

namespace welkom::cli {

namespace {

const std::vector<OptionSpec> kSpecs = {
    {"--lang", "", true, "language of the messages: en (default) or nl"},
    {"--identity", "-i", true, "age identity file to decrypt with (repeatable); else a passphrase", true},
    kHelpOption,
};

}  // namespace

Result<bool> dutchFromArgs(const Args& args) {
    const std::string lang = args.value("--lang").value_or("en");
    if (lang != "en" && lang != "nl") return codedError("cli.bad_lang", {Arg::textOf(lang)});
    return lang == "nl";
}

int runValidate(const std::vector<std::string>& argv) {
    const std::string usage = "welkom validate [--lang en|nl] [-i IDENTITY]... FILE";
    Args args;
    if (auto stop = parseCommandLine(argv, kSpecs, usage,
                                     "Checks a roster (plain JSON or age-encrypted) and prints every problem as\n"
                                     "\"path: message\", errors first, on stdout; a summary goes to stderr.\n"
                                     "An encrypted file is opened with -i identity files, or with the passphrase in\n"
                                     "WELKOM_PASSPHRASE, or one typed at the prompt.\n"
                                     "Exit status: 0 valid (warnings allowed), 1 errors or not readable as a roster,\n"
                                     "2 wrong command line, 3 file not readable.",
                                     args))
        return *stop;
    Result<bool> dutch = dutchFromArgs(args);
    if (!dutch) return failWith(kExitUsage, dutch.error());
    if (args.positional().size() != 1) return failWith(kExitUsage, "validate needs exactly one FILE");
    const std::string& path = args.positional()[0];

    Result<OpenedFile> file = openFile(path, args.values("--identity"));
    if (!file) {
        printError(errorText(file.error(), *dutch));
        return exitCodeFor(file.error());
    }
    const RosterReadReport report = readRoster(file->plaintext);
    wipe(file->plaintext);
    wipe(file->encryption.passphrase);
    if (report.failure) {
        const Error& e = *report.failure;
        printError(path + ": " + errorText(e, *dutch));
        return kExitProblems;
    }
    for (Severity s : {Severity::Error, Severity::Warning}) {
        for (const Problem& p : report.problems)
            if (p.severity == s) std::cout << formatProblemText(p, *dutch) << "\n";
    }
    const std::size_t errors = countSeverity(report.problems, Severity::Error);
    const std::size_t warnings = countSeverity(report.problems, Severity::Warning);
    std::cerr << path << ": " << errors << (*dutch ? " fouten, " : " errors, ") << warnings
              << (*dutch ? " waarschuwingen\n" : " warnings\n");
    return errors > 0 ? kExitProblems : kExitOk;
}

}  // namespace welkom::cli
