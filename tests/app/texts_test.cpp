#include "app/texts.h"

#include <cstring>
#include <string>

#include <gtest/gtest.h>

namespace welkom {
namespace {

TEST(Texts, EveryTextHasEnglishAndDutch) {
    for (int i = 0; i < static_cast<int>(TextId::Count); ++i) {
        const auto id = static_cast<TextId>(i);
        EXPECT_GT(std::strlen(tr(Language::English, id)), 0u) << "text #" << i << " has no English";
        EXPECT_GT(std::strlen(tr(Language::Dutch, id)), 0u) << "text #" << i << " has no Dutch";
    }
}

TEST(Texts, LanguageSwitchChangesTheText) {
    EXPECT_STREQ(tr(Language::English, TextId::StartTryDemo), "Try with fictitious people");
    EXPECT_STREQ(tr(Language::Dutch, TextId::StartTryDemo), "Probeer met fictieve mensen");
    EXPECT_EQ(languageCode(Language::Dutch), "nl");
    EXPECT_EQ(languageCode(Language::English), "en");
}

}  // namespace
}  // namespace welkom
