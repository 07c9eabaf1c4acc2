// The hot path of scoring, Scorer's members that read the profiles
// (core/profile.h) pair by pair: the hard conditions (firstBlock,
// passesIntrinsic, isForbidden), the criterion scores of a pair and their
// weighted mean (score, total, and feasibleTotals for buildMatchingProblem's
// rows), participants' priorities on the weights, and a household's candidate
// groups. The formulas are documented in scoring.h.
#include "core/profile.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace welkom {

namespace {

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

double dutchNeed(LanguageLevel best) {
    if (best <= LanguageLevel::A2) return 1.0;
    if (best == LanguageLevel::B1) return 0.75;
    if (best == LanguageLevel::B2) return 0.5;
    if (best == LanguageLevel::C1) return 0.25;
    return 0.0;
}

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

}  // namespace welkom
