// The page's Web Worker: runs jobs (app/jobs.h) off the interface thread, so
// key derivation, encryption and matching never freeze a frame.
// Built with -sBUILD_AS_WORKER; the page calls welkom_worker_run through
// emscripten_call_worker. Messages back start with a tag byte:
//   'P' + float32 fraction   progress (negative: amount unknown)
//   'H' + uint64 bytes       the worker's wasm heap size after the job
//   'R' + encoded JobOutput  the result (the call's final answer)
#include <cstring>
#include <string>

#include <emscripten.h>
#include <emscripten/heap.h>
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
    // How large the heap grew (it never shrinks), for the memory benchmark.
    char heap[1 + sizeof(std::uint64_t)] = {'H'};
    const std::uint64_t heapBytes = emscripten_get_heap_size();
    std::memcpy(heap + 1, &heapBytes, sizeof heapBytes);
    emscripten_worker_respond_provisionally(heap, sizeof heap);
    std::string answer = "R" + welkom::encodeJobOutput(output);
    emscripten_worker_respond(answer.data(), static_cast<int>(answer.size()));
    welkom::wipeSecret(answer);
}

int main() { return 0; }
