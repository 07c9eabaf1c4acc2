// Index:
//   [SECTION] Problems and JSON Pointer paths
//   [SECTION] Pre-scan (size, depth, object size) and syntax errors
//   [SECTION] Reader: JSON -> core, collecting every type problem
//   [SECTION] Writer: core -> JSON
//   [SECTION] readRoster / loadRoster
#include "io/roster_json.h"
#include "io/team_keys.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <utility>

#include <nlohmann/json.hpp>

#include "io/json_dom.h"
#include "io/json_prescan.h"
#include "io/programme_keys.h"
#include "io/roster_migrations.h"

namespace welkom {

namespace {

using ojson = nlohmann::ordered_json;

// [SECTION] Problems and JSON Pointer paths ---------------------------------------

// A problem of the whole file: its code and the arguments {1}, {2}...
Problem fileProblem(std::string code, std::vector<Arg> args = {}) {
    return Problem{"", Severity::Error, std::move(code), std::move(args)};
}

// A reader's Error as the problem of the whole file: its code with the
// arguments problemError gave it (less {0}, the path's last step).
Problem fileProblemOf(const Error& e) {
    Problem p = fileProblem(e.code);
    if (!e.args.empty()) p.args.assign(e.args.begin() + 1, e.args.end());
    return p;
}

// RFC 6901: '~' -> "~0", '/' -> "~1".
void appendPointerToken(std::string& path, std::string_view token) {
    path.push_back('/');
    for (char c : token) {
        if (c == '~') path += "~0";
        else if (c == '/') path += "~1";
        else path.push_back(c);
    }
}

// [SECTION] Pre-scan (size, depth, object size) and syntax errors -------------------

// The roster's limits for the pre-scan (json_prescan.h): bytes, depth,
// object size and record counts, refused before anything is built.
const JsonLimits& rosterLimits() {
    static const JsonLimits limits = [] {
        JsonLimits l;
        l.maxBytes = kMaxRosterBytes;
        l.maxDepth = kMaxJsonDepth;
        l.maxObjectMembers = kMaxObjectMembers;
        l.maxListItems = kMaxRosterListItems;
        l.maxValues = kMaxRosterValues;
        l.kind = "roster";
        l.counts = {
            {{"households"}, kMaxHouseholds, "limit.households"},
            {{"groups"}, kMaxGroups, "limit.groups"},
            {{"groups", "*", "members"}, kMaxMembersPerGroup, "limit.group_members"},
            {{"households", "*", "members"}, kMaxMembersPerHousehold, "limit.household_members"},
            {{"matches"}, kMaxMatches, "limit.matches"},
            {{"checkIns"}, kMaxCheckIns, "limit.check_ins"},
            {{"constraints"}, kMaxConstraints, "limit.constraints"},
            {{"team", "keys"}, kMaxTeamKeys, "limit.team_keys"},
        };
        return l;
    }();
    return limits;
}

// Repeated member names. RFC 8259 leaves their meaning open (parsers keep the
// first, the last or both), so a roster with one is ambiguous: two
// "households" arrays would silently drop one. Welkom never writes them, so
// each is an error at <object>/<name>. Recursion is bounded by kMaxJsonDepth
// (the pre-scan ran first); objects hold at most kMaxObjectMembers members.

// The names repeated in object `v`, each once, sorted. Rosters' objects are
// small (a household has ~15 members), so most take the allocation-free path.
void repeatedKeys(JsonRef v, std::vector<std::string_view>& repeated) {
    repeated.clear();
    if (v.size() <= 16) {
        std::array<std::string_view, 16> keys;
        std::size_t n = 0;
        for (JsonRef m : v) {
            const std::string_view k = m.key();
            bool seen = false;
            for (std::size_t i = 0; i < n && !seen; ++i) seen = keys[i] == k;
            if (seen && std::find(repeated.begin(), repeated.end(), k) == repeated.end()) repeated.push_back(k);
            keys[n++] = k;
        }
        std::sort(repeated.begin(), repeated.end());
        return;
    }
    std::vector<std::string_view> keys;
    keys.reserve(v.size());
    for (JsonRef m : v) keys.push_back(m.key());
    std::sort(keys.begin(), keys.end());
    for (std::size_t i = 1; i < keys.size(); ++i) {
        if (keys[i] == keys[i - 1] && (repeated.empty() || repeated.back() != keys[i])) repeated.push_back(keys[i]);
    }
}

// The common case, no repeats, without building any path: ~0.05 s for a
// 55 MB roster (20,000 x 20,000) on top of ~0.9 s to read and validate it.
bool anyRepeatedKeys(JsonRef v, std::vector<std::string_view>& scratch) {
    if (v.isObject() && v.size() > 1) {
        repeatedKeys(v, scratch);
        if (!scratch.empty()) return true;
    }
    for (JsonRef child : v) {
        if ((child.isObject() || child.isArray()) && anyRepeatedKeys(child, scratch)) return true;
    }
    return false;
}

void findDuplicateKeys(JsonRef v, std::string& path, std::vector<Problem>& out) {
    if (v.isObject() && v.size() > 1) {
        std::vector<std::string_view> repeated;
        repeatedKeys(v, repeated);
        for (std::string_view k : repeated) {
            const std::string name(k);
            Problem p = fileProblem("json.duplicate_key");  // {0}, the path's last step, names the field
            p.path = path;
            appendPointerToken(p.path, name);
            out.push_back(std::move(p));
        }
    }
    const std::size_t base = path.size();
    std::size_t index = 0;
    for (JsonRef child : v) {
        const std::size_t i = index++;
        if (!child.isObject() && !child.isArray()) continue;
        if (v.isObject()) appendPointerToken(path, child.key());
        else path += "/" + std::to_string(i);
        findDuplicateKeys(child, path, out);
        path.resize(base);
    }
}

// [SECTION] Reader: JSON -> core, collecting every type problem --------------------

class Reader {
public:
    explicit Reader(std::vector<Problem>& problems, std::string pathPrefix = {})
        : m_problems(problems), m_prefix(std::move(pathPrefix)) {}
    std::size_t problemsLeftOut() const { return m_left; }

    void roster(JsonRef j, Roster& r) {
        for (JsonRef v : j) {
            const std::string_view k = v.key();
            Scope s(*this, k);
            if (k == "format" || k == "version") continue;  // checked by readRoster
            if (k == "programmeName") str(v, r.programmeName);
            else if (k == "demo") boolean(v, r.isDemo);
            else if (k == "households") array(v, r.households, &Reader::household);
            else if (k == "groups") array(v, r.groups, &Reader::group);
            else if (k == "matches") array(v, r.matches, &Reader::match);
            else if (k == "constraints") array(v, r.constraints, &Reader::constraint);
            else if (k == "checkIns") array(v, r.checkIns, &Reader::checkIn);
            else if (k == "settings") settings(v, r.settings);
            else if (k == "signup") signup(v, r.signup);
            else if (k == "team") team(v, r.team);
            else r.extra.emplace_back(std::string(k), v.dump());
        }
    }

    // Records on their own (sign-up documents).
    void householdRecord(JsonRef j, Household& h) { household(j, h); }
    void groupMemberRecord(JsonRef j, GroupMember& m) { groupMember(j, m); }

private:
    // Pushes one path token for the duration of a scope. The JSON Pointer text
    // is built only when a problem is reported (keys point into the JsonDoc
    // arena or at literals, both outliving the Reader).
    struct Token {
        std::string_view key;
        std::size_t index;
        bool isIndex;
    };
    struct Scope {
        Reader& reader;
        Scope(Reader& r, std::string_view key) : reader(r) { r.m_tokens.push_back({key, 0, false}); }
        Scope(Reader& r, std::size_t index) : reader(r) { r.m_tokens.push_back({{}, index, true}); }
        ~Scope() { reader.m_tokens.pop_back(); }
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;
    };

    std::string path() const {
        std::string p = m_prefix;
        for (const Token& t : m_tokens) {
            if (t.isIndex) {
                p.push_back('/');
                p += std::to_string(t.index);
            } else {
                appendPointerToken(p, t.key);
            }
        }
        return p;
    }

    void error(std::string code, std::vector<Arg> args = {}) {
        // A file of 100,000 broken records would otherwise list a million problems.
        if (m_problems.size() >= kMaxProblemsListed) {
            ++m_left;
            return;
        }
        m_problems.push_back(Problem{path(), Severity::Error, std::move(code), std::move(args)});
    }
    // "expected <what>": `expected` is a json.expected.* code.
    void typeError(const char* expected, std::vector<Arg> args = {}) {
        error("json.type", {Arg::coded(expected, std::move(args))});
    }

    bool object(JsonRef v) {
        if (v.isObject()) return true;
        typeError("json.expected.object");
        return false;
    }

    // Reports each missing required key at <object path>/<key>.
    void required(JsonRef j, std::initializer_list<const char*> keys) {
        JsonRef found = j;
        for (const char* key : keys) {
            if (j.findMember(key, found)) continue;
            Scope s(*this, key);
            error("json.missing");
        }
    }

    bool str(JsonRef v, std::string& out) {
        if (!v.isString()) {
            typeError("json.expected.string");
            return false;
        }
        out.assign(v.str());
        return true;
    }

    bool boolean(JsonRef v, bool& out) {
        if (!v.isBool()) {
            typeError("json.expected.boolean");
            return false;
        }
        out = v.boolean();
        return true;
    }

    // Whole numbers in int range; the validator checks the meaningful range.
    bool integer(JsonRef v, int& out) {
        constexpr auto kMax = static_cast<std::int64_t>(std::numeric_limits<int>::max());
        constexpr auto kMin = static_cast<std::int64_t>(std::numeric_limits<int>::min());
        switch (v.type()) {
            case JsonType::Uint:
                if (v.asUint() <= static_cast<std::uint64_t>(kMax)) {
                    out = static_cast<int>(v.asUint());
                    return true;
                }
                break;
            case JsonType::Int:
                if (v.asInt() >= kMin && v.asInt() <= kMax) {
                    out = static_cast<int>(v.asInt());
                    return true;
                }
                break;
            default:
                typeError("json.expected.integer");
                return false;
        }
        error("json.range");
        return false;
    }

    bool number(JsonRef v, double& out) {
        if (!v.isNumber()) {
            typeError("json.expected.number");
            return false;
        }
        const double d = v.asDouble();
        if (!std::isfinite(d)) {
            error("json.range");
            return false;
        }
        out = d;
        return true;
    }

    void tags(JsonRef v, std::vector<std::string>& out) {
        if (!v.isArray()) {
            typeError("json.expected.texts");
            return;
        }
        out.clear();  // a repeated key replaces, as for every known member
        out.reserve(v.size());
        std::size_t i = 0;
        for (JsonRef e : v) {
            Scope s(*this, i++);
            std::string t;
            if (str(e, t)) out.push_back(std::move(t));
        }
    }

    template <typename T>
    void array(JsonRef v, std::vector<T>& out, void (Reader::*item)(JsonRef, T&)) {
        if (!v.isArray()) {
            typeError("json.expected.list");
            return;
        }
        out.resize(v.size());
        std::size_t i = 0;
        for (JsonRef e : v) {
            Scope s(*this, i);
            (this->*item)(e, out[i++]);
        }
    }

    template <typename E>
    void enumeration(JsonRef v, E& out, bool (*parse)(std::string_view, E&), const char* allowed) {
        if (!v.isString()) {
            typeError("json.expected.one_of", {Arg::textOf(allowed)});
            return;
        }
        if (!parse(v.str(), out)) {
            error("json.enum", {Arg::textOf(allowed)});
        }
    }

    // {"nl": "B1", "ar": "native"}: code -> level, in the person's own order.
    void languages(JsonRef j, std::vector<LanguageSkill>& out) {
        if (!object(j)) return;
        out.clear();
        out.reserve(j.size());
        for (JsonRef v : j) {
            Scope s(*this, v.key());
            LanguageSkill skill;
            skill.code.assign(v.key());
            enumeration(v, skill.level, &parseLanguageLevel, "none, A0, A1, A2, B1, B2, C1, C2, native, unknown");
            out.push_back(std::move(skill));
        }
    }

    void availability(JsonRef j, Availability& a) {
        if (!object(j)) return;
        for (JsonRef v : j) {
            const std::string_view k = v.key();
            Scope s(*this, k);
            if (k == "weekdayDaytime") boolean(v, a.weekdayDaytime);
            else if (k == "evenings") boolean(v, a.evenings);
            else if (k == "weekends") boolean(v, a.weekends);
            else a.extra.emplace_back(std::string(k), v.dump());
        }
    }

    void consent(JsonRef j, Consent& c) {
        if (!object(j)) return;
        for (JsonRef v : j) {
            const std::string_view k = v.key();
            Scope s(*this, k);
            if (k == "toMatching") boolean(v, c.toMatching);
            else if (k == "toMatchingDate") str(v, c.toMatchingDate);
            else if (k == "toResearch") boolean(v, c.toResearch);
            else if (k == "toResearchDate") str(v, c.toResearchDate);
            else c.extra.emplace_back(std::string(k), v.dump());
        }
    }

    // An object keyed by criterion name: `read(value, criterion)` for each
    // known one; unknown names (a newer version's criteria) are kept as written.
    template <typename Read>
    void criterionMembers(JsonRef j, std::vector<std::pair<std::string, std::string>>& unknown, Read read) {
        for (JsonRef v : j) {
            Scope s(*this, v.key());
            Criterion c;
            if (parseCriterion(v.key(), c)) read(v, c);
            else unknown.emplace_back(std::string(v.key()), v.dump());
        }
    }

    // {"language": "very_important", ...}; a left-out criterion is not stated.
    void statedPriorities(JsonRef j, StatedPriorities& p) {
        if (!object(j)) return;
        p = StatedPriorities{};
        criterionMembers(j, p.unknownCriteria, [&](JsonRef v, Criterion c) {
            enumeration(v, p[c], &parseStatedImportance, "not_important, important, very_important");
        });
    }

    void householdMember(JsonRef j, HouseholdMember& m) {
        if (!object(j)) return;
        required(j, {"age"});
        for (JsonRef v : j) {
            const std::string_view k = v.key();
            Scope s(*this, k);
            if (k == "age") integer(v, m.age);
            else if (k == "gender") enumeration(v, m.gender, &parseGender, "unspecified, female, male, other");
            else if (k == "role") enumeration(v, m.role, &parseMemberRole, "adult, child");
            else if (k == "languages") languages(v, m.languages);
            else m.extra.emplace_back(std::string(k), v.dump());
        }
    }

    void preferences(JsonRef j, HouseholdPreferences& p) {
        if (!object(j)) return;
        for (JsonRef v : j) {
            const std::string_view k = v.key();
            Scope s(*this, k);
            if (k == "womenOnlyGroup") boolean(v, p.womenOnlyGroup);
            else if (k == "groupWithChildren") boolean(v, p.groupWithChildren);
            else p.extra.emplace_back(std::string(k), v.dump());
        }
    }

    void household(JsonRef j, Household& h) {
        if (!object(j)) return;
        required(j, {"id", "displayName", "municipality"});
        for (JsonRef v : j) {
            const std::string_view k = v.key();
            Scope s(*this, k);
            if (k == "id") str(v, h.id);
            else if (k == "displayName") str(v, h.displayName);
            else if (k == "municipality") str(v, h.municipality);
            else if (k == "neighbourhood") str(v, h.neighbourhood);
            else if (k == "members") array(v, h.members, &Reader::householdMember);
            else if (k == "interests") tags(v, h.interests);
            else if (k == "goals") tags(v, h.goals);
            else if (k == "workSectors") tags(v, h.workSectors);
            else if (k == "educationLevel")
                enumeration(v, h.educationLevel, &parseEducationLevel,
                            "unknown, none, primary, secondary, vocational, bachelor, master, doctorate");
            else if (k == "availability") availability(v, h.availability);
            else if (k == "preferences") preferences(v, h.preferences);
            else if (k == "needs") tags(v, h.needs);
            else if (k == "notes") str(v, h.notes);
            else if (k == "consent") consent(v, h.consent);
            else if (k == "statedPriorities") statedPriorities(v, h.statedPriorities);
            else h.extra.emplace_back(std::string(k), v.dump());
        }
    }

    void groupMember(JsonRef j, GroupMember& m) {
        if (!object(j)) return;
        required(j, {"id", "name", "age"});
        for (JsonRef v : j) {
            const std::string_view k = v.key();
            Scope s(*this, k);
            if (k == "id") str(v, m.id);
            else if (k == "name") str(v, m.name);
            else if (k == "contact") str(v, m.contact);
            else if (k == "age") integer(v, m.age);
            else if (k == "gender") enumeration(v, m.gender, &parseGender, "unspecified, female, male, other");
            else if (k == "languages") languages(v, m.languages);
            else if (k == "interests") tags(v, m.interests);
            else if (k == "occupation") str(v, m.occupation);
            else if (k == "sector") str(v, m.sector);
            else if (k == "skills") tags(v, m.skills);
            else if (k == "hasChildren") boolean(v, m.hasChildren);
            else if (k == "municipality") str(v, m.municipality);
            else if (k == "neighbourhood") str(v, m.neighbourhood);
            else if (k == "statedPriorities") statedPriorities(v, m.statedPriorities);
            else m.extra.emplace_back(std::string(k), v.dump());
        }
    }

    void support(JsonRef j, GroupSupport& g) {
        if (!object(j)) return;
        for (JsonRef v : j) {
            const std::string_view k = v.key();
            Scope s(*this, k);
            if (k == "maxHouseholdSize") integer(v, g.maxHouseholdSize);
            else g.extra.emplace_back(std::string(k), v.dump());
        }
    }

    void group(JsonRef j, WelcomeGroup& g) {
        if (!object(j)) return;
        required(j, {"id", "name", "municipality"});
        for (JsonRef v : j) {
            const std::string_view k = v.key();
            Scope s(*this, k);
            if (k == "id") str(v, g.id);
            else if (k == "name") str(v, g.name);
            else if (k == "municipality") str(v, g.municipality);
            else if (k == "neighbourhood") str(v, g.neighbourhood);
            else if (k == "members") array(v, g.members, &Reader::groupMember);
            else if (k == "coordinatorId") str(v, g.coordinatorId);
            else if (k == "availability") availability(v, g.availability);
            else if (k == "capacity") integer(v, g.capacity);
            else if (k == "support") support(v, g.support);
            else if (k == "allowedMunicipalities") tags(v, g.allowedMunicipalities);
            else if (k == "notes") str(v, g.notes);
            else if (k == "consent") consent(v, g.consent);
            else g.extra.emplace_back(std::string(k), v.dump());
        }
    }

    void matchEvent(JsonRef j, MatchEvent& e) {
        if (!object(j)) return;
        required(j, {"status"});
        for (JsonRef v : j) {
            const std::string_view k = v.key();
            Scope s(*this, k);
            if (k == "status")
                enumeration(v, e.status, &parseMatchStatus,
                            "proposed, accepted_by_group, accepted_by_household, introduced, active, ended, "
                            "declined");
            else if (k == "date") str(v, e.date);
            else if (k == "reason") str(v, e.reason);
            else if (k == "note") str(v, e.note);
            else e.extra.emplace_back(std::string(k), v.dump());
        }
    }

    void scores(JsonRef j, std::vector<CriterionScore>& out) {
        if (!object(j)) return;
        out.clear();
        out.reserve(j.size());
        for (JsonRef v : j) {
            Scope s(*this, v.key());
            CriterionScore c{std::string(v.key()), 0.0};
            if (number(v, c.score)) out.push_back(std::move(c));
        }
    }

    void match(JsonRef j, Match& m) {
        if (!object(j)) return;
        required(j, {"id", "householdId", "groupId", "history"});
        for (JsonRef v : j) {
            const std::string_view k = v.key();
            Scope s(*this, k);
            if (k == "id") str(v, m.id);
            else if (k == "householdId") str(v, m.householdId);
            else if (k == "groupId") str(v, m.groupId);
            else if (k == "scores") scores(v, m.scores);
            else if (k == "history") array(v, m.history, &Reader::matchEvent);
            else m.extra.emplace_back(std::string(k), v.dump());
        }
    }

    void constraint(JsonRef j, Constraint& c) {
        if (!object(j)) return;
        required(j, {"id", "kind", "householdId", "groupId"});
        for (JsonRef v : j) {
            const std::string_view k = v.key();
            Scope s(*this, k);
            if (k == "id") str(v, c.id);
            else if (k == "kind") enumeration(v, c.kind, &parseConstraintKind, "pin, forbid");
            else if (k == "householdId") str(v, c.householdId);
            else if (k == "groupId") str(v, c.groupId);
            else if (k == "reason") str(v, c.reason);
            else if (k == "author") str(v, c.author);
            else if (k == "date") str(v, c.date);
            else c.extra.emplace_back(std::string(k), v.dump());
        }
    }

    // Before check-in outcomes were defined, files kept whatever a coordinator's
    // tool wrote as unknown members. A known name holding a value of another
    // shape is therefore kept as unknown (with a warning) instead of refusing
    // the whole roster; range rules are the validator's.
    void keepAsUnknown(JsonRef v, std::string_view k, ExtraFields& extra) {
        extra.emplace_back(std::string(k), v.dump());
        m_problems.push_back(Problem{path(), Severity::Warning, "checkin.kept_unknown"});
    }

    void optionalInt(JsonRef v, std::string_view k, std::optional<int>& out, ExtraFields& extra) {
        if (v.type() == JsonType::Uint && v.asUint() <= static_cast<std::uint64_t>(std::numeric_limits<int>::max())) {
            out = static_cast<int>(v.asUint());
        } else if (v.type() == JsonType::Int && v.asInt() >= std::numeric_limits<int>::min()) {
            out = static_cast<int>(v.asInt());
        } else {
            keepAsUnknown(v, k, extra);
        }
    }

    template <typename E>
    void lenientEnum(JsonRef v, std::string_view k, E& out, bool (*parse)(std::string_view, E&), ExtraFields& extra) {
        if (!v.isString() || !parse(v.str(), out)) keepAsUnknown(v, k, extra);
    }

    void checkIn(JsonRef j, CheckIn& c) {
        if (!object(j)) return;
        required(j, {"id", "matchId"});
        for (JsonRef v : j) {
            const std::string_view k = v.key();
            Scope s(*this, k);
            if (k == "id") str(v, c.id);
            else if (k == "matchId") str(v, c.matchId);
            else if (k == "date") str(v, c.date);
            else if (k == "milestone") lenientEnum(v, k, c.milestone, &parseCheckInMilestone, c.extra);
            else if (k == "meetingsPerMonth") optionalInt(v, k, c.meetingsPerMonth, c.extra);
            else if (k == "dutchLevel") {
                LanguageLevel l = LanguageLevel::None;
                // Not a level for a check-in (it is then left out): kept as written.
                if (v.isString() && parseLanguageLevel(v.str(), l) && l != LanguageLevel::Unknown) c.dutchLevel = l;
                else keepAsUnknown(v, k, c.extra);
            } else if (k == "workStatus") lenientEnum(v, k, c.workStatus, &parseWorkStatus, c.extra);
            else if (k == "newContacts") optionalInt(v, k, c.newContacts, c.extra);
            else if (k == "householdSatisfaction") optionalInt(v, k, c.householdSatisfaction, c.extra);
            else if (k == "groupSatisfaction") optionalInt(v, k, c.groupSatisfaction, c.extra);
            else if (k == "endedEarly") {
                if (v.isBool()) c.endedEarly = v.boolean();
                else keepAsUnknown(v, k, c.extra);
            } else if (k == "endReason") lenientEnum(v, k, c.endReason, &parseEndReason, c.extra);
            else if (k == "note") str(v, c.note);
            else c.extra.emplace_back(std::string(k), v.dump());
        }
    }

    // "signup": {"keys": [{"identity", "created"}], "importedSignups": [sha256...]}
    void signup(JsonRef j, SignupSetup& out) {
        if (!object(j)) return;
        for (JsonRef v : j) {
            const std::string_view k = v.key();
            Scope s(*this, k);
            if (k == "keys") array(v, out.keys, &Reader::programmeKey);
            else if (k == "importedSignups") tags(v, out.importedSignups);
            else out.extra.emplace_back(std::string(k), v.dump());
        }
    }

    void programmeKey(JsonRef j, ProgrammeKey& key) {
        if (!object(j)) return;
        required(j, {"identity", "created"});
        for (JsonRef v : j) {
            const std::string_view k = v.key();
            Scope s(*this, k);
            if (k == "identity") {
                if (str(v, key.identity) && !X25519Identity::parse(key.identity))
                    typeError("json.expected.age_identity");
            } else if (k == "created") {
                if (str(v, key.created) && !isValidKeyTimestamp(key.created))
                    typeError("json.expected.timestamp");
            } else {
                key.extra.emplace_back(std::string(k), v.dump());
            }
        }
    }

    // "team": {"keys": [{"name", "publicKey"}]}
    void team(JsonRef j, TeamSetup& out) {
        if (!object(j)) return;
        for (JsonRef v : j) {
            const std::string_view k = v.key();
            Scope s(*this, k);
            if (k == "keys") array(v, out.keys, &Reader::teamKey);
            else out.extra.emplace_back(std::string(k), v.dump());
        }
    }

    void teamKey(JsonRef j, TeamKey& key) {
        if (!object(j)) return;
        required(j, {"name", "publicKey"});
        for (JsonRef v : j) {
            const std::string_view k = v.key();
            Scope s(*this, k);
            if (k == "name") str(v, key.name);
            else if (k == "publicKey") {
                if (str(v, key.publicKey) && !X25519Recipient::parse(key.publicKey))
                    typeError("json.expected.age_recipient");
            } else {
                key.extra.emplace_back(std::string(k), v.dump());
            }
        }
    }

    void settings(JsonRef j, MatchingSettings& st) {
        if (!object(j)) return;
        for (JsonRef v : j) {
            const std::string_view k = v.key();
            Scope s(*this, k);
            if (k == "weights") {
                if (!object(v)) continue;
                st.weights = CriterionWeights{};
                st.unknownWeights.clear();
                criterionMembers(v, st.unknownWeights, [&](JsonRef w, Criterion criterion) {
                    double weight = kDefaultCriterionWeight;
                    if (number(w, weight)) st.weights[criterion] = weight;
                });
            } else if (k == "minimumScore") {
                number(v, st.minimumScore);
            } else if (k == "allowCrossMunicipality") {
                boolean(v, st.allowCrossMunicipality);
            } else if (k == "participantPriorities") {
                number(v, st.participantPriorities);
            } else {
                st.extra.emplace_back(std::string(k), v.dump());
            }
        }
    }

    std::vector<Problem>& m_problems;
    std::string m_prefix;
    std::size_t m_left = 0;
    std::vector<Token> m_tokens;
};

// [SECTION] Writer: core -> JSON ------------------------------------------------------
// Defaults are omitted (empty strings and lists, false, Unspecified), which the
// reader maps back to the same values, so write(read(write(r))) == write(r).

void putExtra(ojson& j, const ExtraFields& extra) {
    for (const auto& [key, raw] : extra) {
        if (j.contains(key)) continue;  // a known field always wins
        ojson v = ojson::parse(raw, nullptr, false);
        assert(!v.is_discarded() && "ExtraFields must hold valid JSON");
        if (!v.is_discarded()) j[key] = std::move(v);
    }
}

void putString(ojson& j, const char* key, const std::string& s) {
    if (!s.empty()) j[key] = s;
}

void putTags(ojson& j, const char* key, const std::vector<std::string>& tags) {
    if (!tags.empty()) j[key] = tags;
}

void putLanguages(ojson& j, const std::vector<LanguageSkill>& langs) {
    if (langs.empty()) return;
    ojson o = ojson::object();
    for (const LanguageSkill& l : langs) o[l.code] = std::string(toString(l.level));
    j["languages"] = std::move(o);
}

void putAvailability(ojson& j, const Availability& a) {
    if (!a.any() && a.extra.empty()) return;
    ojson o = ojson::object();
    if (a.weekdayDaytime) o["weekdayDaytime"] = true;
    if (a.evenings) o["evenings"] = true;
    if (a.weekends) o["weekends"] = true;
    putExtra(o, a.extra);
    j["availability"] = std::move(o);
}

void putStatedPriorities(ojson& j, const StatedPriorities& p) {
    if (!p.any() && p.unknownCriteria.empty()) return;
    ojson o = ojson::object();
    for (Criterion c : allCriteria())
        if (p[c] != StatedImportance::NotStated) o[std::string(criterionName(c))] = std::string(toString(p[c]));
    putExtra(o, p.unknownCriteria);
    j["statedPriorities"] = std::move(o);
}

void putConsent(ojson& j, const Consent& c) {
    ojson o = ojson::object();
    o["toMatching"] = c.toMatching;
    putString(o, "toMatchingDate", c.toMatchingDate);
    o["toResearch"] = c.toResearch;
    putString(o, "toResearchDate", c.toResearchDate);
    putExtra(o, c.extra);
    j["consent"] = std::move(o);
}

ojson writeHousehold(const Household& h) {
    ojson j = ojson::object();
    j["id"] = h.id;
    j["displayName"] = h.displayName;
    j["municipality"] = h.municipality;
    putString(j, "neighbourhood", h.neighbourhood);
    ojson members = ojson::array();
    for (const HouseholdMember& m : h.members) {
        ojson o = ojson::object();
        o["age"] = m.age;
        if (m.gender != Gender::Unspecified) o["gender"] = std::string(toString(m.gender));
        o["role"] = std::string(toString(m.role));
        putLanguages(o, m.languages);
        putExtra(o, m.extra);
        members.push_back(std::move(o));
    }
    j["members"] = std::move(members);
    putTags(j, "interests", h.interests);
    putTags(j, "goals", h.goals);
    putTags(j, "workSectors", h.workSectors);
    if (h.educationLevel != EducationLevel::Unknown) j["educationLevel"] = std::string(toString(h.educationLevel));
    putAvailability(j, h.availability);
    const HouseholdPreferences& p = h.preferences;
    if (p.womenOnlyGroup || p.groupWithChildren || !p.extra.empty()) {
        ojson o = ojson::object();
        if (p.womenOnlyGroup) o["womenOnlyGroup"] = true;
        if (p.groupWithChildren) o["groupWithChildren"] = true;
        putExtra(o, p.extra);
        j["preferences"] = std::move(o);
    }
    putTags(j, "needs", h.needs);
    putString(j, "notes", h.notes);
    putConsent(j, h.consent);
    putStatedPriorities(j, h.statedPriorities);
    putExtra(j, h.extra);
    return j;
}

ojson writeGroup(const WelcomeGroup& g) {
    ojson j = ojson::object();
    j["id"] = g.id;
    j["name"] = g.name;
    j["municipality"] = g.municipality;
    putString(j, "neighbourhood", g.neighbourhood);
    ojson members = ojson::array();
    for (const GroupMember& m : g.members) {
        ojson o = ojson::object();
        o["id"] = m.id;
        o["name"] = m.name;
        putString(o, "contact", m.contact);
        o["age"] = m.age;
        if (m.gender != Gender::Unspecified) o["gender"] = std::string(toString(m.gender));
        putLanguages(o, m.languages);
        putTags(o, "interests", m.interests);
        putString(o, "occupation", m.occupation);
        putString(o, "sector", m.sector);
        putTags(o, "skills", m.skills);
        if (m.hasChildren) o["hasChildren"] = true;
        putString(o, "municipality", m.municipality);
        putString(o, "neighbourhood", m.neighbourhood);
        putStatedPriorities(o, m.statedPriorities);
        putExtra(o, m.extra);
        members.push_back(std::move(o));
    }
    j["members"] = std::move(members);
    putString(j, "coordinatorId", g.coordinatorId);
    putAvailability(j, g.availability);
    j["capacity"] = g.capacity;
    if (g.support.maxHouseholdSize != 0 || !g.support.extra.empty()) {
        ojson o = ojson::object();
        if (g.support.maxHouseholdSize != 0) o["maxHouseholdSize"] = g.support.maxHouseholdSize;
        putExtra(o, g.support.extra);
        j["support"] = std::move(o);
    }
    putTags(j, "allowedMunicipalities", g.allowedMunicipalities);
    putString(j, "notes", g.notes);
    putConsent(j, g.consent);
    putExtra(j, g.extra);
    return j;
}

ojson writeMatch(const Match& m) {
    ojson j = ojson::object();
    j["id"] = m.id;
    j["householdId"] = m.householdId;
    j["groupId"] = m.groupId;
    if (!m.scores.empty()) {
        ojson o = ojson::object();
        for (const CriterionScore& s : m.scores) o[s.criterion] = s.score;
        j["scores"] = std::move(o);
    }
    ojson history = ojson::array();
    for (const MatchEvent& e : m.history) {
        ojson o = ojson::object();
        o["status"] = std::string(toString(e.status));
        putString(o, "date", e.date);
        putString(o, "reason", e.reason);
        putString(o, "note", e.note);
        putExtra(o, e.extra);
        history.push_back(std::move(o));
    }
    j["history"] = std::move(history);
    putExtra(j, m.extra);
    return j;
}

ojson writeConstraint(const Constraint& c) {
    ojson j = ojson::object();
    j["id"] = c.id;
    j["kind"] = std::string(toString(c.kind));
    j["householdId"] = c.householdId;
    j["groupId"] = c.groupId;
    putString(j, "reason", c.reason);
    putString(j, "author", c.author);
    putString(j, "date", c.date);
    putExtra(j, c.extra);
    return j;
}

ojson writeCheckIn(const CheckIn& c) {
    ojson j = ojson::object();
    j["id"] = c.id;
    j["matchId"] = c.matchId;
    putString(j, "date", c.date);
    if (c.milestone != CheckInMilestone::AdHoc) j["milestone"] = std::string(toString(c.milestone));
    if (c.meetingsPerMonth) j["meetingsPerMonth"] = *c.meetingsPerMonth;
    if (c.dutchLevel) j["dutchLevel"] = std::string(toString(*c.dutchLevel));
    if (c.workStatus != WorkStatus::Unknown) j["workStatus"] = std::string(toString(c.workStatus));
    if (c.newContacts) j["newContacts"] = *c.newContacts;
    if (c.householdSatisfaction) j["householdSatisfaction"] = *c.householdSatisfaction;
    if (c.groupSatisfaction) j["groupSatisfaction"] = *c.groupSatisfaction;
    if (c.endedEarly) j["endedEarly"] = true;
    if (c.endReason != EndReason::None) j["endReason"] = std::string(toString(c.endReason));
    putString(j, "note", c.note);
    putExtra(j, c.extra);
    return j;
}

ojson writeSettings(const MatchingSettings& s) {
    ojson j = ojson::object();
    ojson w = ojson::object();
    for (Criterion c : allCriteria()) w[std::string(criterionName(c))] = s.weights[c];
    putExtra(w, s.unknownWeights);
    j["weights"] = std::move(w);
    j["minimumScore"] = s.minimumScore;
    j["allowCrossMunicipality"] = s.allowCrossMunicipality;
    // Only when changed, so files of rosters that never touched it stay as they were.
    if (s.participantPriorities != kDefaultParticipantPriorities) j["participantPriorities"] = s.participantPriorities;
    putExtra(j, s.extra);
    return j;
}

// Only what there is; the secret keys only when asked (RosterWriteOptions).
ojson writeSignup(const SignupSetup& s, bool withKeys) {
    ojson j = ojson::object();
    if (withKeys && !s.keys.empty()) {
        ojson keys = ojson::array();
        for (const ProgrammeKey& k : s.keys) {
            ojson key = ojson{{"identity", k.identity}, {"created", k.created}};
            putExtra(key, k.extra);
            keys.push_back(std::move(key));
        }
        j["keys"] = std::move(keys);
    }
    if (!s.importedSignups.empty()) j["importedSignups"] = s.importedSignups;
    putExtra(j, s.extra);
    return j;
}

ojson writeTeam(const TeamSetup& t) {
    ojson j = ojson::object();
    if (!t.keys.empty()) {
        ojson keys = ojson::array();
        for (const TeamKey& k : t.keys) {
            ojson key = ojson{{"name", k.name}, {"publicKey", k.publicKey}};
            putExtra(key, k.extra);
            keys.push_back(std::move(key));
        }
        j["keys"] = std::move(keys);
    }
    putExtra(j, t.extra);
    return j;
}

template <typename T>
ojson writeArray(const std::vector<T>& items, ojson (*write)(const T&)) {
    ojson a = ojson::array();
    a.get_ref<ojson::array_t&>().reserve(items.size());
    for (const T& item : items) a.push_back(write(item));
    return a;
}

}  // namespace

std::string writeRoster(const Roster& r, const RosterWriteOptions& options) {
    ojson j = ojson::object();
    j["format"] = std::string(kRosterFormatName);
    j["version"] = kRosterFormatVersion;
    putString(j, "programmeName", r.programmeName);
    if (r.isDemo) j["demo"] = true;
    j["households"] = writeArray(r.households, &writeHousehold);
    j["groups"] = writeArray(r.groups, &writeGroup);
    j["matches"] = writeArray(r.matches, &writeMatch);
    j["constraints"] = writeArray(r.constraints, &writeConstraint);
    j["checkIns"] = writeArray(r.checkIns, &writeCheckIn);
    j["settings"] = writeSettings(r.settings);
    if (ojson signup = writeSignup(r.signup, options.includeProgrammeKeys); !signup.empty()) j["signup"] = std::move(signup);
    if (ojson team = writeTeam(r.team); !team.empty()) j["team"] = std::move(team);
    putExtra(j, r.extra);
    // `replace`: a string that is not UTF-8 (only possible from code, never from
    // a file we read) becomes U+FFFD instead of throwing.
    std::string out = j.dump(options.pretty ? 2 : -1, ' ', false, ojson::error_handler_t::replace);
    out.push_back('\n');
    return out;
}

RosterReadReport readRoster(std::string_view bytes, const ValidationOptions& validation) {
    RosterReadReport report;
    auto fail = [&](Problem p) {
        report.failure = problemError(p);
        report.problems.push_back(std::move(p));
        return std::move(report);
    };
    if (auto p = prescanJson(bytes, rosterLimits())) return fail(std::move(*p));

    Result<JsonDoc> parsed = JsonDoc::parse(bytes);
    if (!parsed) {
        const Error& e = parsed.error();
        return fail(fileProblemOf(e));
    }

    JsonRef root = parsed->root();
    JsonRef format = root;
    if (!root.isObject() || !root.findMember("format", format) || !format.isString() ||
        format.str() != kRosterFormatName) {
        return fail(fileProblem("roster.not_roster"));
    }
    JsonRef version = root;
    if (!root.findMember("version", version) || version.type() != JsonType::Uint || version.asUint() < 1) {
        Problem p = fileProblem("roster.version");
        p.path = "/version";
        return fail(std::move(p));
    }
    const std::uint64_t fileVersion = version.asUint();
    if (fileVersion > static_cast<std::uint64_t>(kRosterFormatVersion)) {
        return fail(fileProblem("roster.too_new", {Arg::textOf(std::to_string(fileVersion)),
                                                   Arg::integerOf(kRosterFormatVersion)}));
    }
    // Before migrating: nlohmann's tree would keep only one of the values.
    std::vector<std::string_view> scratch;
    if (anyRepeatedKeys(root, scratch)) {
        std::string path;
        findDuplicateKeys(root, path, report.problems);
    }
    if (fileVersion < static_cast<std::uint64_t>(kRosterFormatVersion)) {
        // Old files take the slow road once: nlohmann tree, migrations, text, fast tree.
        ojson doc = ojson::parse(bytes.begin(), bytes.end(), nullptr, false);
        Status migrated = doc.is_discarded()
                              ? Status(problemError(fileProblem("json.syntax", {Arg::integerOf(1), Arg::integerOf(1),
                                                                                Arg::coded("json.detail.unexpected_character")})))
                              : migrateRoster(doc, static_cast<int>(fileVersion));
        if (!migrated) {
            const Error& e = migrated.error();
            return fail(fileProblemOf(e));
        }
        parsed = JsonDoc::parse(doc.dump(-1, ' ', false, ojson::error_handler_t::replace));
        if (!parsed) return fail(fileProblemOf(parsed.error()));
        root = parsed->root();
    }

    Roster roster;
    Reader reader(report.problems);
    reader.roster(root, roster);
    // Validating a half-read roster would repeat type errors as rule errors
    // ("id is empty" after "expected a string"), so rules run on clean input only.
    // (The reader's only warnings are outcome values kept as unknown.)
    if (!hasErrors(report.problems)) {
        std::vector<Problem> rules = validateRoster(roster, validation);
        report.problems.insert(report.problems.end(), std::make_move_iterator(rules.begin()),
                               std::make_move_iterator(rules.end()));
        report.roster = std::move(roster);
    }
    capProblems(report.problems, reader.problemsLeftOut());
    return report;
}

Result<LoadedRoster> loadRoster(std::string_view bytes, std::vector<Problem>* problems,
                                const ValidationOptions& validation) {
    RosterReadReport report = readRoster(bytes, validation);
    if (problems) *problems = report.problems;
    const std::size_t errors = countSeverity(report.problems, Severity::Error);
    if (errors == 0 && report.roster) {
        return LoadedRoster{std::move(*report.roster), std::move(report.problems)};
    }
    if (report.failure) return *report.failure;
    // The problems themselves go to `problems`; the text layer names the first
    // (app/text/open_errors.h, explainOpenError).
    const std::size_t warnings = report.problems.size() - errors;
    return codedError("roster.invalid", {Arg::integerOf(static_cast<long long>(errors)),
                                         Arg::integerOf(static_cast<long long>(warnings))});
}

void readHouseholdObject(JsonRef j, Household& out, std::vector<Problem>& problems, std::string path) {
    Reader(problems, std::move(path)).householdRecord(j, out);
}

void readGroupMemberObject(JsonRef j, GroupMember& out, std::vector<Problem>& problems, std::string path) {
    Reader(problems, std::move(path)).groupMemberRecord(j, out);
}

bool hasRepeatedKeys(JsonRef root) {
    std::vector<std::string_view> scratch;
    return anyRepeatedKeys(root, scratch);
}

}  // namespace welkom
