// The last reserve for operator new (app/memory_reserve.h): a failed
// allocation spends it once, says so once, and can be set aside again.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <new>

#include "app/app_fixtures.h"
#include "app/commands.h"
#include "app/memory_reserve.h"
#include "app/text/messages.h"
#include "under_asan.h"

namespace welkom {
namespace {

constexpr std::size_t kReserve = 1 << 20;

TEST(MemoryReserve, AFailedAllocationSpendsTheReserveOnceAndSaysSoOnce) {
    MemoryReserve reserve(kReserve);
    ASSERT_TRUE(reserve.armed());
    EXPECT_FALSE(reserve.takeLowMemorySignal());
    // What operator new does when malloc fails: call the handler, retry.
    std::get_new_handler()();
    EXPECT_FALSE(reserve.armed()) << "the reserve was given back";
    EXPECT_TRUE(reserve.takeLowMemorySignal());
    EXPECT_FALSE(reserve.takeLowMemorySignal()) << "said once";
    // Failing again with nothing left: the handler steps aside, so new fails
    // as it would have without a reserve.
    std::get_new_handler()();
    EXPECT_EQ(std::get_new_handler(), nullptr);
    EXPECT_TRUE(reserve.rearm());
    EXPECT_TRUE(reserve.armed());
    EXPECT_FALSE(reserve.takeLowMemorySignal());
}

TEST(MemoryReserve, RestoresThePreviousHandler) {
    const std::new_handler mine = [] {};
    const std::new_handler before = std::set_new_handler(mine);
    {
        MemoryReserve reserve(kReserve);
        EXPECT_NE(std::get_new_handler(), mine);
    }
    EXPECT_EQ(std::get_new_handler(), mine);
    std::set_new_handler(before);
}

TEST(MemoryReserve, ThePlatformsSignalAsksToSaveAndKeepsTheRoster) {
    AppState state;
    applyCommand(state, StartDemo{});
    applyCommand(state, RenameProgramme{"Edited but not saved"});
    const Document before = *state.document;
    applyCommand(state, MemoryLow{});
    ASSERT_EQ(state.errors.size(), 1u);
    EXPECT_EQ(state.errors.back().code, "memory.low");
    EXPECT_NE(errorText(state.errors.back(), false).find("Save your roster now"), std::string::npos);
    EXPECT_FALSE(errorText(state.errors.back(), true).empty());
    EXPECT_EQ(*state.document, before);
    EXPECT_TRUE(state.unsaved);
}

#if !defined(__EMSCRIPTEN__) && !defined(WELKOM_UNDER_ASAN)
// A real failed malloc, natively. Not in wasm, where the final failure is
// Emscripten's abort (it would end this test program), nor under
// AddressSanitizer, whose operator new reports and exits instead of calling
// the new_handler: there the handler test above covers the mechanism.
TEST(MemoryReserve, ARealFailedNewSpendsTheReserveThenThrows) {
    MemoryReserve reserve(kReserve);
    const std::size_t impossible = std::numeric_limits<std::size_t>::max() / 4;
    EXPECT_THROW(static_cast<void>(::operator new(impossible)), std::bad_alloc);
    EXPECT_TRUE(reserve.takeLowMemorySignal());
    EXPECT_TRUE(reserve.rearm());
}
#endif

}  // namespace
}  // namespace welkom
