#include "io/signup.h"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/text_fold.h"
#include "io/age.h"
#include "io/json_dom.h"
#include "io/programme_keys.h"
#include "io/roster_json.h"

namespace welkom {

namespace {

using ojson = nlohmann::ordered_json;

// Bounds of a coordinator's group-level answers (a group of five to fifteen
// residents accompanies a few households at most; households rarely pass 15).
constexpr int kMaxGroupCapacity = 10;
constexpr int kMaxHouseholdMembersAnswer = 30;

Message refusal(std::string code, const std::string& fileName, std::vector<Arg> more = {}) {
    std::vector<Arg> args{Arg::textOf(fileName)};
    args.insert(args.end(), more.begin(), more.end());
    return message(std::move(code), std::move(args));
}

// Reads the members of the document's top level, refusing at the first
// structural fault with "signup.invalid" and the JSON Pointer of the fault.
class DocumentReader {
public:
    DocumentReader(SignupReadResult& out, const std::string& fileName) : m_out(out), m_file(fileName) {}

    bool failed() const { return m_out.refusal.has_value(); }
    void invalid(const std::string& path) {
        if (!failed()) m_out.refusal = refusal("signup.invalid", m_file, {Arg::textOf(path)});
    }

    bool text(JsonRef v, std::string& out, const std::string& path) {
        if (!v.isString()) {
            invalid(path);
            return false;
        }
        out.assign(v.str());
        return true;
    }
    bool flag(JsonRef v, bool& out, const std::string& path) {
        if (!v.isBool()) {
            invalid(path);
            return false;
        }
        out = v.boolean();
        return true;
    }
    bool date(JsonRef v, std::string& out, const std::string& path) {
        if (!text(v, out, path)) return false;
        if (!out.empty() && !isValidIsoDate(out)) {
            invalid(path);
            return false;
        }
        return true;
    }

    void programme(JsonRef j, SignupDocument& d) {
        if (!j.isObject()) return invalid("/programme");
        for (JsonRef v : j) {
            if (v.key() == "name") text(v, d.programmeName, "/programme/name");
            else if (v.key() == "fingerprint") text(v, d.programmeFingerprint, "/programme/fingerprint");
        }
        if (d.programmeFingerprint.empty()) invalid("/programme/fingerprint");
    }

    void group(JsonRef j, SignupDocument& d) {
        if (!j.isObject()) return invalid("/group");
        for (JsonRef v : j) {
            if (v.key() == "code") text(v, d.groupCode, "/group/code");
            else if (v.key() == "name") text(v, d.groupName, "/group/name");
            else if (v.key() == "municipality") text(v, d.groupMunicipality, "/group/municipality");
            else if (v.key() == "availability") availability(v, d.groupAvailability, "/group/availability");
            else if (v.key() == "capacity") count(v, d.groupCapacity, 1, kMaxGroupCapacity, "/group/capacity");
            else if (v.key() == "maxHouseholdSize")
                count(v, d.groupMaxHouseholdSize, 1, kMaxHouseholdMembersAnswer, "/group/maxHouseholdSize");
        }
        if (d.groupCode.empty() == d.groupName.empty()) invalid("/group");  // exactly one of them
    }

    void availability(JsonRef j, Availability& out, const std::string& path) {
        if (!j.isObject()) return invalid(path);
        for (JsonRef v : j) {
            if (v.key() == "weekdayDaytime") flag(v, out.weekdayDaytime, path + "/weekdayDaytime");
            else if (v.key() == "evenings") flag(v, out.evenings, path + "/evenings");
            else if (v.key() == "weekends") flag(v, out.weekends, path + "/weekends");
        }
    }

    void count(JsonRef v, int& out, int least, int most, const std::string& path) {
        if (v.type() != JsonType::Uint || v.asUint() < static_cast<std::uint64_t>(least) ||
            v.asUint() > static_cast<std::uint64_t>(most))
            return invalid(path);
        out = static_cast<int>(v.asUint());
    }

    void priorities(JsonRef j, SignupDocument& d) {
        if (!j.isObject()) return invalid("/priorities");
        for (JsonRef v : j) {
            const std::string path = "/priorities/" + std::string(v.key());
            StatedPriority p{};
            if (!parseCriterion(v.key(), p.criterion) || !v.isString() ||
                !parseStatedImportance(v.str(), p.importance))
                return invalid(path);
            d.priorities.push_back(p);
        }
    }

    void consent(JsonRef j, SignupDocument& d) {
        if (!j.isObject()) return invalid("/consent");
        std::string date;
        for (JsonRef v : j) {
            if (v.key() == "toMatching") flag(v, d.consent.toMatching, "/consent/toMatching");
            else if (v.key() == "toResearch") flag(v, d.consent.toResearch, "/consent/toResearch");
            else if (v.key() == "date") this->date(v, date, "/consent/date");
        }
        if (date.empty()) return invalid("/consent/date");
        d.consentDate = date;
        if (d.consent.toMatching) d.consent.toMatchingDate = date;
        if (d.consent.toResearch) d.consent.toResearchDate = date;
    }

private:
    SignupReadResult& m_out;
    const std::string& m_file;
};

bool refusedByPrescan(std::string_view json, const std::string& fileName, SignupReadResult& out) {
    std::optional<Problem> p = prescanJson(json, signupLimits());
    if (!p) return false;
    out.refusal = refusal(p->code == "json.too_deep" ? "signup.too_deep" : "signup.too_large", fileName);
    return true;
}

}  // namespace

const JsonLimits& signupLimits() {
    static const JsonLimits limits = [] {
        JsonLimits l;
        l.maxBytes = kMaxSignupBytes;
        l.maxDepth = kMaxSignupDepth;
        l.maxObjectMembers = 64;
        l.maxListItems = 1000;
        l.maxValues = 100000;
        // Its refusals are worded by the catalogue (signup.too_large, signup.too_deep), not by the pre-scan.
        l.kind = "signup";
        l.counts = {{{"household", "members"}, kMaxMembersPerHousehold, "limit.household_members"}};
        return l;
    }();
    return limits;
}

SignupReadResult readSignupDocument(std::string_view json, const std::string& fileName) {
    SignupReadResult out;
    if (refusedByPrescan(json, fileName, out)) return out;
    Result<JsonDoc> parsed = JsonDoc::parse(json);
    JsonRef format = parsed ? parsed->root() : JsonRef(nullptr, 0);
    if (!parsed || !parsed->root().isObject() || !parsed->root().findMember("format", format) ||
        !format.isString() || format.str() != kSignupFormatName) {
        out.refusal = refusal("signup.not_signup", fileName);
        return out;
    }
    JsonRef root = parsed->root();
    JsonRef version = root;
    if (!root.findMember("version", version) || version.type() != JsonType::Uint || version.asUint() < 1) {
        out.refusal = refusal("signup.invalid", fileName, {Arg::textOf("/version")});
        return out;
    }
    if (version.asUint() > static_cast<std::uint64_t>(kSignupFormatVersion)) {
        out.refusal = refusal("signup.too_new", fileName);
        return out;
    }
    if (hasRepeatedKeys(root)) {
        out.refusal = refusal("signup.repeated_field", fileName);
        return out;
    }

    SignupDocument d;
    DocumentReader r(out, fileName);
    std::string form;
    bool haveHousehold = false, haveMember = false, haveGroup = false, haveCoordinatorFlag = false, haveConsent = false;
    for (JsonRef v : root) {
        const std::string_view k = v.key();
        if (k == "form") r.text(v, form, "/form");
        else if (k == "programme") r.programme(v, d);
        else if (k == "submitted") r.date(v, d.submitted, "/submitted");
        else if (k == "language") r.text(v, d.language, "/language");
        else if (k == "household") {
            haveHousehold = true;
            readHouseholdObject(v, d.household, out.problems, "/household");
        } else if (k == "groupMember") {
            haveMember = true;
            readGroupMemberObject(v, d.member, out.problems, "/groupMember");
        } else if (k == "group") {
            haveGroup = true;
            r.group(v, d);
        } else if (k == "isGroupCoordinator") {
            haveCoordinatorFlag = true;
            r.flag(v, d.isGroupCoordinator, "/isGroupCoordinator");
        }
        else if (k == "priorities") r.priorities(v, d);
        else if (k == "consent") {
            haveConsent = true;
            r.consent(v, d);
        }
        // Other members: written by a newer page within version 1, ignored.
    }
    if (form == "household") d.form = SignupForm::Household;
    else if (form == "group-member") d.form = SignupForm::GroupMember;
    else r.invalid("/form");
    JsonRef ignored = root;
    if (!root.findMember("programme", ignored)) r.invalid("/programme");
    if (!haveConsent) r.invalid("/consent");
    if (d.form == SignupForm::Household && (!haveHousehold || haveMember)) r.invalid("/household");
    // A household's form has no group parts; taking them in would give the
    // household a group's answers that no writer of this format puts there.
    if (d.form == SignupForm::Household && haveGroup) r.invalid("/group");
    if (d.form == SignupForm::Household && haveCoordinatorFlag) r.invalid("/isGroupCoordinator");
    if (d.form == SignupForm::GroupMember && (!haveMember || !haveGroup || haveHousehold)) r.invalid("/groupMember");
    if (r.failed()) {
        out.problems.clear();
        return out;
    }
    if (d.form == SignupForm::Household) d.household.consent = d.consent;
    out.document = std::move(d);
    return out;
}

std::string writeSignupDocument(const SignupDocument& d) {
    // The records go through the roster writer, so that both files spell them alike.
    Roster holder;
    if (d.form == SignupForm::Household) holder.households.push_back(d.household);
    else {
        WelcomeGroup g;
        g.members.push_back(d.member);
        holder.groups.push_back(std::move(g));
    }
    const ojson written = ojson::parse(writeRoster(holder));
    ojson j = ojson::object();
    j["format"] = std::string(kSignupFormatName);
    j["version"] = kSignupFormatVersion;
    j["form"] = d.form == SignupForm::Household ? "household" : "group-member";
    j["programme"] = ojson{{"name", d.programmeName}, {"fingerprint", d.programmeFingerprint}};
    if (!d.submitted.empty()) j["submitted"] = d.submitted;
    if (!d.language.empty()) j["language"] = d.language;
    if (d.form == SignupForm::Household) {
        ojson h = written["households"][0];
        h.erase("consent");  // the document's consent is the one that counts
        j["household"] = std::move(h);
    } else {
        j["groupMember"] = written["groups"][0]["members"][0];
        ojson g = ojson::object();
        if (!d.groupCode.empty()) g["code"] = d.groupCode;
        if (!d.groupName.empty()) g["name"] = d.groupName;
        if (!d.groupMunicipality.empty()) g["municipality"] = d.groupMunicipality;
        if (d.groupAvailability.any())
            g["availability"] = ojson{{"weekdayDaytime", d.groupAvailability.weekdayDaytime},
                                      {"evenings", d.groupAvailability.evenings},
                                      {"weekends", d.groupAvailability.weekends}};
        if (d.groupCapacity > 0) g["capacity"] = d.groupCapacity;
        if (d.groupMaxHouseholdSize > 0) g["maxHouseholdSize"] = d.groupMaxHouseholdSize;
        j["group"] = std::move(g);
        j["isGroupCoordinator"] = d.isGroupCoordinator;
    }
    ojson p = ojson::object();
    for (const StatedPriority& s : d.priorities) p[std::string(criterionName(s.criterion))] = std::string(toString(s.importance));
    j["priorities"] = std::move(p);
    const std::string date = !d.consentDate.empty()              ? d.consentDate
                             : !d.consent.toMatchingDate.empty() ? d.consent.toMatchingDate
                             : !d.consent.toResearchDate.empty() ? d.consent.toResearchDate
                                                                 : d.submitted;
    j["consent"] = ojson{{"toMatching", d.consent.toMatching}, {"toResearch", d.consent.toResearch}, {"date", date}};
    return j.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

namespace {

// The participant's priorities as the record's stated priorities (scoring
// weighs them, core/scoring.h).
void keepPriorities(const SignupDocument& d, StatedPriorities& stated) {
    stated = StatedPriorities{};
    for (const StatedPriority& s : d.priorities) stated[s.criterion] = s.importance;
}

bool idTaken(const Roster& r, const std::string& id) {
    return std::any_of(r.households.begin(), r.households.end(), [&](const Household& h) { return h.id == id; }) ||
           std::any_of(r.groups.begin(), r.groups.end(), [&](const WelcomeGroup& g) { return g.id == id; });
}

WelcomeGroup* findGroup(Roster& r, const SignupDocument& d) {
    for (WelcomeGroup& g : r.groups) {
        if (!d.groupCode.empty() ? g.id == d.groupCode : g.name == d.groupName) return &g;
    }
    return nullptr;
}

std::string newGroupId(const Roster& r) {
    for (std::size_t n = r.groups.size() + 1;; ++n) {
        const std::string id = "g-signup-" + std::to_string(n);
        if (!idTaken(r, id)) return id;
    }
}

bool sameAges(const std::vector<HouseholdMember>& a, const std::vector<HouseholdMember>& b) {
    return std::any_of(a.begin(), a.end(), [&](const HouseholdMember& x) {
        return std::any_of(b.begin(), b.end(), [&](const HouseholdMember& y) { return x.age == y.age; });
    });
}

// Households or group members of `r` that are probably the person(s) of `d`.
std::vector<std::string> probableDuplicates(const SignupDocument& d, const Roster& r) {
    std::vector<std::string> ids;
    if (d.form == SignupForm::Household) {
        const std::string name = searchFold(d.household.displayName);
        for (const Household& h : r.households)
            if (searchFold(h.displayName) == name && sameAges(h.members, d.household.members)) ids.push_back(h.id);
        return ids;
    }
    const std::string name = searchFold(d.member.name);
    for (const WelcomeGroup& g : r.groups)
        for (const GroupMember& m : g.members)
            if (m.age == d.member.age && searchFold(m.name) == name) ids.push_back(m.id);
    return ids;
}

// Adds one document's records to `merged`, or refuses the file.
void addDocument(const SignupDocument& d, Roster& merged, SignupFileOutcome& f) {
    f.form = d.form;
    if (d.form == SignupForm::Household) {
        if (idTaken(merged, d.household.id)) {
            f.refusal = refusal("signup.id_taken", f.name, {Arg::textOf(d.household.id)});
            return;
        }
        Household h = d.household;
        keepPriorities(d, h.statedPriorities);
        f.recordId = h.id;
        merged.households.push_back(std::move(h));
        return;
    }
    WelcomeGroup* group = findGroup(merged, d);
    if (!group && !d.groupCode.empty()) {
        f.refusal = refusal("signup.unknown_group", f.name, {Arg::textOf(d.groupCode)});
        return;
    }
    if (!group) {
        WelcomeGroup g;
        g.id = newGroupId(merged);
        g.name = d.groupName;
        g.municipality = d.groupMunicipality;
        g.consent = d.consent;
        merged.groups.push_back(std::move(g));
        group = &merged.groups.back();
        f.newGroup = true;
    }
    if (std::any_of(group->members.begin(), group->members.end(),
                    [&](const GroupMember& m) { return m.id == d.member.id; })) {
        f.refusal = refusal("signup.id_taken", f.name, {Arg::textOf(d.member.id)});
        if (f.newGroup) merged.groups.pop_back();
        return;
    }
    GroupMember m = d.member;
    keepPriorities(d, m.statedPriorities);
    if (!d.consent.toMatching || d.consent.toResearch) {
        ojson c = ojson{{"toMatching", d.consent.toMatching}, {"toResearch", d.consent.toResearch}};
        m.extra.emplace_back("signupConsent", c.dump());
    }
    if (d.isGroupCoordinator && group->coordinatorId.empty()) group->coordinatorId = m.id;
    if (d.isGroupCoordinator) {  // the group-level answers are the coordinator's to give
        if (d.groupAvailability.any()) {
            group->availability.weekdayDaytime = d.groupAvailability.weekdayDaytime;
            group->availability.evenings = d.groupAvailability.evenings;
            group->availability.weekends = d.groupAvailability.weekends;
        }
        if (d.groupCapacity > 0) group->capacity = d.groupCapacity;
        if (d.groupMaxHouseholdSize > 0) group->support.maxHouseholdSize = d.groupMaxHouseholdSize;
    }
    f.recordId = m.id;
    f.groupId = group->id;
    group->members.push_back(std::move(m));
}

}  // namespace

bool SignupImportPreview::hasErrors() const {
    if (refusal) return true;
    for (const SignupFileOutcome& f : files)
        if (f.refusal || welkom::hasErrors(f.problems)) return true;
    return welkom::hasErrors(problems);
}

SignupImportPreview previewSignupImport(const Roster& into, const std::vector<SignupFile>& files,
                                        const std::vector<X25519Identity>& moreKeys) {
    SignupImportPreview p;
    p.merged = into;
    if (files.size() > kMaxSignupsPerImport) {
        p.refusal = message("signup.too_many_files", {Arg::integerOf(static_cast<long long>(kMaxSignupsPerImport))});
        return p;
    }
    AgeDecryptOptions options;
    if (!into.signup.keys.empty()) {
        Result<std::vector<X25519Identity>> identities = programmeIdentities(into.signup);
        if (!identities) {
            p.refusal = message(identities.error().code);
            return p;
        }
        options.identities = std::move(*identities);
    }
    options.identities.insert(options.identities.end(), moreKeys.begin(), moreKeys.end());
    if (options.identities.empty()) {
        p.refusal = message("signup.no_key");
        return p;
    }
    std::vector<std::string> ourFingerprints;
    for (const X25519Identity& id : options.identities) ourFingerprints.push_back(keyFingerprint(id.recipient()));

    for (const SignupFile& file : files) {
        SignupFileOutcome f;
        f.name = file.name;
        auto finish = [&] { p.files.push_back(std::move(f)); };
        if (file.bytes.size() > kMaxSignupFileBytes) {
            f.refusal = refusal("signup.too_large", f.name);
            finish();
            continue;
        }
        Result<AgeBytes> plain = ageDecrypt(AgeBytes(file.bytes.begin(), file.bytes.end()), options);
        if (!plain) {
            const auto kind = ageErrorKind(plain.error());
            f.refusal = refusal(kind == AgeErrorKind::NoMatch ? "signup.wrong_key" : "signup.damaged", f.name);
            finish();
            continue;
        }
        const std::string json(plain->begin(), plain->end());
        std::fill(plain->begin(), plain->end(), std::uint8_t{0});
        f.digest = sha256Hex(json);
        const auto& imported = into.signup.importedSignups;
        const auto earlier = std::find_if(p.files.begin(), p.files.end(),
                                          [&](const SignupFileOutcome& o) { return o.digest == f.digest; });
        if (std::find(imported.begin(), imported.end(), f.digest) != imported.end()) {
            f.refusal = refusal("signup.repeat", f.name);
        } else if (earlier != p.files.end()) {
            f.refusal = refusal("signup.repeat_in_batch", f.name, {Arg::textOf(earlier->name)});
        } else {
            SignupReadResult read = readSignupDocument(json, f.name);
            f.problems = std::move(read.problems);
            if (read.refusal) {
                f.refusal = std::move(read.refusal);
            } else if (std::find(ourFingerprints.begin(), ourFingerprints.end(),
                                 read.document->programmeFingerprint) == ourFingerprints.end()) {
                f.refusal = refusal("signup.other_programme", f.name,
                                    {Arg::textOf(read.document->programmeName),
                                     Arg::textOf(read.document->programmeFingerprint)});
            } else if (!hasErrors(f.problems)) {
                f.probableDuplicates = probableDuplicates(*read.document, p.merged);
                addDocument(*read.document, p.merged, f);
            }
        }
        finish();
    }
    p.problems = validateRoster(p.merged);
    return p;
}

Status applySignupImport(Roster& roster, const SignupImportPreview& preview) {
    if (preview.hasErrors()) return codedError("signup.import_has_errors");
    roster = preview.merged;
    for (const SignupFileOutcome& f : preview.files) roster.signup.importedSignups.push_back(f.digest);
    return Ok{};
}

}  // namespace welkom
