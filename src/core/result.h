// Result<T>: a value or an Error, the way every fallible function in core, io
// and app reports failure (the web build does not catch exceptions, so nothing
// here throws).
//
// Usage:
//   Result<int> parseAge(std::string_view s);
//   auto r = parseAge("42");
//   if (!r) show(r.error());   // its code and args, worded by app/text/messages.h (errorText)
//   else use(*r);
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/message.h"

namespace welkom {

// A failure with a stable machine-readable code (for tests and scripts) and
// the arguments the app's catalogue words it with, in the interface's language
// (app/text/messages.h, errorText): never words of its own.
struct Error {
    std::string code;  // e.g. "json.syntax", "age.no_match"
    std::vector<Arg> args = {};
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { assert(ok()); return std::get<0>(m_data); }
    const T& value() const& { assert(ok()); return std::get<0>(m_data); }
    T&& value() && { assert(ok()); return std::get<0>(std::move(m_data)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { assert(!ok()); return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// Result<void>: success carries nothing.
struct Ok {};
using Status = Result<Ok>;

// A failure worded by the catalogue: its code with these arguments.
inline Error codedError(std::string code, std::vector<Arg> args = {}) { return Error{std::move(code), std::move(args)}; }

// A failure whose one argument says what exactly is wrong: a message of its
// own, `detail` with `detailArgs` ("csv.encoding" with "csv.detail.utf16").
inline Error errorWithDetail(std::string code, std::string detail, std::vector<Arg> detailArgs = {}) {
    return codedError(std::move(code), {Arg::coded(std::move(detail), std::move(detailArgs))});
}

}  // namespace welkom
