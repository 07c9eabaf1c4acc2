// Messages (core/message.h), string lists and a merged roster in the wire
// format of wire.h, shared by the previews that cross from the worker
// (sign-ups, spreadsheets).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/jobs.h"
#include "app/wire.h"
#include "core/message.h"
#include "io/roster_json.h"

namespace welkom {

constexpr int kMaxWireArgDepth = 4;  // lists of lists, messages in messages, at most 4 deep; a damaged wire cannot recurse deeply

inline void writeArg(WireWriter& w, const Arg& a) {
    w.byte(static_cast<std::uint8_t>(a.kind)).field(a.text).field(std::to_string(a.integer));
    w.u32(static_cast<std::uint32_t>(a.items.size()));
    for (const Arg& item : a.items) writeArg(w, item);
}

inline bool readArg(WireReader& r, Arg& a, int depth = 0) {
    std::uint8_t kind = 0;
    std::string integer;
    std::uint32_t count = 0;
    if (depth > kMaxWireArgDepth || !r.byte(kind) || kind > static_cast<std::uint8_t>(Arg::Kind::Message) ||
        !r.field(a.text) || !r.field(integer) || !r.count(count, 13))
        return false;
    a.kind = static_cast<Arg::Kind>(kind);
    try {
        a.integer = std::stoll(integer);
    } catch (...) {
        return false;
    }
    a.items.resize(count);
    for (Arg& item : a.items)
        if (!readArg(r, item, depth + 1)) return false;
    return true;
}

inline void writeArgs(WireWriter& w, const std::vector<Arg>& args) {
    w.u32(static_cast<std::uint32_t>(args.size()));
    for (const Arg& a : args) writeArg(w, a);
}

inline bool readArgs(WireReader& r, std::vector<Arg>& args) {
    std::uint32_t count = 0;
    if (!r.count(count, 13)) return false;
    args.resize(count);
    for (Arg& a : args)
        if (!readArg(r, a)) return false;
    return true;
}

inline void writeMessage(WireWriter& w, const std::optional<Message>& m) {
    w.byte(m ? 1 : 0);
    if (!m) return;
    w.field(m->code);
    writeArgs(w, m->args);
}

inline bool readMessage(WireReader& r, std::optional<Message>& m) {
    std::uint8_t present = 0;
    if (!r.byte(present)) return false;
    if (!present) return true;
    m.emplace();
    return r.field(m->code) && readArgs(r, m->args);
}

inline void writeStrings(WireWriter& w, const std::vector<std::string>& list) {
    w.u32(static_cast<std::uint32_t>(list.size()));
    for (const std::string& s : list) w.field(s);
}

inline bool readStrings(WireReader& r, std::vector<std::string>& list) {
    std::uint32_t count = 0;
    if (!r.count(count, 4)) return false;
    list.resize(count);
    for (std::string& s : list)
        if (!r.field(s)) return false;
    return true;
}

// A preview's merged roster, with its programme keys: it replaces the page's
// own roster on Import, in the page's memory only.
inline void writeMergedRoster(WireWriter& w, const Roster& roster) {
    RosterWriteOptions withKeys;
    withKeys.includeProgrammeKeys = true;
    w.field(writeRoster(roster, withKeys));
}

inline bool readMergedRoster(WireReader& r, Roster& out) {
    std::string json;
    if (!r.field(json)) return false;
    ValidationOptions quick;
    quick.reachability = {};  // the worker validated the merged roster already
    RosterReadReport report = readRoster(json, quick);
    wipeSecret(json);
    if (report.failure || !report.roster) return false;
    out = std::move(*report.roster);
    return true;
}

}  // namespace welkom
