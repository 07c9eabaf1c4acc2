// Sign-up documents (issue #14): what a household or a welcome-group member
// fills in on the sign-up page, as JSON {"format": "welkom-signup",
// "version": 1, ...} (docs/signup-format.md), encrypted with age to the
// programme's key. Here they are decrypted with the roster's programme keys,
// checked, and turned into roster records.
//
// Usage:
//   SignupImportPreview p = previewSignupImport(roster, {{"a.welkom-signup.age", bytes}});
//   for (const SignupFileOutcome& f : p.files) if (f.refusal) show(texts.render(*f.refusal));
//   if (!p.hasErrors()) applySignupImport(roster, p);   // all at once, or nothing
//
// A file is refused as a whole, with a message code (words in the app's
// catalogue; argument {0} is always the file's name): "signup.wrong_key"
// (encrypted to no key the roster keeps), "signup.damaged" (tampered,
// truncated or not age), "signup.other_programme" (decrypts, but was made for
// another programme's key), "signup.too_large", "signup.too_deep",
// "signup.not_signup", "signup.too_new", "signup.invalid" ({1}: JSON Pointer),
// "signup.repeated_field" (an object names a member twice),
// "signup.repeat" (imported before) and "signup.repeat_in_batch" ({1}: the
// earlier file), "signup.id_taken" ({1}: id), "signup.unknown_group" ({1}: code),
// "signup.no_key" (the roster has no programme key).
// Records' own problems (types, validation rules) are roster Problems, and the
// merged roster is validated as a whole before anything is applied.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/message.h"
#include "core/result.h"
#include "core/roster.h"
#include "core/validation.h"
#include "io/age.h"
#include "io/json_prescan.h"

namespace welkom {

constexpr std::string_view kSignupFormatName = "welkom-signup";
constexpr int kSignupFormatVersion = 1;
// Limits: far above one form (a household of 100 members fills ~30 KB).
constexpr std::size_t kMaxSignupFileBytes = std::size_t{2} * 1024 * 1024;  // encrypted, before decrypting
constexpr std::size_t kMaxSignupBytes = std::size_t{1} * 1024 * 1024;      // the JSON document
constexpr int kMaxSignupDepth = 16;
constexpr std::size_t kMaxSignupsPerImport = 10000;

// The pre-scan limits of a sign-up document (json_prescan.h).
const JsonLimits& signupLimits();

enum class SignupForm { Household, GroupMember };

// How much a criterion matters to the participant: the form's three choices,
// StatedImportance in core/roster.h (toString, parseStatedImportance there).
struct StatedPriority {
    Criterion criterion;
    StatedImportance importance;
};

// One decrypted, checked sign-up document.
struct SignupDocument {
    SignupForm form = SignupForm::Household;
    std::string programmeName;
    std::string programmeFingerprint;  // keyFingerprint() of the key it was made for
    std::string submitted;             // YYYY-MM-DD
    std::string language;              // the form's language (ISO 639-1)
    Household household;               // form household
    GroupMember member;                // form group-member
    std::string groupCode;             // an existing group's id, or
    std::string groupName;             // a group by name (a new one when no group has it)
    std::string groupMunicipality;     // for a new group
    bool isGroupCoordinator = false;
    // The group-level answers of a group's coordinator ("group" object:
    // availability, capacity, maxHouseholdSize); applied to the group only
    // when isGroupCoordinator. 0: not answered.
    Availability groupAvailability;
    int groupCapacity = 0;
    int groupMaxHouseholdSize = 0;
    std::vector<StatedPriority> priorities;
    Consent consent;
    std::string consentDate;           // the date the consents were given (or not)
};

// Reads a decrypted document: nothing and a refusal (code and arguments, {0}
// the file name) or the document with its records' type problems.
struct SignupReadResult {
    std::optional<SignupDocument> document;
    std::optional<Message> refusal;
    std::vector<Problem> problems;
};
SignupReadResult readSignupDocument(std::string_view json, const std::string& fileName);

// The JSON of a document (what the sign-up page writes; tests and tools).
std::string writeSignupDocument(const SignupDocument& doc);

struct SignupFile {
    std::string name;   // shown in messages only
    std::string bytes;  // the age file as received
};

struct SignupFileOutcome {
    std::string name;
    std::optional<Message> refusal;  // set: nothing from this file is imported
    std::vector<Problem> problems;   // its records' problems (paths inside the document)
    std::string digest;              // SHA-256 of the decrypted document (remembered in the roster)
    SignupForm form = SignupForm::Household;
    std::string recordId;            // the household or group member added
    std::string groupId;             // group-member form: the group joined or created
    bool newGroup = false;
    // Ids of households or group members already there (in the roster or an
    // earlier file) with the same name, folded as search folds it, and the same
    // age: probably the same people. Only shown; it does not stop the import.
    std::vector<std::string> probableDuplicates;
};

struct SignupImportPreview {
    std::vector<SignupFileOutcome> files;
    Roster merged;                  // the roster with every sign-up added
    std::vector<Problem> problems;  // the merged roster's validation problems
    std::optional<Message> refusal; // the whole import: "signup.no_key", "signup.too_many_files"
    bool hasErrors() const;         // any refusal, any error problem
};

// Decrypts with the roster's programme keys and `moreKeys` (an exported
// identity file: the CLI's -i), and accepts documents made for any of them.
SignupImportPreview previewSignupImport(const Roster& into, const std::vector<SignupFile>& files,
                                        const std::vector<X25519Identity>& moreKeys = {});

// Replaces `roster` with the preview's merged roster (one step) and records
// the documents' digests. "signup.import_has_errors" when hasErrors().
Status applySignupImport(Roster& roster, const SignupImportPreview& preview);

}  // namespace welkom
