#include "io/json_prescan.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace welkom {

namespace {

Problem limitProblem(std::string code, std::string en, std::string nl) {
    return Problem{"", Severity::Error, std::move(code), std::move(en), std::move(nl)};
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// A member name as the parser will see it, as far as count rules care: the
// rules name ASCII members, so any other escaped character becomes '\x01'
// (matches nothing). Names longer than kMaxName match nothing either.
constexpr std::size_t kMaxName = 64;
bool decodeName(std::string_view raw, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (out.size() > kMaxName) return false;
        if (raw[i] != '\\') {
            out.push_back(raw[i]);
            continue;
        }
        if (++i == raw.size()) return false;
        const char e = raw[i];
        if (e == 'u') {
            int cp = 0;
            for (std::size_t k = 1; k <= 4; ++k) {
                const int h = i + k < raw.size() ? hexDigit(raw[i + k]) : -1;
                if (h < 0) return false;
                cp = cp * 16 + h;
            }
            i += 4;
            out.push_back(cp > 0 && cp < 0x80 ? static_cast<char>(cp) : '\x01');
        } else {
            out.push_back(e == '"' || e == '\\' || e == '/' ? e : '\x01');
        }
    }
    return out.size() <= kMaxName;
}

}  // namespace

Problem fileTooLargeProblem(const JsonLimits& limits) {
    const std::string mb = std::to_string(limits.maxBytes >> 20);
    return limitProblem("file.too_large",
                        "The file is larger than " + mb + " MB; a " + limits.whatEn + " is never that large.",
                        "Het bestand is groter dan " + mb + " MB; zo groot is een " + limits.whatNl + " nooit.");
}

Problem countLimitProblem(const JsonCountLimit& rule, std::string path) {
    Problem p = limitProblem(rule.code,
                             "The file lists more than " + groupedNumber(rule.max, false) + " " + rule.nounEn +
                                 "; Welkom reads at most " + groupedNumber(rule.max, false) + ".",
                             "Het bestand bevat meer dan " + groupedNumber(rule.max, true) + " " + rule.nounNl +
                                 "; Welkom leest er hoogstens " + groupedNumber(rule.max, true) + ".");
    p.path = std::move(path);
    return p;
}

std::string groupedNumber(std::size_t n, bool dutch) {
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(dutch ? '.' : ',');
        out.push_back(digits[i]);
    }
    return out;
}

std::optional<Problem> prescanJson(std::string_view bytes, const JsonLimits& limits) {
    const std::string& en = limits.whatEn;
    const std::string& nl = limits.whatNl;
    if (bytes.size() > limits.maxBytes) return fileTooLargeProblem(limits);
    // Count rules are matched level by level: a level's `rules` holds the
    // rules whose path matches the path down to it (bit r = counts[r]).
    const std::size_t ruleCount = std::min<std::size_t>(limits.counts.size(), 32);
    struct Level {
        bool object = false;
        bool expectName = false;   // objects: the next string is a member name
        std::uint32_t rules = 0;   // rules matching the path to this container
        std::uint32_t nameRules = 0;  // objects: rules matching the path to the current member
        int limitRule = -1;        // the count rule that limits this list, if any
        std::size_t commas = 0;
    };
    std::array<Level, kMaxPrescanDepth> stack{};
    const int maxDepth = std::min(limits.maxDepth, kMaxPrescanDepth);
    const std::uint32_t allRules = ruleCount == 32 ? 0xffffffffu : ((std::uint32_t{1} << ruleCount) - 1);
    // Rules that continue at path position `pos` with token `token`.
    const auto follow = [&](std::uint32_t rules, std::size_t pos, std::string_view token) {
        std::uint32_t out = 0;
        for (std::size_t r = 0; r < ruleCount; ++r) {
            const auto& path = limits.counts[r].path;
            if ((rules >> r & 1u) && pos < path.size() && path[pos] == token) out |= std::uint32_t{1} << r;
        }
        return out;
    };

    // Containers and commas: every value but a container's first scalar
    // starts with one, so the file holds at most twice this many values.
    std::size_t values = 0;
    const auto tooManyValues = [&] {
        return limitProblem("json.too_many_values",
                            "The file holds more than " + groupedNumber(limits.maxValues, false) +
                                " values; it is not a " + en + " Welkom can open.",
                            "Het bestand bevat meer dan " + groupedNumber(limits.maxValues, true) +
                                " waarden; het is geen " + nl + " die Welkom kan openen.");
    };
    int depth = 0;
    std::string name;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        switch (c) {
            case '"': {
                const std::size_t start = i + 1;
                std::size_t j = start;
                bool escapes = false;
                while (j < bytes.size() && bytes[j] != '"') {
                    if (bytes[j] == '\\') {
                        escapes = true;
                        ++j;
                    }
                    ++j;
                }
                if (depth > 0 && stack[static_cast<std::size_t>(depth - 1)].object &&
                    stack[static_cast<std::size_t>(depth - 1)].expectName) {
                    Level& l = stack[static_cast<std::size_t>(depth - 1)];
                    l.expectName = false;
                    const std::string_view raw = bytes.substr(start, std::min(j, bytes.size()) - start);
                    std::string_view decoded = raw;
                    if (escapes) decoded = decodeName(raw, name) ? std::string_view(name) : std::string_view();
                    l.nameRules = l.rules ? follow(l.rules, static_cast<std::size_t>(depth - 1), decoded) : 0;
                }
                i = j;  // at the closing quote (or the end)
                break;
            }
            case '{':
            case '[': {
                if (limits.maxValues != 0 && ++values > limits.maxValues) return tooManyValues();
                if (depth == maxDepth) {
                    return limitProblem("json.too_deep",
                                        "The file is nested more than " + std::to_string(maxDepth) +
                                            " levels deep; it is not a " + en + ".",
                                        "Het bestand is meer dan " + std::to_string(maxDepth) +
                                            " niveaus diep genest; het is geen " + nl + ".");
                }
                Level child;
                child.object = c == '{';
                child.expectName = child.object;
                if (depth == 0) {
                    child.rules = allRules;
                } else {
                    const Level& parent = stack[static_cast<std::size_t>(depth - 1)];
                    child.rules = parent.object ? parent.nameRules
                                                : (parent.rules ? follow(parent.rules, static_cast<std::size_t>(depth - 1), "*") : 0);
                }
                if (!child.object) {
                    for (std::size_t r = 0; r < ruleCount; ++r) {
                        if ((child.rules >> r & 1u) && limits.counts[r].path.size() == static_cast<std::size_t>(depth)) {
                            child.limitRule = static_cast<int>(r);
                        }
                    }
                }
                stack[static_cast<std::size_t>(depth++)] = child;
                break;
            }
            case '}':
            case ']':
                if (depth > 0) --depth;
                break;
            case ',': {
                if (limits.maxValues != 0 && ++values > limits.maxValues) return tooManyValues();
                if (depth == 0) break;
                Level& l = stack[static_cast<std::size_t>(depth - 1)];
                ++l.commas;
                if (l.object) {
                    l.expectName = true;
                    if (l.commas >= limits.maxObjectMembers) {
                        const std::string n = std::to_string(limits.maxObjectMembers);
                        return limitProblem("json.too_many_members",
                                            "An object in the file has more than " + n + " fields; it is not a " +
                                                en + ".",
                                            "Een object in het bestand heeft meer dan " + n +
                                                " velden; het is geen " + nl + ".");
                    }
                } else if (l.limitRule >= 0) {
                    const JsonCountLimit& rule = limits.counts[static_cast<std::size_t>(l.limitRule)];
                    if (l.commas >= rule.max) {
                        std::string path;
                        for (std::size_t k = 0; k < rule.path.size(); ++k) {
                            path.push_back('/');
                            if (rule.path[k] == "*") path += std::to_string(stack[k].commas);
                            else path += rule.path[k];
                        }
                        Problem p = countLimitProblem(rule, std::move(path));
                        return p;
                    }
                } else if (l.commas >= limits.maxListItems) {
                    const std::string n = groupedNumber(limits.maxListItems, false);
                    return limitProblem("json.too_many_items",
                                        "A list in the file has more than " + n + " items; it is not a " + en + ".",
                                        "Een lijst in het bestand heeft meer dan " +
                                            groupedNumber(limits.maxListItems, true) + " items; het is geen " + nl +
                                            ".");
                }
                break;
            }
            default: break;
        }
    }
    return std::nullopt;
}

}  // namespace welkom
