#include "app/text/open_errors.h"

#include <algorithm>
#include <string>

#include "app/text/messages.h"
#include "io/age.h"
#include "io/roster_files.h"

namespace welkom {

Error fileTooLargeError() {
    const std::string mb = std::to_string(kMaxOpenFileBytes >> 20);
    return makeError("file.too_large", "This file is larger than " + mb + " MB; a Welkom roster is never that large.",
                     "Dit bestand is groter dan " + mb + " MB; zo groot is een Welkom-rooster nooit.");
}

Error notARosterError() {
    return makeError("roster.not_roster", "This file is not a Welkom roster.", "Dit bestand is geen Welkom-rooster.");
}

namespace {
// A coded error with its words filled in, so that callers may prefix it with
// a file's name: what explainOpenError returns is always worded.
Error worded(const Error& error) {
    Error out = error;
    if (!error.message.empty()) {
        if (out.messageNl.empty()) out.messageNl = out.message;
        return out;
    }
    out.message = errorText(error, false);
    out.messageNl = errorText(error, true);
    return out;
}
}  // namespace

Error explainOpenError(const Error& error, const std::vector<Problem>& problems) {
    auto explained = [&](const char* en, const char* nl) {
        return makeError(error.code, std::string(en), std::string(nl));
    };
    const auto kind = ageErrorKind(error);
    if (!kind) {
        if (error.code == "roster.not_roster") return notARosterError();
        if (error.code == "json.syntax") {
            // The parser's words say where ("syntax error at line 3, column 8: ..."),
            // which helps whoever edited the file by hand.
            const Error general = notARosterError();
            const Error parser = worded(error);
            return makeError(error.code, general.message + " It is damaged or not JSON: " + parser.message,
                             general.messageNl + " Het is beschadigd of geen JSON: " + parser.messageNl);
        }
        if (error.code == "roster.invalid") {
            // io counts the problems; the first error is named here, in words.
            const auto first = std::find_if(problems.begin(), problems.end(),
                                            [](const Problem& p) { return p.severity == Severity::Error; });
            const Error counts = worded(error);
            if (first == problems.end()) return counts;
            return makeError(error.code, counts.message + " First: " + formatProblemText(*first, false),
                             counts.messageNl + " Eerste: " + formatProblemText(*first, true));
        }
        return worded(error);  // other roster failures say plainly what is wrong
    }
    switch (*kind) {
        case AgeErrorKind::NoMatch:
            return explained("Wrong passphrase, or this file was not encrypted for you.",
                             "Verkeerd wachtwoord, of dit bestand is niet voor u versleuteld.");
        case AgeErrorKind::Hmac:
        case AgeErrorKind::Payload:
        case AgeErrorKind::Header:
        case AgeErrorKind::Armor:
            return explained("This file is damaged or was changed after saving.",
                             "Dit bestand is beschadigd of gewijzigd na het opslaan.");
        case AgeErrorKind::WorkFactorTooHigh:
            return explained(
                "This file was encrypted with a setting that needs more memory than this browser can use. "
                "Open it with the age tool on a computer, then save it again from Welkom.",
                "Dit bestand is versleuteld met een instelling die meer geheugen vraagt dan deze browser kan "
                "gebruiken. Open het met het programma age op een computer en sla het opnieuw op vanuit Welkom.");
        default:
            return worded(error);
    }
}

}  // namespace welkom
