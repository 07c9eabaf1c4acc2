#include "cli/matching_common.h"

#include <cmath>
#include <cstdlib>
#include <iostream>

#include "app/text/messages.h"
#include "app/text/open_errors.h"
#include "core/scoring.h"
#include "core/validation.h"
#include "io/roster_json.h"

namespace welkom::cli {

LoadOutcome loadRosterFile(const std::string& path) {
    Result<std::string> bytes = readFile(path);
    if (!bytes) {
        printError(bytes.error());
        return {kExitIo};
    }
    std::vector<Problem> problems;
    Result<LoadedRoster> loaded = loadRoster(*bytes, &problems);
    if (!loaded) {
        printError(codedError("file.error", {Arg::textOf(path), errorArg(explainOpenError(loaded.error(), problems))}));
        for (const Problem& p : problems)
            if (p.severity == Severity::Error) std::cerr << "  " << formatProblemText(p, messagesInDutch()) << "\n";
        return {kExitProblems};
    }
    return {std::move(loaded->roster)};
}

Result<CriterionWeights> parseWeights(const std::string& text, CriterionWeights base) {
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        const std::string item = text.substr(start, end - start);
        start = end + 1;
        if (item.empty()) {
            if (end >= text.size()) break;
            continue;
        }
        const std::size_t eq = item.find('=');
        const std::string name = item.substr(0, eq);
        Criterion c;
        if (eq == std::string::npos || !parseCriterion(name, c)) {
            std::vector<Arg> known;
            for (int i = 0; i < kCriterionCount; ++i) known.push_back(Arg::textOf(std::string(criterionName(static_cast<Criterion>(i)))));
            return codedError("cli.weights", {Arg::textOf(item), Arg::listOf(std::move(known))});
        }
        const std::string number = item.substr(eq + 1);
        char* endPtr = nullptr;
        const double w = number.empty() ? -1 : std::strtod(number.c_str(), &endPtr);
        if (number.empty() || endPtr != number.c_str() + number.size() || !std::isfinite(w) || w < 0)
            return codedError("cli.weight_value", {Arg::textOf(name)});
        base[c] = w;
        if (end >= text.size()) break;
    }
    return base;
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

LoadOutcome loadRosterWithWeights(const std::string& path, const std::optional<std::string>& weights) {
    LoadOutcome loaded = loadRosterFile(path);
    if (!loaded || !weights) return loaded;
    auto parsed = parseWeights(*weights, loaded.roster().settings.weights);
    if (!parsed) {
        printError(parsed.error());
        return LoadOutcome{kExitUsage};
    }
    loaded.roster().settings.weights = std::move(*parsed);
    return loaded;
}

}  // namespace welkom::cli
