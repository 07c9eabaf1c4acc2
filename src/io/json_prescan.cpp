#include "io/json_prescan.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace welkom {

namespace {

// {1} the limit, then {2} what the file was expected to be, when it says so.
Problem limitProblem(std::string code, std::size_t limit, const JsonLimits* saysKind = nullptr) {
    Problem p{"", Severity::Error, std::move(code)};
    p.args.push_back(Arg::integerOf(static_cast<long long>(limit)));
    if (saysKind) p.args.push_back(Arg::coded("file_kind." + saysKind->kind));
    return p;
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
    return limitProblem("file.too_large", limits.maxBytes >> 20, &limits);
}

Problem countLimitProblem(const JsonCountLimit& rule, std::string path) {
    Problem p = limitProblem(rule.code, rule.max);
    p.path = std::move(path);
    return p;
}

std::optional<Problem> prescanJson(std::string_view bytes, const JsonLimits& limits) {
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
    const auto tooManyValues = [&] { return limitProblem("json.too_many_values", limits.maxValues, &limits); };
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
                    return limitProblem("json.too_deep", static_cast<std::size_t>(maxDepth), &limits);
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
                        return limitProblem("json.too_many_members", limits.maxObjectMembers, &limits);
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
                    return limitProblem("json.too_many_items", limits.maxListItems, &limits);
                }
                break;
            }
            default: break;
        }
    }
    return std::nullopt;
}

}  // namespace welkom
