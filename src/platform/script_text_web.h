// The browser side of ui/roster_text.h: strings ImGui's atlas cannot draw
// (Arabic script, Ethiopic...) drawn by the browser's text engine on a 2D
// canvas (web/script_text.js) and kept as WebGL textures, least recently
// used first out when the cache passes its bounds.
#pragma once

#include "ui/roster_text.h"

namespace welkom {

// Installs the renderer (setScriptTextRenderer). Call once after GL is up.
void installWebScriptTextRenderer();
// Once per frame, before the panels draw: frees textures over the bounds.
void beginWebScriptTextFrame();
// {"textures":n,"bytes":b,"drawn":[{"text":..,"x":..,"y":..,"w":..,"h":..,"clip":{..}}]} for tests.
std::string describeScriptTextsForTests();

}  // namespace welkom
