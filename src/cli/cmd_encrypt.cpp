// welkom encrypt / decrypt: age files, compatible with the age CLI.
#include <iostream>

#include "app/text/messages.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/encrypted_files.h"
#include "cli/passphrase.h"

namespace welkom::cli {

namespace {

const std::vector<OptionSpec> kEncryptSpecs = {
    {"--recipient", "-r", true, "encrypt to this age1... public key (repeatable)", true},
    {"--recipients-file", "-R", true, "encrypt to every recipient in this file (repeatable)", true},
    {"--passphrase", "-p", false, "encrypt with a passphrase (WELKOM_PASSPHRASE or prompt)"},
    {"--armor", "-a", false, "write PEM text instead of binary"},
    {"--output", "-o", true, "file to write"},
    {"--work-factor", "", true, "scrypt work factor for -p (default 18)"},
    kHelpOption,
};

const std::vector<OptionSpec> kDecryptSpecs = {
    {"--identity", "-i", true, "age identity file (repeatable); without it, a passphrase", true},
    {"--output", "-o", true, "file to write"},
    kHelpOption,
};

}  // namespace

int runEncrypt(const std::vector<std::string>& argv) {
    const std::string usage = "welkom encrypt [-r age1...]... [-R FILE]... [-p] [-a] -o OUT IN";
    Args args;
    if (auto stop = parseCommandLine(argv, kEncryptSpecs, usage,
                                     "Encrypts IN as an age file (readable by `age -d`), to recipients or with a\n"
                                     "passphrase (not both: age allows a passphrase only on its own).\n"
                                     "Exit status: 0 written, 1 encryption failed, 2 wrong command line, 3 I/O.",
                                     args))
        return *stop;
    if (args.positional().size() != 1) return failWith(kExitUsage, "encrypt needs exactly one input file");
    if (!args.has("--output")) return failWith(kExitUsage, "say where to write with -o OUT");
    const bool passphrase = args.has("--passphrase");
    const bool recipients = args.has("--recipient") || args.has("--recipients-file");
    if (passphrase == recipients) return failWith(kExitUsage, "give -r/-R recipients or -p, not both and not neither");

    Encryption how;
    how.armor = args.has("--armor");
    if (auto wf = args.value("--work-factor")) {
        Result<int> v = intOption("--work-factor", *wf, 1, kAgeMaxWorkFactor);
        if (!v) return failWith(kExitUsage, v.error());
        how.workFactor = *v;
    }
    if (recipients) {
        how.kind = Encryption::Kind::Recipients;
        for (const std::string& text : args.values("--recipient")) {
            Result<X25519Recipient> r = X25519Recipient::parse(text);
            if (!r) return failWith(kExitUsage, "-r " + text + ": " + errorText(r.error(), false));
            how.recipients.push_back(*r);
        }
        for (const std::string& path : args.values("--recipients-file")) {
            Result<std::string> text = readFile(path);
            if (!text) return failWith(kExitIo, text.error());
            auto rs = parseAgeRecipientsFile(*text);
            if (!rs) return failWith(kExitProblems, path + ": " + errorText(rs.error(), false));
            how.recipients.insert(how.recipients.end(), rs->begin(), rs->end());
        }
    }
    Result<std::string> input = readFile(args.positional()[0]);
    if (!input) return failWith(kExitIo, input.error());
    if (passphrase) {
        how.kind = Encryption::Kind::Passphrase;
        Result<std::string> pass = readPassphrase("New passphrase for " + *args.value("--output"), true);
        if (!pass) return failWith(exitCodeFor(pass.error()), pass.error());
        how.passphrase = std::move(*pass);
    }
    Result<std::string> out = seal(*input, how);
    wipe(*input);
    wipe(how.passphrase);
    if (!out) return failWith(kExitProblems, out.error());
    if (Status s = writeFile(*args.value("--output"), *out); !s) return failWith(kExitIo, s.error());
    return kExitOk;
}

int runDecrypt(const std::vector<std::string>& argv) {
    const std::string usage = "welkom decrypt [-i IDENTITY]... -o OUT IN";
    Args args;
    if (auto stop = parseCommandLine(argv, kDecryptSpecs, usage,
                                     "Decrypts an age file (binary or armored) with identity files, or with the\n"
                                     "passphrase in WELKOM_PASSPHRASE or typed at the prompt. Nothing is written\n"
                                     "unless the whole file decrypts and verifies.\n"
                                     "Exit status: 0 written, 1 not decryptable, 2 wrong command line, 3 I/O.",
                                     args))
        return *stop;
    if (args.positional().size() != 1) return failWith(kExitUsage, "decrypt needs exactly one input file");
    if (!args.has("--output")) return failWith(kExitUsage, "say where to write with -o OUT");
    const std::string& path = args.positional()[0];
    Result<std::string> bytes = readFile(path);
    if (!bytes) return failWith(kExitIo, bytes.error());
    if (!ageLooksArmored(AgeBytes(bytes->begin(), bytes->end())) && bytes->rfind("age-encryption.org/", 0) != 0)
        return failWith(kExitProblems, path + ": not an age-encrypted file");
    Result<OpenedFile> file = openFile(path, args.values("--identity"));
    if (!file) return failWith(exitCodeFor(file.error()), file.error());
    wipe(file->encryption.passphrase);
    Status s = writeFile(*args.value("--output"), file->plaintext);
    wipe(file->plaintext);
    if (!s) return failWith(kExitIo, s.error());
    return kExitOk;
}

}  // namespace welkom::cli
