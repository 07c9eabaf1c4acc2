// A compact, read-only JSON tree for reading large files fast. nlohmann/json
// took ~2.5 s to build its tree for a 55 MB roster (20,000 households x 20,000
// groups; one allocation per value) and ~0.55 s even through its SAX
// interface; this parser (RFC 8259, strict UTF-8 per RFC 3629, iterative so
// deep input cannot overflow the stack) writes one node array and one string
// arena. Writing still goes through nlohmann.
//
// Usage:
//   Result<JsonDoc> doc = JsonDoc::parse(bytes);        // never throws
//   if (!doc) return doc.error();                       // code "json.syntax", with line and column
//   for (JsonRef member : doc->root()) use(member.key(), member);
//
// Numbers: integers that fit 64 bits stay exact (Int / Uint), others become
// doubles; a number beyond double range (1e400) is a syntax error ("number
// overflow"), as in nlohmann. Objects keep their members in file order;
// duplicate keys are all kept. Cost: linear time, ~24 bytes per value plus
// the unescaped strings. dump() recurses, so callers bound the depth
// (roster_json.cpp pre-scans it).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace welkom {

class JsonDoc;

enum class JsonType : std::uint8_t { Null, Bool, Int, Uint, Float, String, Array, Object };

class JsonRef {
public:
    JsonRef(const JsonDoc* doc, std::uint32_t index) : m_doc(doc), m_index(index) {}

    JsonType type() const;
    bool isObject() const { return type() == JsonType::Object; }
    bool isArray() const { return type() == JsonType::Array; }
    bool isString() const { return type() == JsonType::String; }
    bool isBool() const { return type() == JsonType::Bool; }
    bool isNumber() const { return type() == JsonType::Int || type() == JsonType::Uint || type() == JsonType::Float; }

    // Each accessor's precondition: the matching type.
    std::string_view str() const;
    bool boolean() const;
    std::int64_t asInt() const;
    std::uint64_t asUint() const;
    double asDouble() const;  // any number type

    // Members of an object (with key()) or elements of an array, in order.
    std::size_t size() const;
    std::string_view key() const;  // the member's key inside its object; "" otherwise
    bool findMember(std::string_view key, JsonRef& out) const;  // first member with this key

    class Iterator {
    public:
        Iterator(const JsonDoc* doc, std::uint32_t index) : m_doc(doc), m_index(index) {}
        JsonRef operator*() const { return JsonRef(m_doc, m_index); }
        Iterator& operator++();
        bool operator!=(const Iterator& o) const { return m_index != o.m_index; }

    private:
        const JsonDoc* m_doc;
        std::uint32_t m_index;
    };
    Iterator begin() const;
    Iterator end() const;

    // The subtree as compact JSON text, members in file order (for unknown
    // fields, written back later). Linear in the subtree's size.
    std::string dump() const;
    void dumpTo(std::string& out) const;

private:
    const JsonDoc* m_doc;
    std::uint32_t m_index;
};

class JsonDoc {
public:
    static constexpr std::uint32_t kNone = 0xffffffffu;

    static Result<JsonDoc> parse(std::string_view bytes);
    JsonRef root() const { return JsonRef(this, 0); }

private:
    friend class JsonRef;
    friend class JsonDomBuilder;

    struct Node {
        JsonType type = JsonType::Null;
        bool boolean = false;
        std::uint32_t keyOffset = 0, keyLength = 0;
        std::uint32_t strOffset = 0, strLength = 0;
        std::uint32_t firstChild = kNone, nextSibling = kNone, childCount = 0;
        union {
            std::int64_t i;
            std::uint64_t u;
            double d;
        } number{};
    };

    std::vector<Node> m_nodes;
    std::string m_arena;  // keys and string values, back to back
};

// Appends `text` (UTF-8) as a JSON string literal: quotes, backslashes and
// control characters escaped. Shared by every hand-written JSON writer.
void appendJsonString(std::string& out, std::string_view text);

}  // namespace welkom
