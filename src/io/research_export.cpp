// Index:
//   [SECTION] Rows from a roster
//   [SECTION] k-anonymity: generalise, then suppress
//   [SECTION] Random ids and order
//   [SECTION] Writers
//   [SECTION] Reader
#include "io/research_export.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "core/check_ins.h"
#include "core/outcomes.h"
#include "core/rng.h"
#include "core/scoring.h"
#include "io/csv.h"
#include "io/json_dom.h"
#include "io/json_prescan.h"

namespace welkom {

namespace {

using ojson = nlohmann::ordered_json;

constexpr unsigned kResearchVersion = 1;  // the file format's "version"

// [SECTION] Rows from a roster -------------------------------------------------------------

std::string sizeBand(std::size_t n) {
    return n <= 1 ? "1" : n == 2 ? "2" : n <= 4 ? "3-4" : "5+";
}

std::string ageBand(int age) {
    return age < 30 ? "18-29" : age < 45 ? "30-44" : age < 65 ? "45-64" : "65+";
}

std::string groupBand(std::size_t n) {
    return n < 5 ? "<5" : n <= 6 ? "5-6" : n <= 9 ? "7-9" : "10+";
}

// Languages an adult of the household speaks at A2+ that at least
// kMinSpeakers group members speak at A2+ (the scorer's "usable" language).
int sharedLanguageCount(const Household& h, const WelcomeGroup& g) {
    std::map<std::string, int> speakers;
    for (const GroupMember& m : g.members) {
        for (const LanguageSkill& l : m.languages) {
            if (scoredLevel(l.level) >= LanguageLevel::A2) ++speakers[l.code];
        }
    }
    std::map<std::string, bool> shared;
    for (const HouseholdMember& m : h.members) {
        if (m.role != MemberRole::Adult) continue;
        for (const LanguageSkill& l : m.languages) {
            const auto it = speakers.find(l.code);
            if (scoredLevel(l.level) >= LanguageLevel::A2 && it != speakers.end() && it->second >= kMinSpeakers) shared[l.code] = true;
        }
    }
    return static_cast<int>(shared.size());
}

ResearchRow makeRow(const Match& m, const MatchOutcome& o, const Household& h, const WelcomeGroup& g) {
    ResearchRow r;
    for (const CriterionScore& s : m.scores) {
        Criterion c;
        // One decimal: four would tell matches apart (and link one match
        // across extracts); the learning needs no more.
        if (parseCriterion(s.criterion, c)) r.scores[static_cast<std::size_t>(c)] = std::round(s.score * 10.0) / 10.0;
    }
    r.householdSize = sizeBand(h.members.size());
    int age = 0;
    for (const HouseholdMember& mem : h.members) {
        if (mem.role == MemberRole::Adult) {
            age = mem.age;
            break;
        }
    }
    r.adultAge = ageBand(age);
    r.householdType = householdType(h);
    r.gender = householdGender(h);
    r.groupSize = groupBand(g.members.size());
    const int shared = sharedLanguageCount(h, g);
    r.sharedLanguages = shared >= 3 ? "3+" : std::to_string(shared);
    r.startPeriod = monthOf(o.startDate);
    r.status = m.status();
    r.monthsFollowed = o.monthsFollowed;
    r.endedEarly = o.endedEarly;
    r.endReason = o.endReason;
    r.checkIns = o.checkIns;
    r.householdSatisfaction = o.householdSatisfaction;
    r.groupSatisfaction = o.groupSatisfaction;
    r.meetingsPerMonth = o.meetingsPerMonth;
    r.newContacts = o.newContacts;
    r.dutchLevel = o.dutchLevel;
    r.workStatus = o.workStatus;
    return r;
}

// [SECTION] k-anonymity: generalise, then suppress ------------------------------------------

std::string quarterOf(const std::string& period) {
    if (period.size() != 7) return period;  // already coarser (or unknown)
    const int month = (period[5] - '0') * 10 + (period[6] - '0');
    return period.substr(0, 4) + "-Q" + std::to_string((month - 1) / 3 + 1);
}

void generalise(ResearchRow& r, int level) {
    switch (level) {
        case 1: r.startPeriod = quarterOf(r.startPeriod); break;
        case 2:
            r.startPeriod = r.startPeriod.substr(0, std::min<std::size_t>(4, r.startPeriod.size()));
            r.groupSize = "*";
            break;
        case 3:
            if (r.adultAge != "*") r.adultAge = (r.adultAge == "18-29" || r.adultAge == "30-44") ? "18-44" : "45+";
            if (r.householdSize != "*") r.householdSize = r.householdSize == "1" ? "1" : "2+";
            if (r.sharedLanguages != "*") r.sharedLanguages = (r.sharedLanguages == "0" || r.sharedLanguages == "1") ? "0-1" : "2+";
            break;
        case 4:
            r.householdType = "*";
            r.gender = "*";
            break;
        case 5: r.startPeriod = "*"; break;
        default: break;
    }
}

// The report's step for each level of generalise().
const char* const kStepCodes[] = {
    "",
    "research.step.month_to_quarter",
    "research.step.start_to_year",
    "research.step.bands_widened",
    "research.step.type_gender_removed",
    "research.step.year_removed",
};
constexpr int kLevels = 5;

std::vector<bool> rareRows(const std::vector<ResearchRow>& rows, int k) {
    std::unordered_map<std::string, int> counts;
    for (const ResearchRow& r : rows) ++counts[quasiIdentifierKey(r)];
    std::vector<bool> rare(rows.size(), false);
    for (std::size_t i = 0; i < rows.size(); ++i) rare[i] = counts[quasiIdentifierKey(rows[i])] < k;
    return rare;
}

// l-diversity (l = 2) per outcome column: in a class whose rows all share
// one known value of a column, anyone who knows a family's coarse attributes
// would learn that value (their match ended in conflict), so the column is
// left empty in that whole class. A class with at least two distinct known
// values, or none, keeps it. Returns the number of cells emptied.
int withholdUniformOutcomes(std::vector<ResearchRow>& rows) {
    std::unordered_map<std::string, std::vector<std::size_t>> classes;
    for (std::size_t i = 0; i < rows.size(); ++i) classes[quasiIdentifierKey(rows[i])].push_back(i);
    int withheld = 0;
    for (const auto& entry : classes) {
        const std::vector<std::size_t>& members = entry.second;
        for (int c = 0; c < kResearchOutcomeColumns; ++c) {
            const auto column = static_cast<ResearchOutcomeColumn>(c);
            std::string first;
            bool diverse = false, anyKnown = false;
            for (std::size_t i : members) {
                const std::string v = outcomeCell(rows[i], column);
                if (v.empty()) continue;
                if (!anyKnown) first = v;
                else if (v != first) diverse = true;
                anyKnown = true;
            }
            if (!anyKnown || diverse) continue;
            for (std::size_t i : members) {
                if (!outcomeCell(rows[i], column).empty()) ++withheld;
                rows[i].withheld |= 1u << c;
            }
        }
    }
    return withheld;
}

// [SECTION] Random ids and order ----------------------------------------------------------------

std::string hexId(std::uint64_t v) {
    static const char* kHex = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i, v >>= 4) s[static_cast<std::size_t>(i)] = kHex[v & 15];
    return s;
}

}  // namespace

std::string emptyScorePattern(const ResearchRow& r) {
    std::string pattern;
    for (const auto& score : r.scores) pattern.push_back(score ? '1' : '0');
    return pattern;
}

std::string quasiIdentifierKey(const ResearchRow& r) {
    return r.householdSize + '|' + r.adultAge + '|' + r.householdType + '|' + r.gender + '|' + r.groupSize + '|' +
           r.sharedLanguages + '|' + r.startPeriod + '|' + emptyScorePattern(r);
}

std::string outcomeCell(const ResearchRow& r, ResearchOutcomeColumn column) {
    const auto opt = [](const auto& v) { return v ? std::to_string(*v) : std::string(); };
    switch (column) {
        case ResearchOutcomeColumn::EndedEarly: return r.endedEarly ? "true" : "false";
        case ResearchOutcomeColumn::EndReason: return std::string(toString(r.endReason));
        case ResearchOutcomeColumn::MonthsFollowed: return opt(r.monthsFollowed);
        case ResearchOutcomeColumn::CheckIns: return std::to_string(r.checkIns);
        case ResearchOutcomeColumn::HouseholdSatisfaction: return opt(r.householdSatisfaction);
        case ResearchOutcomeColumn::GroupSatisfaction: return opt(r.groupSatisfaction);
        case ResearchOutcomeColumn::MeetingsPerMonth: return opt(r.meetingsPerMonth);
        case ResearchOutcomeColumn::NewContacts: return opt(r.newContacts);
        case ResearchOutcomeColumn::DutchLevel: return r.dutchLevel ? std::string(toString(*r.dutchLevel)) : "";
        case ResearchOutcomeColumn::WorkStatus:
            return r.workStatus == WorkStatus::Unknown ? "" : std::string(toString(r.workStatus));
    }
    return "";
}

Result<ResearchExport> buildResearchExport(const Roster& roster, const ResearchExportOptions& options) {
    if (!options.seed && sodium_init() < 0) return codedError("research.random");
    ResearchExport out;
    ResearchExportReport& rep = out.report;
    rep.k = std::max(kMinResearchK, options.k);
    rep.matches = static_cast<int>(roster.matches.size());
    std::unordered_map<std::string_view, const Household*> households;
    std::unordered_map<std::string_view, const WelcomeGroup*> groups;
    for (const Household& h : roster.households) households[h.id] = &h;
    for (const WelcomeGroup& g : roster.groups) groups[g.id] = &g;
    const std::vector<MatchOutcome> outcomes = matchOutcomes(roster);
    std::vector<ResearchRow> rows;
    for (std::size_t i = 0; i < roster.matches.size(); ++i) {
        const Match& m = roster.matches[i];
        if (!outcomes[i].started) {
            ++rep.notStarted;
            continue;
        }
        const auto h = households.find(m.householdId);
        const auto g = groups.find(m.groupId);
        if (h == households.end() || g == groups.end() || !h->second->consent.toResearch ||
            !g->second->consent.toResearch) {
            ++rep.withoutConsent;
            continue;
        }
        rows.push_back(makeRow(m, outcomes[i], *h->second, *g->second));
    }

    // Generalise until at most maxSuppressedShare of the rows are in rare combinations.
    const auto allowed = static_cast<std::size_t>(options.maxSuppressedShare * static_cast<double>(rows.size()));
    std::vector<bool> rare = rareRows(rows, rep.k);
    auto rareCount = [&] { return static_cast<std::size_t>(std::count(rare.begin(), rare.end(), true)); };
    while (rareCount() > allowed && rep.generalisationLevel < kLevels) {
        ++rep.generalisationLevel;
        for (ResearchRow& r : rows) generalise(r, rep.generalisationLevel);
        rep.steps.push_back(message(kStepCodes[rep.generalisationLevel]));
        rare = rareRows(rows, rep.k);
    }
    std::vector<ResearchRow> kept;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!rare[i]) kept.push_back(std::move(rows[i]));
    }
    rep.suppressed = static_cast<int>(rows.size() - kept.size());
    rep.withheldCells = withholdUniformOutcomes(kept);
    if (rep.suppressed > 0)
        rep.steps.push_back(message("research.step.suppressed", {Arg::integerOf(rep.suppressed), Arg::integerOf(rep.k)}));
    if (rep.withheldCells > 0) rep.steps.push_back(message("research.step.withheld", {Arg::integerOf(rep.withheldCells)}));
    if (rep.steps.empty()) rep.steps.push_back(message("research.step.nothing", {Arg::integerOf(rep.k)}));

    // Fresh ids and a random order, so neither ids nor position lead back to the roster.
    std::optional<Rng> rng;
    if (options.seed) rng.emplace(*options.seed);
    auto random64 = [&]() -> std::uint64_t {
        if (rng) return rng->next();
        std::uint64_t v = 0;
        randombytes_buf(&v, sizeof v);
        return v;
    };
    for (std::size_t i = kept.size(); i > 1; --i) {
        std::size_t j = 0;
        if (rng) j = static_cast<std::size_t>(rng->below(i));
        else j = randombytes_uniform(static_cast<std::uint32_t>(i));
        std::swap(kept[i - 1], kept[j]);
    }
    for (ResearchRow& r : kept) r.researchId = hexId(random64());
    rep.exported = static_cast<int>(kept.size());
    out.rows = std::move(kept);
    return out;
}

// [SECTION] Writers ---------------------------------------------------------------------------

namespace {

const std::vector<std::string>& columns() {
    static const std::vector<std::string> kColumns = [] {
        std::vector<std::string> c = {"research_id"};
        for (int i = 0; i < kCriterionCount; ++i) c.push_back("score_" + std::string(criterionName(static_cast<Criterion>(i))));
        for (const char* n : {"household_size", "adult_age", "household_type", "gender", "group_size",
                              "shared_languages", "start_period", "status", "months_followed", "ended_early",
                              "end_reason", "check_ins", "household_satisfaction", "group_satisfaction",
                              "meetings_per_month", "new_contacts", "dutch_level", "work_status"}) {
            c.emplace_back(n);
        }
        return c;
    }();
    return kColumns;
}

std::string scoreText(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::vector<std::string> cells(const ResearchRow& r) {
    std::vector<std::string> c = {r.researchId};
    for (const auto& s : r.scores) c.push_back(s ? scoreText(*s) : "");
    const auto outcome = [&r](ResearchOutcomeColumn column) {
        return r.withheld >> static_cast<int>(column) & 1u ? std::string() : outcomeCell(r, column);
    };
    c.insert(c.end(), {r.householdSize, r.adultAge, r.householdType, r.gender, r.groupSize, r.sharedLanguages,
                       r.startPeriod, std::string(toString(r.status)), outcome(ResearchOutcomeColumn::MonthsFollowed),
                       outcome(ResearchOutcomeColumn::EndedEarly), outcome(ResearchOutcomeColumn::EndReason),
                       outcome(ResearchOutcomeColumn::CheckIns), outcome(ResearchOutcomeColumn::HouseholdSatisfaction),
                       outcome(ResearchOutcomeColumn::GroupSatisfaction),
                       outcome(ResearchOutcomeColumn::MeetingsPerMonth), outcome(ResearchOutcomeColumn::NewContacts),
                       outcome(ResearchOutcomeColumn::DutchLevel), outcome(ResearchOutcomeColumn::WorkStatus)});
    return c;
}

}  // namespace

std::string writeResearchCsv(const ResearchExport& e) {
    std::vector<CsvRow> rows = {columns()};
    for (const ResearchRow& r : e.rows) rows.push_back(cells(r));
    CsvWriteOptions o;
    o.guardFormulas = false;  // codes and numbers only; "-" never starts a value
    return writeCsv(rows, o);
}

std::string writeResearchJson(const ResearchExport& e, const std::function<std::string(const Message&)>& english) {
    ojson j = ojson::object();
    j["format"] = "welkom-research";
    j["version"] = kResearchVersion;
    j["k"] = e.report.k;
    ojson steps = ojson::array();
    for (const Message& step : e.report.steps) steps.push_back(english(step));
    j["steps"] = std::move(steps);
    ojson rows = ojson::array();
    const std::vector<std::string>& cols = columns();
    for (const ResearchRow& r : e.rows) {
        const std::vector<std::string> c = cells(r);
        ojson o = ojson::object();
        for (std::size_t i = 0; i < cols.size(); ++i) {
            if (c[i].empty()) continue;
            const bool numeric = cols[i].rfind("score_", 0) == 0 || cols[i] == "months_followed" ||
                                 cols[i] == "check_ins" || cols[i] == "household_satisfaction" ||
                                 cols[i] == "group_satisfaction" || cols[i] == "meetings_per_month" ||
                                 cols[i] == "new_contacts";
            if (cols[i] == "ended_early") o[cols[i]] = c[i] == "true";
            else if (numeric) o[cols[i]] = ojson::parse(c[i], nullptr, false);
            else o[cols[i]] = c[i];
        }
        rows.push_back(std::move(o));
    }
    j["rows"] = std::move(rows);
    return j.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

// [SECTION] Reader ----------------------------------------------------------------------------

namespace {

// A file the reader refuses: "research.format" with what is wrong, research.detail.<detail>.
Error formatError(const char* detail, std::vector<Arg> detailArgs = {}) {
    return errorWithDetail("research.format", std::string("research.detail.") + detail, std::move(detailArgs));
}

// A bad value: research.detail.row with the row, the column and research.value.<value>.
Error rowError(std::size_t row, const std::string& column, const char* value, std::vector<Arg> valueArgs = {}) {
    return formatError("row", {Arg::integerOf(static_cast<long long>(row)), Arg::textOf(column),
                               Arg::coded(std::string("research.value.") + value, std::move(valueArgs))});
}

bool parseInt(const std::string& s, std::optional<int>& out) {
    if (s.empty()) {
        out.reset();
        return true;
    }
    int v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return false;
    out = v;
    return true;
}

bool parseScore(const std::string& s, std::optional<double>& out) {
    if (s.empty()) {
        out.reset();
        return true;
    }
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !(v >= 0.0 && v <= 1.0)) return false;
    out = v;
    return true;
}

// One row from column name -> text.
Result<ResearchRow> rowFrom(const std::map<std::string, std::string>& cell, std::size_t rowNumber) {
    ResearchRow r;
    auto get = [&](const std::string& c) {
        const auto it = cell.find(c);
        return it == cell.end() ? std::string() : it->second;
    };
    r.researchId = get("research_id");
    for (int i = 0; i < kCriterionCount; ++i) {
        const std::string col = "score_" + std::string(criterionName(static_cast<Criterion>(i)));
        if (!parseScore(get(col), r.scores[static_cast<std::size_t>(i)]))
            return rowError(rowNumber, col, "score");
    }
    r.householdSize = get("household_size");
    r.adultAge = get("adult_age");
    r.householdType = get("household_type");
    r.gender = get("gender");
    r.groupSize = get("group_size");
    r.sharedLanguages = get("shared_languages");
    r.startPeriod = get("start_period");
    if (!parseMatchStatus(get("status"), r.status) ||
        (r.status != MatchStatus::Introduced && r.status != MatchStatus::Active && r.status != MatchStatus::Ended))
        return rowError(rowNumber, "status", "status");
    const std::string early = get("ended_early");
    if (early != "true" && early != "false" && !early.empty())
        return rowError(rowNumber, "ended_early", "true_false");
    r.endedEarly = early == "true";
    const std::string reason = get("end_reason");
    if (!reason.empty() && !parseEndReason(reason, r.endReason)) return rowError(rowNumber, "end_reason", "unknown_code");
    std::optional<int> checkIns;
    if (!parseInt(get("check_ins"), checkIns)) return rowError(rowNumber, "check_ins", "whole_number");
    r.checkIns = checkIns.value_or(0);
    struct IntField {
        const char* column;
        std::optional<int>* out;
        int lo, hi;
    };
    for (const IntField& f : {IntField{"months_followed", &r.monthsFollowed, -1200, 1200},
                              IntField{"household_satisfaction", &r.householdSatisfaction, 1, 5},
                              IntField{"group_satisfaction", &r.groupSatisfaction, 1, 5},
                              IntField{"meetings_per_month", &r.meetingsPerMonth, 0, kMaxMeetingsPerMonth},
                              IntField{"new_contacts", &r.newContacts, 0, kMaxNewContacts}}) {
        if (!parseInt(get(f.column), *f.out) || (*f.out && (**f.out < f.lo || **f.out > f.hi)))
            return rowError(rowNumber, f.column, "number_range", {Arg::integerOf(f.lo), Arg::integerOf(f.hi)});
    }
    const std::string level = get("dutch_level");
    if (!level.empty()) {
        LanguageLevel l;
        if (!parseLanguageLevel(level, l)) return rowError(rowNumber, "dutch_level", "unknown_level");
        if (l != LanguageLevel::Unknown) r.dutchLevel = l;  // an unknown level is no level: as if empty
    }
    const std::string work = get("work_status");
    if (!work.empty() && !parseWorkStatus(work, r.workStatus)) return rowError(rowNumber, "work_status", "unknown_code");
    return r;
}

}  // namespace

namespace {

// Research files are flat: {"format", "version", "k", "steps": [...], "rows": [{...}]}.
const JsonLimits& researchLimits() {
    static const JsonLimits limits = [] {
        JsonLimits l;
        l.maxBytes = kMaxResearchBytes;
        l.maxDepth = kMaxResearchJsonDepth;
        l.maxObjectMembers = kMaxResearchColumns;
        l.maxListItems = kMaxResearchSteps;
        l.maxValues = (kMaxResearchRows + 1) * (kMaxResearchColumns + 1);
        l.kind = "research";
        l.counts = {{{"rows"}, kMaxResearchRows, "limit.research_rows"}};
        return l;
    }();
    return limits;
}


// Records in CSV bytes, at most: line feeds outside quotes, plus one.
std::size_t csvRecordsAtMost(std::string_view bytes) {
    std::size_t records = 1;
    bool quoted = false;
    for (char c : bytes) {
        if (c == '"') quoted = !quoted;
        else if (c == '\n' && !quoted) ++records;
    }
    return records;
}

Result<std::vector<ResearchRow>> readResearchJson(std::string_view bytes) {
    if (std::optional<Problem> p = prescanJson(bytes, researchLimits())) return problemError(*p);
    Result<JsonDoc> doc = JsonDoc::parse(bytes);
    if (!doc || !doc->root().isObject()) return formatError("unreadable_json");
    const JsonRef root = doc->root();
    JsonRef format = root, version = root, rows = root;
    if (!root.findMember("format", format) || !format.isString() || format.str() != "welkom-research")
        return formatError("not_research_file");
    if (!root.findMember("version", version) || version.type() != JsonType::Uint || version.asUint() != kResearchVersion)
        return codedError("research.version", {Arg::integerOf(kResearchVersion)});
    if (!root.findMember("rows", rows) || !rows.isArray()) return formatError("rows_not_list");
    std::vector<ResearchRow> out;
    out.reserve(rows.size());
    std::size_t n = 0;
    for (JsonRef row : rows) {
        ++n;
        if (!row.isObject()) return rowError(n, "row", "not_object");
        std::map<std::string, std::string> cell;
        for (JsonRef v : row) {
            const std::string key(v.key());
            switch (v.type()) {
                case JsonType::String: cell[key] = std::string(v.str()); break;
                case JsonType::Bool: cell[key] = v.boolean() ? "true" : "false"; break;
                case JsonType::Int:
                case JsonType::Uint: cell[key] = v.dump(); break;
                case JsonType::Float: cell[key] = scoreText(v.asDouble()); break;
                case JsonType::Null: break;
                default: return rowError(n, key, "unexpected");
            }
        }
        auto r = rowFrom(cell, n);
        if (!r) return r.error();
        out.push_back(std::move(*r));
    }
    return out;
}

}  // namespace

Result<std::vector<ResearchRow>> readResearchFile(std::string_view bytes) {
    std::size_t first = 0;
    while (first < bytes.size() && (bytes[first] == ' ' || bytes[first] == '\n' || bytes[first] == '\r' ||
                                    bytes[first] == '\t'))
        ++first;
    if (first < bytes.size() && bytes[first] == '{') return readResearchJson(bytes);
    // The CSV reader bounds fields and cells; rows are counted here first.
    const JsonLimits& limits = researchLimits();
    if (bytes.size() > limits.maxBytes) return problemError(fileTooLargeProblem(limits));
    if (csvRecordsAtMost(bytes) > kMaxResearchRows + 1) return problemError(countLimitProblem(limits.counts[0], ""));
    std::vector<ResearchRow> out;
    Result<CsvTable> table = readCsv(bytes);
    if (!table) return table.error();
    if (table->rows.empty()) return formatError("empty");
    const CsvRow& header = table->rows[0];
    if (std::find(header.begin(), header.end(), "research_id") == header.end() ||
        std::find(header.begin(), header.end(), "status") == header.end())
        return formatError("not_research_csv");
    for (std::size_t i = 1; i < table->rows.size(); ++i) {
        const CsvRow& row = table->rows[i];
        if (row.size() == 1 && row[0].empty()) continue;  // a blank line
        std::map<std::string, std::string> cell;
        for (std::size_t c = 0; c < header.size() && c < row.size(); ++c) cell[header[c]] = row[c];
        auto r = rowFrom(cell, i + 1);
        if (!r) return r.error();
        out.push_back(std::move(*r));
    }
    return out;
}

MatchOutcome researchOutcome(const ResearchRow& row) {
    MatchOutcome o;
    o.started = true;
    o.startDate = row.startPeriod;
    o.ended = row.status == MatchStatus::Ended;
    o.endedEarly = row.endedEarly;
    o.endReason = row.endReason;
    o.monthsFollowed = row.monthsFollowed;
    o.checkIns = row.checkIns;
    o.householdSatisfaction = row.householdSatisfaction;
    o.groupSatisfaction = row.groupSatisfaction;
    o.meetingsPerMonth = row.meetingsPerMonth;
    o.newContacts = row.newContacts;
    o.dutchLevel = row.dutchLevel;
    o.workStatus = row.workStatus;
    return o;
}

std::vector<LearningSample> researchSamples(const std::vector<ResearchRow>& rows, const SuccessDefinition& def) {
    std::vector<LearningSample> out;
    for (const ResearchRow& row : rows) {
        std::vector<CriterionScore> scores;
        for (int c = 0; c < kCriterionCount; ++c) {
            const auto& s = row.scores[static_cast<std::size_t>(c)];
            if (s) scores.push_back({std::string(criterionName(static_cast<Criterion>(c))), *s});
        }
        if (auto sample = learningSample(scores, researchOutcome(row), def)) out.push_back(*sample);
    }
    return out;
}

}  // namespace welkom
