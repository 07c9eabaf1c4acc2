// The coordinator's side of sign-up forms (issue #14): the links to the
// sign-up page that carry the programme's public key, what the window shows
// of the programme keys, and sign-up imports reviewed before they are applied.
//
//   std::string page = signupPageUrl("https://example.org/welkom/index.html?lang=nl", false);
//   std::string link = signupLink(page, SignupForm::Household, "Samen Hier", "age1...");
//   // .../signup.html#v=1&form=household&programme=Samen%20Hier&key=age1...
//
// Importing runs io's previewSignupImport in the worker (SignupPreviewJob);
// its preview crosses back in the form of encodeSignupPreview.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "io/signup.h"

namespace welkom {

// Percent-encodes everything but RFC 3986's unreserved characters.
std::string percentEncode(std::string_view text);

// The sign-up page next to the app: the app's URL without query, fragment and
// file name, then "signup.html", or "welkom-signup.html" for the single file.
std::string signupPageUrl(std::string_view appUrl, bool singleFile);

// The page's link format (docs/signup-format.md, "The sign-up page and its link").
std::string_view signupFormName(SignupForm form);  // "household", "group-member"
std::string signupLink(std::string_view pageUrl, SignupForm form, std::string_view programmeName,
                       std::string_view publicKey);

// The link for `form` with the roster's name and current key; "signup.no_key" without one.
Result<std::string> rosterSignupLink(const Roster& roster, std::string_view pageUrl, SignupForm form);

// A programme key as the window shows it: never its secret.
struct ProgrammeKeyInfo {
    std::string publicKey;    // age1...
    std::string fingerprint;  // keyFingerprint()
    std::string created;      // YYYY-MM-DDTHH:MM:SSZ
};
// Every key, current first; a key that does not parse is left out (the reader checked them).
std::vector<ProgrammeKeyInfo> programmeKeyInfos(const SignupSetup& setup);

// A preview waiting for the coordinator's Import or Cancel, with the edit
// revision it was made from (an edit since then makes it stale).
struct SignupImportReview {
    SignupImportPreview preview;
    std::uint64_t revision = 0;
    std::size_t fileCount() const { return preview.files.size(); }
};

// Wire form of a preview (worker to page). The merged roster travels as
// roster JSON with its programme keys.
std::string encodeSignupPreview(const SignupImportPreview& preview);
Result<SignupImportPreview> decodeSignupPreview(std::string_view wire);

// Whether a file's name says it is a sign-up ("*.welkom-signup.age").
bool isSignupFileName(std::string_view name);

}  // namespace welkom
