// Small drawing helpers shared by panels (badges, notices, tooltips).
#pragma once

#include <string>

#include "app/app_state.h"
#include "app/commands.h"
#include "app/texts.h"
#include "core/scoring.h"
#include "core/vocabulary.h"

namespace welkom {

// A red "DEMO" badge on the current line.
void demoBadge(Language language);
// A coloured line explaining that the roster is a demo with fictitious people.
void demoNotice(Language language);
// A text field editing a std::string (ImGui's InputText with resizing).
bool inputText(const char* label, std::string& text);
bool inputTextWithHint(const char* label, const char* hint, std::string& text);
// Checkboxes for the terms of a vocabulary, in the interface language, plus
// the record's own custom tags. Returns true when `tags` changed.
bool tagPicker(const char* id, VocabularyKind kind, std::vector<std::string>& tags, Language language);
// Consent to matching and to research, each with its date. True when changed.
bool consentEditor(Consent& consent, Language language);
// Lists the problems whose path lies at or under `pathPrefix` ("/households/3"),
// in the colour of their severity.
void recordProblems(const AppState& state, const std::string& pathPrefix);
// A text field that reports a change once editing ends (one undo step per edit).
bool inputTextCommitted(const char* label, std::string& text);

// "ar:native nl:A2": a person's languages with their levels.
std::string describeLanguages(const std::vector<LanguageSkill>& languages);

// A match status in the interface language ("accepted by group").
const char* statusText(MatchStatus status, Language language);

// A small heading over a line, to split a panel into sections.
void sectionTitle(const char* text);

// Right after Begin() of a window with a close button ("x"): names that
// button for screen readers ("Close: Team keys") and closes the window on
// Escape while it has the focus (WCAG 2.1.1, keyboard). True: close it.
bool closableWindow(const char* title, Language language);

// "Visible###id": an item whose ImGui ID (and test handle) does not change with the language.
std::string labelWithId(const char* visible, const char* id);

// A background job's progress: a filled bar for a known fraction, a sweeping
// one while the amount of work is unknown (progress < 0).
void jobProgressBar(float progress, float width, const char* overlay = nullptr);
// A matching job's progress bar, saying its phase (scoring, then solving),
// also to screen readers.
void matchingJobProgress(const RunningJob& job, Language language);
// ImGui::BeginCombo, also in the accessibility mirror: a button named
// `accessibleName` (by default the visible label) that says its value and
// opens the list of choices. End with ImGui::EndCombo() when it returns true.
bool beginCombo(const char* label, const char* preview, const char* accessibleName = nullptr);

// A bar filled to `fraction` (0..1) with `text` on it, like ImGui::ProgressBar
// but readable: the part of the text over the fill is drawn in kTextOnFill
// (ImGui's white would be 1.9:1 on the yellow fill), the rest in the text colour.
void valueBar(float fraction, float width, const char* text);

// What a criterion measures, for its tooltip (weight sliders, explanations, overview).
TextId criterionHelp(Criterion criterion);

// Shows `text` as a tooltip when the last item is hovered (or focused by keyboard).
void tooltipForLastItem(const char* text);

}  // namespace welkom
