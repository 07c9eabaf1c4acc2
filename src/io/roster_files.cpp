#include "io/roster_files.h"

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
    if (ageStartsWithArmor(text)) return RosterFileKind::Encrypted;
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

}  // namespace welkom
