#include "io/json_dom.h"

#include <cassert>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <utility>

#include "core/validation.h"

namespace welkom {

// An iterative (no recursion, so no stack overflow on deep input) RFC 8259
// parser writing straight into the node array. Children are linked
// (firstChild / nextSibling) because a nested value's own children come
// before its later siblings, so they cannot be contiguous.
class JsonDomBuilder {
public:
    JsonDomBuilder(JsonDoc& doc, std::string_view bytes)
        : m_doc(doc), m_begin(bytes.data()), m_p(bytes.data()), m_end(bytes.data() + bytes.size()) {}

    long long line = 0, column = 0;  // of the syntax error
    Message detail;

    bool run() {
        // A UTF-8 byte order mark (some Windows editors write one) is skipped, as nlohmann does.
        if (m_end - m_p >= 3 && std::string_view(m_p, 3) == "\xef\xbb\xbf") m_p += 3;
        bool needValue = true;
        for (;;) {
            skipWhitespace();
            if (needValue) {
                if (m_p == m_end) return fail("end_expected_value");
                const char c = *m_p;
                if (c == '{' || c == '[') {
                    ++m_p;
                    open(c == '{' ? JsonType::Object : JsonType::Array);
                    skipWhitespace();
                    if (m_p != m_end && *m_p == (c == '{' ? '}' : ']')) {
                        ++m_p;
                        close();
                        needValue = false;
                        continue;
                    }
                    if (c == '{' && !memberKey()) return false;
                    continue;  // still needs a value
                }
                if (!scalar()) return false;
                needValue = false;
                continue;
            }
            // After a value.
            if (m_open.empty()) {
                if (m_p != m_end) return fail("content_after_end");
                return true;
            }
            const bool inObject = m_doc.m_nodes[m_open.back()].type == JsonType::Object;
            if (m_p == m_end) return fail("end_expected_comma_or", {Arg::textOf(inObject ? "}" : "]")});
            const char c = *m_p++;
            if (c == ',') {
                if (inObject && !(skipWhitespace(), memberKey())) return false;
                needValue = true;
            } else if (c == (inObject ? '}' : ']')) {
                close();
            } else {
                --m_p;
                return fail("expected_comma_or", {Arg::textOf(inObject ? "}" : "]")});
            }
        }
    }

private:
    // Where (line and column, from 1) and what went wrong: "json.detail.<what>".
    bool fail(const char* what, std::vector<Arg> args = {}) {
        line = 1;
        column = 1;
        for (const char* q = m_begin; q < m_p; ++q) {
            if (*q == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        detail = message(std::string("json.detail.") + what, std::move(args));
        return false;
    }

    // A number as a message quotes it: at most 40 characters of it.
    static std::vector<Arg> shownNumber(const std::string& text) {
        constexpr std::size_t kShown = 40;
        return {Arg::textOf(text.size() <= kShown ? text : text.substr(0, kShown) + "...")};
    }

    void skipWhitespace() {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t')) ++m_p;
    }

    // "key" : — leaves m_p at the value.
    bool memberKey() {
        if (m_p == m_end || *m_p != '"') return fail("expected_member_name");
        std::uint32_t offset = 0, length = 0;
        if (!string(offset, length)) return false;
        skipWhitespace();
        if (m_p == m_end || *m_p != ':') return fail("expected_colon");
        ++m_p;
        m_keyOffset = offset;
        m_keyLength = length;
        return true;
    }

    bool scalar() {
        const char c = *m_p;
        if (c == '"') {
            std::uint32_t offset = 0, length = 0;
            if (!string(offset, length)) return false;
            JsonDoc::Node& n = m_doc.m_nodes[add(JsonType::String)];
            n.strOffset = offset;
            n.strLength = length;
            return true;
        }
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        if (literal("true")) {
            m_doc.m_nodes[add(JsonType::Bool)].boolean = true;
            return true;
        }
        if (literal("false")) {
            add(JsonType::Bool);
            return true;
        }
        if (literal("null")) {
            add(JsonType::Null);
            return true;
        }
        return fail("unexpected_character");
    }

    bool literal(std::string_view word) {
        if (static_cast<std::size_t>(m_end - m_p) < word.size() || std::string_view(m_p, word.size()) != word) {
            return false;
        }
        m_p += word.size();
        return true;
    }

    bool number() {
        const char* start = m_p;
        const bool negative = *m_p == '-';
        if (negative) ++m_p;
        const auto digit = [this] { return m_p != m_end && *m_p >= '0' && *m_p <= '9'; };
        if (!digit()) return fail("number_digit");
        bool integral = true;
        if (*m_p == '0') {
            ++m_p;
        } else {
            while (digit()) ++m_p;
        }
        if (m_p != m_end && *m_p == '.') {
            integral = false;
            ++m_p;
            if (!digit()) return fail("number_digit_after_point");
            while (digit()) ++m_p;
        }
        if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
            integral = false;
            ++m_p;
            if (m_p != m_end && (*m_p == '+' || *m_p == '-')) ++m_p;
            if (!digit()) return fail("number_digit_exponent");
            while (digit()) ++m_p;
        }
        const std::string_view text(start, static_cast<std::size_t>(m_p - start));
        if (integral) {
            std::uint64_t value = 0;
            bool overflow = false;
            for (char ch : text.substr(negative ? 1 : 0)) {
                const auto d = static_cast<std::uint64_t>(ch - '0');
                if (value > (UINT64_MAX - d) / 10) {
                    overflow = true;
                    break;
                }
                value = value * 10 + d;
            }
            constexpr std::uint64_t kMinInt64Magnitude = std::uint64_t{1} << 63;
            if (!overflow && !negative) {
                m_doc.m_nodes[add(JsonType::Uint)].number.u = value;
                return true;
            }
            if (!overflow && value <= kMinInt64Magnitude) {
                m_doc.m_nodes[add(JsonType::Int)].number.i =
                    value == kMinInt64Magnitude ? INT64_MIN : -static_cast<std::int64_t>(value);
                return true;
            }
            // Beyond 64 bits: a double, as nlohmann does.
        }
        // strtod needs a terminated string; it uses the "C" locale, which
        // Welkom never changes (no setlocale anywhere).
        const std::string copy(text);
        char* endPtr = nullptr;
        const double d = std::strtod(copy.c_str(), &endPtr);
        if (endPtr != copy.c_str() + copy.size()) return fail("number_invalid", shownNumber(copy));
        if (std::isinf(d)) {
            m_p = start;
            return fail("number_overflow", shownNumber(copy));
        }
        m_doc.m_nodes[add(JsonType::Float)].number.d = d;
        return true;
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    bool hex4(unsigned& out) {
        if (m_end - m_p < 4) return fail("escape_incomplete");
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(m_p[i]);
            if (h < 0) return fail("escape_hex");
            out = out * 16 + static_cast<unsigned>(h);
        }
        m_p += 4;
        return true;
    }

    void appendUtf8(unsigned cp) {
        std::string& a = m_doc.m_arena;
        if (cp < 0x80) {
            a.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            a.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            a.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            a.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            a.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            a.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            a.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            a.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            a.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            a.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }

    // Length of a valid UTF-8 sequence starting at m_p (RFC 3629: no
    // overlongs, no surrogates, nothing above U+10FFFF), or 0.
    std::size_t utf8Length() const {
        const auto b = [this](std::ptrdiff_t i) { return static_cast<unsigned char>(m_p[i]); };
        const std::ptrdiff_t left = m_end - m_p;
        const unsigned char c = b(0);
        const auto cont = [&](std::ptrdiff_t i, unsigned lo, unsigned hi) {
            return i < left && b(i) >= lo && b(i) <= hi;
        };
        if (c >= 0xC2 && c <= 0xDF) return cont(1, 0x80, 0xBF) ? 2 : 0;
        if (c == 0xE0) return cont(1, 0xA0, 0xBF) && cont(2, 0x80, 0xBF) ? 3 : 0;
        if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) ? 3 : 0;
        if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2, 0x80, 0xBF) ? 3 : 0;
        if (c == 0xF0) return cont(1, 0x90, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
        if (c >= 0xF1 && c <= 0xF3) return cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
        if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
        return 0;
    }

    // m_p at the opening quote; appends the unescaped text to the arena.
    bool string(std::uint32_t& offset, std::uint32_t& length) {
        ++m_p;
        std::string& arena = m_doc.m_arena;
        offset = static_cast<std::uint32_t>(arena.size());
        for (;;) {
            const char* run = m_p;
            while (m_p != m_end) {
                const auto c = static_cast<unsigned char>(*m_p);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
                ++m_p;
            }
            arena.append(run, static_cast<std::size_t>(m_p - run));
            if (m_p == m_end) return fail("string_unterminated");
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                ++m_p;
                length = static_cast<std::uint32_t>(arena.size() - offset);
                return true;
            }
            if (c < 0x20) return fail("string_control");
            if (c >= 0x80) {
                const std::size_t n = utf8Length();
                if (n == 0) return fail("string_utf8");
                arena.append(m_p, n);
                m_p += n;
                continue;
            }
            // A backslash escape.
            ++m_p;
            if (m_p == m_end) return fail("string_unterminated");
            const char e = *m_p++;
            switch (e) {
                case '"': arena.push_back('"'); break;
                case '\\': arena.push_back('\\'); break;
                case '/': arena.push_back('/'); break;
                case 'b': arena.push_back('\b'); break;
                case 'f': arena.push_back('\f'); break;
                case 'n': arena.push_back('\n'); break;
                case 'r': arena.push_back('\r'); break;
                case 't': arena.push_back('\t'); break;
                case 'u': {
                    unsigned cp = 0;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xDC00 && cp <= 0xDFFF) return fail("string_low_surrogate");
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        unsigned low = 0;
                        if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u') {
                            return fail("string_high_surrogate");
                        }
                        m_p += 2;
                        if (!hex4(low)) return false;
                        if (low < 0xDC00 || low > 0xDFFF) {
                            return fail("string_high_surrogate");
                        }
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    appendUtf8(cp);
                    break;
                }
                default: --m_p; return fail("string_escape");
            }
        }
    }

    std::uint32_t add(JsonType type) {
        const auto index = static_cast<std::uint32_t>(m_doc.m_nodes.size());
        m_doc.m_nodes.emplace_back();
        JsonDoc::Node& n = m_doc.m_nodes.back();
        n.type = type;
        if (!m_open.empty()) {
            const std::uint32_t parent = m_open.back();
            JsonDoc::Node& p = m_doc.m_nodes[parent];
            if (p.type == JsonType::Object) {
                n.keyOffset = m_keyOffset;
                n.keyLength = m_keyLength;
            }
            if (m_last.back() == JsonDoc::kNone) p.firstChild = index;
            else m_doc.m_nodes[m_last.back()].nextSibling = index;
            m_last.back() = index;
            ++p.childCount;
        }
        return index;
    }
    void open(JsonType type) {
        m_open.push_back(add(type));
        m_last.push_back(JsonDoc::kNone);
    }
    void close() {
        m_open.pop_back();
        m_last.pop_back();
    }

    JsonDoc& m_doc;
    const char* m_begin;
    const char* m_p;
    const char* m_end;
    std::vector<std::uint32_t> m_open;  // containers being filled
    std::vector<std::uint32_t> m_last;  // their last child so far
    std::uint32_t m_keyOffset = 0, m_keyLength = 0;
};

Result<JsonDoc> JsonDoc::parse(std::string_view bytes) {
    JsonDoc doc;
    if (bytes.size() >= kNone) return problemError(Problem{"", Severity::Error, "json.too_large"});
    // Strings and keys never exceed the input; a roster has about one value
    // per 12 bytes (more only means one reallocation).
    doc.m_arena.reserve(bytes.size());
    doc.m_nodes.reserve(bytes.size() / 12 + 1);
    JsonDomBuilder builder(doc, bytes);
    if (!builder.run()) {
        return problemError(Problem{"", Severity::Error, "json.syntax",
                                    {Arg::integerOf(builder.line), Arg::integerOf(builder.column),
                                     Arg::messageOf(std::move(builder.detail))}});
    }
    return doc;
}

JsonType JsonRef::type() const { return m_doc->m_nodes[m_index].type; }

std::string_view JsonRef::str() const {
    const JsonDoc::Node& n = m_doc->m_nodes[m_index];
    assert(n.type == JsonType::String);
    return std::string_view(m_doc->m_arena).substr(n.strOffset, n.strLength);
}

bool JsonRef::boolean() const { return m_doc->m_nodes[m_index].boolean; }
std::int64_t JsonRef::asInt() const { return m_doc->m_nodes[m_index].number.i; }
std::uint64_t JsonRef::asUint() const { return m_doc->m_nodes[m_index].number.u; }

double JsonRef::asDouble() const {
    const JsonDoc::Node& n = m_doc->m_nodes[m_index];
    switch (n.type) {
        case JsonType::Int: return static_cast<double>(n.number.i);
        case JsonType::Uint: return static_cast<double>(n.number.u);
        case JsonType::Float: return n.number.d;
        default: assert(false && "not a number"); return 0.0;
    }
}

std::size_t JsonRef::size() const { return m_doc->m_nodes[m_index].childCount; }

std::string_view JsonRef::key() const {
    const JsonDoc::Node& n = m_doc->m_nodes[m_index];
    return std::string_view(m_doc->m_arena).substr(n.keyOffset, n.keyLength);
}

bool JsonRef::findMember(std::string_view key, JsonRef& out) const {
    if (!isObject()) return false;
    for (JsonRef m : *this) {
        if (m.key() == key) {
            out = m;
            return true;
        }
    }
    return false;
}

JsonRef::Iterator& JsonRef::Iterator::operator++() {
    m_index = m_doc->m_nodes[m_index].nextSibling;
    return *this;
}

JsonRef::Iterator JsonRef::begin() const {
    const JsonDoc::Node& n = m_doc->m_nodes[m_index];
    const bool container = n.type == JsonType::Array || n.type == JsonType::Object;
    return Iterator(m_doc, container ? n.firstChild : JsonDoc::kNone);
}

JsonRef::Iterator JsonRef::end() const { return Iterator(m_doc, JsonDoc::kNone); }

void appendJsonString(std::string& out, std::string_view text) {
    static const char* const kHex = "0123456789abcdef";
    out.push_back('"');
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20) {
                    out += "\\u00";
                    out.push_back(kHex[c >> 4]);
                    out.push_back(kHex[c & 15]);
                } else {
                    out.push_back(ch);  // UTF-8 passes as it is
                }
        }
    }
    out.push_back('"');
}

// Recursive; depth is bounded by the caller's pre-scan.
void JsonRef::dumpTo(std::string& out) const {
    switch (type()) {
        case JsonType::Null: out += "null"; break;
        case JsonType::Bool: out += boolean() ? "true" : "false"; break;
        case JsonType::Int: out += std::to_string(asInt()); break;
        case JsonType::Uint: out += std::to_string(asUint()); break;
        case JsonType::Float: out += nlohmann::json(asDouble()).dump(); break;  // shortest round-trip form
        case JsonType::String: appendJsonString(out, str()); break;
        case JsonType::Array: {
            out.push_back('[');
            bool first = true;
            for (JsonRef e : *this) {
                if (!first) out.push_back(',');
                first = false;
                e.dumpTo(out);
            }
            out.push_back(']');
            break;
        }
        case JsonType::Object: {
            out.push_back('{');
            bool first = true;
            for (JsonRef m : *this) {
                if (!first) out.push_back(',');
                first = false;
                appendJsonString(out, m.key());
                out.push_back(':');
                m.dumpTo(out);
            }
            out.push_back('}');
            break;
        }
    }
}

std::string JsonRef::dump() const {
    std::string out;
    dumpTo(out);
    return out;
}

}  // namespace welkom
