// A message as data: a stable code and its arguments, never a sentence.
// Core and io describe what they found this way; the app's text layer
// (app/text/texts.h) turns a Message into words in the interface language,
// from one catalogue file per language (app/text/catalogue/<lang>.txt), and
// formats the numbers and lists in it the way that language does.
//
// Usage:
//   Message m = message("validation.age_range", {Arg::integer(lo), Arg::integer(110)});
//   texts.render(m);   // "age must be between 16 and 110" / "leeftijd moet tussen 16 en 110 liggen"
//
// Codes are lowercase dotted words ("family.what"); a catalogue line
// `validation.age_range = age must be between {0} and {1}` gives its words.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace welkom {

// One argument of a message: shown as it is (an id, a value from a file), a
// whole number (formatted per language), a list of arguments (joined per
// language), or a message of its own (`text` its code, `items` its arguments),
// as when a refused import names the problem that refused it.
struct Message;
struct Arg {
    enum class Kind : std::uint8_t { Text, Integer, List, Message };
    Kind kind = Kind::Text;
    std::string text;
    long long integer = 0;
    std::vector<Arg> items;

    static Arg textOf(std::string s) {
        Arg a;
        a.text = std::move(s);
        return a;
    }
    static Arg integerOf(long long n) {
        Arg a;
        a.kind = Kind::Integer;
        a.integer = n;
        return a;
    }
    static Arg listOf(std::vector<Arg> items) {
        Arg a;
        a.kind = Kind::List;
        a.items = std::move(items);
        return a;
    }
    static Arg messageOf(Message m);
    // A message of its own by its code: Arg::coded("csv.at.row", {Arg::integerOf(4)}).
    static Arg coded(std::string code, std::vector<Arg> args = {});
    bool operator==(const Arg& o) const {
        return kind == o.kind && text == o.text && integer == o.integer && items == o.items;
    }
};

struct Message {
    std::string code;       // e.g. "validation.age_range"
    std::vector<Arg> args;  // {0}, {1}, ... in the catalogue's text
    bool operator==(const Message& o) const { return code == o.code && args == o.args; }
    bool operator!=(const Message& o) const { return !(*this == o); }
};

inline Message message(std::string code, std::vector<Arg> args = {}) { return Message{std::move(code), std::move(args)}; }

inline Arg Arg::messageOf(Message m) {
    Arg a;
    a.kind = Kind::Message;
    a.text = std::move(m.code);
    a.items = std::move(m.args);
    return a;
}

inline Arg Arg::coded(std::string code, std::vector<Arg> args) { return messageOf(message(std::move(code), std::move(args))); }

}  // namespace welkom
