// AppState: everything the interface draws, passed explicitly to every panel.
//
//   document          what gets saved (absent: the start screen is shown)
//   history           undo/redo steps of the document
//   session           secrets needed to save again; never saved, wiped on close
//   ui                interface settings (language, scale); never personal data
//   passphrasePrompt  the passphrase dialog, when one is open
//   problems          validation problems of the open roster or of a refused file
//   errors, notices   messages not yet dismissed; every Error ends up in errors
//   clock, recovery   time from the platform; autosave found or left by locking
//   presentation      presentation mode's runs and what-if weight (derived, never saved)
//   successDefinition, researchDatasets, learning, researchExport
//                     the Learning panel's inputs and latest results
//   signupImport      sign-up files checked, waiting for Import or Cancel
//   sheetImport       a spreadsheet being checked and corrected, waiting for Import or Cancel
//   jobsToStart, runningJobs, filesToSave, filePickerRequested,
//   autosaveToStore, autosaveDeleteRequested, clipboardText
//                     hand-over to the platform: work for the worker, files to
//                     download
// Panels read it; only applyCommand() (commands.h) changes it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/document.h"
#include "app/jobs.h"
#include "app/matching_session.h"
#include "app/outcomes_session.h"
#include "app/sheet_import.h"
#include "app/signup_session.h"
#include "app/texts.h"
#include "app/undo_history.h"
#include "core/result.h"
#include "core/validation.h"

namespace welkom {

// The guided demo tour (app/tour.h): which step is shown. Steps advance by
// commands (StartTour, TourNext, TourBack, EndTour).
struct TourState {
    bool active = false;
    int step = 0;                  // index into the tour's steps, 0 .. kTourStepCount-1
    std::uint64_t stepChanges = 0;  // counts step changes, so the window can take keyboard focus
    std::size_t pinsAtStepStart = 0;  // the demo has pins of its own: the pin step wants a new one
};

struct UiState {
    Language language = Language::English;
    float uiScale = 1.0f;
    // Presentation mode (app/presentation.h): large scale and high contrast
    // for a projector; the scale to go back to when it ends.
    bool presentation = false;
    float scaleBeforePresentation = 1.0f;
    TourState tour;
    // Unsaved edits of an encrypted roster are autosaved (encrypted) this long
    // after the last edit, and the roster is locked after this much inactivity.
    double autosaveDelaySeconds = 20.0;
    double lockAfterSeconds = 15.0 * 60.0;
    // Path of the field a problem points at; the panel holding it selects it.
    std::string focusPath;
    std::uint64_t focusRequest = 0;  // counts jumps, so a repeated jump still moves
    // Households and groups of the demo roster; 0: kBuiltInDemo. The browser
    // tests ask for a larger one (?demoSize=300) to measure frame times.
    int demoSize = 0;
    // The public sign-up page next to the app (signupPageUrl), from the
    // platform; the sign-up links start with it.
    std::string signupPageUrl = "signup.html";
};

// Seconds from the platform's clock; the app never reads a clock itself, so
// autosave and locking are tested with made-up times.
struct Clock {
    std::string today;  // "YYYY-MM-DD", for dates on decisions
    std::string utcNow;  // "YYYY-MM-DDTHH:MM:SSZ", for the creation time of programme keys
    double now = 0.0;
    double lastActivity = 0.0;
    double lastEdit = 0.0;
};

// An encrypted autosave found in browser storage (or left by locking).
struct Recovery {
    std::string fileName;
    std::string bytes;  // age-encrypted, same passphrase as the roster
    std::string savedAt;  // as the platform describes it ("2027-03-01 14:05")
};

// Secrets that let the coordinator save again without retyping. Kept only
// while the roster is open; wiped when it closes.
struct Session {
    MaskedSecret passphrase;
    // Saved encrypted to the roster's team keys (core/team_keys.h) instead
    // of a passphrase: opened with an identity, or SaveToTeamKeys.
    bool toTeamKeys = false;
    std::string fileName;  // name of the encrypted file opened or last saved; empty: derive from the programme
    bool openedFromPlainJson = false;  // the next save encrypts it
    // scrypt cost of files saved with a passphrase: age's default (about a
    // second and 256 MiB); tests lower it.
    int workFactor = 18;
};

struct PassphrasePrompt {
    enum class Purpose { Open, Save };
    Purpose purpose = Purpose::Open;
    std::string fileName;
    std::string fileBytes;  // the encrypted file waiting to be opened (Open only)
    std::optional<Error> reason;  // why we ask again ("Wrong passphrase...")
    bool isRecovery = false;
    bool withKey = false;  // the file opens with a secret key (saved to team keys), not a passphrase (Open only)
};

// What a running job is for. The matching jobs: the Matching panel's run,
// and presentation mode's run with the roster's weights and its what-if run.
enum class JobPurpose { OpenRoster, SaveRoster, Autosave, Matching, PresentationBase, WhatIf, SignupPreview, SheetPreview };

// What a file from the platform's picker is for.
// Identity: a secret key file for a roster waiting in the key prompt (arrives as OpenFile).
enum class FilePurpose { Roster, ResearchData, Signups, Sheet, Identity };
enum class ResearchFormat { Csv, Json };

struct JobTicket {
    std::uint64_t id = 0;
    JobRequest request;
};

struct RunningJob {
    std::uint64_t id = 0;
    JobPurpose purpose = JobPurpose::OpenRoster;
    std::string fileName;
    std::string passphrase;  // to keep in the session once the file opened; wiped when done
    std::string encryptedFile;  // to ask again after a wrong passphrase (OpenRoster)
    std::uint64_t revision = 0;  // edit revision the job saved (SaveRoster, Autosave)
    bool isRecovery = false;     // opening an autosave (OpenRoster)
    bool withKey = false;        // opening with a secret key: the session saves to team keys (OpenRoster)
    float progress = -1.0f;  // negative: unknown
};

struct OutgoingFile {
    std::string name;
    std::string bytes;
    std::string mimeType;
};

// One criterion's weight tried out in presentation mode.
struct WhatIfSetting {
    Criterion criterion = Criterion::Interests;
    double weight = 1.0;
    bool operator==(const WhatIfSetting& o) const { return criterion == o.criterion && weight == o.weight; }
    bool operator!=(const WhatIfSetting& o) const { return !(*this == o); }
};

// The presentation view's matching: derived only, never saved. The what-if
// weight lives here, apart from the roster's weights, so moving the slider is
// not an edit (nothing to undo) until the coordinator adopts it. Both runs
// are worker jobs (JobPurpose::PresentationBase, WhatIf); at most one what-if
// job runs at a time, and the view shows the newest one finished.
struct PresentationState {
    std::optional<MatchingRun> baseRun;    // with the roster's own weights
    std::optional<MatchingRun> whatIfRun;  // the newest finished what-if run
    WhatIfSetting shown;                   // what whatIfRun was computed with
    WhatIfSetting computing;               // what the running what-if job computes
    double buildStart = 0.0;               // clock.now when the links started to appear
    bool buildSkipped = false;             // show every link at once
    Criterion whatIfCriterion = Criterion::Interests;  // the slider's setting
    double whatIfWeight = 1.0;
};

struct AppState {
    std::optional<Document> document;
    UndoHistory history;
    bool unsaved = false;  // edits since the document was opened or last saved
    Session session;
    UiState ui;
    std::optional<PassphrasePrompt> passphrasePrompt;
    std::vector<Problem> problems;
    std::vector<Error> errors;
    std::vector<Error> notices;

    Clock clock;
    std::uint64_t editRevision = 0;       // counts edits, so a save knows what it covered
    std::uint64_t autosavedRevision = 0;  // edit revision in the latest autosave or save
    bool lockWhenAutosaved = false;
    bool locked = false;  // closed for inactivity; the start screen says so
    std::optional<Recovery> recovery;

    // The open roster's JSON form for matching jobs, written once per edit
    // revision: writing it costs more than a 300 x 300 matching run itself,
    // and a what-if drag sends many jobs of one revision. Wiped when the
    // roster changes or closes (matchJobForDocument, dropDocumentSession).
    struct RosterJson {
        std::uint64_t revision = 0;
        std::string json;
    } rosterJson;

    // The matching session (derived; decisions go into the roster).
    MatchMode matchMode = MatchMode::BestTotal;
    std::optional<MatchingRun> matchingRun;
    std::optional<MatchingRun> previousRun;  // for "what changed and why"
    std::optional<PairDetail> pairDetail;
    PresentationState presentation;

    // Outcomes and learning (derived or imported; never saved in the roster).
    SuccessDefinition successDefinition;
    std::vector<ResearchDataset> researchDatasets;
    std::optional<LearningRun> learning;
    std::optional<ResearchExportReport> researchExport;  // of the latest research export

    // Sign-up files opened and checked, waiting for Import or Cancel.
    std::optional<SignupImportReview> signupImport;
    // A spreadsheet being checked or reviewed, waiting for Import or Cancel.
    std::optional<SheetImportReview> sheetImport;

    std::vector<JobTicket> jobsToStart;
    std::vector<RunningJob> runningJobs;
    std::vector<std::uint64_t> jobsToCancel;  // the platform stops them (matching: ends its worker)
    std::uint64_t nextJobId = 1;
    std::vector<OutgoingFile> filesToSave;
    bool filePickerRequested = false;
    FilePurpose filePickerPurpose = FilePurpose::Roster;
    std::optional<Recovery> autosaveToStore;  // write to browser storage (ciphertext only)
    bool autosaveDeleteRequested = false;      // remove it from browser storage
    std::optional<std::string> clipboardText;  // put on the system clipboard (a sign-up link)
};

// The running job with that purpose (at most one each is started), or null.
const RunningJob* findRunningJob(const AppState& state, JobPurpose purpose);

// Hands `request` to the platform and records it as running; returns its id.
// The result comes back as a JobFinished command.
std::uint64_t startJob(AppState& state, JobRequest request, RunningJob job);

// Stops the jobs with that purpose: their results would belong to a roster
// state that is gone or no longer wanted. One not yet handed to the platform
// is dropped (and its roster wiped); the others are left to the platform to stop.
void cancelJobs(AppState& state, JobPurpose purpose);

// A matching of the open roster as it is now (its edit revision), with
// `weights` in place of its own when given.
MatchJob matchJobForDocument(AppState& state, std::optional<CriterionWeights> weights = std::nullopt);

// Small JSON summary for the browser test interface (window.welkomTest.state()).
// It holds counts, flags and panel names only, never names of people or other
// personal data. `visiblePanels` comes from the interface layer. `brief` leaves
// out the roster digest and the per-household pairs, which cost time on a
// national-size roster (they come out empty).
std::string describeStateForTests(const AppState& state, const std::vector<std::string>& visiblePanels,
                                  bool brief = false);

}  // namespace welkom
