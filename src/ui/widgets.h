// Small drawing helpers shared by panels (badges, notices, tooltips).
#pragma once

#include <string>

#include "app/texts.h"

namespace welkom {

// A red "DEMO" badge on the current line.
void demoBadge(Language language);
// A coloured line explaining that the roster is a demo with fictitious people.
void demoNotice(Language language);
// A text field editing a std::string (ImGui's InputText with resizing).
bool inputText(const char* label, std::string& text);
// Shows `text` as a tooltip when the last item is hovered (or focused by keyboard).
void tooltipForLastItem(const char* text);

}  // namespace welkom
