// Byte encoding for messages between the page and its Web Worker (jobs.h).
// Little-endian, length-prefixed; the reader checks every length, because a
// message could arrive cut or damaged, and reports failure instead of reading
// past the end.
//
//   WireWriter w;  w.byte('D').field(bytes).u32(7).f64(0.5);
//   WireReader r(w.take());  std::uint8_t tag; std::string s;
//   if (!r.byte(tag) || !r.field(s)) { /* malformed */ }
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace welkom {

class WireWriter {
public:
    WireWriter& byte(std::uint8_t b) {
        m_out.push_back(static_cast<char>(b));
        return *this;
    }
    WireWriter& u32(std::uint32_t n) {
        for (int i = 0; i < 4; ++i) m_out.push_back(static_cast<char>((n >> (8 * i)) & 0xFF));
        return *this;
    }
    WireWriter& u64(std::uint64_t n) {
        for (int i = 0; i < 8; ++i) m_out.push_back(static_cast<char>((n >> (8 * i)) & 0xFF));
        return *this;
    }
    WireWriter& f64(double d) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        return u64(bits);
    }
    WireWriter& field(std::string_view s) {
        u32(static_cast<std::uint32_t>(s.size()));
        m_out.append(s.data(), s.size());
        return *this;
    }
    void reserve(std::size_t bytes) { m_out.reserve(bytes); }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

class WireReader {
public:
    explicit WireReader(std::string_view in) : m_in(in) {}
    bool byte(std::uint8_t& out) {
        if (m_pos >= m_in.size()) return false;
        out = static_cast<std::uint8_t>(m_in[m_pos++]);
        return true;
    }
    bool u32(std::uint32_t& out) {
        if (m_in.size() - m_pos < 4) return false;
        out = 0;
        for (int i = 0; i < 4; ++i) out |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(m_in[m_pos + i])) << (8 * i);
        m_pos += 4;
        return true;
    }
    bool u64(std::uint64_t& out) {
        if (m_in.size() - m_pos < 8) return false;
        out = 0;
        for (int i = 0; i < 8; ++i) out |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(m_in[m_pos + i])) << (8 * i);
        m_pos += 8;
        return true;
    }
    bool f64(double& out) {
        std::uint64_t bits = 0;
        if (!u64(bits)) return false;
        std::memcpy(&out, &bits, sizeof out);
        return true;
    }
    bool field(std::string& out) {
        std::uint32_t n = 0;
        if (!u32(n) || m_in.size() - m_pos < n) return false;
        out.assign(m_in.data() + m_pos, n);
        m_pos += n;
        return true;
    }
    // A count of items that each take at least `minItemBytes`: refused when
    // the rest of the message could not hold them (a damaged count would
    // otherwise make the caller reserve gigabytes).
    bool count(std::uint32_t& out, std::size_t minItemBytes) {
        if (!u32(out)) return false;
        return static_cast<std::uint64_t>(out) * minItemBytes <= m_in.size() - m_pos;
    }
    bool atEnd() const { return m_pos == m_in.size(); }

private:
    std::string_view m_in;
    std::size_t m_pos = 0;
};

}  // namespace welkom
