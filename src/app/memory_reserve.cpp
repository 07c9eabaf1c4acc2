#include "app/memory_reserve.h"

#include <atomic>
#include <cassert>
#include <cstdlib>
#include <cstring>

namespace welkom {
namespace {

// operator new's handler is a plain function: the reserve is process state.
void* s_reserve = nullptr;
std::size_t s_reserveBytes = 0;
std::atomic<bool> s_spent{false};
bool s_installed = false;

// Called by operator new after malloc failed. The first time, the reserve is
// freed and new retries; if it fails again the handler steps aside, so new
// fails as it would have without us (std::bad_alloc, or Emscripten's abort).
void onAllocationFailed() {
    if (s_reserve) {
        std::free(s_reserve);
        s_reserve = nullptr;
        s_spent = true;
        return;
    }
    std::set_new_handler(nullptr);
}

void* takeReserve(std::size_t bytes) {
    void* block = std::malloc(bytes);
    // Touch every page, so the memory is really the program's (an untouched
    // block may cost nothing until first written, natively).
    if (block) std::memset(block, 0, bytes);
    return block;
}

}  // namespace

MemoryReserve::MemoryReserve(std::size_t bytes) {
    assert(!s_installed && "one MemoryReserve at a time");
    s_installed = true;
    s_reserveBytes = bytes;
    s_reserve = takeReserve(bytes);
    s_spent = false;
    m_previous = std::set_new_handler(onAllocationFailed);
}

MemoryReserve::~MemoryReserve() {
    std::set_new_handler(m_previous);
    std::free(s_reserve);
    s_reserve = nullptr;
    s_installed = false;
}

bool MemoryReserve::armed() const { return s_reserve != nullptr && std::get_new_handler() == onAllocationFailed; }

bool MemoryReserve::takeLowMemorySignal() { return s_spent.exchange(false); }

bool MemoryReserve::rearm() {
    if (armed()) return true;
    if (!s_reserve) s_reserve = takeReserve(s_reserveBytes);
    if (!s_reserve) return false;
    std::set_new_handler(onAllocationFailed);
    return true;
}

}  // namespace welkom
