// welkom programme-key / import-signups: the programme's sign-up keys, kept in
// the encrypted roster, and sign-up files encrypted to them (issue #14,
// docs/signup-format.md). Secret keys leave the roster only through
// `programme-key export`, never on the terminal or in a plain roster.
#include <sys/stat.h>

#include <ctime>
#include <iostream>

#include "app/text/messages.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/encrypted_files.h"
#include "cli/passphrase.h"
#include "io/programme_keys.h"
#include "io/signup.h"

namespace welkom::cli {

namespace {

const std::vector<OptionSpec> kKeySpecs = {
    {"--identity", "-i", true, "age identity file for the roster (repeatable); without it, a passphrase", true},
    {"--output", "-o", true, "create: roster to write; export: identity file to write"},
    {"--created", "", true, "create: the key's time, YYYY-MM-DDTHH:MM:SSZ (default: now, UTC)"},
    {"--work-factor", "", true, "scrypt work factor when writing a passphrase roster (default 18)"},
    kHelpOption,
};

const std::vector<OptionSpec> kImportSpecs = {
    {"--into", "", true, "encrypted roster to add to (its programme keys open sign-ups)"},
    {"--identity", "-i", true, "programme key file from `programme-key export` (repeatable)", true},
    {"--roster-identity", "", true, "age identity file for --into (repeatable); without it, a passphrase", true},
    {"--output", "-o", true, "roster file to write (may be the --into file)"},
    {"--dry-run", "-n", false, "only print the preview; write nothing"},
    {"--work-factor", "", true, "scrypt work factor when writing a passphrase roster (default 18)"},
    {"--lang", "", true, "language of the messages: en (default) or nl"},
    kHelpOption,
};

std::string nowUtc() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}


Result<int> workFactorOption(const Args& args) {
    if (auto wf = args.value("--work-factor")) return intOption("--work-factor", *wf, 1, kAgeMaxWorkFactor);
    return kAgeDefaultWorkFactor;
}

// Opens an encrypted roster; programme keys never go into a plain one.
std::optional<int> openEncryptedRoster(const std::string& path, const std::vector<std::string>& identities,
                                       LoadedRoster& loaded, Encryption& encryption) {
    std::vector<Problem> problems;
    Result<OpenedFile> file = openRoster(path, identities, loaded, problems);
    if (!file) {
        for (const Problem& p : problems)
            if (p.severity == Severity::Error) std::cerr << formatProblemText(p, false) << "\n";
        return failWith(exitCodeFor(file.error()), file.error());
    }
    wipe(file->plaintext);
    encryption = std::move(file->encryption);
    if (encryption.kind == Encryption::Kind::None) {
        wipe(encryption.passphrase);
        return failWith(kExitProblems, path + ": " + MessageTexts("en").text("signup.roster_not_encrypted"));
    }
    return std::nullopt;
}

int writeRosterFile(const Roster& roster, Encryption& encryption, const std::string& path) {
    RosterWriteOptions write;
    write.includeProgrammeKeys = true;  // openEncryptedRoster: the output is encrypted
    Result<std::string> out = seal(writeRoster(roster, write), encryption);
    wipe(encryption.passphrase);
    if (!out) return failWith(kExitProblems, out.error());
    if (Status s = writeFile(path, *out); !s) return failWith(kExitIo, s.error());
    return kExitOk;
}

void printKeys(const SignupSetup& setup) {
    for (std::size_t i = 0; i < setup.keys.size(); ++i) {
        Result<X25519Identity> id = X25519Identity::parse(setup.keys[i].identity);
        if (!id) continue;  // the reader checked every key
        std::cout << (i == 0 ? "current " : "old     ") << id->recipient().toString() << "  fingerprint "
                  << keyFingerprint(id->recipient()) << "  created " << setup.keys[i].created << "\n";
    }
}

}  // namespace

int runProgrammeKey(const std::vector<std::string>& argv) {
    const std::string usage = "welkom programme-key create|show|export ROSTER [-i IDENTITY]... [-o OUT]";
    Args args;
    if (auto stop = parseCommandLine(
            argv, kKeySpecs, usage,
            "The programme's sign-up key, kept inside the encrypted roster ROSTER.\n"
            "  create   makes a new key and writes the roster to OUT; an older key stays, so sign-ups\n"
            "           sent to it still open\n"
            "  show     prints each key's public key (age1...) and fingerprint, never the secret key\n"
            "  export   writes every key to OUT as an age-keygen identity file (for `age -d -i OUT`);\n"
            "           keep that file as secret as the roster's passphrase\n"
            "Exit status: 0 done, 1 roster not usable, 2 wrong command line, 3 I/O.",
            args))
        return *stop;
    if (args.positional().size() != 2) return failWith(kExitUsage, "give an action (create, show, export) and a roster");
    const std::string& action = args.positional()[0];
    const std::string& rosterPath = args.positional()[1];
    if (action != "create" && action != "show" && action != "export")
        return failWith(kExitUsage, "unknown action '" + action + "' (create, show or export)");
    if (action != "show" && !args.has("--output")) return failWith(kExitUsage, "say where to write with -o OUT");
    Result<int> workFactor = workFactorOption(args);
    if (!workFactor) return failWith(kExitUsage, workFactor.error());
    const MessageTexts texts("en");

    LoadedRoster loaded;
    Encryption encryption;
    if (auto stop = openEncryptedRoster(rosterPath, args.values("--identity"), loaded, encryption)) return *stop;
    Roster& roster = loaded.roster;

    if (action == "show") {
        wipe(encryption.passphrase);
        if (roster.signup.keys.empty()) return failWith(kExitProblems, texts.text("signup.no_key"));
        printKeys(roster.signup);
        return kExitOk;
    }
    if (action == "export") {
        wipe(encryption.passphrase);
        Result<std::string> text = identityFileText(roster.signup);
        if (!text) return failWith(kExitProblems, texts.error(text.error()));
        const std::string out = *args.value("--output");
        Status s = writeFile(out, *text);
        wipe(*text);
        if (!s) return failWith(kExitIo, s.error());
        chmod(out.c_str(), 0600);
        std::cerr << "Wrote " << out << ": " << roster.signup.keys.size()
                  << (roster.signup.keys.size() == 1 ? " key" : " keys") << " (secret: keep it like the passphrase)\n";
        return kExitOk;
    }
    Result<ProgrammeKey> key = createProgrammeKey(args.value("--created").value_or(nowUtc()));
    if (!key) {
        wipe(encryption.passphrase);
        return failWith(key.error().code == "signup.key_date" ? kExitUsage : kExitProblems, texts.error(key.error()));
    }
    makeCurrentKey(roster.signup, std::move(*key));
    encryption.workFactor = *workFactor;
    if (int code = writeRosterFile(roster, encryption, *args.value("--output")); code != kExitOk) return code;
    printKeys(roster.signup);
    return kExitOk;
}

int runImportSignups(const std::vector<std::string>& argv) {
    const std::string usage = "welkom import-signups --into ROSTER [-i PROGRAMME-KEY]... -o OUT [--dry-run] FILES...";
    Args args;
    if (auto stop = parseCommandLine(
            argv, kImportSpecs, usage,
            "Decrypts sign-up files (*.welkom-signup.age, see docs/signup-format.md) with the programme\n"
            "keys kept in ROSTER (current and old) and in -i files, prints what each adds and every\n"
            "problem, and writes OUT with all of them at once, or nothing: a file for another\n"
            "programme, a damaged file or a repeat of one imported before is refused by name, and\n"
            "then nothing is written.\n"
            "Exit status: 0 imported (or a clean dry run), 1 refused or problems, 2 wrong command line, 3 I/O.",
            args))
        return *stop;
    Result<bool> dutch = dutchFromArgs(args);
    if (!dutch) return failWith(kExitUsage, dutch.error());
    const MessageTexts texts(*dutch ? "nl" : "en");
    if (!args.has("--into")) return failWith(kExitUsage, "say which roster holds the programme key with --into ROSTER");
    if (args.positional().empty()) return failWith(kExitUsage, "give one or more sign-up files");
    const bool dryRun = args.has("--dry-run");
    if (!dryRun && !args.has("--output")) return failWith(kExitUsage, "say where to write with -o OUT (or use --dry-run)");
    Result<int> workFactor = workFactorOption(args);
    if (!workFactor) return failWith(kExitUsage, workFactor.error());

    std::vector<SignupFile> files;
    for (const std::string& path : args.positional()) {
        Result<std::string> bytes = readFile(path);
        if (!bytes) return failWith(kExitIo, bytes.error());
        files.push_back({path, std::move(*bytes)});
    }
    Result<std::vector<X25519Identity>> programmeKeys = readIdentityFiles(args.values("--identity"));
    if (!programmeKeys) return failWith(exitCodeFor(programmeKeys.error()), programmeKeys.error());
    LoadedRoster loaded;
    Encryption encryption;
    if (auto stop = openEncryptedRoster(*args.value("--into"), args.values("--roster-identity"), loaded, encryption))
        return *stop;

    const SignupImportPreview preview = previewSignupImport(loaded.roster, files, *programmeKeys);
    if (preview.refusal) {
        wipe(encryption.passphrase);
        return failWith(kExitProblems, texts.render(*preview.refusal));
    }
    for (const SignupFileOutcome& f : preview.files) {
        if (f.refusal) {
            std::cout << texts.render(*f.refusal) << "\n";
        } else {
            std::cout << f.name << ": "
                      << texts.text(f.form == SignupForm::Household ? "signup.adds_household"
                                    : f.newGroup                    ? "signup.adds_member_new_group"
                                                                    : "signup.adds_member",
                                    {f.recordId, f.groupId})
                      << "\n";
        }
        for (const std::string& id : f.probableDuplicates)
            std::cout << "  " << texts.text("signup.probable_duplicate", {f.name, id}) << "\n";
        for (const Problem& p : f.problems) std::cout << "  " << f.name << " " << formatProblemText(p, *dutch) << "\n";
    }
    for (const Problem& p : preview.problems) std::cout << "  " << formatProblemText(p, *dutch) << "\n";
    if (preview.hasErrors()) {
        wipe(encryption.passphrase);
        std::cerr << (*dutch ? "Niets geschreven.\n" : "Nothing written.\n");
        return kExitProblems;
    }
    if (dryRun) {
        wipe(encryption.passphrase);
        std::cerr << (*dutch ? "Proefdraai: niets geschreven.\n" : "Dry run: nothing written.\n");
        return kExitOk;
    }
    Roster roster = loaded.roster;
    if (Status s = applySignupImport(roster, preview); !s) {
        wipe(encryption.passphrase);
        return failWith(kExitProblems, texts.error(s.error()));
    }
    encryption.workFactor = *workFactor;
    if (int code = writeRosterFile(roster, encryption, *args.value("--output")); code != kExitOk) return code;
    std::cerr << (*dutch ? "Geschreven: " : "Wrote ") << *args.value("--output") << "\n";
    return kExitOk;
}

}  // namespace welkom::cli
