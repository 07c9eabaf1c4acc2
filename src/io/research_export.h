// Anonymised research extracts: one row per started match with its
// proposal-time criterion scores, coarse attributes, outcomes and month-level
// dates; no names, contacts, free text, municipality or ids (each row gets a
// fresh random id, rows are shuffled). Before writing, a k-anonymity check
// (k >= 5 by default) on the quasi-identifiers generalises them step by step
// and suppresses what is still too rare, and says what it did. Other
// municipalities' extracts can be read back for the learning (learning.h).
//
// Usage:
//   ResearchExport e = buildResearchExport(roster);          // libsodium randomness
//   for (const Message& s : e.report.steps) log(texts.render(s));  // what was generalised / suppressed
//   std::string csv = writeResearchCsv(e);                  // or writeResearchJson(e, englishText)
//
//   Result<std::vector<ResearchRow>> rows = readResearchFile(bytes);   // CSV or JSON, detected
//   std::vector<LearningSample> more = researchSamples(*rows, def);
//
// Which matches: started ones (introduced, active or ended) whose household
// and group both consented to research (Consent::toResearch).
//
// Quasi-identifiers (what someone who knows a family could combine):
// household size band, the first adult's age band, household type, the
// adults' gender, group size band, number of shared languages and the start
// period. Generalisation steps, applied in this order until every
// combination occurs at least k times or at most maxSuppressedShare of the
// rows would have to go: (1) start month -> quarter, (2) start quarter ->
// year and group size -> "*", (3) age bands 18-44/45+, household size 1/2+,
// shared languages 0-1/2+, (4) household type and gender -> "*", (5) start
// year -> "*". Rows still in a combination rarer than k are then suppressed.
// Outcomes are not quasi-identifiers here: they are what the data is for,
// and are coarse (1..5 scales, codes, whole months). Cost: O(rows * steps).
//
// Format: CSV (RFC 4180, header row) and JSON
// {"format": "welkom-research", "version": 1, "k": 5, "steps": [...], "rows": [{...}]}
// with the same snake_case column names; empty cell / absent member = unknown.
// Documented in docs/research-export.md.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/learning.h"
#include "core/message.h"
#include "core/result.h"
#include "core/roster.h"

namespace welkom {

// The outcome columns checked for diversity (withholdUniformOutcomes): bit
// positions in ResearchRow::withheld.
enum class ResearchOutcomeColumn : std::uint8_t {
    EndedEarly, EndReason, MonthsFollowed, CheckIns, HouseholdSatisfaction, GroupSatisfaction, MeetingsPerMonth,
    NewContacts, DutchLevel, WorkStatus
};
constexpr int kResearchOutcomeColumns = 10;

// The smallest k the export accepts (CLI and app): smaller classes make a
// family too easy to single out.
constexpr int kMinResearchK = 5;

struct ResearchRow {
    std::string researchId;  // random, 16 hex digits
    std::array<std::optional<double>, kCriterionCount> scores;  // stored at proposal time
    // quasi-identifiers ("*" when generalised away)
    std::string householdSize;    // "1", "2", "3-4", "5+"  (generalised: "1", "2+")
    std::string adultAge;         // "18-29", "30-44", "45-64", "65+" (generalised: "18-44", "45+")
    std::string householdType;    // outcomes.h householdType()
    std::string gender;           // outcomes.h householdGender()
    std::string groupSize;        // "5-6", "7-9", "10+" (and "<5")
    std::string sharedLanguages;  // "0", "1", "2", "3+" (generalised: "0-1", "2+")
    std::string startPeriod;      // "YYYY-MM" (generalised: "YYYY-Qn", "YYYY")
    // outcomes
    MatchStatus status = MatchStatus::Active;  // introduced, active or ended
    std::optional<int> monthsFollowed;
    bool endedEarly = false;
    EndReason endReason = EndReason::None;
    int checkIns = 0;
    std::optional<int> householdSatisfaction, groupSatisfaction, meetingsPerMonth, newContacts;
    std::optional<LanguageLevel> dutchLevel;
    WorkStatus workStatus = WorkStatus::Unknown;
    // Outcome columns written empty (bit = ResearchOutcomeColumn): the row's
    // class had a single known value there. Read back, they are unknown (or
    // the column's default: false, none, 0).
    std::uint32_t withheld = 0;
};

struct ResearchExportOptions {
    int k = kMinResearchK;  // values below kMinResearchK count as kMinResearchK
    double maxSuppressedShare = 0.05;  // stop generalising once at most this share must be suppressed
    std::optional<std::uint64_t> seed;  // tests only: deterministic ids and order (else libsodium)
};

struct ResearchExportReport {
    int matches = 0;            // in the roster
    int notStarted = 0;         // never introduced: nothing to learn from
    int withoutConsent = 0;     // household or group did not consent to research
    int suppressed = 0;         // rows left out by the k-anonymity check
    int withheldCells = 0;      // outcome cells left empty by the diversity check
    int exported = 0;
    int k = 5;
    int generalisationLevel = 0;      // 0..5, the steps applied
    std::vector<Message> steps;       // what was done ("research.step.*")
};

struct ResearchExport {
    std::vector<ResearchRow> rows;
    ResearchExportReport report;
};

// Fails only when libsodium cannot be initialised ("research.random").
Result<ResearchExport> buildResearchExport(const Roster& roster, const ResearchExportOptions& options = {});

// The quasi-identifier combination of a row, for checks: the seven values
// and the empty-score pattern ("1101...", one digit per criterion) joined by '|'.
std::string emptyScorePattern(const ResearchRow& row);
// An outcome column's value as written ("" = unknown), ignoring `withheld`.
std::string outcomeCell(const ResearchRow& row, ResearchOutcomeColumn column);
std::string quasiIdentifierKey(const ResearchRow& row);

std::string writeResearchCsv(const ResearchExport& e);
// The file's "steps" are the report's steps in English, worded by `english`
// (the app's catalogue: englishText in app/text/messages.h).
std::string writeResearchJson(const ResearchExport& e, const std::function<std::string(const Message&)>& english);

// Limits on research files, checked before anything is built (JSON: the
// pre-scan of json_prescan.h; CSV: bytes and records counted first, then the
// CSV reader's own field and cell limits). Documented in docs/research-export.md.
constexpr std::size_t kMaxResearchBytes = std::size_t{64} * 1024 * 1024;
constexpr std::size_t kMaxResearchRows = 200000;
constexpr std::size_t kMaxResearchColumns = 64;   // members of one row object
constexpr std::size_t kMaxResearchSteps = 1000;   // any other list ("steps")
constexpr int kMaxResearchJsonDepth = 8;

// CSV (header row as written) or JSON, detected from the first non-space
// byte. Refused with the pre-scan's codes ("file.too_large", "json.too_deep",
// "limit.research_rows", ...). Unknown columns are ignored (newer versions
// may add some). Otherwise "research.version", or "research.format" with what
// is wrong as a "research.detail.*" message; a bad value is research.detail.row
// (row number, column, a "research.value.*" message).
Result<std::vector<ResearchRow>> readResearchFile(std::string_view bytes);

// The row as an outcome (for successLabel) and as a learning sample.
MatchOutcome researchOutcome(const ResearchRow& row);
std::vector<LearningSample> researchSamples(const std::vector<ResearchRow>& rows, const SuccessDefinition& def);

}  // namespace welkom
