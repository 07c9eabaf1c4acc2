// Fuzz target: the page <-> worker wire format (app/jobs.h, and the sign-up
// preview of app/signup_session.h). A claimed field
// length is checked against the bytes present before anything is allocated.
//
// Invariant beyond "no crash, leak or sanitizer report": whatever decodes
// encodes back to the same bytes (the format has one spelling per value,
// except a nonzero armor flag, which is normalised to 1).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "app/jobs.h"
#include "app/signup_session.h"
#include "fuzz_check.h"

using namespace welkom;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view wire(reinterpret_cast<const char*>(data), size);

    Result<JobRequest> request = decodeJobRequest(wire);
    if (request) {
        const std::string again = encodeJobRequest(*request);
        const auto* encrypt = std::get_if<EncryptJob>(&*request);
        if (!encrypt || static_cast<std::uint8_t>(wire.back()) <= 1) FUZZ_CHECK(again == wire, "request round trip");
        else FUZZ_CHECK(again.size() == wire.size(), "request round trip (armor flag normalised)");
    } else {
        FUZZ_CHECK(request.error().code == "job.wire", "damaged requests are job.wire");
    }

    const JobOutput output = decodeJobOutput(wire);
    if (output || output.error().code != "job.wire") {
        FUZZ_CHECK(encodeJobOutput(output) == wire, "output round trip");
    }
    // A sign-up preview coming back from the worker (app/signup_session.h):
    // refused as job.wire when damaged; the roster inside goes through the
    // roster reader's own checks.
    Result<SignupImportPreview> preview = decodeSignupPreview(wire);
    if (!preview) FUZZ_CHECK(preview.error().code == "job.wire", "damaged previews are job.wire");
    return 0;
}
