// The profiles a Scorer builds once (Scorer::Data): every household and group
// encoded as bit masks (languages, goals, availability), interned ids
// (municipalities, neighbourhoods, interests) and tables (the age criterion
// per group and adult age), with the small helpers that read them.
//
// Internal to scoring: included only by profile.cpp (which builds the
// profiles), criteria.cpp and pair_report.cpp (which read them). Not for use
// outside these files; the layout follows what the hot path needs and may
// change with it. Callers use Scorer (scoring.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/scoring.h"
#include "core/validation.h"  // kMaxAge

namespace welkom {

inline int popcount64(std::uint64_t x) {
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

inline int clampAge(int age) { return age < 0 ? 0 : age > kMaxAge ? kMaxAge : age; }

// Availability slots, bits of HouseholdProfile::avail and GroupProfile::avail.
constexpr std::uint8_t kSlotDay = 1, kSlotEvening = 2, kSlotWeekend = 4;

// The code of an item bit, for reasons.
std::string_view itemCode(int bit);  // profile.cpp

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

inline std::uint64_t forbidKey(std::size_t h, std::size_t g) {
    return (static_cast<std::uint64_t>(h) << 32) | static_cast<std::uint64_t>(g);
}

inline bool municipalityOk(const Scorer::Data& d, const HouseholdProfile& h, const GroupProfile& g, bool cross) {
    if (h.muni == g.muni || cross) return true;
    for (int k = g.allowedBegin; k < g.allowedEnd; ++k)
        if (d.allowedMunis[static_cast<std::size_t>(k)] == h.muni) return true;
    return false;
}

}  // namespace welkom
