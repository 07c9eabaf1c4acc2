#include "app/matching_wire.h"

#include "app/wire.h"

namespace welkom {
namespace {

constexpr std::uint8_t kRunTag = 'M';

Error damaged() {
    return codedError("matching.wire");
}

void writePairs(WireWriter& w, const std::vector<PairRef>& pairs) {
    w.u32(static_cast<std::uint32_t>(pairs.size()));
    for (const PairRef& p : pairs) w.u32(static_cast<std::uint32_t>(p.household)).u32(static_cast<std::uint32_t>(p.group));
}

void writeStrings(WireWriter& w, const std::vector<std::string>& strings) {
    w.u32(static_cast<std::uint32_t>(strings.size()));
    for (const std::string& s : strings) w.field(s);
}

void writeIndices(WireWriter& w, const std::vector<std::size_t>& indices) {
    w.u32(static_cast<std::uint32_t>(indices.size()));
    for (std::size_t i : indices) w.u32(static_cast<std::uint32_t>(i));
}

void writeProblem(WireWriter& w, const MatchingProblem& p) {
    const ScoreMatrix<double>& m = p.matrix;
    w.u32(static_cast<std::uint32_t>(m.households())).u32(static_cast<std::uint32_t>(m.groups()));
    w.u32(static_cast<std::uint32_t>(m.feasiblePairs()));
    for (int h = 0; h < m.households(); ++h) {
        std::uint32_t n = 0;
        m.forEachPair(h, [&](int, double) { ++n; });
        w.u32(n);
        m.forEachPair(h, [&](int g, double s) { w.u32(static_cast<std::uint32_t>(g)).f64(s); });
    }
    w.u32(static_cast<std::uint32_t>(p.rules.capacity.size()));
    for (int c : p.rules.capacity) w.u32(static_cast<std::uint32_t>(c));
    writePairs(w, p.rules.pins);
    writePairs(w, p.rules.locked);
    writePairs(w, p.rules.forbidden);
    w.byte(p.rules.minScore ? 1 : 0).f64(p.rules.minScore.value_or(0.0));
    writeStrings(w, p.householdIds);
    writeStrings(w, p.groupIds);
    writeIndices(w, p.householdAt);
    writeIndices(w, p.groupAt);
    w.u32(static_cast<std::uint32_t>(p.fixedNotes.size()));
    for (const FixedPairNote& note : p.fixedNotes) {
        w.u32(static_cast<std::uint32_t>(note.pair.household)).u32(static_cast<std::uint32_t>(note.pair.group));
        w.byte(static_cast<std::uint8_t>(note.reason));
        w.u32(static_cast<std::uint32_t>(note.broken.size()));
        for (HardCondition c : note.broken) w.byte(static_cast<std::uint8_t>(c));
    }
}

// Reads with range checks; every helper returns false on damage.
class RunReader {
public:
    explicit RunReader(std::string_view bytes) : m_r(bytes) {}

    bool index(std::size_t& out, std::size_t limit) {
        std::uint32_t v = 0;
        if (!m_r.u32(v) || v >= limit) return false;
        out = v;
        return true;
    }
    bool pairs(std::vector<PairRef>& out, int households, int groups) {
        std::uint32_t n = 0;
        if (!m_r.count(n, 8)) return false;
        out.resize(n);
        for (PairRef& p : out) {
            std::size_t h = 0, g = 0;
            if (!index(h, static_cast<std::size_t>(households)) || !index(g, static_cast<std::size_t>(groups))) return false;
            p = {static_cast<int>(h), static_cast<int>(g)};
        }
        return true;
    }
    // `expected`: the count the strings must have, or kAnyCount.
    static constexpr std::size_t kAnyCount = static_cast<std::size_t>(-1);
    bool strings(std::vector<std::string>& out, std::size_t expected) {
        std::uint32_t n = 0;
        if (!m_r.count(n, 4) || (expected != kAnyCount && n != expected)) return false;
        out.resize(n);
        for (std::string& s : out)
            if (!m_r.field(s)) return false;
        return true;
    }
    bool indices(std::vector<std::size_t>& out, std::size_t expected) {
        std::uint32_t n = 0;
        if (!m_r.count(n, 4) || n != expected) return false;
        out.resize(n);
        for (std::size_t& i : out)
            if (!index(i, expected)) return false;
        return true;
    }
    bool problem(MatchingProblem& p) {
        std::uint32_t households = 0, groups = 0, arcs = 0;
        if (!m_r.u32(households) || !m_r.u32(groups) || !m_r.count(arcs, 12)) return false;
        if (households > (1u << 30) || groups > (1u << 30)) return false;
        p.matrix = ScoreMatrix<double>::sparse(static_cast<int>(groups));
        std::vector<ScoreMatrix<double>::Entry> row;
        std::uint64_t seen = 0;
        for (std::uint32_t h = 0; h < households; ++h) {
            std::uint32_t n = 0;
            if (!m_r.count(n, 12)) return false;
            seen += n;
            if (seen > arcs) return false;
            row.resize(n);
            for (auto& e : row) {
                std::size_t g = 0;
                if (!index(g, groups) || !m_r.f64(e.score)) return false;
                e.group = static_cast<int>(g);
            }
            p.matrix.addRow(row);
        }
        if (seen != arcs || !p.matrix.validate()) return false;
        std::uint32_t capacities = 0;
        if (!m_r.count(capacities, 4) || capacities != groups) return false;
        p.rules.capacity.resize(capacities);
        for (int& c : p.rules.capacity) {
            std::uint32_t v = 0;
            if (!m_r.u32(v) || v > (1u << 30)) return false;
            c = static_cast<int>(v);
        }
        const int H = static_cast<int>(households), G = static_cast<int>(groups);
        if (!pairs(p.rules.pins, H, G) || !pairs(p.rules.locked, H, G) || !pairs(p.rules.forbidden, H, G)) return false;
        std::uint8_t hasMin = 0;
        double minScore = 0.0;
        if (!m_r.byte(hasMin) || !m_r.f64(minScore)) return false;
        if (hasMin) p.rules.minScore = minScore;
        if (!strings(p.householdIds, households) || !strings(p.groupIds, groups)) return false;
        if (!indices(p.householdAt, households) || !indices(p.groupAt, groups)) return false;
        std::uint32_t notes = 0;
        if (!m_r.count(notes, 13)) return false;
        p.fixedNotes.resize(notes);
        for (FixedPairNote& note : p.fixedNotes) {
            std::size_t h = 0, g = 0;
            std::uint8_t reason = 0;
            std::uint32_t broken = 0;
            if (!index(h, households) || !index(g, groups) || !m_r.byte(reason) || reason > 1 || !m_r.count(broken, 1))
                return false;
            note.pair = {static_cast<int>(h), static_cast<int>(g)};
            note.reason = static_cast<FixReason>(reason);
            note.broken.resize(broken);
            for (HardCondition& c : note.broken) {
                std::uint8_t v = 0;
                if (!m_r.byte(v) || v >= kHardConditionCount) return false;
                c = static_cast<HardCondition>(v);
            }
        }
        return true;
    }

    WireReader& raw() { return m_r; }

private:
    WireReader m_r;
};

}  // namespace

std::string encodeMatchingRun(const MatchingRun& run) {
    WireWriter w;
    w.reserve(64 + static_cast<std::size_t>(run.problem.matrix.feasiblePairs()) * 12 + run.pairs.size() * 128);
    w.byte(kRunTag).byte(static_cast<std::uint8_t>(run.mode)).byte(static_cast<std::uint8_t>(run.status));
    w.f64(run.total).f64(run.worst);
    writeProblem(w, run.problem);
    w.u32(static_cast<std::uint32_t>(run.pairs.size()));
    for (const ProposedPair& pair : run.pairs) {
        w.u32(static_cast<std::uint32_t>(pair.household)).u32(static_cast<std::uint32_t>(pair.group)).f64(pair.total);
        for (int c = 0; c < kCriterionCount; ++c)
            w.byte(pair.applicable[static_cast<std::size_t>(c)] ? 1 : 0).f64(pair.scores[static_cast<std::size_t>(c)]);
    }
    writeIndices(w, run.unmatched);
    writeStrings(w, run.conflicts);
    writeStrings(w, run.conflictsNl);
    return w.take();
}

Result<MatchingRun> decodeMatchingRun(std::string_view bytes) {
    RunReader reader(bytes);
    WireReader& r = reader.raw();
    MatchingRun run;
    std::uint8_t tag = 0, mode = 0, status = 0;
    if (!r.byte(tag) || tag != kRunTag || !r.byte(mode) || mode > static_cast<std::uint8_t>(MatchMode::Stable) ||
        !r.byte(status) || status > static_cast<std::uint8_t>(SolveStatus::Overflow) || !r.f64(run.total) ||
        !r.f64(run.worst) || !reader.problem(run.problem))
        return damaged();
    run.mode = static_cast<MatchMode>(mode);
    run.status = static_cast<SolveStatus>(status);
    // Pairs and unmatched households are roster indices, which the problem's
    // maps cover one to one.
    const std::size_t households = run.problem.householdAt.size(), groups = run.problem.groupAt.size();
    std::uint32_t pairs = 0;
    if (!r.count(pairs, 16 + 9 * kCriterionCount)) return damaged();
    run.pairs.resize(pairs);
    for (ProposedPair& pair : run.pairs) {
        if (!reader.index(pair.household, households) || !reader.index(pair.group, groups) || !r.f64(pair.total))
            return damaged();
        for (int c = 0; c < kCriterionCount; ++c) {
            std::uint8_t applicable = 0;
            if (!r.byte(applicable) || !r.f64(pair.scores[static_cast<std::size_t>(c)])) return damaged();
            pair.applicable[static_cast<std::size_t>(c)] = applicable != 0;
        }
    }
    std::uint32_t unmatched = 0;
    if (!r.count(unmatched, 4)) return damaged();
    run.unmatched.resize(unmatched);
    for (std::size_t& h : run.unmatched)
        if (!reader.index(h, households)) return damaged();
    if (!reader.strings(run.conflicts, RunReader::kAnyCount) || !reader.strings(run.conflictsNl, run.conflicts.size()) ||
        !r.atEnd())
        return damaged();
    return run;
}

Result<MatchingRun> decodeMatchingOutput(const Result<std::string>& output) {
    if (!output) return output.error();
    return decodeMatchingRun(std::string_view(*output));
}

}  // namespace welkom
