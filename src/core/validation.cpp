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

std::string formatProblem(const Problem& p, bool dutch) {
    const std::string& msg = dutch && !p.messageNl.empty() ? p.messageNl : p.message.empty() ? p.code : p.message;
    return p.path.empty() ? msg : p.path + ": " + msg;
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
    const std::string n = std::to_string(more);
    problems.push_back(Problem{"", anyError ? Severity::Error : Severity::Warning, "problems.more",
                               "... and " + n + " more " + (more == 1 ? "problem" : "problems") + " not listed",
                               "... en nog " + n + (more == 1 ? " probleem" : " problemen") + " die niet getoond worden"});
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
                warn(at("households", i), "household.unreachable",
                     "no welcome group can take this household: every group in reach breaks a hard condition "
                     "(municipality, a language spoken at A2 or better by the household and two members, "
                     "women-only wish, household size, consent, capacity or a coordinator's exclusion)",
                     "geen Welkom Groep kan dit huishouden opvangen: elke bereikbare groep schendt een harde "
                     "voorwaarde (gemeente, een taal die het huishouden en twee leden op A2 of hoger spreken, "
                     "wens voor een vrouwengroep, grootte van het huishouden, toestemming, capaciteit of een "
                     "uitsluiting door de coördinator)");
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

    void add(Severity s, std::string path, const char* code, std::string en, std::string nl) {
        m_out.push_back(Problem{std::move(path), s, code, std::move(en), std::move(nl)});
    }
    void error(std::string path, const char* code, std::string en, std::string nl) {
        add(Severity::Error, std::move(path), code, std::move(en), std::move(nl));
    }
    void warn(std::string path, const char* code, std::string en, std::string nl) {
        add(Severity::Warning, std::move(path), code, std::move(en), std::move(nl));
    }

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
                error(sub(at("groups", i), "id"), "id.duplicate",
                      "id \"" + id + "\" is already used by a household",
                      "id \"" + id + "\" is al in gebruik bij een huishouden");
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
        error(std::move(path), "id.duplicate", "id \"" + id + "\" is used more than once",
              "id \"" + id + "\" komt meer dan eens voor");
    }

    void requireText(const std::string& base, std::string_view field, const std::string& value) {
        if (!value.empty()) return;
        error(sub(base, field), field == "id" ? "id.empty" : "text.empty", std::string(field) + " must not be empty",
              std::string(field) + " mag niet leeg zijn");
    }

    // Paths are built only for problems: most values are fine, and a 20,000 x
    // 20,000 roster has over a million of them.
    void date(const std::string& base, std::string_view field, const std::string& value) {
        if (value.empty() || isValidIsoDate(value)) return;
        error(sub(base, field), "date.invalid", "\"" + value + "\" is not a valid date (YYYY-MM-DD)",
              "\"" + value + "\" is geen geldige datum (JJJJ-MM-DD)");
    }

    void age(const std::string& base, int value, int lo) {
        if (value >= lo && value <= kMaxAge) return;
        const std::string path = sub(base, "age");
        const std::string range = std::to_string(lo) + " and " + std::to_string(kMaxAge);
        const std::string rangeNl = std::to_string(lo) + " en " + std::to_string(kMaxAge);
        error(path, "age.range", "age must be between " + range, "leeftijd moet tussen " + rangeNl + " liggen");
        m_out.back().args = {std::to_string(lo), std::to_string(kMaxAge)};
    }

    void languages(const std::string& base, const std::vector<LanguageSkill>& langs) {
        for (const LanguageSkill& l : langs) {
            // Words from the app's catalogue (problem.language.level_unknown), none here.
            if (l.level == LanguageLevel::Unknown) warn(sub(sub(base, "languages"), l.code), "language.level_unknown", {}, {});
            if (isKnownLanguage(l.code)) continue;
            error(sub(sub(base, "languages"), l.code), "language.unknown",
                  "unknown language code \"" + l.code + "\" (use ISO 639-1, e.g. \"ar\", \"ti\", \"fa\")",
                  "onbekende taalcode \"" + l.code + "\" (gebruik ISO 639-1, bijv. \"ar\", \"ti\", \"fa\")");
        }
    }

    // index == kNoIndex: a single tag field rather than a list.
    static constexpr size_t kNoIndex = static_cast<size_t>(-1);
    void tag(const std::string& base, std::string_view field, size_t index, VocabularyKind kind,
             const std::string& value) {
        if (findTerm(vocabulary(kind), value) != nullptr || isCustomTag(value)) return;
        warn(index == kNoIndex ? sub(base, field) : sub(base, field, index), "tag.unknown",
             "\"" + value + "\" is not in the list; it is kept as it is (own tags start with \"custom:\")",
             "\"" + value + "\" staat niet in de lijst; het blijft bewaard (eigen labels beginnen met \"custom:\")");
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
            warn(sub(sub(base, "consent"), "toMatching"), "consent.matching",
                 household ? "no consent to be matched: this household is never matched"
                           : "no consent to be matched: this group is never matched",
                 household ? "geen toestemming om gekoppeld te worden: dit huishouden wordt nooit gekoppeld"
                           : "geen toestemming om gekoppeld te worden: deze groep wordt nooit gekoppeld");
        }
    }

    void household(size_t i) {
        const Household& h = m_roster.households[i];
        const std::string base = at("households", i);
        requireText(base, "id", h.id);
        requireText(base, "displayName", h.displayName);
        requireText(base, "municipality", h.municipality);
        if (h.members.empty()) {
            error(sub(base, "members"), "household.no_members", "a household needs at least one member",
                  "een huishouden heeft minstens één lid nodig");
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
                    warn(sub(mp, "languages"), "language.none", "no languages given for this adult",
                         "geen talen opgegeven voor deze volwassene");
                }
            }
        }
        if (!h.members.empty() && !anyAdult) {
            warn(sub(base, "members"), "household.no_adult", "no adult in this household",
                 "geen volwassene in dit huishouden");
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
                 "a welcome group has at least " + std::to_string(kMinGroupSize) + " members; this one has " +
                     std::to_string(g.members.size()),
                 "een Welkom Groep heeft minstens " + std::to_string(kMinGroupSize) + " leden; deze heeft er " +
                     std::to_string(g.members.size()));
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
            warn(sub(base, "coordinatorId"), "coordinator.missing", "no coordinator chosen for this group",
                 "geen coördinator gekozen voor deze groep");
        } else if (memberIds.count(g.coordinatorId) == 0) {
            error(sub(base, "coordinatorId"), "coordinator.not_member",
                  "coordinator \"" + g.coordinatorId + "\" is not a member of this group",
                  "coördinator \"" + g.coordinatorId + "\" is geen lid van deze groep");
        }
        if (g.capacity < 0) {
            error(sub(base, "capacity"), "capacity.range", "capacity must be 0 or more",
                  "capaciteit moet 0 of meer zijn");
        }
        if (g.support.maxHouseholdSize < 0) {
            error(sub(sub(base, "support"), "maxHouseholdSize"), "support.range",
                  "maximum household size must be 0 (no limit) or more",
                  "maximale grootte van het huishouden moet 0 (geen grens) of meer zijn");
        }
        consent(base, g.consent, false);
    }

    // A reference field to a household or group by id; false when unknown.
    void reference(const std::string& path, const std::string& id, bool toHousehold) {
        const auto& index = toHousehold ? m_households : m_groups;
        if (index.count(id) > 0) return;
        if (toHousehold) {
            error(path, "reference.household", "no household with id \"" + id + "\"",
                  "geen huishouden met id \"" + id + "\"");
        } else {
            error(path, "reference.group", "no welcome group with id \"" + id + "\"",
                  "geen Welkom Groep met id \"" + id + "\"");
        }
    }

    void match(size_t i) {
        const Match& m = m_roster.matches[i];
        const std::string base = at("matches", i);
        requireText(base, "id", m.id);
        reference(sub(base, "householdId"), m.householdId, true);
        reference(sub(base, "groupId"), m.groupId, false);
        for (const CriterionScore& s : m.scores) {
            if (s.score >= 0.0 && s.score <= 1.0) continue;
            error(sub(sub(base, "scores"), s.criterion), "score.range", "a criterion score must be between 0 and 1",
                  "een criteriumscore moet tussen 0 en 1 liggen");
        }
        if (m.history.empty()) {
            error(sub(base, "history"), "match.no_history", "a match needs at least its proposal in its history",
                  "een koppeling heeft minstens het voorstel in de geschiedenis nodig");
            return;
        }
        if (m.history.front().status != MatchStatus::Proposed) {
            error(sub(base, "history", 0) + "/status", "match.transition", "a match history starts with \"proposed\"",
                  "de geschiedenis van een koppeling begint met \"proposed\"");
        }
        for (size_t k = 0; k < m.history.size(); ++k) {
            const MatchEvent& e = m.history[k];
            const std::string ep = sub(base, "history", k);
            date(ep, "date", e.date);
            if (k == 0) continue;
            const MatchEvent& prev = m.history[k - 1];
            if (!isAllowedTransition(prev.status, e.status)) {
                const std::string from(toString(prev.status));
                const std::string to(toString(e.status));
                error(sub(ep, "status"), "match.transition", "\"" + to + "\" cannot follow \"" + from + "\"",
                      "\"" + to + "\" kan niet volgen op \"" + from + "\"");
            }
            // ISO dates compare correctly as text.
            if (isValidIsoDate(e.date) && isValidIsoDate(prev.date) && e.date < prev.date) {
                warn(sub(ep, "date"), "date.order", "this step is dated before the previous one",
                     "deze stap is eerder gedateerd dan de vorige");
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
            error(sub(base, "kind"), "constraint.conflict", "this pair is both pinned and forbidden",
                  "dit paar is zowel vastgezet als verboden");
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
            warn(sub(base, "endReason"), "checkin.reason_without_end",
                 "a reason for ending is given, but the match is not marked as ended early",
                 "er is een reden van beëindiging opgegeven, maar de koppeling is niet als vroegtijdig beëindigd "
                 "gemarkeerd");
        }
        const auto found = m_matches.find(c.matchId);
        if (found == m_matches.end()) {
            error(sub(base, "matchId"), "reference.match", "no match with id \"" + c.matchId + "\"",
                  "geen koppeling met id \"" + c.matchId + "\"");
            return;
        }
        const Match& m = m_roster.matches[found->second];
        if (!matchStarted(m)) {
            warn(sub(base, "matchId"), "checkin.not_started",
                 "match \"" + m.id + "\" was never introduced, so there is nothing to follow up yet",
                 "koppeling \"" + m.id + "\" is nooit voorgesteld aan elkaar, dus er valt nog niets op te volgen");
            return;
        }
        const std::string start = matchStartDate(m);
        if (isValidIsoDate(start) && isValidIsoDate(c.date) && c.date < start) {
            warn(sub(base, "date"), "checkin.before_start", "this check-in is dated before the match started (" +
                 start + ")", "deze check-in is gedateerd vóór de start van de koppeling (" + start + ")");
        }
        if (c.endedEarly && !isFinal(m.status())) {
            warn(sub(base, "endedEarly"), "checkin.ended_not_recorded",
                 "the check-in says the match ended early, but match \"" + m.id + "\" is still open",
                 "de check-in zegt dat de koppeling vroegtijdig is beëindigd, maar koppeling \"" + m.id +
                     "\" loopt nog");
        }
        if (c.milestone != CheckInMilestone::AdHoc) {
            std::string k = c.matchId;
            k.push_back('\0');
            k.append(toString(c.milestone));
            if (!m_milestones.insert(std::move(k)).second) {
                warn(sub(base, "milestone"), "checkin.duplicate_milestone",
                     "match \"" + m.id + "\" already has a check-in for " + std::string(toString(c.milestone)),
                     "koppeling \"" + m.id + "\" heeft al een check-in voor " + std::string(toString(c.milestone)));
            }
        }
    }

    void range(const std::string& base, std::string_view field, const std::optional<int>& value, int lo, int hi) {
        if (!value || (*value >= lo && *value <= hi)) return;
        const std::string r = std::to_string(lo) + " and " + std::to_string(hi);
        const std::string rNl = std::to_string(lo) + " en " + std::to_string(hi);
        error(sub(base, field), "checkin.range", std::string(field) + " must be between " + r,
              std::string(field) + " moet tussen " + rNl + " liggen");
    }

    void settings() {
        const MatchingSettings& s = m_roster.settings;
        for (Criterion c : allCriteria()) {
            if (s.weights[c] >= 0.0) continue;
            error(sub("/settings/weights", criterionName(c)), "weight.range", "a weight must be 0 or more",
                  "een gewicht moet 0 of meer zijn");
        }
        if (!(s.minimumScore >= 0.0 && s.minimumScore <= 1.0)) {
            error("/settings/minimumScore", "score.range", "the minimum score must be between 0 and 1",
                  "de minimumscore moet tussen 0 en 1 liggen");
        }
        if (!(s.participantPriorities >= 0.0 && s.participantPriorities <= 1.0)) {
            // Words from the app's catalogue (problem.priorities.range), none here.
            error("/settings/participantPriorities", "priorities.range", {}, {});
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
                warn(at("matches", i), "match.household_twice",
                     "household \"" + m.householdId + "\" is in more than one open match",
                     "huishouden \"" + m.householdId + "\" zit in meer dan één lopende koppeling");
            }
            const auto g = m_groups.find(m.groupId);
            if (g == m_groups.end()) continue;
            const int capacity = m_roster.groups[g->second].capacity;
            if (++perGroup[m.groupId] == capacity + 1) {
                warn(at("matches", i), "group.over_capacity",
                     "group \"" + m.groupId + "\" has more open matches than its capacity (" +
                         std::to_string(capacity) + ")",
                     "groep \"" + m.groupId + "\" heeft meer lopende koppelingen dan de capaciteit (" +
                         std::to_string(capacity) + ")");
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
