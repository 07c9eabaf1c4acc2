#include "app/text/open_errors.h"
#include "io/roster_files.h"

#include <gtest/gtest.h>

#include "app/text/messages.h"
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
    const Error cause = codedError(ageErrorCode(AgeErrorKind::Hmac), {Arg::textOf("technical detail")});
    auto explain = [](AgeErrorKind kind) {
        return explainOpenError(codedError(ageErrorCode(kind), {Arg::textOf("technical detail")}));
    };
    EXPECT_EQ(errorText(explain(AgeErrorKind::NoMatch), false), "Wrong passphrase, or this file was not encrypted for you.");
    for (AgeErrorKind kind : {AgeErrorKind::Hmac, AgeErrorKind::Payload, AgeErrorKind::Header, AgeErrorKind::Armor}) {
        const Error e = explain(kind);
        EXPECT_EQ(e.code, "open.damaged");
        EXPECT_EQ(errorText(e, false), "This file is damaged or was changed after saving.");
        EXPECT_EQ(errorText(e, true), "Dit bestand is beschadigd of gewijzigd na het opslaan.");
        ASSERT_EQ(e.args.size(), 1u);
        EXPECT_EQ(e.args[0].text, ageErrorCode(kind)) << "the first argument still tells what happened";
    }
    EXPECT_EQ(explainOpenError(cause).args[0], Arg::coded(cause.code, cause.args));
    EXPECT_NE(errorText(explain(AgeErrorKind::WorkFactorTooHigh), false).find("memory"), std::string::npos);
    // The parser's own refusal is a code with line, column and detail, worded here in both languages.
    const Result<JsonDoc> broken = JsonDoc::parse("{\n\n  x");
    ASSERT_FALSE(broken);
    const Error parsed = explainOpenError(broken.error());
    EXPECT_EQ(parsed.code, "open.not_json");
    EXPECT_EQ(errorText(parsed, false), "This file is not a Welkom roster. It is damaged or not JSON: The file is not valid JSON "
                                        "(syntax error at line 3, column 3: expected a quoted member name).");
    EXPECT_EQ(errorText(parsed, true).rfind("Dit bestand is geen Welkom-rooster.", 0), 0u);
    EXPECT_NE(errorText(parsed, true).find("(syntaxfout op regel 3, kolom 3: hier hoort een veldnaam tussen aanhalingstekens)"),
              std::string::npos)
        << errorText(parsed, true);
    // A refusal whose own words say it plainly is shown as it is.
    const Error rosterProblem = codedError("roster.invalid", {Arg::integerOf(2), Arg::integerOf(0)});
    EXPECT_EQ(explainOpenError(rosterProblem).code, "roster.invalid");
    EXPECT_EQ(errorText(explainOpenError(rosterProblem), false), "The roster was not opened: 2 errors, 0 warnings.");
}

}  // namespace
}  // namespace welkom
