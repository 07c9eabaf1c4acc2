// Building the reports of core/pair_report.h: Scorer::explain (every hard
// verdict and criterion of a pair, with its reasons), explainPair,
// Scorer::explainUnplaceable (what blocks each candidate group of a household
// and the cheapest changes that would unblock one), and the reports' own
// pieces (hard condition names, TagList).
//
// Index:
//   [SECTION] Names
//   [SECTION] Tag lists
//   [SECTION] Explanations
//   [SECTION] Unplaceable households
#include "core/pair_report.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "core/profile.h"

namespace welkom {

// [SECTION] Names ----------------------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, kHardConditionCount> kHardNames = {
    "household_consent", "group_consent", "group_capacity", "municipality",
    "language",          "women_only",    "household_size", "forbidden"};

}  // namespace

std::string_view toString(HardCondition c) { return kHardNames[static_cast<std::size_t>(c)]; }

// [SECTION] Tag lists --------------------------------------------------------------------------

void TagList::pushBackGrowing(std::string_view tag) {
    char length[5];
    std::uint32_t lengthBytes = 1;
    if (tag.size() < 0xFF) {
        length[0] = static_cast<char>(tag.size());
    } else {
        const auto n = static_cast<std::uint32_t>(tag.size());
        length[0] = static_cast<char>(0xFF);
        for (int k = 0; k < 4; ++k) length[1 + k] = static_cast<char>((n >> (8 * k)) & 0xFF);
        lengthBytes = 5;
    }
    const std::size_t need = static_cast<std::size_t>(m_bytes) + lengthBytes + tag.size();
    if (need > m_capacity) {
        const std::size_t capacity = std::max<std::size_t>(need, 2 * static_cast<std::size_t>(m_capacity));
        char* grown = new char[capacity];
        std::memcpy(grown, chars(), m_bytes);
        delete[] m_heap;
        m_heap = grown;
        m_capacity = static_cast<std::uint32_t>(capacity);
    }
    char* at = chars() + m_bytes;
    std::memcpy(at, length, lengthBytes);
    if (!tag.empty()) std::memcpy(at + lengthBytes, tag.data(), tag.size());
    m_bytes = static_cast<std::uint32_t>(need);
    ++m_count;
}

void TagList::assign(const TagList& o) {
    if (o.m_bytes > m_capacity) {
        delete[] m_heap;
        m_heap = new char[o.m_bytes];
        m_capacity = o.m_bytes;
    }
    if (o.m_bytes > 0) std::memcpy(chars(), o.chars(), o.m_bytes);
    m_bytes = o.m_bytes;
    m_count = o.m_count;
}

void TagList::take(TagList& o) noexcept {
    if (o.m_heap) {  // steal the heap buffer
        delete[] m_heap;
        m_heap = o.m_heap;
        m_capacity = o.m_capacity;
        o.m_heap = nullptr;
        o.m_capacity = kInlineBytes;
        m_bytes = o.m_bytes;
        m_count = o.m_count;
    } else {
        assign(o);  // fits inline here too, or in our own heap buffer
    }
    o.m_bytes = 0;
    o.m_count = 0;
}

bool TagList::operator==(const TagList& o) const {
    return m_count == o.m_count && m_bytes == o.m_bytes && std::memcmp(chars(), o.chars(), m_bytes) == 0;
}

namespace {

// The tag that starts at `at`, and where its bytes begin.
std::string_view tagStartingAt(const char* at) {
    const auto first = static_cast<unsigned char>(*at);
    if (first < 0xFF) return {at + 1, first};
    std::uint32_t n = 0;
    for (int k = 0; k < 4; ++k) n |= static_cast<std::uint32_t>(static_cast<unsigned char>(at[1 + k])) << (8 * k);
    return {at + 5, n};
}

}  // namespace

std::string_view TagList::const_iterator::operator*() const { return tagStartingAt(m_at); }

TagList::const_iterator& TagList::const_iterator::operator++() {
    const std::string_view t = tagStartingAt(m_at);
    m_at = t.data() + t.size();
    return *this;
}

std::string_view TagList::operator[](std::size_t i) const {
    auto it = begin();
    for (; i > 0; --i) ++it;
    return *it;
}

// [SECTION] Explanations ------------------------------------------------------------------------

namespace {

// Index of the lowest set bit; precondition x != 0.
int lowestBit(std::uint64_t x) {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_ctzll(x);  // one instruction natively and in wasm (i64.ctz)
#endif
    int n = 0;
    while (!(x & 1)) {
        x >>= 1;
        ++n;
    }
    return n;
}

void addLangCodes(const Scorer::Data& d, std::uint64_t mask, TagList& out) {
    for (; mask != 0; mask &= mask - 1) out.push_back(d.langCode[static_cast<std::size_t>(lowestBit(mask))]);
}

void addNumber(int n, TagList& out) {
    char buf[16];
    char* end = buf + sizeof buf;
    char* at = end;
    const bool negative = n < 0;
    unsigned v = negative ? 0u - static_cast<unsigned>(n) : static_cast<unsigned>(n);
    do {
        *--at = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    if (negative) *--at = '-';
    out.push_back(std::string_view(at, static_cast<std::size_t>(end - at)));
}

}  // namespace

PairReport Scorer::explain(std::size_t hi, std::size_t gi) const {
    const Data& d = *m_data;
    const Household& hh = m_roster.households[hi];
    const WelcomeGroup& gg = m_roster.groups[gi];
    const HouseholdProfile& h = d.hh[hi];
    const GroupProfile& g = d.group(gi);
    const int members = g.memberEnd - g.memberBegin;
    PairReport r;
    r.householdId = hh.id;
    r.groupId = gg.id;
    // Reasons are filled in place (a report is large; moving reasons in costs).
    auto hardReason = [&](HardCondition c) -> Reason& { return r.hard[static_cast<std::size_t>(c)].reason; };
    auto verdict = [&](HardCondition c, bool ok) {
        HardVerdict& v = r.hard[static_cast<std::size_t>(c)];
        v.condition = c;
        v.ok = ok;
        r.feasible = r.feasible && ok;
    };
    using RK = ReasonKind;
    hardReason(HardCondition::HouseholdConsent).kind = h.consent ? RK::HouseholdConsents : RK::HouseholdNoConsent;
    verdict(HardCondition::HouseholdConsent, h.consent);
    hardReason(HardCondition::GroupConsent).kind = g.consent ? RK::GroupConsents : RK::GroupNoConsent;
    verdict(HardCondition::GroupConsent, g.consent);
    {
        Reason& rs = hardReason(HardCondition::GroupCapacity);
        rs.kind = g.capacity > 0 ? RK::GroupHasRoom : RK::GroupPaused;
        rs.n0 = g.capacity;
        verdict(HardCondition::GroupCapacity, g.capacity > 0);
    }
    {
        Reason& rs = hardReason(HardCondition::Municipality);
        bool ok = true;
        if (h.muni == g.muni) {
            rs.kind = RK::SameMunicipality;
            rs.tags.push_back(hh.municipality);
        } else if (municipalityOk(d, h, g, false)) {
            rs.kind = RK::AllowedMunicipality;
        } else if (m_roster.settings.allowCrossMunicipality) {
            rs.kind = RK::CrossMunicipalityAllowed;
        } else {
            rs.kind = RK::OtherMunicipality;
            ok = false;
        }
        if (rs.kind != RK::SameMunicipality) {
            rs.tags.push_back(hh.municipality);
            rs.tags.push_back(gg.municipality);
        }
        verdict(HardCondition::Municipality, ok);
    }
    {
        Reason& rs = hardReason(HardCondition::Language);
        rs.tagKind = TagKind::Language;
        const std::uint64_t both = h.lang & g.usableLang;
        // Speakers per household language.
        auto speakers = [&](int bit) {
            int n = 0;
            for (int m = g.memberBegin; m < g.memberEnd; ++m)
                n += (d.memberLang(m) >> bit) & 1 ? 1 : 0;
            return n;
        };
        if (both != 0) {
            rs.kind = RK::SharedLanguage;
            addLangCodes(d, both, rs.tags);
            int best = 0;
            for (std::uint64_t rest = both; rest != 0; rest &= rest - 1) best = std::max(best, speakers(lowestBit(rest)));
            rs.n0 = best;
        } else {
            // A household language with some speakers, too few: the nearer miss.
            int bestBit = -1, bestCount = 0;
            for (std::uint64_t rest = h.lang; rest != 0; rest &= rest - 1) {
                const int b = lowestBit(rest);
                const int n = speakers(b);
                if (n > bestCount) {
                    bestCount = n;
                    bestBit = b;
                }
            }
            if (bestBit >= 0) {
                rs.kind = RK::TooFewSpeakers;
                rs.tags.push_back(d.langCode[static_cast<std::size_t>(bestBit)]);
                rs.n0 = bestCount;
                rs.n1 = kMinSpeakers;
            } else {
                rs.kind = RK::NoSharedLanguage;
                addLangCodes(d, h.lang, rs.tags);
                addLangCodes(d, g.usableLang, rs.tags2);
            }
        }
        verdict(HardCondition::Language, both != 0);
    }
    {
        Reason& rs = hardReason(HardCondition::WomenOnly);
        rs.kind = RK::NoWomenOnlyWish;
        bool ok = true;
        if (h.womenOnly) {
            int notWomen = 0;
            for (const GroupMember& m : gg.members) notWomen += m.gender == Gender::Female ? 0 : 1;
            ok = g.allFemale;
            rs.kind = ok ? RK::AllWomen : RK::NotAllWomen;
            rs.n0 = notWomen;
            rs.n1 = members;
        }
        verdict(HardCondition::WomenOnly, ok);
    }
    {
        const bool ok = g.maxSize <= 0 || h.size <= g.maxSize;
        Reason& rs = hardReason(HardCondition::HouseholdSize);
        rs.kind = ok ? RK::SizeWithinLimit : RK::HouseholdTooLarge;
        rs.n0 = h.size;
        rs.n1 = g.maxSize > 0 ? g.maxSize : 0;
        verdict(HardCondition::HouseholdSize, ok);
    }
    {
        Reason& rs = hardReason(HardCondition::Forbidden);
        rs.kind = RK::NotForbidden;
        const bool forbidden = isForbidden(hi, gi);
        if (forbidden) {
            rs.kind = RK::DeclinedBefore;
            for (const Constraint& c : m_roster.constraints) {
                if (c.kind == ConstraintKind::Forbid && c.householdId == hh.id && c.groupId == gg.id) {
                    rs.kind = RK::ForbiddenByCoordinator;
                    rs.tags.push_back(c.reason);
                    break;
                }
            }
            if (rs.kind == RK::DeclinedBefore) {
                for (const Match& m : m_roster.matches)
                    if (m.householdId == hh.id && m.groupId == gg.id && m.status() == MatchStatus::Declined) rs.tags = {m.id};
            }
        }
        verdict(HardCondition::Forbidden, !forbidden);
    }

    // Soft criteria: the same numbers as the hot path, plus the words.
    PairScore ps;
    computeScores(hi, gi, ps.scores, ps.applicable);
    r.total = combine(hi, gi, ps.scores, ps.applicable);
    r.belowMinimum = r.total < m_roster.settings.minimumScore;
    for (std::size_t c = 0; c < static_cast<std::size_t>(kCriterionCount); ++c) {
        CriterionResult& cr = r.soft[c];
        cr.criterion = static_cast<Criterion>(c);
        cr.applicable = ps.applicable[c];
        cr.score = ps.scores[c];
        cr.weight = m_weight[c];
        cr.priorityFactor = priorityFactor(hi, gi, cr.criterion);
        if (cr.priorityFactor != 1.0 && cr.applicable && cr.weight > 0.0) {
            Reason pr(cr.priorityFactor > 1.0 ? ReasonKind::PriorityCountedMore : ReasonKind::PriorityCountedLess);
            pr.n0 = cr.priorityFactor * 100.0;
            pr.n1 = static_cast<double>(m_roster.households[hi].statedPriorities[cr.criterion]);
            pr.n2 = m_groupStated[gi][c];
            pr.tags.push_back(criterionName(cr.criterion));
            cr.priority = std::move(pr);
        }
    }
    const std::uint64_t* hw = d.hWords(hi);
    {
        Reason& rs = r.soft[static_cast<std::size_t>(Criterion::Interests)].reason;
        rs.tagKind = TagKind::Interest;
        int sharing = 0;
        const auto W = static_cast<std::size_t>(d.words);
        std::uint64_t small[4] = {0, 0, 0, 0};  // shared interest bits; a vector only past 256 interests
        std::vector<std::uint64_t> large(W > 4 ? W : 0, 0);
        std::uint64_t* uni = W > 4 ? large.data() : small;
        for (int m = g.memberBegin; m < g.memberEnd; ++m) {
            std::uint64_t any = 0;
            for (std::size_t k = 0; k < W; ++k) {
                const std::uint64_t x = d.mWords(m)[k] & hw[k];
                uni[k] |= x;
                any |= x;
            }
            sharing += any ? 1 : 0;
        }
        // Tags in the household's own order.
        for (int k = h.interestBegin; k < h.interestEnd; ++k) {
            const auto id = static_cast<std::size_t>(d.hInterestIds[static_cast<std::size_t>(k)]);
            if ((uni[id / 64] >> (id % 64)) & 1) rs.tags.push_back(d.interestTag[id]);
        }
        rs.n0 = static_cast<double>(rs.tags.size());
        rs.n1 = sharing;
        rs.n2 = members;
        rs.kind = h.interestCount == 0 ? RK::NoInterestsGiven : rs.tags.empty() ? RK::NoSharedInterests : RK::SharedInterests;
    }
    {
        Reason& rs = r.soft[static_cast<std::size_t>(Criterion::Age)].reason;
        rs.kind = RK::AgeCloseness;
        int within = 0;
        for (int m = g.memberBegin; m < g.memberEnd; ++m) {
            bool near = false;
            for (int a = h.adultBegin; a < h.adultEnd; ++a) {
                const int gap = d.adultAges[static_cast<std::size_t>(a)] - d.memberAge[static_cast<std::size_t>(m)];
                near = near || (gap <= 10 && gap >= -10);
            }
            within += near ? 1 : 0;
        }
        for (int a = h.adultBegin; a < h.adultEnd; ++a) addNumber(d.adultAges[static_cast<std::size_t>(a)], rs.tags);
        rs.n0 = within;
        rs.n1 = members;
    }
    {
        Reason& rs = r.soft[static_cast<std::size_t>(Criterion::Language)].reason;
        rs.kind = RK::LanguageBridge;
        int sharing = 0;
        std::uint64_t spoken = 0;
        for (int m = g.memberBegin; m < g.memberEnd; ++m) {
            sharing += (d.memberLang(m) & h.lang) != 0 ? 1 : 0;
            spoken |= d.memberLang(m);
        }
        rs.n0 = sharing;
        rs.n1 = members;
        rs.n2 = g.dutchSpeakers;
        rs.tags.push_back(toString(h.dutch));
        // Languages the pair shares that count at an unknown level (as A2), on either side.
        const std::uint64_t groupUnknown = d.groupLangUnknown[static_cast<std::size_t>(d.slotOf[gi])];
        addLangCodes(d, (h.langUnknown & spoken) | (groupUnknown & h.lang), rs.tags2);
    }
    {
        Reason& rs = r.soft[static_cast<std::size_t>(Criterion::Goals)].reason;
        rs.tagKind = TagKind::GoalItem;
        rs.kind = h.items == 0 ? RK::NoGoalsGiven : RK::GoalFit;
        for (std::uint64_t rest = h.items; rest != 0; rest &= rest - 1) {
            const int b = lowestBit(rest);
            ((g.items >> b) & 1 ? rs.tags : rs.tags2).push_back(itemCode(b));
        }
        rs.n0 = static_cast<double>(rs.tags.size());
        rs.n1 = static_cast<double>(rs.tags.size() + rs.tags2.size());
    }
    {
        Reason& rs = r.soft[static_cast<std::size_t>(Criterion::Family)].reason;
        rs.kind = h.children > 0 || h.wantsChildren ? RK::FamilyFit : RK::NoChildren;
        rs.n0 = h.children;
        rs.n1 = g.withChildren;
        rs.n2 = g.childcare;
    }
    {
        Reason& rs = r.soft[static_cast<std::size_t>(Criterion::Availability)].reason;
        rs.tagKind = TagKind::Slot;
        rs.kind = h.avail != 0 && g.avail != 0 ? RK::AvailabilityOverlap : RK::AvailabilityUnknown;
        const std::uint8_t both = h.avail & g.avail;
        if (both & kSlotDay) rs.tags.push_back("weekday_daytime");
        if (both & kSlotEvening) rs.tags.push_back("evenings");
        if (both & kSlotWeekend) rs.tags.push_back("weekends");
        rs.n0 = popcount64(both);
        rs.n1 = popcount64(h.avail);
    }
    {
        Reason& rs = r.soft[static_cast<std::size_t>(Criterion::Distance)].reason;
        if (h.muni != g.muni) {
            rs.kind = RK::DifferentMunicipality;
            rs.tags.push_back(hh.municipality);
            rs.tags.push_back(gg.municipality);
        } else if (h.neighbourhood >= 0 && h.neighbourhood == g.neighbourhood) {
            rs.kind = RK::SameNeighbourhood;
            rs.tags.push_back(hh.neighbourhood);
        } else {
            rs.kind = RK::SameMunicipalityOnly;
            rs.tags.push_back(hh.neighbourhood);
            rs.tags.push_back(gg.neighbourhood);
        }
    }
    return r;
}

// A pair's scores and reasons depend on its own two records, the settings and
// the constraints and matches of that pair only, so one question needs no
// profiles of the whole roster (at national size that is most of a second):
// explain it on a roster of just those. Constraints and matches name records
// by id, and an id names its first record (as in Scorer), so a record that
// repeats an earlier id has none.
PairReport explainPair(const Roster& roster, std::size_t household, std::size_t group) {
    const Household& h = roster.households[household];
    const WelcomeGroup& g = roster.groups[group];
    auto firstHousehold = [&] {
        for (std::size_t i = 0; i < roster.households.size(); ++i)
            if (roster.households[i].id == h.id) return i == household;
        return false;
    };
    auto firstGroup = [&] {
        for (std::size_t i = 0; i < roster.groups.size(); ++i)
            if (roster.groups[i].id == g.id) return i == group;
        return false;
    };
    Roster pair;
    pair.settings = roster.settings;
    pair.households.push_back(h);
    pair.groups.push_back(g);
    if (firstHousehold() && firstGroup()) {
        for (const Constraint& c : roster.constraints)
            if (c.householdId == h.id && c.groupId == g.id) pair.constraints.push_back(c);
        for (const Match& m : roster.matches)
            if (m.householdId == h.id && m.groupId == g.id) pair.matches.push_back(m);
    }
    return Scorer(pair).explain(0, 0);
}

// [SECTION] Unplaceable households ------------------------------------------------------------

UnplaceableReport Scorer::explainUnplaceable(std::size_t hi) const {
    const Data& d = *m_data;
    const HouseholdProfile& h = d.hh[hi];
    const Household& hh = m_roster.households[hi];
    UnplaceableReport out;
    out.householdId = hh.id;
    std::vector<int> cands;
    candidateGroups(hi, cands);
    if (cands.empty())
        for (std::size_t g = 0; g < d.gr.size(); ++g) cands.push_back(static_cast<int>(g));

    struct Scored {
        CandidateBlock block;
        SuggestedChange change;
        std::size_t order;
    };
    std::vector<Scored> all;
    for (std::size_t k = 0; k < cands.size(); ++k) {
        const auto gi = static_cast<std::size_t>(cands[k]);
        const GroupProfile& g = d.group(gi);
        const WelcomeGroup& gg = m_roster.groups[gi];
        PairReport r = explain(hi, gi);
        Scored s;
        s.order = k;
        s.block.groupId = gg.id;
        s.change.groupId = gg.id;
        for (HardVerdict& v : r.hard) {
            if (v.ok) continue;
            Change c{};
            c.group = gg.id;
            int cost = 1;
            switch (v.condition) {
                case HardCondition::HouseholdConsent: c.kind = ChangeKind::HouseholdConsent; c.group.clear(); break;
                case HardCondition::GroupConsent: c.kind = ChangeKind::GroupConsent; break;
                case HardCondition::GroupCapacity: c.kind = ChangeKind::GroupCapacity; c.count = 1; break;
                case HardCondition::Municipality: c.kind = ChangeKind::AllowMunicipality; c.tag = hh.municipality; break;
                case HardCondition::Language: {
                    // The household language (A2+) that needs the fewest extra speakers;
                    // a household without any such language: its best-spoken one.
                    c.kind = ChangeKind::AddSpeakers;
                    int bestNeed = kMinSpeakers + 1;
                    for (int b = 0; b < 64; ++b) {
                        if (!(h.lang & (std::uint64_t{1} << b))) continue;
                        int n = 0;
                        for (int m = g.memberBegin; m < g.memberEnd; ++m)
                            n += (d.memberLang(m) >> b) & 1 ? 1 : 0;
                        const int need = std::max(0, kMinSpeakers - n);
                        if (need < bestNeed) {
                            bestNeed = need;
                            c.tag = d.langCode[static_cast<std::size_t>(b)];
                        }
                    }
                    if (c.tag.empty()) {
                        LanguageLevel best = LanguageLevel::None;
                        for (const HouseholdMember& m : hh.members)
                            for (const LanguageSkill& l : m.languages)
                                if (scoredLevel(l.level) > best) {
                                    best = scoredLevel(l.level);
                                    c.tag = l.code;
                                }
                        bestNeed = kMinSpeakers;
                    }
                    c.count = bestNeed;
                    cost = bestNeed;
                    break;
                }
                case HardCondition::WomenOnly: c.kind = ChangeKind::DropWomenOnly; break;
                case HardCondition::HouseholdSize: c.kind = ChangeKind::RaiseSizeLimit; c.count = h.size; break;
                case HardCondition::Forbidden: c.kind = ChangeKind::LiftForbid; break;
            }
            s.change.changes.push_back(std::move(c));
            s.change.cost += cost;
            s.block.failed.push_back(std::move(v));
        }
        if (s.block.failed.empty()) out.placeable = true;
        all.push_back(std::move(s));
    }
    std::stable_sort(all.begin(), all.end(), [](const Scored& a, const Scored& b) {
        if (a.block.failed.size() != b.block.failed.size()) return a.block.failed.size() < b.block.failed.size();
        return idLess(a.block.groupId, b.block.groupId);
    });
    const Scored* cheapest = nullptr;
    for (const Scored& s : all) {
        if (s.block.failed.empty()) continue;
        if (!cheapest || s.change.cost < cheapest->change.cost ||
            (s.change.cost == cheapest->change.cost && idLess(s.block.groupId, cheapest->block.groupId)))
            cheapest = &s;
    }
    if (!out.placeable && cheapest) out.smallest = cheapest->change;
    for (Scored& s : all) out.candidates.push_back(std::move(s.block));
    return out;
}

UnplaceableReport explainUnplaceable(const Roster& roster, std::size_t household) {
    return Scorer(roster).explainUnplaceable(household);
}

}  // namespace welkom
