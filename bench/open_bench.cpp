// Benchmark of opening an encrypted roster (a program, not a test): age
// decryption, then parse + map + validate, the way the app opens a file the
// browser handed it as bytes. The same source runs natively and under Node as
// wasm; bench/run_open_bench.sh runs both next to `age -d` on the same files.
//
//   open_bench <file.age> [reps] [-i IDENTITY_FILE] [--passphrase-file FILE]
//
// Key: -i (an age-keygen identity file) for X25519 files; for passphrase files
// WELKOM_PASSPHRASE, or the first line of --passphrase-file. Never a passphrase
// as an argument: arguments show up in `ps` (the CLI's rule too). Under Node the
// environment variable is read from process.env (Emscripten's getenv does not
// see it).
//
// Reading the file is not timed (the browser hands us bytes). Each phase is
// timed `reps` times (default 5) and the best is printed, one line per phase:
//   "open decrypt <seconds>"   ageDecrypt (header, scrypt or X25519, payload)
//   "open load <seconds>"      loadRoster: parse + map + validate
//   "open total <seconds>"     both, back to back in one timing
//   "open info <file bytes> <plaintext bytes> <households> <groups> <fnv1a of plaintext>"
// so a runner can check native and wasm decrypted and read the same thing.
#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include "io/age.h"
#include "io/roster_json.h"

namespace {

using namespace welkom;

#ifdef __EMSCRIPTEN__
// Returns a malloc'ed copy of process.env.WELKOM_PASSPHRASE, or null.
// clang-format off
EM_JS(char*, nodePassphraseEnv, (), {
    if (typeof process === 'undefined' || !process.env.WELKOM_PASSPHRASE) return 0;
    return allocateUTF8(process.env.WELKOM_PASSPHRASE);
});
// clang-format on
#endif

bool readFile(const std::string& path, std::string& out) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    char buf[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) out.append(buf, n);
    const bool ok = !std::ferror(f);
    std::fclose(f);
    return ok;
}

std::string envPassphrase() {
#ifdef __EMSCRIPTEN__
    char* p = nodePassphraseEnv();
    std::string s = p ? p : "";
    std::free(p);
    return s;
#else
    const char* p = std::getenv("WELKOM_PASSPHRASE");
    return p ? p : "";
#endif
}

std::uint64_t fnv1a(const std::uint8_t* data, std::size_t size) {
    std::uint64_t h = 1469598103934665603ULL;
    for (std::size_t i = 0; i < size; ++i) h = (h ^ data[i]) * 1099511628211ULL;
    return h;
}

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

int fail(const std::string& what) {
    std::fprintf(stderr, "open_bench: %s\n", what.c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::string path, identityPath, passphrasePath;
    int reps = 5;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if ((a == "-i" || a == "--identity") && i + 1 < argc) {
            identityPath = argv[++i];
        } else if (a == "--passphrase-file" && i + 1 < argc) {
            passphrasePath = argv[++i];
        } else if (path.empty()) {
            path = a;
        } else {
            reps = std::atoi(a.c_str());
        }
    }
    if (path.empty() || reps < 1) {
        std::fprintf(stderr, "usage: open_bench <file.age> [reps] [-i IDENTITY_FILE] [--passphrase-file FILE]\n");
        return 2;
    }

    AgeDecryptOptions options;
    if (!identityPath.empty()) {
        std::string text;
        if (!readFile(identityPath, text)) return fail("cannot read " + identityPath);
        auto ids = parseAgeIdentityFile(text);
        if (!ids) return fail(ids.error().message);
        options.identities = std::move(*ids);
    }
    std::string passphrase = envPassphrase();
    if (!passphrasePath.empty()) {
        if (!readFile(passphrasePath, passphrase)) return fail("cannot read " + passphrasePath);
        passphrase = passphrase.substr(0, passphrase.find_first_of("\r\n"));
    }
    if (!passphrase.empty()) options.passphrases.push_back(passphrase);
    if (options.identities.empty() && options.passphrases.empty())
        return fail("no key: give -i IDENTITY_FILE, WELKOM_PASSPHRASE or --passphrase-file");

    std::string fileText;
    if (!readFile(path, fileText)) return fail("cannot read " + path);
    const AgeBytes file(fileText.begin(), fileText.end());

    double bestDecrypt = 1e300, bestLoad = 1e300, bestTotal = 1e300;
    std::size_t plainSize = 0, households = 0, groups = 0;
    std::uint64_t plainHash = 0;
    for (int k = 0; k < reps; ++k) {
        // Separate timings per phase, then the two back to back (what a user waits for).
        auto t0 = std::chrono::steady_clock::now();
        Result<AgeBytes> plain = ageDecrypt(file, options);
        double s = secondsSince(t0);
        if (!plain) return fail(plain.error().code + ": " + plain.error().message);
        bestDecrypt = s < bestDecrypt ? s : bestDecrypt;
        const std::string_view text(reinterpret_cast<const char*>(plain->data()), plain->size());

        t0 = std::chrono::steady_clock::now();
        Result<LoadedRoster> loaded = loadRoster(text);
        s = secondsSince(t0);
        if (!loaded) return fail(loaded.error().code + ": " + loaded.error().message);
        bestLoad = s < bestLoad ? s : bestLoad;
        plainSize = plain->size();
        plainHash = fnv1a(plain->data(), plain->size());
        households = loaded->roster.households.size();
        groups = loaded->roster.groups.size();

        t0 = std::chrono::steady_clock::now();
        Result<AgeBytes> plain2 = ageDecrypt(file, options);
        bool ok = plain2.ok();
        if (ok) {
            Result<LoadedRoster> loaded2 =
                loadRoster(std::string_view(reinterpret_cast<const char*>(plain2->data()), plain2->size()));
            ok = loaded2.ok() && loaded2->roster.households.size() == households;
        }
        s = secondsSince(t0);
        if (!ok) return fail("second open failed");
        bestTotal = s < bestTotal ? s : bestTotal;
    }
    std::printf("open decrypt %.6f\n", bestDecrypt);
    std::printf("open load %.6f\n", bestLoad);
    std::printf("open total %.6f\n", bestTotal);
    std::printf("open info %zu %zu %zu %zu %016" PRIx64 "\n", file.size(), plainSize, households, groups, plainHash);
    return 0;
}
