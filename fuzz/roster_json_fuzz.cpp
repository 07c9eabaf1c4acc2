// Fuzz target: roster JSON parsing and validation (io/roster_json.h, io/json_dom.h).
//
// Invariants beyond "no crash, leak or sanitizer report":
// - readRoster and loadRoster agree: a load succeeds exactly when the report
//   has no failure and no error-level problem;
// - a loaded roster validates without errors;
// - what loads, saves and loads again to the same roster, and saving that
//   gives the same bytes (nothing is lost or changed by a save).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/validation.h"
#include "fuzz_check.h"
#include "fuzz_words.h"
#include "io/json_dom.h"
#include "io/roster_json.h"

using namespace welkom;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    // The tree parser alone, on any bytes (deep input included: it is iterative).
    (void)JsonDoc::parse(bytes);

    const RosterReadReport report = readRoster(bytes);
    Result<LoadedRoster> loaded = loadRoster(bytes);
    const bool reportSaysOk = !report.failure && !hasErrors(report.problems);
    FUZZ_CHECK(loaded.ok() == reportSaysOk, "readRoster and loadRoster disagree");
    if (!loaded) {
        FUZZ_CHECK(isWorded(loaded.error()), "errors need a code and words");
        return 0;
    }
    FUZZ_CHECK(!hasErrors(validateRoster(loaded->roster)), "a loaded roster must validate");

    const std::string saved = writeRoster(loaded->roster);
    Result<LoadedRoster> reloaded = loadRoster(saved);
    FUZZ_CHECK(reloaded.ok(), "a roster we wrote must load again");
    FUZZ_CHECK(reloaded->roster == loaded->roster, "save then load must give the same roster");
    FUZZ_CHECK(writeRoster(reloaded->roster) == saved, "saving twice must give the same bytes");
    return 0;
}
