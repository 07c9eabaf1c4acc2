// WELKOM_UNDER_ASAN is defined when the tests are built with AddressSanitizer
// (GCC sets __SANITIZE_ADDRESS__, Clang answers __has_feature), for the few
// tests whose subject ASan changes: peak memory, a failing operator new.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define WELKOM_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WELKOM_UNDER_ASAN 1
#endif
#endif
