#include "app/texts.h"

namespace welkom {
namespace {

struct TextPair {
    const char* english;
    const char* dutch;
};

constexpr TextPair kTexts[] = {
#define TEXT(id, en, nl) {en, nl},
#include "app/texts.inc"
#undef TEXT
};
static_assert(sizeof(kTexts) / sizeof(kTexts[0]) == static_cast<std::size_t>(TextId::Count),
              "texts.inc and TextId disagree");

}  // namespace

const char* tr(Language language, TextId id) {
    const TextPair& pair = kTexts[static_cast<std::size_t>(id)];
    return language == Language::Dutch ? pair.dutch : pair.english;
}

std::string_view languageCode(Language language) {
    return language == Language::Dutch ? "nl" : "en";
}

}  // namespace welkom
