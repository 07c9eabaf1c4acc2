#include "app/signup_session.h"

#include "app/jobs.h"
#include "app/wire_message.h"
#include "io/programme_keys.h"
#include "io/roster_json.h"

namespace welkom {

std::string percentEncode(std::string_view text) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    return out;
}

std::string signupPageUrl(std::string_view appUrl, bool singleFile) {
    std::string_view url = appUrl.substr(0, appUrl.find_first_of("?#"));
    url = url.substr(0, url.rfind('/') + 1);
    return std::string(url) + (singleFile ? "welkom-signup.html" : "signup.html");
}

std::string_view signupFormName(SignupForm form) {
    return form == SignupForm::Household ? "household" : "group-member";
}

std::string signupLink(std::string_view pageUrl, SignupForm form, std::string_view programmeName,
                       std::string_view publicKey) {
    return std::string(pageUrl) + "#v=1&form=" + std::string(signupFormName(form)) +
           "&programme=" + percentEncode(programmeName) + "&key=" + std::string(publicKey);
}

Result<std::string> rosterSignupLink(const Roster& roster, std::string_view pageUrl, SignupForm form) {
    Result<X25519Recipient> key = programmeRecipient(roster.signup);
    if (!key) return key.error();
    return signupLink(pageUrl, form, roster.programmeName, key->toString());
}

std::vector<ProgrammeKeyInfo> programmeKeyInfos(const SignupSetup& setup) {
    std::vector<ProgrammeKeyInfo> out;
    for (const ProgrammeKey& key : setup.keys) {
        Result<X25519Identity> id = X25519Identity::parse(key.identity);
        if (!id) continue;
        const X25519Recipient recipient = id->recipient();
        out.push_back({recipient.toString(), keyFingerprint(recipient), key.created});
    }
    return out;
}

bool isSignupFileName(std::string_view name) {
    constexpr std::string_view kSuffix = ".welkom-signup.age";
    return name.size() >= kSuffix.size() && name.substr(name.size() - kSuffix.size()) == kSuffix;
}

// [SECTION] Wire form of a preview

namespace {

void writeProblems(WireWriter& w, const std::vector<Problem>& problems) {
    w.u32(static_cast<std::uint32_t>(problems.size()));
    for (const Problem& p : problems) {
        w.field(p.path).byte(p.severity == Severity::Error ? 0 : 1).field(p.code);
        writeArgs(w, p.args);
    }
}

bool readProblems(WireReader& r, std::vector<Problem>& problems) {
    std::uint32_t count = 0;
    if (!r.count(count, 21)) return false;
    problems.resize(count);
    for (Problem& p : problems) {
        std::uint8_t severity = 0;
        if (!r.field(p.path) || !r.byte(severity) || !r.field(p.code) || !readArgs(r, p.args))
            return false;
        p.severity = severity == 0 ? Severity::Error : Severity::Warning;
    }
    return true;
}

Error damagedPreview() { return malformedWireError(); }

}  // namespace

std::string encodeSignupPreview(const SignupImportPreview& preview) {
    WireWriter w;
    w.u32(static_cast<std::uint32_t>(preview.files.size()));
    for (const SignupFileOutcome& f : preview.files) {
        w.field(f.name);
        writeMessage(w, f.refusal);
        writeProblems(w, f.problems);
        w.field(f.digest).byte(f.form == SignupForm::Household ? 0 : 1).field(f.recordId).field(f.groupId);
        w.byte(f.newGroup ? 1 : 0);
        writeStrings(w, f.probableDuplicates);
    }
    writeProblems(w, preview.problems);
    writeMessage(w, preview.refusal);
    writeMergedRoster(w, preview.merged);
    return w.take();
}

Result<SignupImportPreview> decodeSignupPreview(std::string_view wire) {
    WireReader r(wire);
    SignupImportPreview p;
    std::uint32_t count = 0;
    if (!r.count(count, 30)) return damagedPreview();
    p.files.resize(count);
    for (SignupFileOutcome& f : p.files) {
        std::uint8_t form = 0, newGroup = 0;
        if (!r.field(f.name) || !readMessage(r, f.refusal) || !readProblems(r, f.problems) || !r.field(f.digest) ||
            !r.byte(form) || !r.field(f.recordId) || !r.field(f.groupId) || !r.byte(newGroup) ||
            !readStrings(r, f.probableDuplicates))
            return damagedPreview();
        f.form = form == 0 ? SignupForm::Household : SignupForm::GroupMember;
        f.newGroup = newGroup != 0;
    }
    if (!readProblems(r, p.problems) || !readMessage(r, p.refusal) || !readMergedRoster(r, p.merged) || !r.atEnd())
        return damagedPreview();
    return p;
}

}  // namespace welkom
