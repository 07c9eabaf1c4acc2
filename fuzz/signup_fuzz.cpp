// Fuzz target: sign-up documents (io/signup.h) as the importer reads them
// after decryption.
//
// Invariants beyond "no crash, leak or sanitizer report":
// - a document is read or refused, never both, and a refusal names the file;
// - what reads, written again and read again, gives the same records
//   (nothing is lost or changed between the page's JSON and Welkom's).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "io/signup.h"

using namespace welkom;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const SignupReadResult read = readSignupDocument(bytes, "fuzz.age");
    FUZZ_CHECK(read.document.has_value() != read.refusal.has_value(), "a document is read or refused");
    if (read.refusal) {
        FUZZ_CHECK(!read.refusal->args.empty() && read.refusal->args[0].text == "fuzz.age", "a refusal names the file");
        return 0;
    }
    if (hasErrors(read.problems)) return 0;
    const SignupReadResult again = readSignupDocument(writeSignupDocument(*read.document), "fuzz.age");
    FUZZ_CHECK(again.document.has_value() && !hasErrors(again.problems), "a document we wrote must read again");
    const SignupDocument& a = *read.document;
    const SignupDocument& b = *again.document;
    FUZZ_CHECK(a.form == b.form && a.household == b.household && a.member == b.member &&
                   a.groupCode == b.groupCode && a.groupName == b.groupName && a.consent == b.consent &&
                   a.priorities.size() == b.priorities.size() && a.programmeFingerprint == b.programmeFingerprint,
               "write then read must give the same document");
    return 0;
}
