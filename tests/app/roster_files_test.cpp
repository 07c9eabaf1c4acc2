#include "app/text/open_errors.h"
#include "io/roster_files.h"

#include <gtest/gtest.h>

#include "io/age.h"
#include "io/json_dom.h"

namespace welkom {
namespace {

TEST(RosterFiles, ClassifiesEncryptedPlainAndForeignFiles) {
    EXPECT_EQ(classifyRosterFile("age-encryption.org/v1\n-> X25519 abc\n"), RosterFileKind::Encrypted);
    EXPECT_EQ(classifyRosterFile("\n-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n"), RosterFileKind::Encrypted);
    EXPECT_EQ(classifyRosterFile("{\"format\":\"welkom-roster\"}"), RosterFileKind::PlainJson);
    EXPECT_EQ(classifyRosterFile("\xEF\xBB\xBF  {\"format\":1}"), RosterFileKind::PlainJson);
    EXPECT_EQ(classifyRosterFile("naam;leeftijd\nA;3\n"), RosterFileKind::Unknown);
    EXPECT_EQ(classifyRosterFile(""), RosterFileKind::Unknown);
    EXPECT_EQ(classifyRosterFile(std::string("\x89PNG\r\n", 6)), RosterFileKind::Unknown);
}

TEST(RosterFiles, SuggestsASafeFileNameFromTheProgramme) {
    EXPECT_EQ(suggestedRosterFileName("Haarlem 2027"), "haarlem-2027.welkom.age");
    EXPECT_EQ(suggestedRosterFileName("  Den Haag / Scheveningen!  "), "den-haag-scheveningen.welkom.age");
    EXPECT_EQ(suggestedRosterFileName("Zoë's groep"), "zoë-s-groep.welkom.age");
    EXPECT_EQ(suggestedRosterFileName("../../etc/passwd"), "etc-passwd.welkom.age");
    EXPECT_EQ(suggestedRosterFileName(""), "roster.welkom.age");
    EXPECT_LE(suggestedRosterFileName(std::string(500, 'x')).size(), 60u + 11u);
}

TEST(RosterFiles, PassphraseStrengthHint) {
    EXPECT_EQ(passphraseStrength("kort"), PassphraseStrength::TooShort);
    EXPECT_EQ(passphraseStrength("aaaaaaaaaa"), PassphraseStrength::Weak);
    EXPECT_EQ(passphraseStrength("fiets boom water"), PassphraseStrength::Fair);
    EXPECT_EQ(passphraseStrength("fiets boom water zon dak"), PassphraseStrength::Strong);
    EXPECT_EQ(passphraseStrength("Tr0mp3t-Kaas-Fiets!"), PassphraseStrength::Fair);
    EXPECT_EQ(passphraseStrength("Tr0mp3t-Kaas-Fiets-Zee!"), PassphraseStrength::Strong);
}

TEST(RosterFiles, ExplainsOpenErrorsInCoordinatorWords) {
    auto explain = [](AgeErrorKind kind) {
        return explainOpenError(makeError(ageErrorCode(kind), "technical detail"));
    };
    EXPECT_EQ(explain(AgeErrorKind::NoMatch).message, "Wrong passphrase, or this file was not encrypted for you.");
    for (AgeErrorKind kind : {AgeErrorKind::Hmac, AgeErrorKind::Payload, AgeErrorKind::Header, AgeErrorKind::Armor}) {
        const Error e = explain(kind);
        EXPECT_EQ(e.message, "This file is damaged or was changed after saving.");
        EXPECT_FALSE(e.messageNl.empty());
        EXPECT_EQ(e.code, ageErrorCode(kind)) << "the code still tells what happened";
    }
    EXPECT_NE(explain(AgeErrorKind::WorkFactorTooHigh).message.find("memory"), std::string::npos);
    const Error syntax = explainOpenError(makeError("json.syntax", "syntax error at line 3, column 8: x"));
    EXPECT_EQ(syntax.code, "json.syntax");
    EXPECT_EQ(syntax.message,
              "This file is not a Welkom roster. It is damaged or not JSON: syntax error at line 3, column 8: x");
    EXPECT_EQ(syntax.messageNl.rfind("Dit bestand is geen Welkom-rooster.", 0), 0u);
    // The parser's own refusal is a code with line, column and detail, worded here in both languages.
    const Result<JsonDoc> broken = JsonDoc::parse("{\n\n  x");
    ASSERT_FALSE(broken);
    const Error parsed = explainOpenError(broken.error());
    EXPECT_EQ(parsed.message, "This file is not a Welkom roster. It is damaged or not JSON: The file is not valid JSON "
                              "(syntax error at line 3, column 3: expected a quoted member name).");
    EXPECT_NE(parsed.messageNl.find("(syntaxfout op regel 3, kolom 3: hier hoort een veldnaam tussen aanhalingstekens)"),
              std::string::npos)
        << parsed.messageNl;
    const Error rosterProblem = makeError("roster.invalid", "The roster was not opened: 2 errors");
    EXPECT_EQ(explainOpenError(rosterProblem).message, rosterProblem.message);
}

}  // namespace
}  // namespace welkom
