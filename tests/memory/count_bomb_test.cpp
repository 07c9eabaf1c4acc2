// Record-count bombs: files under the byte limit whose lists hold millions of
// tiny elements (`[1,1,1,...]`, `[{},{},...]`). Each is refused by the
// pre-scan with its own code and the list's path, and the whole process (its
// own executable, so nothing else has grown the heap) never goes over
// kPeakBudget: natively the peak resident set, in wasm the heap, which only
// grows. Run natively and as wasm under Node by ctest.
#include <gtest/gtest.h>

#include <string>

#include "app/text/messages.h"
#include "io/research_export.h"
#include "io/roster_json.h"

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#else
#include <sys/resource.h>
#endif

#include "under_asan.h"

#ifdef WELKOM_UNDER_ASAN
// AddressSanitizer keeps freed blocks in a quarantine (256 MB by default),
// counted in the resident set: the test's own freed 64 MB bombs would fill it.
// A small quarantine keeps the peak about what the code itself holds (about
// 200 MB with ASan's shadow and red zones), so the budget is the same.
extern "C" const char* __asan_default_options() { return "quarantine_size_mb=8"; }
#endif

namespace welkom {
namespace {

constexpr std::size_t kPeakBudget = std::size_t{300} << 20;

std::size_t peakBytes() {
#ifdef __EMSCRIPTEN__
    return emscripten_get_heap_size();
#else
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<std::size_t>(usage.ru_maxrss) * 1024;  // Linux: kilobytes
#endif
}

// `prefix` + "e,e,e,...,e" + `suffix`, as large as fits in `bytes`.
std::string bomb(const std::string& prefix, const std::string& element, const std::string& suffix,
                 std::size_t bytes = kMaxRosterBytes - 1024) {
    std::string s;
    s.reserve(bytes);
    s += prefix;
    s += element;
    while (s.size() + element.size() + 1 + suffix.size() <= bytes) {
        s.push_back(',');
        s += element;
    }
    s += suffix;
    return s;
}

const std::string kRoster = "{\"format\":\"welkom-roster\",\"version\":1,";

void expectRefused(const std::string& bytes, const std::string& code, const std::string& path,
                   const std::string& words) {
    std::vector<Problem> problems;
    Result<LoadedRoster> r = loadRoster(bytes, &problems);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, code);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].path, path);
    EXPECT_LT(peakBytes(), kPeakBudget) << "peak memory after refusing " << code;
    // Worded (after measuring: the catalogue is not the refusal's cost) as the problem list says it.
    const std::string said = errorText(r.error(), false);
    EXPECT_NE(said.find(words), std::string::npos) << said;
    EXPECT_EQ(said, problemText(problems[0], false));
}

TEST(CountBomb, ThirtyMillionOnesAsHouseholds) {
    const std::string text = bomb(kRoster + "\"households\":[", "1", "]}");
    EXPECT_GT(text.size(), std::size_t{63} << 20);
    expectRefused(text, "limit.households", "/households", "more than 100,000 households");
    // In Dutch the thousands are grouped with a point.
    std::vector<Problem> problems;
    Result<LoadedRoster> again = loadRoster(text, &problems);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(errorText(again.error(), true),
              "Het bestand bevat meer dan 100.000 huishoudens; Welkom leest er hoogstens 100.000.");
}

TEST(CountBomb, EmptyObjectsAsGroups) {
    expectRefused(bomb(kRoster + "\"groups\":[", "{}", "]}"), "limit.groups", "/groups", "100,000 welcome groups");
}

TEST(CountBomb, MembersOfOneGroup) {
    expectRefused(bomb(kRoster + "\"groups\":[{},{\"members\":[", "{}", "]}]}"), "limit.group_members",
                  "/groups/1/members", "1,000 members in one group");
}

TEST(CountBomb, MembersOfOneHousehold) {
    expectRefused(bomb(kRoster + "\"households\":[{\"members\":[", "{}", "]}]}"), "limit.household_members",
                  "/households/0/members", "100 members in one household");
}

TEST(CountBomb, MatchesCheckInsConstraints) {
    expectRefused(bomb(kRoster + "\"matches\":[", "0", "]}"), "limit.matches", "/matches", "200,000 matches");
    expectRefused(bomb(kRoster + "\"checkIns\":[", "0", "]}"), "limit.check_ins", "/checkIns", "1,000,000 check-ins");
    expectRefused(bomb(kRoster + "\"constraints\":[", "0", "]}"), "limit.constraints", "/constraints",
                  "200,000 constraints");
}

TEST(CountBomb, AnEscapedNameIsTheSameList) {
    // "h\u006fuseholds" is "households" to the parser, so to the pre-scan too.
    expectRefused(bomb(kRoster + "\"h\\u006fuseholds\":[", "1", "]}"), "limit.households", "/households",
                  "100,000 households");
}

TEST(CountBomb, AnUnknownListOrManySmallOnes) {
    expectRefused(bomb(kRoster + "\"future\":[", "1", "]}"), "json.too_many_items", "", "more than 100,000 items");
    // Lists just under the list limit, side by side: the whole file's count.
    std::string many = kRoster + "\"x\":[";
    for (int list = 0; list < 90; ++list) many += bomb(list ? ",[" : "[", "1", "]", 2 * 99000);
    many += "]}";
    expectRefused(many, "json.too_many_values", "", "more than 8,000,000 values");
}

TEST(CountBomb, ExactlyAtALimitIsReadAndItsProblemsAreCapped) {
    // 100,000 households that are not objects: read (not refused by the
    // pre-scan), every one a type error, listed up to 1,000 and then counted.
    std::vector<Problem> problems;
    std::string text = kRoster + "\"households\":[1";
    for (std::size_t i = 1; i < kMaxHouseholds; ++i) text += ",1";
    text += "]}";
    Result<LoadedRoster> r = loadRoster(text, &problems);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "roster.invalid");
    ASSERT_EQ(problems.size(), kMaxProblemsListed + 1);
    EXPECT_EQ(problems[0].code, "json.type");
    EXPECT_EQ(problems.back().code, "problems.more");
    EXPECT_EQ(problems.back().severity, Severity::Error);
    // "... and 99000 more problems not listed" (worded by the app's catalogue).
    ASSERT_EQ(problems.back().args.size(), 1u);
    EXPECT_EQ(problems.back().args[0].integer, 99000);
    EXPECT_LT(peakBytes(), kPeakBudget);
}

// [SECTION] Research files from other municipalities

void expectResearchRefused(const std::string& bytes, const std::string& code, const std::string& words) {
    Result<std::vector<ResearchRow>> r = readResearchFile(bytes);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, code);
    EXPECT_LT(peakBytes(), kPeakBudget) << "peak memory after refusing " << code;
    const std::string said = errorText(r.error(), false);
    EXPECT_NE(said.find(words), std::string::npos) << said;
}

TEST(CountBomb, ResearchRows) {
    const std::string json = "{\"format\":\"welkom-research\",\"version\":1,";
    expectResearchRefused(bomb(json + "\"rows\":[", "{}", "]}"), "limit.research_rows", "more than 200,000 rows");
    expectResearchRefused(bomb(json + "\"steps\":[", "1", "]}"), "json.too_many_items", "research file");
    expectResearchRefused(json + "\"rows\":[[[[[[[[[[]]]]]]]]]]}", "json.too_deep", "8 levels");
    // CSV: 33 million line breaks, or ones as rows.
    expectResearchRefused("research_id,status" + std::string(kMaxRosterBytes - 1024, '\n'), "limit.research_rows",
                          "200,000 rows");
    std::string ones = "research_id,status\n";
    while (ones.size() < kMaxRosterBytes - 1024) ones += "1\n";
    expectResearchRefused(ones, "limit.research_rows", "200,000 rows");
    expectResearchRefused(std::string(kMaxResearchBytes + 1, ' '), "file.too_large", "64 MB");
}

}  // namespace
}  // namespace welkom
