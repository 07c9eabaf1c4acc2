// Fuzz target: research files from other municipalities (io/research_export.h,
// readResearchFile: CSV or JSON, with the pre-scan of io/json_prescan.h).
//
// Invariants beyond "no crash, leak or sanitizer report":
// - a refusal has a code and a message in both languages' slot (English at least);
// - what reads, written back as CSV and as JSON, reads again to as many rows,
//   and writing those gives the same bytes (one write normalises, e.g. scores
//   to one decimal; a second changes nothing);
// - the learning can use whatever was read.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "fuzz_words.h"
#include "io/research_export.h"

using namespace welkom;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    Result<std::vector<ResearchRow>> rows = readResearchFile(bytes);
    if (!rows) {
        FUZZ_CHECK(isWorded(rows.error()), "errors need a code and words");
        return 0;
    }
    (void)researchSamples(*rows, SuccessDefinition{});

    ResearchExport once;
    once.rows = std::move(*rows);
    for (const bool json : {false, true}) {
        const std::string first = json ? writeResearchJson(once, englishText) : writeResearchCsv(once);
        Result<std::vector<ResearchRow>> again = readResearchFile(first);
        FUZZ_CHECK(again.ok(), "a research file we wrote must read again");
        FUZZ_CHECK(again->size() == once.rows.size(), "rows lost or gained by writing and reading");
        ResearchExport twice;
        twice.rows = std::move(*again);
        const std::string second = json ? writeResearchJson(twice, englishText) : writeResearchCsv(twice);
        FUZZ_CHECK(second == first, "writing what we read back must give the same bytes");
    }
    return 0;
}
