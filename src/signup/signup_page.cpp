#include "signup/signup_page.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include <nlohmann/json.hpp>

#include "app/text/participant_catalogues.h"
#include "app/text/catalogue.h"
#include "app/text/messages.h"
#include "core/roster.h"
#include "core/validation.h"
#include "core/vocabulary.h"
#include "io/age.h"
#include "io/programme_keys.h"
#include "io/signup.h"

namespace welkom {

// Generated from src/app/text/signup/*.txt (cmake/EmbedCatalogues.cmake).
std::vector<std::string_view> embeddedSignupTexts();

namespace {

using ojson = nlohmann::ordered_json;

// The page's language menu, in this order.
constexpr const char* kSignupLanguages[] = {"nl", "en", "ar", "uk", "fa", "ti"};
// Languages written right to left.
constexpr const char* kRightToLeft[] = {"ar", "fa"};

struct VocabularyChoice {
    const char* name;
    VocabularyKind kind;
};
constexpr VocabularyChoice kChoices[] = {
    {"interests", VocabularyKind::Interests}, {"goals", VocabularyKind::Goals},
    {"sectors", VocabularyKind::Sectors},     {"skills", VocabularyKind::Skills},
    {"needs", VocabularyKind::Needs},         {"languages", VocabularyKind::Languages},
};

// What installSignupTexts() learnt from the page's text files.
struct PageTexts {
    std::vector<std::pair<std::string, bool>> files;  // language, reviewed by a native speaker
    std::vector<std::string> codes;                   // the English file's codes: the page's own texts
};
PageTexts& pageTexts() {
    static PageTexts texts;
    return texts;
}

const std::pair<std::string, bool>* pageFile(std::string_view language) {
    for (const auto& f : pageTexts().files)
        if (f.first == language) return &f;
    return nullptr;
}

bool pageHasLanguage(std::string_view language) { return pageFile(language) != nullptr; }

std::string pageLanguage(std::string_view language) {
    return pageHasLanguage(language) ? std::string(language) : std::string("en");
}

bool allDigits(const std::string& s) {
    return !s.empty() && s.size() < 12 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// A record's problem path in the one-record roster -> the same field in the document.
std::string documentPath(const std::string& rosterPath) {
    static const std::pair<std::string_view, std::string_view> kPrefixes[] = {
        {"/households/0", "/household"},
        {"/groups/0/members/0", "/groupMember"},
    };
    for (const auto& [from, to] : kPrefixes)
        if (rosterPath.compare(0, from.size(), from) == 0 &&
            (rosterPath.size() == from.size() || rosterPath[from.size()] == '/'))
            return std::string(to) + rosterPath.substr(from.size());
    return {};
}

ojson problemJson(const Problem& p, const std::string& path, const MessageTexts& texts) {
    return ojson{{"path", path},
                 {"severity", p.severity == Severity::Error ? "error" : "warning"},
                 {"code", p.code},
                 {"text", texts.problem(p)}};
}

}  // namespace

void installSignupTexts() {
    if (!pageTexts().files.empty()) return;
    registerParticipantCatalogues();
    for (std::string_view text : embeddedSignupTexts()) {
        Result<Catalogue> page = parseCatalogue(text);
        if (!page) continue;  // the tests check that every file parses
        const Catalogue* messages = findCatalogue(page->language);
        Catalogue joined = messages ? *messages : *page;
        if (messages) {
            for (auto& [code, words] : page->texts) joined.texts[code] = words;
            joined.unreviewed.insert(joined.unreviewed.end(), page->unreviewed.begin(), page->unreviewed.end());
        }
        pageTexts().files.emplace_back(page->language, page->reviewed);
        if (page->language == "en")
            for (const auto& entry : page->texts) pageTexts().codes.push_back(entry.first);
        registerCatalogue(std::move(joined));
    }
}

std::vector<std::string> signupLanguages() {
    installSignupTexts();
    std::vector<std::string> out;
    for (const char* language : kSignupLanguages)
        if (pageHasLanguage(language)) out.emplace_back(language);
    return out;
}

std::string chooseSignupLanguage(const std::vector<std::string>& browserLanguages) {
    installSignupTexts();
    for (const std::string& tag : browserLanguages) {
        std::string primary = tag.substr(0, tag.find_first_of("-_"));
        std::transform(primary.begin(), primary.end(), primary.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (primary == "prs") primary = "fa";  // Dari
        if (pageHasLanguage(primary)) return primary;
    }
    return "en";
}

std::string signupPageSetup(std::string_view requested) {
    installSignupTexts();
    const std::string language = pageLanguage(requested);
    const MessageTexts texts(language);
    const Catalogue& catalogue = texts.catalogue();
    const bool rightToLeft = std::any_of(std::begin(kRightToLeft), std::end(kRightToLeft),
                                         [&](const char* l) { return language == l; });
    const auto* file = pageFile(language);
    ojson j{{"language", language},
            {"name", catalogue.name},
            {"direction", rightToLeft ? "rtl" : "ltr"},
            {"reviewed", file && file->second && catalogue.reviewed},
            {"listSeparator", catalogue.listSeparator}};
    ojson languages = ojson::array();
    for (const std::string& l : signupLanguages()) {
        const Catalogue* c = findCatalogue(l);
        languages.push_back(ojson{{"code", l}, {"name", c ? c->name : l}});
    }
    j["languages"] = std::move(languages);
    // The page's own codes (those of its English file), in this language
    // where it has them, else in English.
    ojson words = ojson::object();
    for (const std::string& code : pageTexts().codes) {
        const std::string* text = texts.find(code);
        words[code] = text ? *text : std::string();
    }
    j["texts"] = std::move(words);
    ojson choices = ojson::object();
    for (const VocabularyChoice& choice : kChoices) {
        ojson list = ojson::array();
        for (const Term& term : vocabulary(choice.kind))
            list.push_back(ojson{{"code", std::string(term.code)}, {"label", texts.termLabel(choice.kind, term.code)}});
        choices[choice.name] = std::move(list);
    }
    j["choices"] = std::move(choices);
    return j.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string signupPageText(std::string_view language, std::string_view code, const std::vector<std::string>& args) {
    installSignupTexts();
    std::vector<Arg> messageArgs;
    for (const std::string& a : args) messageArgs.push_back(allDigits(a) ? Arg::integerOf(std::stoll(a)) : Arg::textOf(a));
    return MessageTexts(pageLanguage(language)).render(message(std::string(code), std::move(messageArgs)));
}

std::string signupKeyInfo(std::string_view recipient, std::string_view language) {
    installSignupTexts();
    Result<X25519Recipient> key = X25519Recipient::parse(recipient);
    if (!key) return ojson{{"error", MessageTexts(pageLanguage(language)).text("page.bad_link")}}.dump();
    return ojson{{"fingerprint", keyFingerprint(*key)}}.dump();
}

std::string signupCheck(std::string_view documentJson, std::string_view language) {
    installSignupTexts();
    const MessageTexts texts(pageLanguage(language));
    ojson problems = ojson::array();
    SignupReadResult read = readSignupDocument(documentJson, "form");
    if (read.refusal) {
        // A structural fault: the page wrote something the reader does not
        // take. Its pointer (argument 1 of signup.invalid) names the field.
        const std::string path = read.refusal->args.size() > 1 ? read.refusal->args[1].text : std::string();
        problems.push_back(ojson{{"path", path}, {"severity", "error"}, {"code", read.refusal->code},
                                 {"text", texts.render(*read.refusal)}});
        return ojson{{"problems", std::move(problems)}}.dump(-1, ' ', false, ojson::error_handler_t::replace);
    }
    for (const Problem& p : read.problems) problems.push_back(problemJson(p, p.path, texts));
    // The roster's own rules on the one record; group-level rules (how many
    // members a group has...) are the coordinator's, not the participant's.
    Roster one;
    const SignupDocument& d = *read.document;
    if (d.form == SignupForm::Household) {
        one.households.push_back(d.household);
    } else {
        WelcomeGroup g;
        g.id = "signup-group";
        g.name = d.groupName.empty() ? d.groupCode : d.groupName;
        g.municipality = d.groupMunicipality;
        g.members.push_back(d.member);
        g.coordinatorId = d.member.id;
        g.consent = d.consent;
        one.groups.push_back(std::move(g));
    }
    // Only errors: warnings speak to the coordinator (a level the participant
    // said they do not know, a household no group in this one-record roster
    // can take), not to the participant.
    for (const Problem& p : validateRoster(one)) {
        const std::string path = documentPath(p.path);
        if (!path.empty() && p.severity == Severity::Error) problems.push_back(problemJson(p, path, texts));
    }
    return ojson{{"problems", std::move(problems)}}.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

Result<std::string> encryptSignup(std::string_view documentJson, std::string_view recipient) {
    Result<X25519Recipient> key = X25519Recipient::parse(recipient);
    if (!key) return key.error();
    const AgeBytes plain(documentJson.begin(), documentJson.end());
    Result<AgeBytes> file = ageEncrypt(plain, {*key});
    if (!file) return file.error();
    return std::string(file->begin(), file->end());
}

}  // namespace welkom
