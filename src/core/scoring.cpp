// Index:
//   [SECTION] Names
//   [SECTION] Tag lists
//   [SECTION] Goal links (which skills and sectors serve which goals/needs)
//   [SECTION] Profiles (Scorer::Data)
//   [SECTION] Hard conditions and scores (hot path)
//   [SECTION] Explanations
//   [SECTION] Unplaceable households
//   [SECTION] Solver input and reachability
#include "core/scoring.h"

#include "core/validation.h"  // kMaxAge

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <utility>

namespace welkom {

// [SECTION] Names ----------------------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, kHardConditionCount> kHardNames = {
    "household_consent", "group_consent", "group_capacity", "municipality",
    "language",          "women_only",    "household_size", "forbidden"};

int popcount64(std::uint64_t x) {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_popcountll(x);  // one instruction natively and in wasm (i64.popcnt)
#endif
    int n = 0;
    while (x) {
        x &= x - 1;
        ++n;
    }
    return n;
}

// k / n for 0 <= k <= n: from a table for small n, so the hot path does not
// pay for a division; the table holds the divisions' own results, so the bits
// are the same either way.
constexpr int kRatioTableMax = 64;

const std::vector<double>& ratioTable() {
    static const std::vector<double> table = [] {
        std::vector<double> t;
        for (int n = 0; n <= kRatioTableMax; ++n)
            for (int k = 0; k <= n; ++k) t.push_back(n == 0 ? 0.0 : static_cast<double>(k) / n);
        return t;
    }();
    return table;
}

inline double ratio(const double* table, int k, int n) {
    return n <= kRatioTableMax ? table[static_cast<std::size_t>(n * (n + 1) / 2 + k)] : static_cast<double>(k) / n;
}

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

double saturate(int n, int at) { return n >= at ? 1.0 : static_cast<double>(n) / at; }

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

// The code of an item bit, for reasons.
std::string_view itemCode(int bit) {
    VocabularyKind kind = bit >= kSectorBase ? VocabularyKind::Sectors
                          : bit >= kNeedBase ? VocabularyKind::Needs
                                             : VocabularyKind::Goals;
    const int base = kind == VocabularyKind::Goals ? 0 : kind == VocabularyKind::Needs ? kNeedBase : kSectorBase;
    return vocabulary(kind)[static_cast<std::size_t>(bit - base)].code;
}

constexpr std::uint8_t kSlotDay = 1, kSlotEvening = 2, kSlotWeekend = 4;

std::uint8_t slots(const Availability& a) {
    return static_cast<std::uint8_t>((a.weekdayDaytime ? kSlotDay : 0) | (a.evenings ? kSlotEvening : 0) |
                                     (a.weekends ? kSlotWeekend : 0));
}

// Levels count as scoredLevel() (roster.h) reads them: unknown as A2.
bool canTalk(LanguageLevel l) { return scoredLevel(l) >= LanguageLevel::A2; }
bool canPractiseDutchWith(LanguageLevel l) { return scoredLevel(l) >= LanguageLevel::B2; }

double dutchNeed(LanguageLevel best) {
    if (best <= LanguageLevel::A2) return 1.0;
    if (best == LanguageLevel::B1) return 0.75;
    if (best == LanguageLevel::B2) return 0.5;
    if (best == LanguageLevel::C1) return 0.25;
    return 0.0;
}

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

int clampAge(int age) { return age < 0 ? 0 : age > kMaxAge ? kMaxAge : age; }

bool isLocking(MatchStatus s) { return s == MatchStatus::Introduced || s == MatchStatus::Active; }

}  // namespace

// [SECTION] Profiles ---------------------------------------------------------------------------

struct HouseholdProfile {
    int muni = -1;
    int neighbourhood = -1;  // interned (municipality, neighbourhood); -1 when not given
    int size = 0;
    int children = 0;
    int adultBegin = 0, adultEnd = 0;  // into Data::adultAges
    std::uint64_t lang = 0;            // languages an adult speaks at A2+
    std::uint64_t langUnknown = 0;     // of lang: spoken by adults only at an unknown level
    LanguageLevel dutch = LanguageLevel::None;  // best adult Dutch, as scoredLevel() reads it
    int interestCount = 0;             // interned interests (words at h * W)
    int interestBegin = 0, interestEnd = 0;  // into Data::hInterestIds: the same, in the household's order
    std::uint64_t items = 0;           // servable goals/needs/sectors
    std::uint8_t avail = 0;
    bool womenOnly = false, wantsChildren = false, consent = false, hasForbids = false;
};

struct GroupProfile {
    int muni = -1;
    int index = 0;  // roster index
    int neighbourhood = -1;
    int allowedBegin = 0, allowedEnd = 0;  // into Data::allowedMunis
    int capacity = 1, maxSize = 0;
    bool consent = false, allFemale = false;
    std::uint64_t usableLang = 0;  // languages kMinSpeakers+ members speak at A2+
    int memberBegin = 0, memberEnd = 0;  // into member arrays
    int dutchSpeakers = 0, withChildren = 0, childcare = 0;
    double practice = 0.0;  // Dutch practice part of the language criterion: min(dutchSpeakers, 3)/3
    double family = 0.0;    // family criterion (group side only)
    std::uint64_t items = 0;
    std::uint8_t avail = 0;
};

struct Scorer::Data {
    int words = 1;  // interest bit words per person
    std::vector<HouseholdProfile> hh;
    // Groups in slot order: by municipality, then id (as the solver's columns),
    // so a household's candidates are one contiguous run here, in the member
    // arrays and in the age table, and a row comes out in column order.
    // slotOf maps roster index -> slot.
    std::vector<GroupProfile> gr;
    std::vector<int> slotOf;
    std::vector<int> muniFirstSlot;  // per municipality id, plus one: slots [m], [m + 1)
    std::vector<int> adultAges;
    std::vector<std::uint64_t> hInterest;   // hh.size() * words
    std::vector<int> hInterestIds;          // per household, its interests' interned ids in its own order
    std::vector<int> memberAge;
    // Per member, interleaved so one group's members are one contiguous run:
    // [languages at A2+, interest words...] (stride 1 + words).
    std::vector<std::uint64_t> memberWords;
    std::vector<std::uint64_t> groupLangUnknown;  // per slot: languages some member speaks at an unknown level
    // Age criterion for a household adult of each age 0..kMaxAge and each
    // group, age-major with groups in slot (municipality) order: scoring one
    // household against its candidates reads one contiguous stretch. Rows of
    // ages no household adult has are left 0 (never read).
    std::vector<double> ageTable;
    std::vector<int> allowedMunis;
    std::vector<std::string> langCode;      // bit -> code
    std::vector<std::string> interestTag;   // interned id -> tag
    std::vector<std::string> muniName;
    std::vector<std::vector<int>> allowingSlots;  // per municipality: slots of groups allowing it, ascending
    // Forbidden pairs (coordinator or declined): key household << 32 | group, sorted.
    std::vector<std::uint64_t> forbidden;
    std::unordered_map<std::string, int> muniIds;
    std::unordered_map<std::string, int> langBits;

    int muniId(const std::string& name) {
        auto [it, inserted] = muniIds.emplace(name, static_cast<int>(muniName.size()));
        if (inserted) muniName.push_back(name);
        return it->second;
    }
    int langBit(const std::string& code) {
        auto it = langBits.find(code);
        if (it != langBits.end()) return it->second;
        if (langCode.size() >= 64) return -1;  // only with unknown codes (a validation error)
        const int b = static_cast<int>(langCode.size());
        langBits.emplace(code, b);
        langCode.push_back(code);
        return b;
    }
    const std::uint64_t* hWords(std::size_t h) const { return hInterest.data() + h * static_cast<std::size_t>(words); }
    std::size_t stride() const { return 1 + static_cast<std::size_t>(words); }
    std::uint64_t memberLang(int m) const { return memberWords[static_cast<std::size_t>(m) * stride()]; }
    const std::uint64_t* mWords(int m) const { return memberWords.data() + static_cast<std::size_t>(m) * stride() + 1; }
    const GroupProfile& group(std::size_t rosterIndex) const { return gr[static_cast<std::size_t>(slotOf[rosterIndex])]; }
    double ageScore(std::size_t slot, int age) const {
        return ageTable[static_cast<std::size_t>(clampAge(age)) * gr.size() + slot];
    }
};

namespace {

std::uint64_t forbidKey(std::size_t h, std::size_t g) {
    return (static_cast<std::uint64_t>(h) << 32) | static_cast<std::uint64_t>(g);
}

}  // namespace

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

// [SECTION] Hard conditions and scores -----------------------------------------------------------

namespace {

bool municipalityOk(const Scorer::Data& d, const HouseholdProfile& h, const GroupProfile& g, bool cross) {
    if (h.muni == g.muni || cross) return true;
    for (int k = g.allowedBegin; k < g.allowedEnd; ++k)
        if (d.allowedMunis[static_cast<std::size_t>(k)] == h.muni) return true;
    return false;
}

// Hard conditions except Forbidden (see passesIntrinsic).
inline bool intrinsicOk(const Scorer::Data& d, const HouseholdProfile& h, const GroupProfile& g, bool cross) {
    return h.consent && g.consent && g.capacity > 0 && (h.lang & g.usableLang) != 0 &&
           (!h.womenOnly || g.allFemale) && (g.maxSize <= 0 || h.size <= g.maxSize) && municipalityOk(d, h, g, cross);
}

// The groups in reach of a household in municipality `muni`, as slots: its own
// municipality's run, then groups elsewhere that allow it; every group when
// crossing is allowed. Each group once.
template <typename F>
void forEachCandidateSlot(const Scorer::Data& d, int muni, bool cross, F&& visit) {
    if (cross) {
        for (std::size_t slot = 0; slot < d.gr.size(); ++slot) visit(slot);
        return;
    }
    const auto m = static_cast<std::size_t>(muni);
    for (auto slot = static_cast<std::size_t>(d.muniFirstSlot[m]); slot < static_cast<std::size_t>(d.muniFirstSlot[m + 1]); ++slot)
        visit(slot);
    for (int slot : d.allowingSlots[m])
        if (d.gr[static_cast<std::size_t>(slot)].muni != muni) visit(static_cast<std::size_t>(slot));
}

}  // namespace

bool Scorer::isForbidden(std::size_t household, std::size_t group) const {
    if (!m_data->hh[household].hasForbids) return false;
    return std::binary_search(m_data->forbidden.begin(), m_data->forbidden.end(), forbidKey(household, group));
}

bool Scorer::passesIntrinsic(std::size_t household, std::size_t group) const {
    return intrinsicOk(*m_data, m_data->hh[household], m_data->group(group), m_roster.settings.allowCrossMunicipality);
}

std::optional<HardCondition> Scorer::firstBlock(std::size_t household, std::size_t group) const {
    const HouseholdProfile& h = m_data->hh[household];
    const GroupProfile& g = m_data->group(group);
    if (!h.consent) return HardCondition::HouseholdConsent;
    if (!g.consent) return HardCondition::GroupConsent;
    if (g.capacity <= 0) return HardCondition::GroupCapacity;
    if (!municipalityOk(*m_data, h, g, m_roster.settings.allowCrossMunicipality)) return HardCondition::Municipality;
    if ((h.lang & g.usableLang) == 0) return HardCondition::Language;
    if (h.womenOnly && !g.allFemale) return HardCondition::WomenOnly;
    if (g.maxSize > 0 && h.size > g.maxSize) return HardCondition::HouseholdSize;
    if (isForbidden(household, group)) return HardCondition::Forbidden;
    return std::nullopt;
}

namespace {

// What one household brings to each of its pairs, worked out once per
// household so that scoring a row of candidates repeats only the group side.
struct HouseholdTerms {
    const HouseholdProfile* p = nullptr;
    const std::uint64_t* interestWords = nullptr;
    const int* adultAges = nullptr;
    int adults = 0;
    double need = 0.0;       // dutchNeed of the best adult Dutch
    int items = 0;           // servable goals/needs/sectors
    int availSlots = 0;
    const double* ratios = nullptr;  // ratioTable()
};

HouseholdTerms householdTerms(const Scorer::Data& d, std::size_t hi) {
    HouseholdTerms t;
    t.p = &d.hh[hi];
    t.interestWords = d.hWords(hi);
    t.adultAges = d.adultAges.data() + t.p->adultBegin;
    t.adults = t.p->adultEnd - t.p->adultBegin;
    t.need = dutchNeed(t.p->dutch);
    t.items = popcount64(t.p->items);
    t.availSlots = popcount64(t.p->avail);
    t.ratios = ratioTable().data();
    return t;
}

// The criterion scores of one pair: the single definition behind total(),
// score(), explain() and the matrix (so all of them give the same bits).
inline void pairScores(const Scorer::Data& d, const HouseholdTerms& t, std::size_t slot,
                       std::array<double, kCriterionCount>& s, std::array<bool, kCriterionCount>& applicable) {
    const HouseholdProfile& h = *t.p;
    const GroupProfile& g = d.gr[slot];
    const int members = g.memberEnd - g.memberBegin;
    const std::size_t W = static_cast<std::size_t>(d.words);
    const std::uint64_t* hw = t.interestWords;

    // Interests and language bridge share one pass over the members.
    int membersSharingInterest = 0, membersSharingLanguage = 0, shared = 0;
    if (W == 1) {  // the usual case: fewer than 65 distinct interests in the roster
        const std::uint64_t hmask = hw[0];
        std::uint64_t uni = 0;
        const std::uint64_t* mw = d.memberWords.data() + static_cast<std::size_t>(g.memberBegin) * 2;
        for (int m = 0; m < members; ++m, mw += 2) {
            const std::uint64_t x = mw[1] & hmask;
            uni |= x;
            membersSharingInterest += x != 0 ? 1 : 0;
            membersSharingLanguage += (mw[0] & h.lang) != 0 ? 1 : 0;
        }
        shared = popcount64(uni);
    } else {
        std::uint64_t unionWords[4] = {0, 0, 0, 0};  // W <= 4 on the fast path (256 distinct interests)
        const bool small = W <= 4;
        for (int m = g.memberBegin; m < g.memberEnd; ++m) {
            const std::uint64_t* mw = d.mWords(m);
            std::uint64_t any = 0;
            for (std::size_t k = 0; k < W; ++k) {
                const std::uint64_t x = mw[k] & hw[k];
                any |= x;
                if (small) unionWords[k] |= x;
            }
            membersSharingInterest += any != 0 ? 1 : 0;
            membersSharingLanguage += (d.memberLang(m) & h.lang) != 0 ? 1 : 0;
        }
        if (small) {
            for (std::size_t k = 0; k < W; ++k) shared += popcount64(unionWords[k]);
        } else {
            for (std::size_t k = 0; k < W; ++k) {
                std::uint64_t u = 0;
                for (int m = g.memberBegin; m < g.memberEnd; ++m) u |= d.mWords(m)[k] & hw[k];
                shared += popcount64(u);
            }
        }
    }
    const std::size_t I = static_cast<std::size_t>(Criterion::Interests);
    applicable[I] = h.interestCount > 0;
    const double* ratios = t.ratios;
    s[I] = members == 0 ? 0.0 : 0.6 * ratio(ratios, std::min(shared, 3), 3) + 0.4 * ratio(ratios, membersSharingInterest, members);

    // Age: per adult, half the best closeness and half the mean (a table per group).
    const std::size_t A = static_cast<std::size_t>(Criterion::Age);
    applicable[A] = t.adults > 0 && members > 0;
    double age = 0.0;
    if (applicable[A]) {
        for (int a = 0; a < t.adults; ++a) age += d.ageScore(slot, t.adultAges[a]);
        if (t.adults > 1) age /= t.adults;  // x / 1 == x
    }
    s[A] = age;

    const std::size_t L = static_cast<std::size_t>(Criterion::Language);
    const double bridge = ratio(ratios, std::min(membersSharingLanguage, 3), 3);
    applicable[L] = true;
    s[L] = (1.0 - 0.4 * t.need) * bridge + 0.4 * t.need * g.practice;

    const std::size_t G = static_cast<std::size_t>(Criterion::Goals);
    applicable[G] = t.items > 0;
    s[G] = t.items > 0 ? ratio(ratios, popcount64(h.items & g.items), t.items) : 0.0;

    const std::size_t F = static_cast<std::size_t>(Criterion::Family);
    applicable[F] = h.children > 0 || h.wantsChildren;
    s[F] = g.family;

    const std::size_t V = static_cast<std::size_t>(Criterion::Availability);
    applicable[V] = h.avail != 0 && g.avail != 0;
    s[V] = h.avail != 0 ? ratio(ratios, popcount64(h.avail & g.avail), t.availSlots) : 0.0;

    const std::size_t D = static_cast<std::size_t>(Criterion::Distance);
    applicable[D] = true;
    s[D] = h.muni != g.muni ? 0.0 : (h.neighbourhood >= 0 && h.neighbourhood == g.neighbourhood) ? 1.0 : 0.5;
}

inline double combineScores(const std::array<double, kCriterionCount>& weight, const std::array<double, kCriterionCount>& s,
                            const std::array<bool, kCriterionCount>& applicable) {
    double num = 0.0, den = 0.0;
    for (std::size_t c = 0; c < static_cast<std::size_t>(kCriterionCount); ++c) {
        if (!applicable[c] || weight[c] <= 0.0) continue;
        num += weight[c] * s[c];
        den += weight[c];
    }
    return den > 0.0 ? num / den : 0.5;
}

}  // namespace

void Scorer::computeScores(std::size_t hi, std::size_t gi, std::array<double, kCriterionCount>& s,
                           std::array<bool, kCriterionCount>& applicable) const {
    pairScores(*m_data, householdTerms(*m_data, hi), static_cast<std::size_t>(m_data->slotOf[gi]), s, applicable);
}

void Scorer::feasibleTotals(std::size_t household, std::vector<std::pair<int, double>>& out) const {
    const Data& d = *m_data;
    const HouseholdTerms t = householdTerms(d, household);
    const bool cross = m_roster.settings.allowCrossMunicipality;
    std::array<double, kCriterionCount> s, w;
    std::array<bool, kCriterionCount> a;
    forEachCandidateSlot(d, t.p->muni, cross, [&](std::size_t slot) {
        const GroupProfile& g = d.gr[slot];
        if (!intrinsicOk(d, *t.p, g, cross)) return;
        pairScores(d, t, slot, s, a);
        if (!m_usePriorities) {
            out.emplace_back(g.index, combineScores(m_weight, s, a));
            return;
        }
        pairWeights(m_householdFactor[household], static_cast<std::size_t>(g.index), w);
        out.emplace_back(g.index, combineScores(w, s, a));
    });
}

void Scorer::pairWeights(const std::array<double, kCriterionCount>& householdFactor, std::size_t group,
                         std::array<double, kCriterionCount>& out) const {
    const double p = m_roster.settings.participantPriorities;
    const std::array<double, kCriterionCount>& groupFactor = m_groupFactor[group];
    for (std::size_t c = 0; c < static_cast<std::size_t>(kCriterionCount); ++c) {
        const double mean = (householdFactor[c] + groupFactor[c]) * 0.5;
        out[c] = m_weight[c] * (1.0 + p * (mean - 1.0));
    }
}

double Scorer::priorityFactor(std::size_t household, std::size_t group, Criterion c) const {
    if (!m_usePriorities) return 1.0;
    const auto ci = static_cast<std::size_t>(c);
    const double mean = (m_householdFactor[household][ci] + m_groupFactor[group][ci]) * 0.5;
    return 1.0 + m_roster.settings.participantPriorities * (mean - 1.0);
}

double Scorer::combine(std::size_t household, std::size_t group, const std::array<double, kCriterionCount>& s,
                       const std::array<bool, kCriterionCount>& applicable) const {
    if (!m_usePriorities) return combineScores(m_weight, s, applicable);
    std::array<double, kCriterionCount> w;
    pairWeights(m_householdFactor[household], group, w);
    return combineScores(w, s, applicable);
}

PairScore Scorer::score(std::size_t household, std::size_t group) const {
    PairScore out;
    out.feasible = !firstBlock(household, group).has_value();
    computeScores(household, group, out.scores, out.applicable);
    out.total = combine(household, group, out.scores, out.applicable);
    return out;
}

double Scorer::total(std::size_t household, std::size_t group) const {
    std::array<double, kCriterionCount> s;
    std::array<bool, kCriterionCount> a;
    computeScores(household, group, s, a);
    return combine(household, group, s, a);
}

std::size_t Scorer::candidateCount(std::size_t household) const {
    const Data& d = *m_data;
    if (m_roster.settings.allowCrossMunicipality) return d.gr.size();
    const auto muni = static_cast<std::size_t>(d.hh[household].muni);
    return static_cast<std::size_t>(d.muniFirstSlot[muni + 1] - d.muniFirstSlot[muni]) + d.allowingSlots[muni].size();
}

void Scorer::candidateGroups(std::size_t household, std::vector<int>& out) const {
    out.clear();
    const Data& d = *m_data;
    forEachCandidateSlot(d, d.hh[household].muni, m_roster.settings.allowCrossMunicipality,
                         [&](std::size_t slot) { out.push_back(d.gr[slot].index); });
}

// [SECTION] Explanations ------------------------------------------------------------------------

namespace {

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

// [SECTION] Solver input and reachability ------------------------------------------------------

bool idLess(std::string_view a, std::string_view b) {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t i2 = i, j2 = j;
            while (i2 < a.size() && a[i2] == '0') ++i2;
            while (j2 < b.size() && b[j2] == '0') ++j2;
            std::size_t ie = i2, je = j2;
            while (ie < a.size() && digit(a[ie])) ++ie;
            while (je < b.size() && digit(b[je])) ++je;
            if (ie - i2 != je - j2) return ie - i2 < je - j2;
            const int cmp = a.substr(i2, ie - i2).compare(b.substr(j2, je - j2));
            if (cmp != 0) return cmp < 0;
            i = ie;
            j = je;
        } else {
            if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
            ++i;
            ++j;
        }
    }
    if ((a.size() - i) != (b.size() - j)) return a.size() - i < b.size() - j;
    return a < b;  // equal under numbers ("h01" vs "h1"): plain order decides
}

int MatchingProblem::householdIndex(std::string_view id) const {
    auto it = std::lower_bound(householdIds.begin(), householdIds.end(), id,
                               [](const std::string& a, std::string_view b) { return idLess(a, b); });
    return it != householdIds.end() && *it == id ? static_cast<int>(it - householdIds.begin()) : -1;
}

int MatchingProblem::groupIndex(std::string_view id) const {
    auto it = std::lower_bound(groupIds.begin(), groupIds.end(), id,
                               [](const std::string& a, std::string_view b) { return idLess(a, b); });
    return it != groupIds.end() && *it == id ? static_cast<int>(it - groupIds.begin()) : -1;
}

MatchingProblem buildMatchingProblem(const Roster& roster) { return buildMatchingProblem(Scorer(roster)); }

MatchingProblem buildMatchingProblem(const Scorer& scorer, const std::function<void(double)>& progress) {
    const Roster& roster = scorer.roster();
    MatchingProblem p;
    const std::size_t H = roster.households.size(), G = roster.groups.size();
    p.householdAt.resize(H);
    p.groupAt.resize(G);
    for (std::size_t i = 0; i < H; ++i) p.householdAt[i] = i;
    for (std::size_t i = 0; i < G; ++i) p.groupAt[i] = i;
    std::stable_sort(p.householdAt.begin(), p.householdAt.end(), [&](std::size_t a, std::size_t b) {
        return idLess(roster.households[a].id, roster.households[b].id);
    });
    std::stable_sort(p.groupAt.begin(), p.groupAt.end(),
                     [&](std::size_t a, std::size_t b) { return idLess(roster.groups[a].id, roster.groups[b].id); });
    std::vector<int> rowOf(H), colOf(G);
    p.householdIds.reserve(H);
    p.groupIds.reserve(G);
    for (std::size_t k = 0; k < H; ++k) {
        rowOf[p.householdAt[k]] = static_cast<int>(k);
        p.householdIds.push_back(roster.households[p.householdAt[k]].id);
    }
    for (std::size_t k = 0; k < G; ++k) {
        colOf[p.groupAt[k]] = static_cast<int>(k);
        p.groupIds.push_back(roster.groups[p.groupAt[k]].id);
    }

    // Fixed pairs (roster indices): locked = matches under way, pins = coordinator's.
    std::unordered_map<std::string_view, std::size_t> hIdx, gIdx;
    for (std::size_t i = 0; i < H; ++i) hIdx.emplace(roster.households[i].id, i);
    for (std::size_t i = 0; i < G; ++i) gIdx.emplace(roster.groups[i].id, i);
    std::vector<std::pair<std::size_t, std::size_t>> locked, pins;
    for (const Match& m : roster.matches) {
        if (!isLocking(m.status())) continue;
        auto h = hIdx.find(m.householdId);
        auto g = gIdx.find(m.groupId);
        if (h != hIdx.end() && g != gIdx.end()) locked.emplace_back(h->second, g->second);
    }
    for (const Constraint& c : roster.constraints) {
        auto h = hIdx.find(c.householdId);
        auto g = gIdx.find(c.groupId);
        if (h == hIdx.end() || g == gIdx.end()) continue;
        const std::pair<std::size_t, std::size_t> pr{h->second, g->second};
        if (c.kind == ConstraintKind::Pin) {
            if (std::find(locked.begin(), locked.end(), pr) == locked.end()) pins.push_back(pr);
        } else {
            p.rules.forbidden.push_back({rowOf[pr.first], colOf[pr.second]});
        }
    }
    for (const Match& m : roster.matches) {
        if (m.status() != MatchStatus::Declined) continue;
        auto h = hIdx.find(m.householdId);
        auto g = gIdx.find(m.groupId);
        if (h == hIdx.end() || g == gIdx.end()) continue;
        if (scorer.isForbidden(h->second, g->second) &&
            std::find(pins.begin(), pins.end(), std::make_pair(h->second, g->second)) == pins.end())
            p.rules.forbidden.push_back({rowOf[h->second], colOf[g->second]});
    }
    std::sort(p.rules.forbidden.begin(), p.rules.forbidden.end());
    p.rules.forbidden.erase(std::unique(p.rules.forbidden.begin(), p.rules.forbidden.end()), p.rules.forbidden.end());
    // Fixed pairs per household (roster index), for the rows.
    std::vector<std::vector<std::pair<std::size_t, FixReason>>> fixedOf(H);
    for (const auto& [h, g] : locked) fixedOf[h].emplace_back(g, FixReason::Locked);
    for (const auto& [h, g] : pins) fixedOf[h].emplace_back(g, FixReason::Pin);

    p.matrix = ScoreMatrix<double>::sparse(static_cast<int>(G));
    std::size_t upperBound = 0;
    for (std::size_t hi = 0; hi < H; ++hi)
        if (roster.households[hi].consent.toMatching) upperBound += scorer.candidateCount(hi);
    p.matrix.reserve(H, upperBound + locked.size() + pins.size());
    std::vector<std::pair<int, double>> totals;
    std::vector<ScoreMatrix<double>::Entry> row;
    const std::size_t progressEvery = std::max<std::size_t>(1, H / 64);
    for (std::size_t k = 0; k < H; ++k) {
        if (progress && k % progressEvery == 0) progress(static_cast<double>(k) / static_cast<double>(H));
        const std::size_t hi = p.householdAt[k];
        row.clear();
        if (roster.households[hi].consent.toMatching) {
            totals.clear();
            scorer.feasibleTotals(hi, totals);
            for (const auto& [gi, total] : totals) row.push_back({colOf[static_cast<std::size_t>(gi)], total});
        }
        for (const auto& [gi, why] : fixedOf[hi]) {
            if (scorer.passesIntrinsic(hi, gi)) continue;
            FixedPairNote note;
            note.pair = {static_cast<int>(k), colOf[gi]};
            note.reason = why;
            PairReport r = scorer.explain(hi, gi);
            for (const HardVerdict& v : r.hard)
                if (!v.ok && v.condition != HardCondition::Forbidden) note.broken.push_back(v.condition);
            p.fixedNotes.push_back(std::move(note));
            bool present = false;
            for (const auto& e : row) present = present || e.group == colOf[gi];
            if (!present) row.push_back({colOf[gi], scorer.total(hi, gi)});
        }
        p.matrix.addRow(row);
    }

    p.rules.capacity.resize(G);
    for (std::size_t k = 0; k < G; ++k) p.rules.capacity[k] = std::max(0, roster.groups[p.groupAt[k]].capacity);
    for (const auto& [h, g] : locked) p.rules.locked.push_back({rowOf[h], colOf[g]});
    for (const auto& [h, g] : pins) p.rules.pins.push_back({rowOf[h], colOf[g]});
    p.rules.minScore = roster.settings.minimumScore;
    return p;
}

std::vector<std::size_t> hardConditionUnreachableHouseholds(const Roster& roster) {
    Scorer scorer(roster);
    std::unordered_map<std::string_view, int> live;
    for (const Match& m : roster.matches)
        if (!isFinal(m.status())) live.emplace(m.householdId, 1);
    std::vector<std::size_t> out;
    std::vector<int> cands;
    for (std::size_t h = 0; h < roster.households.size(); ++h) {
        if (!roster.households[h].consent.toMatching || live.count(roster.households[h].id) > 0) continue;
        scorer.candidateGroups(h, cands);
        bool ok = false;
        for (int g : cands) {
            if (!scorer.firstBlock(h, static_cast<std::size_t>(g))) {
                ok = true;
                break;
            }
        }
        if (!ok) out.push_back(h);
    }
    return out;
}

}  // namespace welkom
