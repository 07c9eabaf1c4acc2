// The sign-up page's wasm module (welkom-signup.js, issue #14): a thin C
// interface over src/signup/signup_page.h for web/signup.js. Strings in and
// out are UTF-8; a returned string lives until the next call.
#include <string>
#include <vector>

#include <emscripten.h>

#include "signup/signup_page.h"

namespace {

std::string g_answer;  // what the last call returned

const char* answer(std::string s) {
    g_answer = std::move(s);
    return g_answer.c_str();
}

// Arguments joined by the unit separator (U+001F), as the page sends them.
std::vector<std::string> splitArgs(const char* joined) {
    std::vector<std::string> out;
    std::string current;
    for (const char* c = joined; *c; ++c) {
        if (*c == '\x1f') {
            out.push_back(std::move(current));
            current.clear();
        } else {
            current.push_back(*c);
        }
    }
    if (*joined) out.push_back(std::move(current));
    return out;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* welkom_signup_choose_language(const char* browserLanguages) {
    return answer(welkom::chooseSignupLanguage(splitArgs(browserLanguages)));
}

EMSCRIPTEN_KEEPALIVE const char* welkom_signup_setup(const char* language) {
    return answer(welkom::signupPageSetup(language));
}

EMSCRIPTEN_KEEPALIVE const char* welkom_signup_text(const char* language, const char* code, const char* args) {
    return answer(welkom::signupPageText(language, code, splitArgs(args)));
}

EMSCRIPTEN_KEEPALIVE const char* welkom_signup_key(const char* recipient, const char* language) {
    return answer(welkom::signupKeyInfo(recipient, language));
}

EMSCRIPTEN_KEEPALIVE const char* welkom_signup_check(const char* document, const char* language) {
    return answer(welkom::signupCheck(document, language));
}

// The encrypted file: its size (negative when it failed; then
// welkom_signup_result() is the error code), bytes at welkom_signup_result().
EMSCRIPTEN_KEEPALIVE int welkom_signup_encrypt(const char* document, const char* recipient) {
    welkom::Result<std::string> file = welkom::encryptSignup(document, recipient);
    if (!file) {
        answer(file.error().code);
        return -1;
    }
    g_answer = std::move(*file);
    return static_cast<int>(g_answer.size());
}

EMSCRIPTEN_KEEPALIVE const char* welkom_signup_result() { return g_answer.data(); }

}  // extern "C"

int main() { return 0; }
