// Index:
//   [SECTION] Problem helpers
//   [SECTION] Reachability stand-in
//   [SECTION] The rules (Validator)
#include "core/validation.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/check_ins.h"
#include "core/vocabulary.h"

namespace welkom {

// [SECTION] Problem helpers ---------------------------------------------------------

Error problemError(const Problem& p) { return codedError(p.code, problemMessage(p).args); }

Message problemMessage(const Problem& p) {
    // The last step of a JSON Pointer, with its escapes undone (RFC 6901: ~1 is /, ~0 is ~).
    std::string last;
    const std::string_view step = std::string_view(p.path).substr(p.path.find_last_of('/') + 1);
    for (std::size_t i = 0; i < step.size(); ++i) {
        if (step[i] == '~' && i + 1 < step.size() && (step[i + 1] == '0' || step[i + 1] == '1')) {
            last.push_back(step[++i] == '1' ? '/' : '~');
        } else {
            last.push_back(step[i]);
        }
    }
    std::vector<Arg> args{Arg::textOf(std::move(last))};
    args.insert(args.end(), p.args.begin(), p.args.end());
    return message("problem." + p.code, std::move(args));
}

size_t countSeverity(const std::vector<Problem>& problems, Severity s) {
    size_t n = 0;
    for (const Problem& p : problems) n += p.severity == s ? 1 : 0;
    return n;
}

bool hasErrors(const std::vector<Problem>& problems) { return countSeverity(problems, Severity::Error) > 0; }

void capProblems(std::vector<Problem>& problems, std::size_t moreErrors) {
    if (problems.size() <= kMaxProblemsListed && moreErrors == 0) return;
    std::size_t more = moreErrors;
    bool anyError = moreErrors > 0;
    for (std::size_t i = std::min(problems.size(), kMaxProblemsListed); i < problems.size(); ++i) {
        ++more;
        anyError = anyError || problems[i].severity == Severity::Error;
    }
    problems.resize(std::min(problems.size(), kMaxProblemsListed));
    problems.push_back(Problem{"", anyError ? Severity::Error : Severity::Warning, "problems.more",
                               {Arg::integerOf(static_cast<long long>(more))}});
}

// [SECTION] Reachability stand-in ----------------------------------------------------

namespace {

bool canTalk(LanguageLevel l) { return scoredLevel(l) >= LanguageLevel::A2; }

bool isLive(MatchStatus s) { return !isFinal(s); }

std::string key(std::string_view municipality, std::string_view language) {
    std::string k(municipality);
    k.push_back('\0');
    k.append(language);
    return k;
}

}  // namespace

std::vector<size_t> simpleUnreachableHouseholds(const Roster& roster) {
    std::unordered_set<std::string> reachable;       // municipality \0 language
    std::unordered_set<std::string> anywhere;        // language, when crossing municipalities is allowed
    for (const WelcomeGroup& g : roster.groups) {
        if (!g.consent.toMatching || g.capacity <= 0) continue;
        for (const GroupMember& m : g.members) {
            for (const LanguageSkill& l : m.languages) {
                if (!canTalk(l.level)) continue;
                reachable.insert(key(g.municipality, l.code));
                for (const std::string& other : g.allowedMunicipalities) reachable.insert(key(other, l.code));
                if (roster.settings.allowCrossMunicipality) anywhere.insert(l.code);
            }
        }
    }
    std::unordered_set<std::string_view> placed;
    for (const Match& m : roster.matches) {
        if (isLive(m.status())) placed.insert(m.householdId);
    }
    std::vector<size_t> out;
    for (size_t i = 0; i < roster.households.size(); ++i) {
        const Household& h = roster.households[i];
        if (!h.consent.toMatching || placed.count(h.id) > 0) continue;
        bool ok = false;
        for (const HouseholdMember& m : h.members) {
            if (m.role != MemberRole::Adult) continue;
            for (const LanguageSkill& l : m.languages) {
                if (canTalk(l.level) && (reachable.count(key(h.municipality, l.code)) > 0 || anywhere.count(l.code) > 0)) {
                    ok = true;
                    break;
                }
            }
            if (ok) break;
        }
        if (!ok) out.push_back(i);
    }
    return out;
}

// [SECTION] The rules (Validator) -----------------------------------------------------

namespace {

class Validator {
public:
    Validator(const Roster& r, std::vector<Problem>& out) : m_roster(r), m_out(out) {}

    void run(const ValidationOptions& options) {
        indexIds();
        for (size_t i = 0; i < m_roster.households.size(); ++i) household(i);
        for (size_t i = 0; i < m_roster.groups.size(); ++i) group(i);
        for (size_t i = 0; i < m_roster.matches.size(); ++i) match(i);
        for (size_t i = 0; i < m_roster.constraints.size(); ++i) constraint(i);
        for (size_t i = 0; i < m_roster.checkIns.size(); ++i) checkIn(i);
        settings();
        liveMatchCounts();
        if (options.reachability) {
            for (size_t i : options.reachability(m_roster)) {
                warn(at("households", i), "household.unreachable");
            }
        }
    }

private:
    static std::string at(std::string_view collection, size_t i) {
        std::string p = "/";
        p.append(collection);
        p.push_back('/');
        p += std::to_string(i);
        return p;
    }
    static std::string sub(const std::string& base, std::string_view key) {
        std::string p = base;
        p.push_back('/');
        for (char c : key) {
            if (c == '~') p += "~0";
            else if (c == '/') p += "~1";
            else p.push_back(c);
        }
        return p;
    }
    static std::string sub(const std::string& base, std::string_view key, size_t i) {
        return sub(base, key) + "/" + std::to_string(i);
    }

    // Problems are codes with arguments; the app's catalogues word them
    // (problem.<code>, with {0} the last step of the path).
    void add(Severity s, std::string path, const char* code, std::vector<Arg> args) {
        m_out.push_back(Problem{std::move(path), s, code, std::move(args)});
    }
    void error(std::string path, const char* code, std::vector<Arg> args = {}) {
        add(Severity::Error, std::move(path), code, std::move(args));
    }
    void warn(std::string path, const char* code, std::vector<Arg> args = {}) {
        add(Severity::Warning, std::move(path), code, std::move(args));
    }
    static Arg text(const std::string& s) { return Arg::textOf(s); }
    static Arg number(long long n) { return Arg::integerOf(n); }

    // Households and groups share one id space, so an id names one party.
    void indexIds() {
        for (size_t i = 0; i < m_roster.households.size(); ++i) {
            const std::string& id = m_roster.households[i].id;
            if (!id.empty() && !m_households.emplace(id, i).second) duplicate(sub(at("households", i), "id"), id);
        }
        for (size_t i = 0; i < m_roster.groups.size(); ++i) {
            const std::string& id = m_roster.groups[i].id;
            if (id.empty()) continue;
            if (m_households.count(id) > 0) {
                error(sub(at("groups", i), "id"), "id.used_by_household", {text(id)});
            } else if (!m_groups.emplace(id, i).second) {
                duplicate(sub(at("groups", i), "id"), id);
            }
        }
        for (size_t i = 0; i < m_roster.matches.size(); ++i) {
            const std::string& id = m_roster.matches[i].id;
            if (!id.empty() && !m_matches.emplace(id, i).second) duplicate(sub(at("matches", i), "id"), id);
        }
    }

    void duplicate(std::string path, const std::string& id) {
        error(std::move(path), "id.duplicate", {text(id)});
    }

    void requireText(const std::string& base, std::string_view field, const std::string& value) {
        if (!value.empty()) return;
        error(sub(base, field), field == "id" ? "id.empty" : "text.empty");
    }

    // Paths are built only for problems: most values are fine, and a 20,000 x
    // 20,000 roster has over a million of them.
    void date(const std::string& base, std::string_view field, const std::string& value) {
        if (value.empty() || isValidIsoDate(value)) return;
        error(sub(base, field), "date.invalid", {text(value)});
    }

    void age(const std::string& base, int value, int lo) {
        if (value >= lo && value <= kMaxAge) return;
        error(sub(base, "age"), "age.range", {number(lo), number(kMaxAge)});
    }

    void languages(const std::string& base, const std::vector<LanguageSkill>& langs) {
        for (const LanguageSkill& l : langs) {
            if (l.level == LanguageLevel::Unknown) warn(sub(sub(base, "languages"), l.code), "language.level_unknown");
            if (isKnownLanguage(l.code)) continue;
            error(sub(sub(base, "languages"), l.code), "language.unknown", {text(l.code)});
        }
    }

    // index == kNoIndex: a single tag field rather than a list.
    static constexpr size_t kNoIndex = static_cast<size_t>(-1);
    void tag(const std::string& base, std::string_view field, size_t index, VocabularyKind kind,
             const std::string& value) {
        if (findTerm(vocabulary(kind), value) != nullptr || isCustomTag(value)) return;
        warn(index == kNoIndex ? sub(base, field) : sub(base, field, index), "tag.unknown", {text(value)});
    }

    void tags(const std::string& base, std::string_view field, VocabularyKind kind,
              const std::vector<std::string>& values) {
        for (size_t i = 0; i < values.size(); ++i) tag(base, field, i, kind, values[i]);
    }

    void consent(const std::string& base, const Consent& c, bool household) {
        if (!c.toMatchingDate.empty() || !c.toResearchDate.empty()) {
            const std::string path = sub(base, "consent");
            date(path, "toMatchingDate", c.toMatchingDate);
            date(path, "toResearchDate", c.toResearchDate);
        }
        if (!c.toMatching) {
            warn(sub(sub(base, "consent"), "toMatching"), household ? "consent.matching" : "consent.group_matching");
        }
    }

    void household(size_t i) {
        const Household& h = m_roster.households[i];
        const std::string base = at("households", i);
        requireText(base, "id", h.id);
        requireText(base, "displayName", h.displayName);
        requireText(base, "municipality", h.municipality);
        if (h.members.empty()) {
            error(sub(base, "members"), "household.no_members");
        }
        bool anyAdult = false;
        for (size_t k = 0; k < h.members.size(); ++k) {
            const HouseholdMember& m = h.members[k];
            const std::string mp = sub(base, "members", k);
            age(mp, m.age, 0);
            languages(mp, m.languages);
            if (m.role == MemberRole::Adult) {
                anyAdult = true;
                if (m.languages.empty()) {
                    warn(sub(mp, "languages"), "language.none");
                }
            }
        }
        if (!h.members.empty() && !anyAdult) {
            warn(sub(base, "members"), "household.no_adult");
        }
        tags(base, "interests", VocabularyKind::Interests, h.interests);
        tags(base, "goals", VocabularyKind::Goals, h.goals);
        tags(base, "workSectors", VocabularyKind::Sectors, h.workSectors);
        tags(base, "needs", VocabularyKind::Needs, h.needs);
        consent(base, h.consent, true);
    }

    void group(size_t i) {
        const WelcomeGroup& g = m_roster.groups[i];
        const std::string base = at("groups", i);
        requireText(base, "id", g.id);
        requireText(base, "name", g.name);
        requireText(base, "municipality", g.municipality);
        if (g.members.size() < static_cast<size_t>(kMinGroupSize)) {
            warn(sub(base, "members"), "group.small",
                 {number(kMinGroupSize), number(static_cast<long long>(g.members.size()))});
        }
        std::unordered_set<std::string_view> memberIds;
        for (size_t k = 0; k < g.members.size(); ++k) {
            const GroupMember& m = g.members[k];
            const std::string mp = sub(base, "members", k);
            requireText(mp, "id", m.id);
            if (!m.id.empty() && !memberIds.insert(m.id).second) duplicate(sub(mp, "id"), m.id);
            requireText(mp, "name", m.name);
            age(mp, m.age, kMinGroupMemberAge);
            languages(mp, m.languages);
            tags(mp, "interests", VocabularyKind::Interests, m.interests);
            tags(mp, "skills", VocabularyKind::Skills, m.skills);
            if (!m.sector.empty()) tag(mp, "sector", kNoIndex, VocabularyKind::Sectors, m.sector);
        }
        if (g.coordinatorId.empty()) {
            warn(sub(base, "coordinatorId"), "coordinator.missing");
        } else if (memberIds.count(g.coordinatorId) == 0) {
            error(sub(base, "coordinatorId"), "coordinator.not_member", {text(g.coordinatorId)});
        }
        if (g.capacity < 0) {
            error(sub(base, "capacity"), "capacity.range");
        }
        if (g.support.maxHouseholdSize < 0) {
            error(sub(sub(base, "support"), "maxHouseholdSize"), "support.range");
        }
        consent(base, g.consent, false);
    }

    // A reference field to a household or group by id; false when unknown.
    void reference(const std::string& path, const std::string& id, bool toHousehold) {
        const auto& index = toHousehold ? m_households : m_groups;
        if (index.count(id) > 0) return;
        error(path, toHousehold ? "reference.household" : "reference.group", {text(id)});
    }

    void match(size_t i) {
        const Match& m = m_roster.matches[i];
        const std::string base = at("matches", i);
        requireText(base, "id", m.id);
        reference(sub(base, "householdId"), m.householdId, true);
        reference(sub(base, "groupId"), m.groupId, false);
        for (const CriterionScore& s : m.scores) {
            if (s.score >= 0.0 && s.score <= 1.0) continue;
            error(sub(sub(base, "scores"), s.criterion), "match.score_range");
        }
        if (m.history.empty()) {
            error(sub(base, "history"), "match.no_history");
            return;
        }
        if (m.history.front().status != MatchStatus::Proposed) {
            error(sub(base, "history", 0) + "/status", "match.start");
        }
        for (size_t k = 0; k < m.history.size(); ++k) {
            const MatchEvent& e = m.history[k];
            const std::string ep = sub(base, "history", k);
            date(ep, "date", e.date);
            if (k == 0) continue;
            const MatchEvent& prev = m.history[k - 1];
            if (!isAllowedTransition(prev.status, e.status)) {
                error(sub(ep, "status"), "match.transition",
                      {text(std::string(toString(e.status))), text(std::string(toString(prev.status)))});
            }
            // ISO dates compare correctly as text.
            if (isValidIsoDate(e.date) && isValidIsoDate(prev.date) && e.date < prev.date) {
                warn(sub(ep, "date"), "date.order");
            }
        }
    }

    void constraint(size_t i) {
        const Constraint& c = m_roster.constraints[i];
        const std::string base = at("constraints", i);
        requireText(base, "id", c.id);
        if (!c.id.empty() && !m_constraintIds.insert(c.id).second) duplicate(sub(base, "id"), c.id);
        reference(sub(base, "householdId"), c.householdId, true);
        reference(sub(base, "groupId"), c.groupId, false);
        date(base, "date", c.date);
        std::string pair = key(c.householdId, c.groupId);
        auto [it, inserted] = m_pairKinds.emplace(std::move(pair), c.kind);
        if (!inserted && it->second != c.kind) {
            error(sub(base, "kind"), "constraint.conflict");
        }
    }

    void checkIn(size_t i) {
        const CheckIn& c = m_roster.checkIns[i];
        const std::string base = at("checkIns", i);
        requireText(base, "id", c.id);
        if (!c.id.empty() && !m_checkInIds.insert(c.id).second) duplicate(sub(base, "id"), c.id);
        date(base, "date", c.date);
        range(base, "meetingsPerMonth", c.meetingsPerMonth, 0, kMaxMeetingsPerMonth);
        range(base, "newContacts", c.newContacts, 0, kMaxNewContacts);
        range(base, "householdSatisfaction", c.householdSatisfaction, kMinSatisfaction, kMaxSatisfaction);
        range(base, "groupSatisfaction", c.groupSatisfaction, kMinSatisfaction, kMaxSatisfaction);
        if (c.endReason != EndReason::None && !c.endedEarly) {
            warn(sub(base, "endReason"), "checkin.reason_without_end");
        }
        const auto found = m_matches.find(c.matchId);
        if (found == m_matches.end()) {
            error(sub(base, "matchId"), "reference.match", {text(c.matchId)});
            return;
        }
        const Match& m = m_roster.matches[found->second];
        if (!matchStarted(m)) {
            warn(sub(base, "matchId"), "checkin.not_started", {text(m.id)});
            return;
        }
        const std::string start = matchStartDate(m);
        if (isValidIsoDate(start) && isValidIsoDate(c.date) && c.date < start) {
            warn(sub(base, "date"), "checkin.before_start", {text(start)});
        }
        if (c.endedEarly && !isFinal(m.status())) {
            warn(sub(base, "endedEarly"), "checkin.ended_not_recorded", {text(m.id)});
        }
        if (c.milestone != CheckInMilestone::AdHoc) {
            std::string k = c.matchId;
            k.push_back('\0');
            k.append(toString(c.milestone));
            if (!m_milestones.insert(std::move(k)).second) {
                warn(sub(base, "milestone"), "checkin.duplicate_milestone",
                     {text(m.id), text(std::string(toString(c.milestone)))});
            }
        }
    }

    void range(const std::string& base, std::string_view field, const std::optional<int>& value, int lo, int hi) {
        if (!value || (*value >= lo && *value <= hi)) return;
        error(sub(base, field), "checkin.range", {number(lo), number(hi)});
    }

    void settings() {
        const MatchingSettings& s = m_roster.settings;
        for (Criterion c : allCriteria()) {
            if (s.weights[c] >= 0.0) continue;
            error(sub("/settings/weights", criterionName(c)), "weight.range");
        }
        if (!(s.minimumScore >= 0.0 && s.minimumScore <= 1.0)) {
            error("/settings/minimumScore", "score.range");
        }
        if (!(s.participantPriorities >= 0.0 && s.participantPriorities <= 1.0)) {
            error("/settings/participantPriorities", "priorities.range");
        }
    }

    // A household in two live matches, or a group over its capacity.
    void liveMatchCounts() {
        std::unordered_map<std::string_view, size_t> perHousehold;
        std::unordered_map<std::string_view, int> perGroup;
        for (size_t i = 0; i < m_roster.matches.size(); ++i) {
            const Match& m = m_roster.matches[i];
            if (!isLive(m.status())) continue;
            if (++perHousehold[m.householdId] == 2) {
                warn(at("matches", i), "match.household_twice", {text(m.householdId)});
            }
            const auto g = m_groups.find(m.groupId);
            if (g == m_groups.end()) continue;
            const int capacity = m_roster.groups[g->second].capacity;
            if (++perGroup[m.groupId] == capacity + 1) {
                warn(at("matches", i), "group.over_capacity", {text(m.groupId), number(capacity)});
            }
        }
    }

    const Roster& m_roster;
    std::vector<Problem>& m_out;
    std::unordered_map<std::string_view, size_t> m_households;
    std::unordered_map<std::string_view, size_t> m_groups;
    std::unordered_map<std::string_view, size_t> m_matches;
    std::unordered_set<std::string_view> m_constraintIds;
    std::unordered_set<std::string_view> m_checkInIds;
    std::unordered_set<std::string> m_milestones;  // match id \0 milestone
    std::unordered_map<std::string, ConstraintKind> m_pairKinds;
};

}  // namespace

std::vector<Problem> validateRoster(const Roster& roster, const ValidationOptions& options) {
    std::vector<Problem> out;
    Validator(roster, out).run(options);
    return out;
}

}  // namespace welkom
