// Commands: the only way the interface (and the platform) changes AppState.
//
// Panels push intents while drawing; the frame loop applies them after the
// frame, so nothing changes under a panel's feet:
//   commands.push(SetLanguage{Language::Dutch});
//   ...after ImGui::Render(): applyCommands(state, commands);
// The platform reports what happened outside (a file arrived, a job finished)
// with commands too.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "app/app_state.h"
#include "app/text/problems_sheet.h"
#include "core/demo_roster.h"

namespace welkom {

// -- Roster lifecycle
// Opens the built-in demo: generated, fictitious people (kBuiltInDemo).
struct StartDemo {};
struct NewProgramme {
    std::string name;
};
struct CloseRoster {};
// A file the coordinator picked or dropped; its kind is found out here.
struct OpenFile {
    std::string name;
    std::string bytes;
    bool isRecovery = false;  // an autosave: opens with unsaved changes
};
// Ask the platform to show its file picker. The chosen file arrives as
// OpenFile (a roster) or ImportResearchFile (FilePurpose::ResearchData).
struct ChooseFileToOpen {
    FilePurpose purpose = FilePurpose::Roster;
};
// Save the open roster, encrypted (asks for a passphrase the first time).
struct SaveRoster {};
struct SubmitPassphrase {
    std::string passphrase;
};
struct CancelPassphrase {};
// The coordinator's secret key (an identity file's text, AGE-SECRET-KEY-1...)
// for a roster saved to the team's keys (PassphrasePrompt::withKey).
struct SubmitIdentity {
    std::string identity;
};

// -- Edits (undoable)
struct RenameProgramme {
    std::string name;
};
// Replaces one household or group with an edited copy (from the editors).
struct UpdateHousehold {
    std::size_t index;
    Household household;
};
struct UpdateGroup {
    std::size_t index;
    WelcomeGroup group;
};
// Matching decisions (undoable: they are saved in the roster).
struct SetCriterionWeight {
    Criterion criterion;
    double weight;  // below 0 counts as 0
};
// How much participants' stated priorities count (settings.participantPriorities).
struct SetParticipantPriorities {
    double share;  // 0..1 (the slider's 0..100 %); outside is clamped
};
struct AddConstraint {
    ConstraintKind kind;
    std::string householdId, groupId, reason;
};
struct RemoveConstraint {
    std::string id;
};
// Records the next step of a match's lifecycle (dated today).
struct AdvanceMatch {
    std::string matchId;
    MatchStatus status;
    std::string reason, note;
};
// Turns every pair of the current run into a proposed match (a person's decision).
struct AcceptProposal {};
// Shows the record a problem's path points at ("/groups/3/members/2/age").
struct JumpToProblem {
    std::string path;
};
// Brings a panel to the front by its id ("matching").
struct ShowPanel {
    std::string id;
};
// Check-ins of a match (undoable: they are saved in the roster). Checked
// with the core rules first; a refused one leaves the roster as it was and
// says why in state.errors.
struct AddCheckIn {
    CheckIn checkIn;  // a fresh id is given when empty
};
struct UpdateCheckIn {
    std::string id;
    CheckIn checkIn;
};
struct RemoveCheckIn {
    std::string id;
};
// Set every criterion weight at once, as one undo step: the learning's
// proposal ("Adopt learned weights") or one of the Matching panel's presets.
// Weights outside 0..1e6 are refused (state.errors), the roster unchanged.
struct AdoptWeights {
    CriterionWeights weights;
};
struct ApplyWeightPreset {
    CriterionWeights weights;
};
struct UndoEdit {};
struct RedoEdit {};

// -- Sign-up forms (issue #14; app/signup_session.h)
// A new programme key, created now (clock.utcNow), made the current one; the
// previous key stays so that sign-ups sent to it still open. Undoable.
struct CreateProgrammeKey {};
// Deletes a replaced key (by its public key, age1...); the current key is
// never deleted. Sign-ups made for it no longer open. Undoable.
struct DeleteProgrammeKey {
    std::string publicKey;
};
// Offers every key as an age-keygen identity file (programme-key.txt): a secret.
struct ExportProgrammeKeys {};
// Offers the QR code of a form's link as an SVG, to print on a flyer.
struct SaveSignupQrCode {
    SignupForm form;
};
// Puts text (a sign-up link) on the system clipboard.
struct CopyText {
    std::string text;
};
// Sign-up files picked or dropped: opened with the programme keys and checked
// in the worker; the preview waits in state.signupImport.
struct ImportSignupFiles {
    std::vector<SignupFile> files;
};
// Applies the waiting preview as one undoable step, or drops it.
struct ConfirmSignupImport {};
struct CancelSignupImport {};

// -- Team keys (issue #14, item 7; core/team_keys.h)
// Adds a colleague's public key (age1..., as pasted) to the team. Undoable.
struct AddTeamKey {
    std::string name;
    std::string publicKey;
};
// Makes a key pair for the coordinator: the public key joins the team (one
// undo step) and the secret key is offered once, as an identity file.
struct CreateTeamKey {
    std::string name;
};
struct RemoveTeamKey {
    std::string publicKey;
};
// From now on the roster is saved (and autosaved) encrypted to every team
// key instead of a passphrase, starting with a save now.
struct SaveToTeamKeys {};
// Back to a passphrase: the next save asks for one.
struct SaveWithPassphrase {};

// -- Spreadsheet import (issue #15; app/sheet_import.h)
// A sign-up spreadsheet picked or dropped (a .csv; with no roster open, a new
// programme is started for it): checked in the worker, reviewed in
// state.sheetImport. The next three change the review and check it again.
struct ImportSheet {
    std::string name;
    std::string bytes;
};
// What the sheet lists; the column choices made so far are dropped.
struct SetSheetKind {
    SheetKind kind;
};
// Takes a column (by its header) as `field`; an empty field ignores it.
struct MapSheetColumn {
    std::string header;
    std::string field;
};
// Corrects one cell of the sheet (in the review only; the file is not changed).
struct EditSheetCell {
    SheetCellEdit edit;
};
// Applies the reviewed sheet as one undoable step, or drops it.
struct ConfirmSheetImport {};
struct CancelSheetImport {};

// -- Interface
struct SetLanguage {
    Language language;
};
struct SetUiScale {
    float scale;
};
struct SetLockAfter {
    double seconds;
};
struct DismissError {
    std::size_t index;
};
struct DismissNotice {
    std::size_t index;
};

// -- Matching session
// Starts a matching run in the background (a Web Worker in the browser); a
// run still going is cancelled first. The result arrives as JobFinished.
struct RunMatching {
    MatchMode mode;
};
struct CancelMatching {};
struct SelectPair {
    std::size_t household, group;  // roster indices
};

// -- Guided demo tour (app/tour.h): steps bring their panel to the front.
struct StartTour {};
struct TourNext {};  // past the last step ends the tour
struct TourBack {};
struct EndTour {};

// -- Presentation mode (app/presentation.h)
struct SetPresentationMode {
    bool on;
};
// Builds the proposal up again (re-run with the roster's weights).
struct ReplayBuildUp {};
// Shows every link at once (tests, or a presenter in a hurry).
struct SkipBuildUp {};
// Re-runs the matching with one criterion's weight changed, on a copy: not an edit.
struct SetWhatIfWeight {
    Criterion criterion;
    double weight;
};
// Makes the what-if weight the roster's own: an undoable edit.
struct AdoptWhatIfWeight {};

// -- Learning and research extracts (not saved in the roster)
struct SetSuccessDefinition {
    SuccessDefinition definition;
};
// An anonymised extract picked for the learning (CSV or JSON, research_export.h).
struct ImportResearchFile {
    std::string name;
    std::string bytes;
};
// The page could not hand a chosen or dropped file over (web/files.js), so no
// OpenFile or ImportResearchFile follows; whatever is open stays as it is.
enum class FileNotReadReason {
    TooLarge,     // File.size over kMaxOpenFileBytes, seen before reading a byte
    Unreadable,   // the browser could not read it (moved, no permission)
    OutOfMemory,  // no room in memory for its bytes
};
struct FileNotRead {
    std::string name;
    FileNotReadReason reason = FileNotReadReason::TooLarge;
};
// The page's memory ran short (app/memory_reserve.h spent its reserve): the
// coordinator is asked to save and reload while that still works.
struct MemoryLow {};
struct RemoveResearchDataset {
    std::size_t index;
};
struct RunLearning {};
// Builds the k-anonymous research extract of the roster and offers it as a download.
struct ExportResearch {
    ResearchFormat format;
};
// Offers the households' (or the group members') open problems as a sheet to
// fill in and import again (app/text/problems_sheet.h), in the interface language.
struct ExportProblemsSheet {
    ProblemsSheet sheet = ProblemsSheet::Households;
};

// Recover the autosave in state.recovery (asks for its passphrase) or throw it away.
struct RecoverAutosave {};
struct DiscardAutosave {};

// -- From the platform
// Called every frame: autosave and idle locking are decided here.
struct Tick {
    double now;
};
// The platform's calendar day ("YYYY-MM-DD"): dates decisions and check-ins,
// and says which check-ins are due. The app never reads a calendar itself.
struct SetToday {
    std::string date;
};
// The platform's clock in UTC, "YYYY-MM-DDTHH:MM:SSZ" (programme keys' creation time).
struct SetUtcTime {
    std::string time;
};
// The coordinator pressed a key, clicked or moved the mouse.
struct UserActivity {
    double now;
};
struct AutosaveFound {
    Recovery recovery;
};
// The browser refuses its storage (a page opened from file://, a private
// window): autosave is off, and the coordinator is told so once.
struct AutosaveUnavailable {};
struct JobProgressed {
    std::uint64_t id;
    float fraction;
};
struct JobFinished {
    std::uint64_t id;
    JobOutput output;
};

using Command = std::variant<StartDemo, NewProgramme, CloseRoster, ChooseFileToOpen, OpenFile, SaveRoster, SubmitPassphrase,
                             CancelPassphrase, RenameProgramme, UpdateHousehold, UpdateGroup, SetCriterionWeight, SetParticipantPriorities, AddConstraint,
                             RemoveConstraint, AdvanceMatch, AcceptProposal, RunMatching, CancelMatching, SelectPair, JumpToProblem,
                             ShowPanel, AddCheckIn, UpdateCheckIn, RemoveCheckIn, AdoptWeights, ApplyWeightPreset, UndoEdit, RedoEdit, SetLanguage,
                             SetUiScale, SetLockAfter, DismissError, DismissNotice, SetSuccessDefinition,
                             ImportResearchFile, FileNotRead, MemoryLow, RemoveResearchDataset, RunLearning, ExportResearch, ExportProblemsSheet, RecoverAutosave,
                             DiscardAutosave, Tick, SetToday, UserActivity, AutosaveFound, AutosaveUnavailable, JobProgressed,
                             JobFinished, StartTour, TourNext, TourBack, EndTour, SetPresentationMode, ReplayBuildUp,
                             SkipBuildUp, SetWhatIfWeight, AdoptWhatIfWeight, CreateProgrammeKey, DeleteProgrammeKey,
                             ExportProgrammeKeys, SaveSignupQrCode, CopyText, ImportSignupFiles, ConfirmSignupImport,
                             CancelSignupImport, ImportSheet, SetSheetKind, MapSheetColumn, EditSheetCell,
                             ConfirmSheetImport, CancelSheetImport, SetUtcTime, SubmitIdentity, AddTeamKey,
                             CreateTeamKey, RemoveTeamKey, SaveToTeamKeys, SaveWithPassphrase>;

class CommandQueue {
public:
    void push(Command command) { m_commands.push_back(std::move(command)); }
    bool empty() const { return m_commands.empty(); }
    // Hands over the queued commands and leaves the queue empty.
    std::vector<Command> take() { return std::exchange(m_commands, {}); }

private:
    std::vector<Command> m_commands;
};

// Size and seed of the built-in demo roster: a municipality's worth of people.
constexpr DemoRosterOptions kBuiltInDemo{60, 45, 4, 2027};
// Largest demo UiState::demoSize may ask for.
constexpr int kMaxDemoSize = 20000;

// Applies one command. Failures are reported in state.errors, never dropped.
void applyCommand(AppState& state, Command command);
void applyCommands(AppState& state, CommandQueue& queue);

// Runs every job waiting in state.jobsToStart right here and applies the
// results (tests and the CLI; the browser uses its worker instead).
void runJobsInline(AppState& state);

}  // namespace welkom
