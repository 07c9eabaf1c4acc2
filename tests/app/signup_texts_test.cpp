// The sign-up codes of io (io/signup.h, io/programme_keys.h) have words in
// every built-in catalogue, and each refusal of a file names the file.
#include <gtest/gtest.h>

#include "app/text/participant_catalogues.h"

#include <string>

#include "app/text/catalogue.h"
#include "app/text/messages.h"
#include "core/message.h"

namespace welkom {
namespace {

// Every refusal of one file ({0} = its name).
const char* const kFileRefusals[] = {
    "signup.wrong_key", "signup.damaged",  "signup.other_programme", "signup.too_large",      "signup.too_deep",
    "signup.not_signup", "signup.too_new", "signup.invalid",         "signup.repeated_field", "signup.repeat",
    "signup.repeat_in_batch", "signup.id_taken", "signup.unknown_group",
};
const char* const kOtherCodes[] = {
    "signup.no_key", "signup.key_date", "signup.roster_not_encrypted", "signup.too_many_files",
    "signup.import_has_errors", "signup.adds_household", "signup.adds_member", "signup.adds_member_new_group",
    "signup.probable_duplicate",
};

TEST(SignupTexts, EveryCodeHasWordsInEveryLanguageAndRefusalsNameTheFile) {
    registerParticipantCatalogues();
    for (const std::string& language : catalogueLanguages()) {
        const Catalogue* catalogue = findCatalogue(language);
        ASSERT_NE(catalogue, nullptr);
        const MessageTexts texts(language);
        for (const char* code : kFileRefusals) {
            EXPECT_NE(catalogue->find(code), nullptr) << language << " " << code;
            const std::string words = texts.render(message(code, {Arg::textOf("aanmelding-x1.welkom-signup.age"),
                                                                  Arg::textOf("/consent"), Arg::textOf("3f2a")}));
            EXPECT_EQ(words.rfind("aanmelding-x1.welkom-signup.age: ", 0), 0u) << language << " " << words;
        }
        for (const char* code : kOtherCodes) EXPECT_NE(catalogue->find(code), nullptr) << language << " " << code;
    }
    EXPECT_NE(MessageTexts("en").text("signup.repeat"), MessageTexts("nl").text("signup.repeat"));
}

}  // namespace
}  // namespace welkom
