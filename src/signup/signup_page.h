// The C++ side of the public sign-up page (web/signup.html, issue #14): what
// the small wasm module welkom-signup (src/platform/signup_web.cpp) gives the
// page's script. The page itself is plain HTML; it asks this code for its
// texts, the vocabularies, the check of the answers with the roster's own
// rules, and the encryption of the finished document to the programme's key
// (the project's own age code, io/age.h).
//
// Usage (each returns JSON for the page's script, or bytes):
//   std::string setup = signupPageSetup("ar");            // texts, choices, direction
//   std::string words = signupPageText("ar", "check.problems_title", {"3"});
//   std::string key = signupKeyInfo("age1...");            // {"fingerprint": "3f2a-..."} or {"error": ...}
//   std::string check = signupCheck(documentJson, "ar");  // {"problems": [{"path", "severity", "text"}]}
//   Result<std::string> file = encryptSignup(documentJson, "age1...");
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace welkom {

// The page's texts (src/app/text/signup/<lang>.txt) joined to the message
// catalogue of the same language, so that one MessageTexts words both. Every
// function below calls it first; it does its work once.
void installSignupTexts();

// The languages the page offers, in the order of its language menu (those of
// nl, en, ar, uk, fa, ti that have a sign-up text file).
std::vector<std::string> signupLanguages();

// Picks the page's language from the browser's list (navigator.languages,
// e.g. {"fa-IR", "en-US"}): the first whose primary subtag the page has,
// else "en". "prs" (Dari) is filed under "fa" like the vocabulary does.
std::string chooseSignupLanguage(const std::vector<std::string>& browserLanguages);

// JSON: {"language", "name", "direction": "ltr"|"rtl", "reviewed": bool,
// "languages": [{"code", "name"}], "texts": {code: text}, "choices":
// {"interests"|"goals"|"sectors"|"skills"|"needs"|"languages": [{"code",
// "label"}]}}. The texts are raw ({N} unexpanded): the page words those
// with arguments through signupPageText.
std::string signupPageSetup(std::string_view language);

// One text with its arguments; an argument of digits only is a number (it
// picks plural forms).
std::string signupPageText(std::string_view language, std::string_view code, const std::vector<std::string>& args);

// {"fingerprint": "3f2a-91c0-5b7e-d844"} for a valid age X25519 public key,
// else {"error": "<words>"}.
std::string signupKeyInfo(std::string_view recipient, std::string_view language);

// Checks a sign-up document as the coordinator's import will: the reader's
// structure and types, then the roster's validation rules on the one record
// (their errors; warnings are for the coordinator).
// Paths are JSON Pointers into the document ("/household/members/1/age").
// JSON: {"problems": [{"path", "severity": "error"|"warning", "code", "text"}]}.
std::string signupCheck(std::string_view documentJson, std::string_view language);

// The document encrypted with age to `recipient` (an "age1..." key): the
// bytes of a standard binary age file.
Result<std::string> encryptSignup(std::string_view documentJson, std::string_view recipient);

}  // namespace welkom
