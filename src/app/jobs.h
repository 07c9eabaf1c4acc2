// Jobs: long work (key derivation, encryption, matching) that must not freeze
// the interface. The app describes a job as a value; the platform runs it
// (in the browser: in a Web Worker, see platform/worker_web.cpp; natively and
// in tests: right away) and hands the result back as a JobFinished command.
// The same runJob() runs everywhere, so what the worker does is tested natively.
//
//   JobRequest request = DecryptJob{fileBytes, passphrase};
//   std::string wire = encodeJobRequest(request);      // crosses to the worker
//   JobOutput out = runJob(*decodeJobRequest(wire), onProgress);
//   std::string back = encodeJobOutput(out);           // crosses back
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/criterion.h"
#include "core/matching_mode.h"
#include "core/result.h"

namespace welkom {

// Decrypts an age file with a passphrase and/or X25519 identities
// ("AGE-SECRET-KEY-1..." lines); the output is the plaintext.
struct DecryptJob {
    std::string file;
    std::string passphrase;
    std::string identities;
};

// Encrypts `plaintext` with a passphrase (scrypt, work factor as given) or to
// X25519 recipients ("age1..." lines, when `passphrase` is empty).
struct EncryptJob {
    std::string plaintext;
    std::string passphrase;
    std::string recipients;
    int workFactor = 18;
    bool armor = false;
};

// Scores the roster and solves the matching; the output is the MatchingRun in
// the form of matching_wire.h.
//
// `roster` is the roster's JSON form, as saved, and `rosterRevision` names
// that state of the roster (the app's edit revision). The matching worker
// keeps the last roster it read, so a job for the same revision may come
// without its roster: MatchingWorkerRoster decides that for the platform.
// `weights`, when given, replace the roster's own (presentation's what-if),
// so a re-run with other weights sends only the weights.
struct MatchJob {
    std::string roster;
    std::uint64_t rosterRevision = 0;
    std::optional<CriterionWeights> weights;
    MatchMode mode = MatchMode::BestTotal;
};

// Opens sign-up files with the programme keys of `roster` (its JSON form with
// the keys, as saved encrypted) and previews their import
// (io/signup.h previewSignupImport); the output is the preview in the form of
// app/signup_session.h (encodeSignupPreview).
struct SignupPreviewJob {
    std::string roster;
    std::vector<std::pair<std::string, std::string>> files;  // name, bytes
};

// Previews a spreadsheet's import into `roster` (its JSON form with the keys,
// as saved encrypted); `request` is an app/sheet_import.h SheetImportRequest
// in its wire form, the output a SheetPreview in its wire form.
struct SheetPreviewJob {
    std::string roster;
    std::string request;
};

using JobRequest = std::variant<DecryptJob, EncryptJob, MatchJob, SignupPreviewJob, SheetPreviewJob>;

// What a job produced: bytes, or an Error for the coordinator.
using JobOutput = Result<std::string>;

// Progress of a running job: fraction done in [0, 1], or a negative value
// while the amount is unknown (key derivation).
using JobProgress = std::function<void(float fraction)>;

// Runs a job; its secrets (passphrase, keys, plaintext) are wiped when done,
// which is why the request is taken by value.
JobOutput runJob(JobRequest request, const JobProgress& progress = {});

// What the platform knows of the roster its matching worker holds, so that it
// sends a roster only when the worker does not have that revision yet.
//
//   MatchingWorkerRoster held;
//   held.prepare(job);   // before encoding: drops job.roster if the worker has it
//   held.forget();       // the worker was stopped or replaced
//
// The worker reads jobs in the order they were sent, so a job without roster
// always comes after the one that brought it.
class MatchingWorkerRoster {
public:
    void prepare(MatchJob& job);
    void forget() { m_revision.reset(); }

private:
    std::optional<std::uint64_t> m_revision;
};

// Overwrites the request's secrets and personal data (passphrase, keys,
// plaintext, rosters, sign-up and sheet bytes) in place. For whoever drops a
// request without running it: a ticket handed to the worker as bytes, a
// matching cancelled before it started.
void wipeJobRequest(JobRequest& request);

// Wire format between the page and its worker: a kind byte, then
// length-prefixed fields. Decoding checks every length (the bytes could be cut).
std::string encodeJobRequest(const JobRequest& request);
Result<JobRequest> decodeJobRequest(std::string_view wire);
std::string encodeJobOutput(const JobOutput& output);
JobOutput decodeJobOutput(std::string_view wire);

// The job's worker stopped before it answered (it ran out of memory, or an
// internal error ended it). Only that job fails: the open roster and its
// unsaved edits are in the page, not in the worker.
Error workerStoppedError(bool outOfMemory);

// Overwrites a string's bytes (passphrases, keys, plaintext) before it is freed.
void wipeSecret(std::string& secret);

// "job.wire": a message between the page and its worker arrived damaged.
Error malformedWireError();

// A secret the session keeps between jobs (the passphrase, for autosaves and
// saves), never held as its plain bytes: XORed with a random pad in another
// allocation, so a copy of memory (a crash report, a heap scan) does not
// show it. It does not stop someone who can read and understand the whole heap.
class MaskedSecret {
public:
    MaskedSecret() = default;
    MaskedSecret(const MaskedSecret& o);
    MaskedSecret& operator=(const MaskedSecret& o);
    ~MaskedSecret() { wipe(); }
    void set(std::string_view plain);
    std::string reveal() const;  // the caller wipes it (wipeSecret) when done
    bool empty() const { return m_masked.empty(); }
    void wipe();
    bool operator==(std::string_view plain) const;

private:
    std::string m_masked, m_pad;
};

}  // namespace welkom
