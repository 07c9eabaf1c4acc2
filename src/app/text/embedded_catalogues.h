// The text of every app/text/catalogue/*.txt file, embedded by CMake
// (generated embedded_catalogues.cpp in the build folder).
#pragma once

#include <string_view>
#include <vector>

namespace welkom {

std::vector<std::string_view> embeddedCatalogues();

}  // namespace welkom
