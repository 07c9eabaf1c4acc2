// Bech32 (BIP-173) encoding of binary data, as used by age for its keys
// (`age1...` recipients, `AGE-SECRET-KEY-1...` identities).
//
// Differences from BIP-173, matching age: there is no 90-character limit, the
// data is plain bytes (converted to 5-bit groups without a witness version),
// and the output case follows the case of the human-readable part.
//
// Usage:
//   std::string s = bech32Encode("age", publicKeyBytes);     // "age1..."
//   auto d = bech32Decode(s);                                // d->hrp == "age"
//   if (d) use(d->data);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace welkom {

struct Bech32Data {
    std::string hrp;  // human-readable part, in the case it was written in
    std::vector<std::uint8_t> data;
};

// Encodes `data` under `hrp`. The result is upper case when `hrp` is upper case
// (the checksum is always computed over the lower-case form). Precondition:
// `hrp` is 1+ characters in 0x21..0x7E and not of mixed case.
std::string bech32Encode(std::string_view hrp, const std::vector<std::uint8_t>& data);

// Decodes a Bech32 string. Fails ("bech32.invalid") on mixed case, characters
// outside 0x21..0x7E, a missing separator, a bad checksum or non-zero padding
// bits. The returned hrp keeps the input's case so callers can insist on it.
Result<Bech32Data> bech32Decode(std::string_view text);

}  // namespace welkom
