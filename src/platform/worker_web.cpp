// The page's Web Worker: runs jobs (app/jobs.h) off the interface thread, so
// key derivation, encryption and matching never freeze a frame.
// Built with -sBUILD_AS_WORKER; the page calls welkom_worker_run through
// emscripten_call_worker. Messages back start with a tag byte:
//   'P' + float32 fraction   progress (negative: amount unknown)
//   'R' + encoded JobOutput  the result (the call's final answer)
#include <cstring>
#include <string>

#include <emscripten.h>
#include <sodium.h>

#include "app/jobs.h"

extern "C" EMSCRIPTEN_KEEPALIVE void welkom_worker_run(char* data, int size) {
    auto request = welkom::decodeJobRequest(std::string_view(data, static_cast<std::size_t>(size)));
    // The message may hold a passphrase: wipe our copy of it right away.
    sodium_memzero(data, static_cast<std::size_t>(size));
    auto progress = [](float fraction) {
        char message[1 + sizeof(float)] = {'P'};
        std::memcpy(message + 1, &fraction, sizeof(float));
        emscripten_worker_respond_provisionally(message, sizeof message);
    };
    welkom::JobOutput output = request ? welkom::runJob(std::move(*request), progress) : welkom::JobOutput(request.error());
    std::string answer = "R" + welkom::encodeJobOutput(output);
    emscripten_worker_respond(answer.data(), static_cast<int>(answer.size()));
    welkom::wipeSecret(answer);
}

int main() { return 0; }
