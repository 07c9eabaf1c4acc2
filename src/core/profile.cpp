// Building the profiles (core/profile.h): Scorer's constructors, which encode
// every household and group of the roster once, and the goal links (which
// skills and sectors serve which goals and needs) they use.
//
// Index:
//   [SECTION] Goal links (which skills and sectors serve which goals/needs)
//   [SECTION] Profiles (Scorer::Data)
#include "core/profile.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace welkom {

// [SECTION] Goal links ---------------------------------------------------------------------------

namespace {

// Items a household can bring (goals, needs, work sectors) share one 64-bit
// mask: goals at 0.., needs after them, sectors after those (12 + 8 + 18 = 38).
constexpr int kNeedBase = 16;
constexpr int kSectorBase = 32;

int itemBit(VocabularyKind kind, std::string_view code) {
    const Vocabulary& v = vocabulary(kind);
    const int base = kind == VocabularyKind::Goals ? 0 : kind == VocabularyKind::Needs ? kNeedBase : kSectorBase;
    const int room = kind == VocabularyKind::Sectors ? 64 - kSectorBase : 16;
    for (std::size_t i = 0; i < v.size() && static_cast<int>(i) < room; ++i)
        if (v[i].code == code) return base + static_cast<int>(i);
    return -1;
}

struct ItemRef {
    VocabularyKind kind;
    std::string_view code;
};

// Which household goals and needs a member's skill or sector serves. A
// member's own sector also serves a household that worked or wants to work in
// it (a nurse for someone who wants to work in care), see sectorMask().
struct Link {
    std::string_view from;  // skill or sector code
    std::vector<ItemRef> serves;
};

const std::vector<Link>& skillLinks() {
    using K = VocabularyKind;
    static const std::vector<Link> links = {
        {"tutoring", {{K::Goals, "learn_dutch"}, {K::Goals, "start_education"}, {K::Goals, "children_school"}}},
        {"job_coaching", {{K::Goals, "find_work"}, {K::Goals, "recognise_diploma"}}},
        {"paperwork", {{K::Goals, "official_letters"}, {K::Goals, "recognise_diploma"}, {K::Needs, "paperwork_help"}}},
        {"finances", {{K::Goals, "official_letters"}, {K::Goals, "start_business"}, {K::Needs, "paperwork_help"}}},
        {"childcare", {{K::Needs, "childcare_help"}}},
        {"homework_help", {{K::Goals, "children_school"}, {K::Goals, "start_education"}}},
        {"healthcare_navigation", {{K::Needs, "healthcare_help"}}},
        {"digital_skills", {{K::Needs, "digital_help"}}},
        {"transport", {{K::Needs, "transport_help"}, {K::Goals, "find_way_city"}, {K::Goals, "driving_licence"}}},
        {"housing_help", {{K::Needs, "housing_help"}}},
        {"network", {{K::Goals, "find_work"}, {K::Goals, "social_network"}, {K::Goals, "volunteer_work"},
                     {K::Goals, "start_business"}}},
        {"interpreting", {{K::Goals, "official_letters"}, {K::Needs, "healthcare_help"}}},
        {"sports_coaching", {{K::Goals, "sports_club"}}},
    };
    return links;
}

const std::vector<Link>& sectorLinks() {
    using K = VocabularyKind;
    static const std::vector<Link> links = {
        {"education", {{K::Goals, "start_education"}, {K::Goals, "children_school"}, {K::Goals, "learn_dutch"}}},
        {"care", {{K::Needs, "healthcare_help"}}},
        {"finance", {{K::Goals, "start_business"}, {K::Goals, "official_letters"}}},
        {"legal", {{K::Goals, "official_letters"}}},
        {"government", {{K::Goals, "official_letters"}, {K::Goals, "recognise_diploma"}}},
        {"construction", {{K::Needs, "housing_help"}}},
    };
    return links;
}

std::uint64_t linkMask(const std::vector<Link>& links, std::string_view from) {
    // Resolved once per table: (code, mask) pairs.
    static const auto resolve = [](const std::vector<Link>& ls) {
        std::vector<std::pair<std::string_view, std::uint64_t>> out;
        for (const Link& l : ls) {
            std::uint64_t m = 0;
            for (const ItemRef& r : l.serves) {
                const int b = itemBit(r.kind, r.code);
                if (b >= 0) m |= std::uint64_t{1} << b;
            }
            out.emplace_back(l.from, m);
        }
        return out;
    };
    static const auto skills = resolve(skillLinks());
    static const auto sectors = resolve(sectorLinks());
    for (const auto& [code, mask] : &links == &skillLinks() ? skills : sectors)
        if (code == from) return mask;
    return 0;
}

// Every item some skill or sector can serve: only these count for goal fit.
std::uint64_t servableMask() {
    static const std::uint64_t mask = [] {
        std::uint64_t m = 0;
        for (const Link& l : skillLinks())
            for (const ItemRef& r : l.serves)
                if (itemBit(r.kind, r.code) >= 0) m |= std::uint64_t{1} << itemBit(r.kind, r.code);
        for (const Link& l : sectorLinks())
            for (const ItemRef& r : l.serves)
                if (itemBit(r.kind, r.code) >= 0) m |= std::uint64_t{1} << itemBit(r.kind, r.code);
        for (const Term& t : vocabulary(VocabularyKind::Sectors))
            if (itemBit(VocabularyKind::Sectors, t.code) >= 0) m |= std::uint64_t{1} << itemBit(VocabularyKind::Sectors, t.code);
        return m;
    }();
    return mask;
}

}  // namespace

// The code of an item bit, for reasons.
std::string_view itemCode(int bit) {
    VocabularyKind kind = bit >= kSectorBase ? VocabularyKind::Sectors
                          : bit >= kNeedBase ? VocabularyKind::Needs
                                             : VocabularyKind::Goals;
    const int base = kind == VocabularyKind::Goals ? 0 : kind == VocabularyKind::Needs ? kNeedBase : kSectorBase;
    return vocabulary(kind)[static_cast<std::size_t>(bit - base)].code;
}

namespace {

double saturate(int n, int at) { return n >= at ? 1.0 : static_cast<double>(n) / at; }

std::uint8_t slots(const Availability& a) {
    return static_cast<std::uint8_t>((a.weekdayDaytime ? kSlotDay : 0) | (a.evenings ? kSlotEvening : 0) |
                                     (a.weekends ? kSlotWeekend : 0));
}

// Levels count as scoredLevel() (roster.h) reads them: unknown as A2.
bool canTalk(LanguageLevel l) { return scoredLevel(l) >= LanguageLevel::A2; }
bool canPractiseDutchWith(LanguageLevel l) { return scoredLevel(l) >= LanguageLevel::B2; }

double closeness(int gap) {
    if (gap < 0) gap = -gap;
    if (gap <= 5) return 1.0;
    if (gap >= 30) return 0.0;
    return static_cast<double>(30 - gap) / 25.0;
}

// The members whose age and languages count for a household: its adults, or
// everyone when it lists no adult (a validation warning).
template <typename F>
void forEachSpeakingMember(const Household& h, F&& f) {
    bool anyAdult = false;
    for (const HouseholdMember& m : h.members) anyAdult = anyAdult || m.role == MemberRole::Adult;
    for (const HouseholdMember& m : h.members)
        if (m.role == MemberRole::Adult || !anyAdult) f(m);
}

}  // namespace

// [SECTION] Profiles ---------------------------------------------------------------------------

Scorer::Scorer(const Roster& roster) : Scorer(roster, roster.settings.weights) {}

Scorer::Scorer(const Roster& roster, const CriterionWeights& weights)
    : m_roster(roster), m_data(std::make_unique<Data>()) {
    for (Criterion c : allCriteria()) m_weight[static_cast<std::size_t>(c)] = weights[c] >= 0.0 ? weights[c] : 0.0;
    Data& d = *m_data;
    // Known languages take the first bits in vocabulary order (47 < 64).
    for (const Term& t : vocabulary(VocabularyKind::Languages)) d.langBit(std::string(t.code));

    // Interests that some household gave (member interests nobody asks for never matter).
    std::unordered_map<std::string, int> interestIds;
    for (const Household& h : roster.households)
        for (const std::string& t : h.interests)
            if (interestIds.emplace(t, static_cast<int>(d.interestTag.size())).second) d.interestTag.push_back(t);
    d.words = std::max<int>(1, static_cast<int>((d.interestTag.size() + 63) / 64));
    const auto W = static_cast<std::size_t>(d.words);
    auto setInterest = [&](std::uint64_t* words, const std::string& tag) -> bool {
        auto it = interestIds.find(tag);
        if (it == interestIds.end()) return false;
        std::uint64_t& w = words[static_cast<std::size_t>(it->second) / 64];
        const std::uint64_t bit = std::uint64_t{1} << (it->second % 64);
        const bool fresh = (w & bit) == 0;
        w |= bit;
        return fresh;
    };

    std::unordered_map<std::string, int> nbIds;
    auto nbId = [&](const std::string& muni, const std::string& nb) {
        if (nb.empty()) return -1;
        std::string key = muni;
        key.push_back('\0');
        key += nb;
        return nbIds.emplace(std::move(key), static_cast<int>(nbIds.size())).first->second;
    };

    // The age table needs rows only for ages some household adult has.
    std::vector<char> ageNeeded(static_cast<std::size_t>(kMaxAge + 1), 0);
    for (const Household& h : roster.households)
        forEachSpeakingMember(h, [&](const HouseholdMember& m) { ageNeeded[static_cast<std::size_t>(clampAge(m.age))] = 1; });

    // Groups first, so municipality ids of places with groups are small and buckets exist.
    // Member data is laid out municipality by municipality: a household's
    // candidates then sit close together in memory.
    std::vector<int> groupMuni(roster.groups.size());
    for (std::size_t gi = 0; gi < roster.groups.size(); ++gi) groupMuni[gi] = d.muniId(roster.groups[gi].municipality);
    std::vector<std::size_t> groupOrder(roster.groups.size());
    for (std::size_t gi = 0; gi < groupOrder.size(); ++gi) groupOrder[gi] = gi;
    std::stable_sort(groupOrder.begin(), groupOrder.end(), [&](std::size_t a, std::size_t b) {
        if (groupMuni[a] != groupMuni[b]) return groupMuni[a] < groupMuni[b];
        return idLess(roster.groups[a].id, roster.groups[b].id);
    });
    d.gr.resize(roster.groups.size());
    d.slotOf.resize(roster.groups.size());
    const std::size_t stride = d.stride();
    d.ageTable.assign(roster.groups.size() * static_cast<std::size_t>(kMaxAge + 1), 0.0);
    d.groupLangUnknown.assign(groupOrder.size(), 0);
    for (std::size_t slot = 0; slot < groupOrder.size(); ++slot) {
        const std::size_t gi = groupOrder[slot];
        const WelcomeGroup& g = roster.groups[gi];
        GroupProfile& p = d.gr[slot];
        d.slotOf[gi] = static_cast<int>(slot);
        p.index = static_cast<int>(gi);
        p.muni = groupMuni[gi];
        p.neighbourhood = nbId(g.municipality, g.neighbourhood);
        p.allowedBegin = static_cast<int>(d.allowedMunis.size());
        for (const std::string& m : g.allowedMunicipalities) d.allowedMunis.push_back(d.muniId(m));
        p.allowedEnd = static_cast<int>(d.allowedMunis.size());
        p.capacity = g.capacity;
        p.maxSize = g.support.maxHouseholdSize;
        p.consent = g.consent.toMatching;
        p.avail = slots(g.availability);
        p.memberBegin = static_cast<int>(d.memberAge.size());
        p.allFemale = !g.members.empty();
        std::array<int, 64> speakers{};
        for (const GroupMember& m : g.members) {
            d.memberAge.push_back(m.age);
            std::uint64_t lang = 0, unknown = 0;
            bool dutchWell = false;
            for (const LanguageSkill& l : m.languages) {
                if (!canTalk(l.level)) continue;
                const int b = d.langBit(l.code);
                if (b >= 0) lang |= std::uint64_t{1} << b;
                if (b >= 0 && l.level == LanguageLevel::Unknown) unknown |= std::uint64_t{1} << b;
                if (l.code == "nl" && canPractiseDutchWith(l.level)) dutchWell = true;
            }
            d.groupLangUnknown[slot] |= unknown;
            for (int b = 0; b < 64; ++b)
                if (lang & (std::uint64_t{1} << b)) ++speakers[static_cast<std::size_t>(b)];
            d.memberWords.resize(d.memberWords.size() + stride, 0);
            d.memberWords[d.memberWords.size() - stride] = lang;
            std::uint64_t* words = d.memberWords.data() + d.memberWords.size() - W;
            for (const std::string& t : m.interests) setInterest(words, t);
            p.dutchSpeakers += dutchWell ? 1 : 0;
            p.withChildren += m.hasChildren ? 1 : 0;
            bool care = false;
            for (const std::string& s : m.skills) {
                p.items |= linkMask(skillLinks(), s);
                care = care || s == "childcare" || s == "homework_help";
            }
            p.childcare += care ? 1 : 0;
            if (!m.sector.empty()) {
                p.items |= linkMask(sectorLinks(), m.sector);
                const int b = itemBit(VocabularyKind::Sectors, m.sector);
                if (b >= 0) p.items |= std::uint64_t{1} << b;
            }
            if (m.gender != Gender::Female) p.allFemale = false;
        }
        p.memberEnd = static_cast<int>(d.memberAge.size());
        // Age per adult: half the best member closeness, half the mean (see the header).
        const int members = p.memberEnd - p.memberBegin;
        for (int age = 0; members > 0 && age <= kMaxAge; ++age) {
            if (!ageNeeded[static_cast<std::size_t>(age)]) continue;
            double best = 0.0, sum = 0.0;
            for (int m = p.memberBegin; m < p.memberEnd; ++m) {
                const double c = closeness(age - d.memberAge[static_cast<std::size_t>(m)]);
                sum += c;
                best = c > best ? c : best;
            }
            d.ageTable[static_cast<std::size_t>(age) * roster.groups.size() + slot] =
                0.5 * best + 0.5 * (sum / members);
        }
        for (int b = 0; b < 64; ++b)
            if (speakers[static_cast<std::size_t>(b)] >= kMinSpeakers) p.usableLang |= std::uint64_t{1} << b;
        p.practice = saturate(p.dutchSpeakers, 3);
        p.family = 0.5 * saturate(p.withChildren, 2) + 0.5 * saturate(p.childcare, 1);
    }

    d.hh.resize(roster.households.size());
    d.hInterest.assign(roster.households.size() * W, 0);
    const std::uint64_t servable = servableMask();
    for (std::size_t hi = 0; hi < roster.households.size(); ++hi) {
        const Household& h = roster.households[hi];
        HouseholdProfile& p = d.hh[hi];
        p.muni = d.muniId(h.municipality);
        p.neighbourhood = nbId(h.municipality, h.neighbourhood);
        p.size = static_cast<int>(h.members.size());
        p.consent = h.consent.toMatching;
        p.womenOnly = h.preferences.womenOnlyGroup;
        p.wantsChildren = h.preferences.groupWithChildren;
        p.avail = slots(h.availability);
        for (const HouseholdMember& m : h.members) p.children += m.role == MemberRole::Child ? 1 : 0;
        p.adultBegin = static_cast<int>(d.adultAges.size());
        std::uint64_t langKnown = 0;
        forEachSpeakingMember(h, [&](const HouseholdMember& m) {
            d.adultAges.push_back(m.age);
            for (const LanguageSkill& l : m.languages) {
                if (l.code == "nl" && scoredLevel(l.level) > p.dutch) p.dutch = scoredLevel(l.level);
                if (!canTalk(l.level)) continue;
                const int b = d.langBit(l.code);
                if (b < 0) continue;
                p.lang |= std::uint64_t{1} << b;
                (l.level == LanguageLevel::Unknown ? p.langUnknown : langKnown) |= std::uint64_t{1} << b;
            }
        });
        p.langUnknown &= ~langKnown;
        p.adultEnd = static_cast<int>(d.adultAges.size());
        std::uint64_t* words = d.hInterest.data() + hi * W;
        p.interestBegin = static_cast<int>(d.hInterestIds.size());
        for (const std::string& t : h.interests)
            if (setInterest(words, t)) d.hInterestIds.push_back(interestIds.at(t));
        p.interestEnd = static_cast<int>(d.hInterestIds.size());
        p.interestCount = p.interestEnd - p.interestBegin;
        for (const std::string& t : h.goals) {
            const int b = itemBit(VocabularyKind::Goals, t);
            if (b >= 0) p.items |= std::uint64_t{1} << b;
        }
        for (const std::string& t : h.needs) {
            const int b = itemBit(VocabularyKind::Needs, t);
            if (b >= 0) p.items |= std::uint64_t{1} << b;
        }
        for (const std::string& t : h.workSectors) {
            const int b = itemBit(VocabularyKind::Sectors, t);
            if (b >= 0) p.items |= std::uint64_t{1} << b;
        }
        p.items &= servable;
    }

    d.allowingSlots.assign(d.muniName.size(), {});
    d.muniFirstSlot.assign(d.muniName.size() + 1, static_cast<int>(d.gr.size()));
    for (std::size_t slot = d.gr.size(); slot-- > 0;)
        d.muniFirstSlot[static_cast<std::size_t>(d.gr[slot].muni)] = static_cast<int>(slot);
    for (std::size_t m = d.muniName.size(); m-- > 0;)  // municipalities without groups: empty runs
        d.muniFirstSlot[m] = std::min(d.muniFirstSlot[m], d.muniFirstSlot[m + 1]);
    for (std::size_t slot = 0; slot < d.gr.size(); ++slot) {
        const GroupProfile& p = d.gr[slot];
        for (int k = p.allowedBegin; k < p.allowedEnd; ++k) {
            auto& list = d.allowingSlots[static_cast<std::size_t>(d.allowedMunis[static_cast<std::size_t>(k)])];
            if (list.empty() || list.back() != static_cast<int>(slot)) list.push_back(static_cast<int>(slot));
        }
    }

    // Forbidden pairs: the coordinator's Forbid, and pairs declined before
    // (unless the coordinator pinned the pair again).
    std::unordered_map<std::string_view, std::size_t> hIdx, gIdx;
    for (std::size_t i = 0; i < roster.households.size(); ++i) hIdx.emplace(roster.households[i].id, i);
    for (std::size_t i = 0; i < roster.groups.size(); ++i) gIdx.emplace(roster.groups[i].id, i);
    std::vector<std::uint64_t> pinned;
    for (const Constraint& c : roster.constraints) {
        auto h = hIdx.find(c.householdId);
        auto g = gIdx.find(c.groupId);
        if (h == hIdx.end() || g == gIdx.end()) continue;
        (c.kind == ConstraintKind::Forbid ? d.forbidden : pinned).push_back(forbidKey(h->second, g->second));
    }
    std::sort(pinned.begin(), pinned.end());
    for (const Match& m : roster.matches) {
        if (m.status() != MatchStatus::Declined) continue;
        auto h = hIdx.find(m.householdId);
        auto g = gIdx.find(m.groupId);
        if (h == hIdx.end() || g == gIdx.end()) continue;
        const std::uint64_t k = forbidKey(h->second, g->second);
        if (!std::binary_search(pinned.begin(), pinned.end(), k)) d.forbidden.push_back(k);
    }
    std::sort(d.forbidden.begin(), d.forbidden.end());
    d.forbidden.erase(std::unique(d.forbidden.begin(), d.forbidden.end()), d.forbidden.end());
    for (std::uint64_t k : d.forbidden) d.hh[static_cast<std::size_t>(k >> 32)].hasForbids = true;

    // Participants' priorities: importance factors per side (scoring.h).
    const double share = roster.settings.participantPriorities;
    bool stated = false;
    for (const Household& h : roster.households) stated = stated || h.statedPriorities.any();
    for (const WelcomeGroup& g : roster.groups)
        for (const GroupMember& m : g.members) stated = stated || m.statedPriorities.any();
    m_usePriorities = stated && share > 0.0;
    if (!m_usePriorities) return;
    m_householdFactor.resize(roster.households.size());
    for (std::size_t h = 0; h < roster.households.size(); ++h)
        for (Criterion c : allCriteria())
            m_householdFactor[h][static_cast<std::size_t>(c)] = importanceFactor(roster.households[h].statedPriorities[c]);
    m_groupFactor.resize(roster.groups.size());
    m_groupStated.resize(roster.groups.size());
    for (std::size_t g = 0; g < roster.groups.size(); ++g) {
        for (Criterion c : allCriteria()) {
            double sum = 0.0;
            int n = 0;
            for (const GroupMember& m : roster.groups[g].members) {
                if (m.statedPriorities[c] == StatedImportance::NotStated) continue;
                sum += importanceFactor(m.statedPriorities[c]);
                ++n;
            }
            const auto ci = static_cast<std::size_t>(c);
            m_groupFactor[g][ci] = n > 0 ? sum / n : 1.0;
            m_groupStated[g][ci] = n;
        }
    }
}

double importanceFactor(StatedImportance i) {
    switch (i) {
        case StatedImportance::NotImportant: return 0.5;
        case StatedImportance::VeryImportant: return 1.5;
        case StatedImportance::Important:
        case StatedImportance::NotStated: return 1.0;
    }
    return 1.0;
}

Scorer::~Scorer() = default;
Scorer::Scorer(Scorer&&) noexcept = default;

}  // namespace welkom
