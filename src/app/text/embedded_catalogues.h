// The catalogue files, embedded by CMake (generated embedded_<function>.cpp in
// the build folder, see cmake/EmbedCatalogues.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace welkom {

// The interface's languages, app/text/catalogue/en.txt and nl.txt: every program links them.
std::vector<std::string_view> embeddedCatalogues();
// Every other file of app/text/catalogue/: linked only through registerParticipantCatalogues().
std::vector<std::string_view> embeddedParticipantCatalogues();

}  // namespace welkom
