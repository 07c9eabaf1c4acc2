// A MatchingRun as bytes, so the matching can run in the Web Worker and its
// result (with the score matrix that explanations need) come back to the page.
// Decoding checks every count and index: damaged bytes give an Error, never a
// run that points outside the roster.
//
//   std::string bytes = encodeMatchingRun(runMatching(roster, mode));   // worker
//   Result<MatchingRun> run = decodeMatchingRun(bytes);                 // page
#pragma once

#include <string>
#include <string_view>

#include "app/matching_session.h"
#include "core/result.h"

namespace welkom {

std::string encodeMatchingRun(const MatchingRun& run);
Result<MatchingRun> decodeMatchingRun(std::string_view bytes);
// A matching job's output (JobOutput): the job's error, or the run it carries.
Result<MatchingRun> decodeMatchingOutput(const Result<std::string>& output);

}  // namespace welkom
