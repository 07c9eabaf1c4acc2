// A last reserve for operator new. When an allocation fails, the reserve is
// given back so that allocation (and the frames after it) can still succeed,
// and the app is told once, so it can ask the coordinator to save and reload
// before memory runs out for good. Without it, a page whose heap cannot grow
// any more ends at the first failed `new` (Emscripten aborts).
//
//   MemoryReserve reserve(16 << 20);       // at start-up, for the program's life
//   if (reserve.takeLowMemorySignal()) ... // each frame: say so, then
//   reserve.rearm();                        // try to set a new reserve aside
//
// It cannot rescue one allocation larger than the reserve: readers refuse
// those before allocating (file and count limits).
#pragma once

#include <cstddef>
#include <new>

namespace welkom {

class MemoryReserve {
public:
    explicit MemoryReserve(std::size_t bytes);  // installs the handler; one at a time
    ~MemoryReserve();                           // restores the previous handler
    MemoryReserve(const MemoryReserve&) = delete;
    MemoryReserve& operator=(const MemoryReserve&) = delete;

    bool armed() const;
    // True once after the reserve was spent.
    bool takeLowMemorySignal();
    // Sets a new reserve aside if there is room; false if not.
    bool rearm();

private:
    std::new_handler m_previous = nullptr;
};

}  // namespace welkom
