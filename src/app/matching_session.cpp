#include "app/matching_session.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/match_explain.h"

namespace welkom {
namespace {

std::string formatScore(double s) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", s);
    return buffer;
}

std::string conflictWords(const FixConflict& c, const MatchingProblem& p, bool dutch) {
    const std::string pair = p.householdIds[static_cast<std::size_t>(c.pair.household)] + " - " +
                             p.groupIds[static_cast<std::size_t>(c.pair.group)];
    const std::string what = c.reason == FixReason::Pin ? (dutch ? "vastgezet paar " : "pinned pair ")
                                                        : (dutch ? "actieve match " : "active match ");
    switch (c.kind) {
        case ConflictKind::PairInfeasible:
            return what + pair + (dutch ? " breekt een harde voorwaarde" : " breaks a hard condition");
        case ConflictKind::PairForbidden:
            return what + pair + (dutch ? " is ook uitgesloten" : " is also forbidden");
        case ConflictKind::BelowMinScore:
            return what + pair + (dutch ? " scoort onder de minimumscore" : " scores below the minimum score");
        case ConflictKind::HouseholdFixedTwice:
            return what + pair + (dutch ? ": het huishouden is al aan een andere groep vastgezet"
                                        : ": the household is already fixed to another group");
        case ConflictKind::GroupOverCapacity:
            return what + pair + (dutch ? ": de groep heeft niet genoeg capaciteit" : ": the group has no capacity left");
    }
    return what + pair;
}

}  // namespace

MatchingRun runMatching(const Roster& roster, MatchMode mode, const std::function<void(float)>& progress) {
    MatchingRun run;
    run.mode = mode;
    Scorer scorer(roster);
    std::function<void(double)> scored;
    if (progress) scored = [&](double fraction) { progress(static_cast<float>(fraction)); };
    run.problem = buildMatchingProblem(scorer, scored);
    if (progress) progress(-1.0f);
    const Matching<double> m = solveMatching(run.problem, mode);
    run.status = m.status;
    for (const FixConflict& c : m.conflicts) {
        run.conflicts.push_back(conflictWords(c, run.problem, false));
        run.conflictsNl.push_back(conflictWords(c, run.problem, true));
    }
    if (!m.ok()) return run;
    run.total = m.total;
    run.worst = m.worstScore.value_or(0.0);
    for (int h = 0; h < run.problem.households(); ++h) {
        const std::size_t household = run.problem.householdAt[static_cast<std::size_t>(h)];
        const int g = m.groupOf[static_cast<std::size_t>(h)];
        if (g == kUnmatched) {
            run.unmatched.push_back(household);
            continue;
        }
        ProposedPair pair;
        pair.household = household;
        pair.group = run.problem.groupAt[static_cast<std::size_t>(g)];
        const PairScore score = scorer.score(household, pair.group);
        pair.total = score.total;
        pair.scores = score.scores;
        pair.applicable = score.applicable;
        run.pairs.push_back(pair);
    }
    return run;
}

PairDetail explainSelection(const Roster& roster, const MatchingRun& run, std::size_t household, std::size_t group,
                            int k) {
    PairDetail detail;
    detail.household = household;
    detail.group = group;
    detail.report = explainPair(roster, household, group);
    detail.inProposal = std::any_of(run.pairs.begin(), run.pairs.end(), [&](const ProposedPair& p) {
        return p.household == household && p.group == group;
    });
    const int h = run.problem.householdIndex(roster.households[household].id);
    const int g = run.problem.groupIndex(roster.groups[group].id);
    if (h < 0 || g < 0) return detail;
    MatchExplainer<double> explainer(run.problem.matrix, run.problem.rules);
    for (const GroupOption<double>& option : explainer.options(h, k))
        detail.alternatives.push_back(
            {run.problem.groupAt[static_cast<std::size_t>(option.group)], option.score, option.loss});
    if (detail.inProposal) return detail;

    const PairExplanation<double> why = explainer.whyNot(h, g);
    const std::string& groupId = roster.groups[group].id;
    switch (why.block) {
        case PairBlock::None: {
            std::string holds;
            for (int other : why.groupHolds) holds += (holds.empty() ? "" : ", ") + run.problem.householdIds[static_cast<std::size_t>(other)];
            const std::string loss = why.loss ? formatScore(*why.loss) : "?";
            detail.whyNot = "Group " + groupId + (holds.empty() ? " stays free" : " went to " + holds) +
                            "; forcing this pair would lower the total by " + loss + ".";
            detail.whyNotNl = "Groep " + groupId + (holds.empty() ? " blijft vrij" : " ging naar " + holds) +
                              "; dit paar afdwingen verlaagt het totaal met " + loss + ".";
            break;
        }
        case PairBlock::NotFeasible:
            detail.whyNot = "A hard condition is broken (see the list above).";
            detail.whyNotNl = "Een harde voorwaarde wordt niet gehaald (zie de lijst hierboven).";
            break;
        case PairBlock::Forbidden:
            detail.whyNot = "The coordinator forbade this pair.";
            detail.whyNotNl = "De coördinator heeft dit paar uitgesloten.";
            break;
        case PairBlock::BelowMinScore:
            detail.whyNot = "The pair scores below the minimum acceptable score.";
            detail.whyNotNl = "Het paar scoort onder de minimaal aanvaardbare score.";
            break;
        case PairBlock::HouseholdFixed:
            detail.whyNot = "The household is pinned to, or active with, another group.";
            detail.whyNotNl = "Het huishouden is vastgezet aan, of actief met, een andere groep.";
            break;
        case PairBlock::GroupFull:
            detail.whyNot = "The group's capacity is taken by pinned pairs or active matches.";
            detail.whyNotNl = "De capaciteit van de groep is bezet door vastgezette paren of actieve matches.";
            break;
    }
    return detail;
}

RunComparison compareRuns(const MatchingRun& before, const MatchingRun& after) {
    RunComparison c;
    c.totalBefore = before.total;
    c.totalAfter = after.total;
    c.matchedBefore = before.pairs.size();
    c.matchedAfter = after.pairs.size();
    std::map<std::size_t, const ProposedPair*> was, is;
    for (const ProposedPair& p : before.pairs) was[p.household] = &p;
    for (const ProposedPair& p : after.pairs) is[p.household] = &p;
    std::vector<std::size_t> households;
    for (const auto& [h, p] : was) households.push_back(h);
    for (const auto& [h, p] : is)
        if (!was.count(h)) households.push_back(h);
    std::sort(households.begin(), households.end());
    for (std::size_t h : households) {
        auto b = was.find(h);
        auto a = is.find(h);
        RunChange change;
        change.household = h;
        if (b != was.end()) {
            change.before = b->second->group;
            change.scoreBefore = b->second->total;
        }
        if (a != is.end()) {
            change.after = a->second->group;
            change.scoreAfter = a->second->total;
        }
        if (change.before != change.after) c.changes.push_back(change);
    }
    return c;
}

}  // namespace welkom
