#include "app/roster_files.h"

#include <cctype>

#include "io/age.h"

namespace welkom {
namespace {

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string_view skipBomAndSpace(std::string_view s) {
    if (startsWith(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    return s;
}

}  // namespace

RosterFileKind classifyRosterFile(std::string_view bytes) {
    if (startsWith(bytes, "age-encryption.org/")) return RosterFileKind::Encrypted;
    const std::string_view text = skipBomAndSpace(bytes);
    if (startsWith(text, "-----BEGIN AGE ENCRYPTED FILE-----")) return RosterFileKind::Encrypted;
    if (startsWith(text, "{")) return RosterFileKind::PlainJson;
    return RosterFileKind::Unknown;
}

std::string suggestedRosterFileName(std::string_view programmeName) {
    std::string stem;
    for (unsigned char c : programmeName) {
        if (std::isalnum(c)) stem.push_back(static_cast<char>(std::tolower(c)));
        else if (c >= 0x80) stem.push_back(static_cast<char>(c));  // keep letters such as ë (UTF-8)
        else if (!stem.empty() && stem.back() != '-') stem.push_back('-');
    }
    while (!stem.empty() && stem.back() == '-') stem.pop_back();
    if (stem.size() > 60) stem.resize(60);
    // Do not cut a UTF-8 sequence in half.
    while (!stem.empty() && (static_cast<unsigned char>(stem.back()) & 0xC0) == 0xC0) stem.pop_back();
    if (stem.empty()) stem = "roster";
    return stem + ".welkom.age";
}

PassphraseStrength passphraseStrength(std::string_view passphrase) {
    if (passphrase.size() < kMinPassphraseLength) return PassphraseStrength::TooShort;
    bool lower = false, upper = false, digit = false, other = false;
    int spaces = 0;
    for (unsigned char c : passphrase) {
        if (std::islower(c)) lower = true;
        else if (std::isupper(c)) upper = true;
        else if (std::isdigit(c)) digit = true;
        else if (c == ' ') ++spaces;
        else other = true;
    }
    const int variety = lower + upper + digit + other;
    // Several words, or long and varied.
    if (passphrase.size() >= 20 && (spaces >= 3 || variety >= 3)) return PassphraseStrength::Strong;
    if (passphrase.size() >= 14 && (spaces >= 2 || variety >= 2)) return PassphraseStrength::Fair;
    return PassphraseStrength::Weak;
}

Error fileTooLargeError() {
    const std::string mb = std::to_string(kMaxOpenFileBytes >> 20);
    return makeError("file.too_large", "This file is larger than " + mb + " MB; a Welkom roster is never that large.",
                     "Dit bestand is groter dan " + mb + " MB; zo groot is een Welkom-rooster nooit.");
}

Error notARosterError() {
    return makeError("roster.not_roster", "This file is not a Welkom roster.", "Dit bestand is geen Welkom-rooster.");
}

Error explainOpenError(const Error& error) {
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
            return makeError(error.code, general.message + " It is damaged or not JSON: " + error.message,
                             general.messageNl + " Het is beschadigd of geen JSON: " + error.message);
        }
        return error;  // roster problems already speak plainly (and list every problem)
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
            return error;
    }
}

}  // namespace welkom
