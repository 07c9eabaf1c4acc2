// Every text the interface shows, in English and Dutch.
//
// Texts are declared once in texts.inc as TEXT(Id, "English", "Nederlands"),
// so a text without both languages does not compile and a test checks that
// neither is empty. Panels ask for a text by id in the current language:
//   ImGui::Button(tr(lang, TextId::StartTryDemo));
#pragma once

#include <cstddef>
#include <string_view>

namespace welkom {

enum class Language { English, Dutch };

enum class TextId {
#define TEXT(id, en, nl) id,
#include "app/texts.inc"
#undef TEXT
    Count
};

const char* tr(Language language, TextId id);

// Two-letter code used in the interface and the test API ("en", "nl").
std::string_view languageCode(Language language);

}  // namespace welkom
