// The soft criteria of a pair's score and their weights.
//
//   CriterionWeights w;                   // every criterion at kDefaultCriterionWeight
//   w[Criterion::Language] = 3.0;
//   Criterion c;
//   if (parseCriterion("age", c)) w[c] = 0.5;  // names as stored in roster files
//
// Weights are indexed by Criterion; a roster file names them ("interests": 1.5)
// and io reads and writes those names (roster_json.cpp). A criterion the file
// does not name has the default weight: that default lives only here.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace welkom {

enum class Criterion : std::uint8_t { Interests, Age, Language, Goals, Family, Availability, Distance };
constexpr int kCriterionCount = 7;
constexpr double kDefaultCriterionWeight = 1.0;

inline constexpr std::array<std::string_view, kCriterionCount> kCriterionNames = {
    "interests", "age", "language", "goals", "family", "availability", "distance"};

// "interests", "age", "language", "goals", "family", "availability", "distance".
inline std::string_view criterionName(Criterion c) { return kCriterionNames[static_cast<std::size_t>(c)]; }
inline bool parseCriterion(std::string_view name, Criterion& out) {
    for (int i = 0; i < kCriterionCount; ++i) {
        if (kCriterionNames[static_cast<std::size_t>(i)] == name) {
            out = static_cast<Criterion>(i);
            return true;
        }
    }
    return false;
}

// One weight per criterion (>= 0 once validated; a roster file may hold a
// negative one, which validation reports and scoring treats as 0).
class CriterionWeights {
public:
    CriterionWeights() { m_weight.fill(kDefaultCriterionWeight); }
    // In Criterion order.
    explicit CriterionWeights(const std::array<double, kCriterionCount>& weights) : m_weight(weights) {}

    double operator[](Criterion c) const { return m_weight[static_cast<std::size_t>(c)]; }
    double& operator[](Criterion c) { return m_weight[static_cast<std::size_t>(c)]; }
    const std::array<double, kCriterionCount>& values() const { return m_weight; }

    bool operator==(const CriterionWeights& o) const { return m_weight == o.m_weight; }
    bool operator!=(const CriterionWeights& o) const { return !(*this == o); }

private:
    std::array<double, kCriterionCount> m_weight;
};

// Every criterion, in enum order, for range-for loops.
inline std::array<Criterion, kCriterionCount> allCriteria() {
    std::array<Criterion, kCriterionCount> all{};
    for (int c = 0; c < kCriterionCount; ++c) all[static_cast<std::size_t>(c)] = static_cast<Criterion>(c);
    return all;
}

}  // namespace welkom
