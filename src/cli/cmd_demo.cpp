// welkom demo: a fictitious roster for information evenings and try-outs.
#include <charconv>
#include <iostream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/encrypted_files.h"
#include "cli/passphrase.h"
#include "core/demo_roster.h"

namespace welkom::cli {

namespace {

const std::vector<OptionSpec> kSpecs = {
    {"--households", "", true, "number of households (default 40, at most 50000)"},
    {"--groups", "", true, "number of welcome groups (default 30, at most 50000)"},
    {"--municipalities", "", true, "number of municipalities (default 4, at most 40)"},
    {"--seed", "", true, "seed: the same seed gives the same roster (default 1)"},
    {"--output", "-o", true, "roster file to write"},
    {"--encrypt", "", false, "encrypt with a passphrase (WELKOM_PASSPHRASE or prompt)"},
    {"--work-factor", "", true, "scrypt work factor (default 18)"},
    {"--pretty", "", false, "indent the JSON"},
    kHelpOption,
};

}  // namespace

int runDemo(const std::vector<std::string>& argv) {
    const std::string usage =
        "welkom demo [--households N] [--groups M] [--municipalities K] [--seed S] -o FILE [--encrypt]";
    Args args;
    if (auto stop = parseCommandLine(argv, kSpecs, usage,
                                     "Writes a roster of fictitious households and welcome groups (marked as a demo).\n"
                                     "Exit status: 0 written, 2 wrong command line, 3 file not writable.",
                                     args))
        return *stop;
    if (!args.positional().empty()) return failWith(kExitUsage, "unexpected argument '" + args.positional()[0] + "'");
    if (!args.has("--output")) return failWith(kExitUsage, "say where to write with -o FILE");
    DemoRosterOptions options;
    struct IntOpt {
        const char* name;
        int* target;
        int hi;
    };
    for (const IntOpt& o : {IntOpt{"--households", &options.households, 50000}, IntOpt{"--groups", &options.groups, 50000},
                            IntOpt{"--municipalities", &options.municipalities, 40}}) {
        if (auto text = args.value(o.name)) {
            Result<int> v = intOption(o.name, *text, o.name == std::string("--municipalities") ? 1 : 0, o.hi);
            if (!v) return failWith(kExitUsage, v.error());
            *o.target = *v;
        }
    }
    if (auto seed = args.value("--seed")) {
        const char* end = seed->data() + seed->size();
        auto [p, ec] = std::from_chars(seed->data(), end, options.seed);
        if (seed->empty() || ec != std::errc() || p != end)
            return failWith(kExitUsage, "--seed needs a whole number from 0 to 2^64-1, not '" + *seed + "'");
    }
    Encryption encryption;
    if (args.has("--encrypt")) {
        encryption.kind = Encryption::Kind::Passphrase;
        if (auto wf = args.value("--work-factor")) {
            Result<int> v = intOption("--work-factor", *wf, 1, kAgeMaxWorkFactor);
            if (!v) return failWith(kExitUsage, v.error());
            encryption.workFactor = *v;
        }
        Result<std::string> pass = readPassphrase("New passphrase for " + *args.value("--output"), true);
        if (!pass) return failWith(exitCodeFor(pass.error()), pass.error());
        encryption.passphrase = std::move(*pass);
    }
    RosterWriteOptions write;
    write.pretty = args.has("--pretty");
    Result<std::string> out = seal(writeRoster(generateDemoRoster(options), write), encryption);
    wipe(encryption.passphrase);
    if (!out) return failWith(kExitProblems, out.error());
    if (Status s = writeFile(*args.value("--output"), *out); !s) return failWith(kExitIo, s.error());
    std::cerr << "Wrote a demo roster with " << options.households << " households and " << options.groups
              << " groups to " << *args.value("--output") << "\n";
    return kExitOk;
}

}  // namespace welkom::cli
