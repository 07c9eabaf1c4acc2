#include "app/text/catalogue.h"

#include <deque>
#include <memory>

#include "app/text/embedded_catalogues.h"

namespace welkom {

const std::string* Catalogue::find(std::string_view code) const {
    const auto it = texts.find(code);
    return it == texts.end() ? nullptr : &it->second;
}

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::string unquote(std::string_view s) {
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return std::string(s);
}

// {0} the line, {1} what is wrong there: a catalogue.detail.
Error syntax(std::size_t line, const char* detail) {
    return codedError("catalogue.syntax", {Arg::integerOf(static_cast<long long>(line)), Arg::coded(detail)});
}

}  // namespace

Result<Catalogue> parseCatalogue(std::string_view text) {
    Catalogue c;
    std::size_t lineNo = 0;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = trim(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        ++lineNo;
        if (line.empty() || line.front() == '#') continue;
        const std::size_t eq = line.find(" = ");
        if (eq == std::string_view::npos) return syntax(lineNo, "catalogue.detail.expected_entry");
        const std::string_view key = trim(line.substr(0, eq));
        std::string_view value = trim(line.substr(eq + 3));
        if (key.empty()) return syntax(lineNo, "catalogue.detail.empty_code");
        if (key.front() == '@') {
            const std::string v = unquote(value);
            if (key == "@language") c.language = v;
            else if (key == "@name") c.name = v;
            else if (key == "@reviewed-by-native-speaker") c.reviewed = v == "yes";
            else if (key == "@plural-rule") c.pluralRule = v;
            else if (key == "@list-separator") c.listSeparator = v;
            else if (key == "@list-empty") c.listEmpty = v;
            else if (key == "@digit-group-separator") c.digitGroupSeparator = v;
            else if (key == "@lowercase-labels-in-sentences") c.lowercaseLabels = v == "yes";
            else return syntax(lineNo, "catalogue.detail.unknown_setting");
            continue;
        }
        constexpr std::string_view kUnreviewed = "#unreviewed";
        if (value.size() >= kUnreviewed.size() && value.substr(value.size() - kUnreviewed.size()) == kUnreviewed) {
            value = trim(value.substr(0, value.size() - kUnreviewed.size()));
            c.unreviewed.emplace_back(key);
        }
        if (!c.texts.emplace(std::string(key), std::string(value)).second) return syntax(lineNo, "catalogue.detail.repeated_code");
    }
    if (c.language.empty()) return syntax(lineNo, "catalogue.detail.no_language");
    return c;
}

namespace {

// A deque: registering a catalogue must not move the others, whose
// addresses MessageTexts keep.
std::deque<Catalogue>& registry() {
    static std::deque<Catalogue> all = [] {
        std::deque<Catalogue> out;
        for (std::string_view text : embeddedCatalogues()) {
            Result<Catalogue> c = parseCatalogue(text);
            if (c) out.push_back(std::move(*c));  // the tests check every built-in file parses
        }
        return out;
    }();
    return all;
}

}  // namespace

const Catalogue* findCatalogue(std::string_view language) {
    for (const Catalogue& c : registry())
        if (c.language == language) return &c;
    return nullptr;
}

std::vector<std::string> catalogueLanguages() {
    std::vector<std::string> out;
    for (const Catalogue& c : registry()) out.push_back(c.language);
    return out;
}

void registerCatalogue(Catalogue catalogue) {
    for (Catalogue& c : registry()) {
        if (c.language == catalogue.language) {
            c = std::move(catalogue);
            return;
        }
    }
    registry().push_back(std::move(catalogue));
}

}  // namespace welkom
