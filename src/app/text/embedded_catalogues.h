// The text of every app/text/catalogue/*.txt file, embedded by CMake
// (generated embedded_embeddedCatalogues.cpp in the build folder, see
// cmake/EmbedCatalogues.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace welkom {

std::vector<std::string_view> embeddedCatalogues();

}  // namespace welkom
