// Building the solvers' input (core/matching_problem.h) from a Scorer: ids in
// order, the rules from the roster's constraints and matches, the score matrix
// row by row; and the reachability check validation runs.
#include "core/matching_problem.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "core/scoring.h"

namespace welkom {

namespace {

bool isLocking(MatchStatus s) { return s == MatchStatus::Introduced || s == MatchStatus::Active; }

}  // namespace

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
