// What goes wrong when a roster file is opened, in words a coordinator
// understands (the text layer: io says what happened as codes).
//
//   Error shown = explainOpenError(ageError);   // "Wrong passphrase, or ..."
#pragma once

#include <vector>

#include "core/result.h"
#include "core/validation.h"

namespace welkom {

// "open.too_large", naming the limit (io/roster_files.h kMaxOpenFileBytes).
Error fileTooLargeError();

// Turns a failure from opening (decryption or reading) into the message shown
// to the coordinator: an "open.*" code whose first argument is the original
// failure (so tests and logs can tell them apart), or the failure itself when
// its own words are plain enough.
// `problems` are what reading the roster found ("roster.invalid" names the first error).
Error explainOpenError(const Error& error, const std::vector<Problem>& problems = {});

// The error for a file that is neither encrypted nor a JSON roster ("open.not_roster").
Error notARosterError();

}  // namespace welkom
