#include "app/text/open_errors.h"

#include <algorithm>
#include <string>

#include "app/text/messages.h"
#include "io/age.h"
#include "io/roster_files.h"

namespace welkom {

Error fileTooLargeError() {
    return codedError("open.too_large", {Arg::integerOf(static_cast<long long>(kMaxOpenFileBytes >> 20))});
}

Error notARosterError() { return codedError("open.not_roster"); }

Error explainOpenError(const Error& error, const std::vector<Problem>& problems) {
    // The failure explained stays the first argument, so tests and logs can tell them apart.
    const auto explained = [&](const char* code) { return codedError(code, {errorArg(error)}); };
    const auto kind = ageErrorKind(error);
    if (!kind) {
        if (error.code == "roster.not_roster") return explained("open.not_roster");
        // The parser's words say where ("syntax error at line 3, column 8: ..."),
        // which helps whoever edited the file by hand.
        if (error.code == "json.syntax") return explained("open.not_json");
        if (error.code == "roster.invalid") {
            // io counts the problems; the first error is named here.
            const auto first = std::find_if(problems.begin(), problems.end(),
                                            [](const Problem& p) { return p.severity == Severity::Error; });
            if (first == problems.end()) return error;
            return codedError("open.invalid", {errorArg(error), problemArg(*first)});
        }
        return error;  // other roster failures say plainly what is wrong
    }
    switch (*kind) {
        case AgeErrorKind::NoMatch: return explained("open.wrong_passphrase");
        case AgeErrorKind::Hmac:
        case AgeErrorKind::Payload:
        case AgeErrorKind::Header:
        case AgeErrorKind::Armor: return explained("open.damaged");
        case AgeErrorKind::WorkFactorTooHigh: return explained("open.work_factor");
        default: return error;
    }
}

}  // namespace welkom
