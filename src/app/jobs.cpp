#include "app/jobs.h"

#include <sodium.h>

#include <array>
#include <cmath>
#include <optional>

#include "app/matching_wire.h"
#include "app/sheet_import.h"
#include "app/signup_session.h"
#include "app/wire.h"
#include "app/wire_message.h"
#include "core/overloaded.h"
#include "io/age.h"
#include "io/roster_json.h"
#include "io/signup.h"

namespace welkom {
namespace {

constexpr char kDecryptTag = 'D';
constexpr char kEncryptTag = 'E';
constexpr char kMatchTag = 'M';
constexpr char kSignupPreviewTag = 'S';
constexpr char kSheetPreviewTag = 'C';
constexpr char kOkTag = 'O';
constexpr char kErrorTag = 'X';

Error malformedWire() { return malformedWireError(); }

AgeBytes toBytes(std::string_view s) { return AgeBytes(s.begin(), s.end()); }
std::string toString(const AgeBytes& b) { return std::string(b.begin(), b.end()); }

// [SECTION] The jobs

JobOutput runDecrypt(DecryptJob& job, const JobProgress& progress) {
    AgeDecryptOptions options;
    if (!job.passphrase.empty()) options.passphrases.push_back(job.passphrase);
    if (!job.identities.empty()) {
        auto identities = parseAgeIdentityFile(job.identities);
        if (!identities) return identities.error();
        options.identities = std::move(*identities);
    }
    if (progress) {
        progress(-1.0f);
        options.onProgress = [&](std::size_t done, std::size_t total) {
            progress(total ? static_cast<float>(done) / static_cast<float>(total) : 1.0f);
        };
    }
    auto plain = ageDecrypt(toBytes(job.file), options);
    for (std::string& p : options.passphrases) wipeSecret(p);
    wipeSecret(job.passphrase);
    wipeSecret(job.identities);
    if (!plain) return plain.error();
    std::string out = toString(*plain);
    sodium_memzero(plain->data(), plain->size());
    return out;
}

JobOutput runEncrypt(EncryptJob& job, const JobProgress& progress) {
    if (progress) progress(-1.0f);
    Result<AgeBytes> file = codedError("age.argument", {Arg::coded("age.detail.no_recipients")});
    if (!job.passphrase.empty()) {
        file = ageEncryptWithPassphrase(toBytes(job.plaintext), job.passphrase, job.workFactor, job.armor);
        wipeSecret(job.passphrase);
    } else {
        auto recipients = parseAgeRecipientsFile(job.recipients);
        if (!recipients) return recipients.error();
        file = ageEncrypt(toBytes(job.plaintext), *recipients, job.armor);
    }
    wipeSecret(job.plaintext);
    if (!file) return file.error();
    if (progress) progress(1.0f);
    return toString(*file);
}

// The roster the last matching job brought, kept for later jobs of the same
// revision (MatchJob). In the page only the matching worker runs matching
// jobs, so this lives in that worker and goes with it.
struct HeldRoster {
    std::uint64_t revision = 0;
    std::optional<Roster> roster;
    CriterionWeights ownWeights;  // the roster's own, while a job's may replace them
};

HeldRoster& heldRoster() {
    static HeldRoster held;
    return held;
}

JobOutput runMatch(MatchJob& job, const JobProgress& progress) {
    if (progress) progress(-1.0f);
    HeldRoster& held = heldRoster();
    if (!job.roster.empty()) {
        // The open roster may have problems (a pair both pinned and forbidden...):
        // the coordinator sees them in the workspace, and the engine matches the
        // roster as it is, like the page would. Only an unreadable roster fails.
        held.roster.reset();
        ValidationOptions quick;
        quick.reachability = {};  // the page already checked; scoring finds the same
        RosterReadReport report = readRoster(job.roster, quick);
        wipeSecret(job.roster);  // personal data: no copy outlives the job but the held roster
        if (report.failure) return *report.failure;
        if (!report.roster) return codedError("matching.roster");
        held.revision = job.rosterRevision;
        held.ownWeights = report.roster->settings.weights;
        held.roster = std::move(report.roster);
    } else if (!held.roster || held.revision != job.rosterRevision) {
        return codedError("job.roster_missing");
    }
    held.roster->settings.weights = job.weights.value_or(held.ownWeights);
    std::function<void(float)> scored;
    if (progress) scored = [&](float f) { progress(f); };
    return encodeMatchingRun(runMatching(*held.roster, job.mode, scored));
}

JobOutput runSignupPreview(SignupPreviewJob& job, const JobProgress& progress) {
    if (progress) progress(-1.0f);
    ValidationOptions quick;
    quick.reachability = {};
    RosterReadReport report = readRoster(job.roster, quick);
    wipeSecret(job.roster);  // personal data and the programme keys
    if (report.failure) return *report.failure;
    if (!report.roster) return codedError("signup.roster");
    std::vector<SignupFile> files;
    for (auto& [name, bytes] : job.files) files.push_back({std::move(name), std::move(bytes)});
    std::string out = encodeSignupPreview(previewSignupImport(*report.roster, files));
    for (SignupFile& f : files) wipeSecret(f.bytes);
    report.roster->signup.keys.clear();
    return out;
}

JobOutput runSheetPreview(SheetPreviewJob& job, const JobProgress& progress) {
    if (progress) progress(-1.0f);
    Result<SheetImportRequest> request = decodeSheetRequest(job.request);
    wipeSecret(job.request);  // the sheet's personal data
    if (!request) return request.error();
    ValidationOptions quick;
    quick.reachability = {};
    RosterReadReport report = readRoster(job.roster, quick);
    wipeSecret(job.roster);
    if (report.failure) return *report.failure;
    if (!report.roster) return codedError("sheet.roster");
    std::string out = encodeSheetPreview(previewSheet(*report.roster, *request));
    wipeSecret(request->bytes);
    report.roster->signup.keys.clear();
    return out;
}

}  // namespace

void MatchingWorkerRoster::prepare(MatchJob& job) {
    if (m_revision == job.rosterRevision) {
        wipeSecret(job.roster);  // leaves it empty
    } else {
        m_revision = job.rosterRevision;
    }
}

void wipeJobRequest(JobRequest& request) {
    std::visit(Overloaded{
                   [](DecryptJob& job) {
                       wipeSecret(job.passphrase);
                       wipeSecret(job.identities);
                   },
                   [](EncryptJob& job) {
                       wipeSecret(job.plaintext);
                       wipeSecret(job.passphrase);
                   },
                   [](MatchJob& job) { wipeSecret(job.roster); },
                   [](SignupPreviewJob& job) {
                       wipeSecret(job.roster);
                       for (auto& file : job.files) wipeSecret(file.second);
                   },
                   [](SheetPreviewJob& job) {
                       wipeSecret(job.roster);
                       wipeSecret(job.request);
                   },
               },
               request);
}

JobOutput runJob(JobRequest request, const JobProgress& progress) {
    // Each kind wipes what it holds as soon as it is used; this catches the
    // early returns (a refused key file, an unreadable roster).
    JobOutput output = std::visit(Overloaded{
                          [&](DecryptJob& job) { return runDecrypt(job, progress); },
                          [&](EncryptJob& job) { return runEncrypt(job, progress); },
                          [&](MatchJob& job) { return runMatch(job, progress); },
                          [&](SignupPreviewJob& job) { return runSignupPreview(job, progress); },
                          [&](SheetPreviewJob& job) { return runSheetPreview(job, progress); },
                      },
                      request);
    wipeJobRequest(request);
    return output;
}

std::string encodeJobRequest(const JobRequest& request) {
    WireWriter w;
    // One allocation of the final size: growing would leave freed copies of
    // the passphrase and plaintext behind in the heap.
    w.reserve(std::visit(Overloaded{
                             [](const DecryptJob& j) { return 16 + j.file.size() + j.passphrase.size() + j.identities.size(); },
                             [](const EncryptJob& j) {
                                 return 16 + j.plaintext.size() + j.passphrase.size() + j.recipients.size();
                             },
                             [](const MatchJob& j) { return 24 + kCriterionCount * 8 + j.roster.size(); },
                             [](const SignupPreviewJob& j) {
                                 std::size_t bytes = 16 + j.roster.size();
                                 for (const auto& [name, file] : j.files) bytes += 8 + name.size() + file.size();
                                 return bytes;
                             },
                             [](const SheetPreviewJob& j) { return 16 + j.roster.size() + j.request.size(); },
                         },
                         request));
    std::visit(Overloaded{
                   [&](const DecryptJob& job) {
                       w.byte(kDecryptTag).field(job.file).field(job.passphrase).field(job.identities);
                   },
                   [&](const EncryptJob& job) {
                       w.byte(kEncryptTag).field(job.plaintext).field(job.passphrase).field(job.recipients);
                       w.byte(static_cast<std::uint8_t>(job.workFactor)).byte(job.armor ? 1 : 0);
                   },
                   [&](const MatchJob& job) {
                       w.byte(kMatchTag).field(job.roster).u64(job.rosterRevision).byte(job.weights ? 1 : 0);
                       if (job.weights)
                           for (double weight : job.weights->values()) w.f64(weight);
                       w.byte(static_cast<std::uint8_t>(job.mode));
                   },
                   [&](const SignupPreviewJob& job) {
                       w.byte(kSignupPreviewTag).field(job.roster).u32(static_cast<std::uint32_t>(job.files.size()));
                       for (const auto& [name, bytes] : job.files) w.field(name).field(bytes);
                   },
                   [&](const SheetPreviewJob& job) { w.byte(kSheetPreviewTag).field(job.roster).field(job.request); },
               },
               request);
    return w.take();
}

Result<JobRequest> decodeJobRequest(std::string_view wire) {
    WireReader r(wire);
    std::uint8_t tag = 0;
    if (!r.byte(tag)) return malformedWire();
    if (tag == kDecryptTag) {
        DecryptJob job;
        if (!r.field(job.file) || !r.field(job.passphrase) || !r.field(job.identities) || !r.atEnd())
            return malformedWire();
        return JobRequest{std::move(job)};
    }
    if (tag == kEncryptTag) {
        EncryptJob job;
        std::uint8_t workFactor = 0, armor = 0;
        if (!r.field(job.plaintext) || !r.field(job.passphrase) || !r.field(job.recipients) || !r.byte(workFactor) ||
            !r.byte(armor) || !r.atEnd())
            return malformedWire();
        job.workFactor = workFactor;
        job.armor = armor != 0;
        return JobRequest{std::move(job)};
    }
    if (tag == kMatchTag) {
        MatchJob job;
        std::uint8_t hasWeights = 0, mode = 0;
        if (!r.field(job.roster) || !r.u64(job.rosterRevision) || !r.byte(hasWeights) || hasWeights > 1)
            return malformedWire();
        if (hasWeights) {
            std::array<double, kCriterionCount> weights{};
            for (double& weight : weights)
                if (!r.f64(weight) || !std::isfinite(weight)) return malformedWire();
            job.weights = CriterionWeights(weights);
        }
        if (!r.byte(mode) || mode > static_cast<std::uint8_t>(MatchMode::Stable) || !r.atEnd()) return malformedWire();
        job.mode = static_cast<MatchMode>(mode);
        return JobRequest{std::move(job)};
    }
    if (tag == kSignupPreviewTag) {
        SignupPreviewJob job;
        std::uint32_t count = 0;
        if (!r.field(job.roster) || !r.count(count, 8)) return malformedWire();
        for (std::uint32_t i = 0; i < count; ++i) {
            std::string name, bytes;
            if (!r.field(name) || !r.field(bytes)) return malformedWire();
            job.files.emplace_back(std::move(name), std::move(bytes));
        }
        if (!r.atEnd()) return malformedWire();
        return JobRequest{std::move(job)};
    }
    if (tag == kSheetPreviewTag) {
        SheetPreviewJob job;
        if (!r.field(job.roster) || !r.field(job.request) || !r.atEnd()) return malformedWire();
        return JobRequest{std::move(job)};
    }
    return malformedWire();
}

std::string encodeJobOutput(const JobOutput& output) {
    WireWriter w;
    if (output) {
        w.reserve(8 + output->size());  // one allocation: no freed copies of a decrypted roster
        w.byte(kOkTag).field(*output);
    } else {
        const Error& e = output.error();
        w.byte(kErrorTag).field(e.code);
        writeArgs(w, e.args);  // what its words need (the catalogue words its code)
    }
    return w.take();
}

JobOutput decodeJobOutput(std::string_view wire) {
    WireReader r(wire);
    std::uint8_t tag = 0;
    if (!r.byte(tag)) return malformedWire();
    if (tag == kOkTag) {
        std::string bytes;
        if (!r.field(bytes) || !r.atEnd()) return malformedWire();
        return bytes;
    }
    Error e;
    if (tag != kErrorTag || !r.field(e.code) || !readArgs(r, e.args) || !r.atEnd())
        return malformedWire();
    return e;
}

Error workerStoppedError(bool outOfMemory) {
    if (outOfMemory)
        return codedError("job.out_of_memory");
    return codedError("job.worker_stopped");
}

Error malformedWireError() {
    return codedError("job.wire");
}

void wipeSecret(std::string& secret) {
    // The whole buffer: a shorter value or a move may have left bytes past size().
    secret.resize(secret.capacity());
    sodium_memzero(secret.data(), secret.size());
    secret.clear();
}

MaskedSecret::MaskedSecret(const MaskedSecret& o) : m_masked(o.m_masked), m_pad(o.m_pad) {}

MaskedSecret& MaskedSecret::operator=(const MaskedSecret& o) {
    if (this != &o) {
        wipe();
        m_masked = o.m_masked;
        m_pad = o.m_pad;
    }
    return *this;
}

void MaskedSecret::set(std::string_view plain) {
    wipe();
    m_pad.resize(plain.size());
    // In wasm, randombytes_buf reads Module.getRandomValue, which only
    // sodium_init sets up, and the page's thread may not have called it yet
    // (idempotent and cheap after the first call). Without a random source
    // the pad stays zero: the mask only keeps the secret out of plain sight
    // in memory, and encryption itself will report the missing source.
    if (sodium_init() >= 0) randombytes_buf(m_pad.data(), m_pad.size());
    m_masked.resize(plain.size());
    for (std::size_t i = 0; i < plain.size(); ++i) m_masked[i] = static_cast<char>(plain[i] ^ m_pad[i]);
}

std::string MaskedSecret::reveal() const {
    std::string plain(m_masked.size(), '\0');
    for (std::size_t i = 0; i < plain.size(); ++i) plain[i] = static_cast<char>(m_masked[i] ^ m_pad[i]);
    return plain;
}

void MaskedSecret::wipe() {
    wipeSecret(m_masked);
    wipeSecret(m_pad);
}

bool MaskedSecret::operator==(std::string_view plain) const {
    std::string mine = reveal();
    const bool same = mine == plain;
    wipeSecret(mine);
    return same;
}

}  // namespace welkom
