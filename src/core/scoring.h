// Scoring: turns a roster into the solvers' input. For every household x group
// pair it checks the hard conditions (a pair that breaks one is never proposed)
// and scores seven soft criteria 0..1, combined by the coordinator's weights;
// it explains any pair as reasons (codes with numbers and tags; the app's
// text layer, app/text/messages.h, words them) and, for a household
// nobody can take, which condition blocks each candidate group and the
// smallest change that would make one possible.
//
// Usage:
//   MatchingProblem p = buildMatchingProblem(roster);     // solver input, ids sorted
//   Matching<double> m = solveBestTotal(p.matrix, p.rules);
//   for (int h = 0; h < p.households(); ++h)
//       if (m.groupOf[h] != kUnmatched) show(p.householdIds[h], p.groupIds[m.groupOf[h]]);
//
//   Scorer scorer(roster);                                // reuse for many questions
//   PairReport r = scorer.explain(hIndex, gIndex);        // roster indices
//   for (const HardVerdict& v : r.hard) print(texts.reason(v.reason));   // MessageTexts texts("nl")
//   UnplaceableReport u = scorer.explainUnplaceable(hIndex);
//   if (u.smallest) for (const Change& c : u.smallest->changes) print(texts.change(c));
//
// Files: this header declares the Scorer and includes the rest, so callers
// need only it. core/pair_report.h: hard conditions, reasons, PairReport and
// the changes that would unblock a household (built in pair_report.cpp).
// core/matching_problem.h: the solvers' input (matching_problem.cpp). The
// Scorer's own code: profile.cpp (the profiles built once, Scorer's
// constructors; core/profile.h, internal to these files), criteria.cpp (hard
// conditions and criterion scores, the hot path) and pair_report.cpp
// (explain, explainUnplaceable).
//
// Hard conditions of a pair (HardCondition):
//   - consent to matching on both sides; a group with capacity 0 takes nobody;
//   - municipality: the same (exact text), or the household's municipality is in
//     the group's allowedMunicipalities, or settings.allowCrossMunicipality;
//   - a usable shared language: some language L that a household adult speaks
//     at A2 or better and at least kMinSpeakers (2) group members speak at A2
//     or better. Two, because one speaker would carry every conversation for
//     the whole group; the coordinator counts like any member, so "the
//     coordinator and one other" is one way to meet it;
//   - women-only: a household that asked for a women-only group gets only
//     groups whose members are all Gender::Female (unspecified does not count);
//   - household size <= group.support.maxHouseholdSize (when that is > 0);
//   - the coordinator's Forbid constraint, and an earlier match of this pair
//     that was declined (a pair that said no is not proposed again).
//   HouseholdPreferences::groupWithChildren is documented in roster.h as a soft
//   wish, so it feeds the family criterion instead of excluding groups.
//
// Soft criteria (Criterion; names as stored in settings.weights and match scores):
//   interests     0.6 * min(shared, 3)/3 + 0.4 * (members sharing one)/(members);
//                 not applicable when the household gave no interests
//   age           per adult: 0.5 * best member closeness + 0.5 * mean closeness,
//                 closeness(d) = 1 for |age gap| <= 5, falling linearly to 0 at 30;
//                 mean over the adults
//   language      bridge = min(members sharing a usable language, 3)/3; Dutch
//                 practice = min(members with Dutch >= B2, 3)/3; need = 1 (best
//                 adult Dutch <= A2), .75 (B1), .5 (B2), .25 (C1), 0 (C2/native);
//                 score = (1 - 0.4 need) * bridge + 0.4 need * practice
//                 An unknown level (LanguageLevel::Unknown) counts as A2, the
//                 lowest level for talking together, here and in the language
//                 hard condition: a missing detail does not cut a person off,
//                 but it never counts as Dutch at B2+ to practise with, and a
//                 household's unknown Dutch counts as full need (A2). The
//                 reason lists such languages (LanguageBridge, tags2).
//   goals         share of the household's goals, needs and work sectors that
//                 some member serves by skill or sector (the goal links in profile.cpp:
//                 find_work <- job_coaching/network, care sector <- a member in
//                 care, ...); not applicable when nothing the table knows was given
//   family        households with children (or asking for a group with
//                 children): 0.5 * min(members with children, 2)/2 + 0.5 *
//                 min(members with childcare/homework help, 1); else not applicable
//   availability  household slots (weekday daytime, evenings, weekends) the
//                 group shares / household slots; not applicable if either gave none
//   distance      1 same neighbourhood, 0.5 same municipality (or unknown
//                 neighbourhood), 0 another municipality
// Combination: the weighted mean over the applicable criteria,
//   total = sum(w_c * s_c) / sum(w_c),   w_c from settings.weights (1.0 when
// a criterion is not listed, unknown names are ignored); "not applicable"
// criteria drop out instead of counting as 0 or 1, so a household without
// children is neither helped nor hurt by family fit. With no applicable
// criterion of positive weight the total is 0.5 (nothing to go by).
// Participants' stated priorities (Household/GroupMember::statedPriorities)
// scale the coordinator's weight per pair, keeping the same weighted mean:
//   w_c(h, g) = w_c * (1 + p * (m_c - 1)),   m_c = (f_c(h) + f_c(g)) / 2
// p = settings.participantPriorities (0..1); f = importanceFactor(): not
// important 0.5, important 1, very important 1.5, not stated 1; a group's
// f_c is the mean over its members who stated c (1 when none did). So a
// side that said nothing is neutral, "important" (the form's middle) is
// neutral too, and at the default p = 0.5 the most a criterion can move is
// to 1.25 or 0.75 times the coordinator's weight: the coordinator's weights
// stay the larger voice. With p = 0 or nobody stating anything, w_c(h, g) is
// w_c exactly and scores are bit for bit what they were without priorities.
// The explanation marks a criterion whose weight moved (CriterionResult::
// priorityFactor and ::priority, ReasonKind::PriorityCountedMore/Less).
//
// Determinism: the same roster gives bit-identical scores natively and in
// wasm (IEEE doubles, fixed operation order, no platform maths functions);
// households and groups are ordered by id (numbers in ids compared as numbers)
// so the solvers' index tie-breaking is the same on every run.
//
// Cost: Scorer construction is linear in the roster (profiles: bit masks for
// languages, goals and availability, interned interest ids as bit words);
// a pair costs O(adults + members x interest words), no allocation (the age
// criterion is a per-group table by adult age; small ratios come from a table
// of the divisions' results, so the hot path divides once per pair).
// buildMatchingProblem visits only groups in the household's municipality or
// allowing it (all groups when crossing is allowed), one row at a time with
// the household's side worked out once (feasibleTotals); groups are stored by
// municipality, then id, so a row reads memory in order and needs no sort.
// Reasons are built only by explain()/explainUnplaceable(), never for the
// whole matrix.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/assignment_problem.h"
#include "core/criterion.h"
#include "core/matching_problem.h"
#include "core/pair_report.h"
#include "core/roster.h"
#include "core/vocabulary.h"

namespace welkom {

// Criterion, criterionName(), parseCriterion(): core/criterion.h.
// HardCondition, kMinSpeakers, reasons, PairReport, UnplaceableReport: core/pair_report.h.
// MatchingProblem, buildMatchingProblem, idLess: core/matching_problem.h.

// [SECTION] The scorer ---------------------------------------------------------------------

struct PairScore {
    bool feasible = false;                     // the roster's own hard conditions (forbids included)
    double total = 0.0;
    std::array<double, kCriterionCount> scores{};
    std::array<bool, kCriterionCount> applicable{};
};

// Profiles of every household and group, built once; the roster must outlive it.
class Scorer {
public:
    explicit Scorer(const Roster& roster);
    // Same, with these weights instead of roster.settings.weights.
    Scorer(const Roster& roster, const CriterionWeights& weights);

    const Roster& roster() const { return m_roster; }
    double weight(Criterion c) const { return m_weight[static_cast<int>(c)]; }
    // The factor participants' priorities put on the weight of c for the pair
    // (1 + p * (m - 1), see the header comment; exactly 1 when they do not count).
    // Defined below the class: inline, since explanations call it for every criterion of every pair.
    double priorityFactor(std::size_t household, std::size_t group, Criterion c) const;

    // Hard conditions only, first failure (nullopt: feasible). Indices into
    // roster.households / roster.groups. Cheap: masks and integers.
    std::optional<HardCondition> firstBlock(std::size_t household, std::size_t group) const;
    // All hard conditions and soft scores, without reasons. Soft scores are
    // computed for infeasible pairs too.
    PairScore score(std::size_t household, std::size_t group) const;
    // The combined score of a pair known to be feasible (the hot path).
    double total(std::size_t household, std::size_t group) const;
    // The hot path of buildMatchingProblem: appends (group, total) for every
    // candidate group (see candidateGroups; roster indices, in that order)
    // that passes passesIntrinsic(). The household's side of the scores is
    // worked out once for the row.
    void feasibleTotals(std::size_t household, std::vector<std::pair<int, double>>& out) const;

    PairReport explain(std::size_t household, std::size_t group) const;
    UnplaceableReport explainUnplaceable(std::size_t household) const;

    // Indices of groups that may be in reach of the household's municipality
    // (own, allowing it, or all when crossing is allowed), each once, in
    // memory order: the own municipality's groups by id, then the others.
    void candidateGroups(std::size_t household, std::vector<int>& out) const;
    // How many groups candidateGroups() gives (may count a group twice when it
    // allows its own municipality): an upper bound for reserving.
    std::size_t candidateCount(std::size_t household) const;

    ~Scorer();
    Scorer(Scorer&&) noexcept;
    Scorer(const Scorer&) = delete;
    Scorer& operator=(const Scorer&) = delete;
    Scorer& operator=(Scorer&&) = delete;

    struct Data;  // profiles (core/profile.h)
    // The hard conditions except Forbidden (buildMatchingProblem keeps forbidden
    // pairs in the matrix and lists them in rules.forbidden instead).
    bool passesIntrinsic(std::size_t household, std::size_t group) const;
    bool isForbidden(std::size_t household, std::size_t group) const;

private:
    const Roster& m_roster;
    std::array<double, kCriterionCount> m_weight{};
    std::unique_ptr<Data> m_data;

    void computeScores(std::size_t h, std::size_t g, std::array<double, kCriterionCount>& s,
                       std::array<bool, kCriterionCount>& applicable) const;
    double combine(std::size_t household, std::size_t group, const std::array<double, kCriterionCount>& s,
                   const std::array<bool, kCriterionCount>& applicable) const;
    // The pair's weights with participants' priorities applied.
    void pairWeights(const std::array<double, kCriterionCount>& householdFactor, std::size_t group,
                     std::array<double, kCriterionCount>& out) const;

    // Participants' priorities: only when settings.participantPriorities > 0
    // and someone stated one; importance factors per roster index.
    bool m_usePriorities = false;
    std::vector<std::array<double, kCriterionCount>> m_householdFactor, m_groupFactor;
    std::vector<std::array<int, kCriterionCount>> m_groupStated;  // members who stated each criterion
};

inline double Scorer::priorityFactor(std::size_t household, std::size_t group, Criterion c) const {
    if (!m_usePriorities) return 1.0;
    const auto ci = static_cast<std::size_t>(c);
    const double mean = (m_householdFactor[household][ci] + m_groupFactor[group][ci]) * 0.5;
    return 1.0 + m_roster.settings.participantPriorities * (mean - 1.0);
}

// How a stated importance scales a criterion: not important 0.5, important 1,
// very important 1.5, not stated 1.
double importanceFactor(StatedImportance i);

}  // namespace welkom
