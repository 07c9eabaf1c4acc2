// What a fuzz target checks of an Error a reader gives: it can be said in
// both interface languages. Io gives codes (app/text words them), so an Error
// has either its own words or a text in the en and nl catalogues for its code
// (or its problem, problem.<code>) and for every coded message among its
// arguments; a missing text would show as "[code]".
//
//   FUZZ_CHECK(isWorded(r.error()), "errors can be said in words");
#pragma once

#include <string>
#include <vector>

#include "app/text/catalogue.h"
#include "app/text/messages.h"
#include "core/result.h"

namespace welkom {

inline bool catalogued(const Catalogue& c, const std::string& code, const std::vector<Arg>& args) {
    for (const Arg& a : args) {
        if (a.kind == Arg::Kind::Message && !catalogued(c, a.text, a.items)) return false;
        if (a.kind == Arg::Kind::List && !catalogued(c, "", a.items)) return false;
    }
    return code.empty() || c.find(code) != nullptr;
}

inline bool isWorded(const Error& e) {
    if (e.code.empty()) return false;
    for (const char* language : {"en", "nl"}) {
        const Catalogue* c = findCatalogue(language);
        if (!c || !(catalogued(*c, e.code, e.args) || catalogued(*c, "problem." + e.code, e.args))) return false;
        if (errorText(e, std::string(language) == "nl").empty()) return false;
    }
    return true;
}

}  // namespace welkom
