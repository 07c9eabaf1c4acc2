#include "cli/cli.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/text/messages.h"

namespace welkom::cli {

Result<Args> Args::parse(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs) {
    Args args;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& word = argv[i];
        if (word.size() < 2 || word[0] != '-' || word == "--") {
            if (word == "--") {
                args.m_positional.insert(args.m_positional.end(), argv.begin() + i + 1, argv.end());
                break;
            }
            args.m_positional.push_back(word);
            continue;
        }
        std::string name = word;
        std::optional<std::string> inlineValue;
        if (auto eq = word.find('='); word.rfind("--", 0) == 0 && eq != std::string::npos) {
            name = word.substr(0, eq);
            inlineValue = word.substr(eq + 1);
        }
        const OptionSpec* spec = nullptr;
        for (const OptionSpec& s : specs)
            if (s.name == name || (!s.shortName.empty() && s.shortName == name)) spec = &s;
        if (!spec) return codedError("cli.unknown_option", {Arg::textOf(name)});
        auto& slot = args.m_values[spec->name];
        if (!slot.empty() && !spec->repeatable)
            return codedError("cli.repeated_option", {Arg::textOf(spec->name)});
        if (!spec->takesValue) {
            if (inlineValue) return codedError("cli.unexpected_value", {Arg::textOf(spec->name)});
            slot.push_back("");
            continue;
        }
        if (inlineValue) {
            slot.push_back(*inlineValue);
        } else if (i + 1 < argv.size()) {
            slot.push_back(argv[++i]);
        } else {
            return codedError("cli.missing_value", {Arg::textOf(spec->name)});
        }
    }
    return args;
}

std::optional<std::string> Args::value(const std::string& name) const {
    auto it = m_values.find(name);
    if (it == m_values.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

std::vector<std::string> Args::values(const std::string& name) const {
    auto it = m_values.find(name);
    return it == m_values.end() ? std::vector<std::string>{} : it->second;
}

std::string helpText(const std::string& usage, const std::string& description, const std::vector<OptionSpec>& specs) {
    std::ostringstream out;
    out << "usage: " << usage << "\n\n" << description << "\n";
    if (!specs.empty()) out << "\noptions:\n";
    for (const OptionSpec& s : specs) {
        std::string left = s.shortName.empty() ? s.name : s.shortName + ", " + s.name;
        if (s.takesValue) left += " VALUE";
        out << "  " << left;
        if (left.size() < 26) out << std::string(26 - left.size(), ' ');
        else out << "\n" << std::string(28, ' ');
        out << s.help << "\n";
    }
    return out.str();
}

namespace {

bool g_dutch = false;  // the messages' language: the command's --lang

// The value of a --lang option in `argv`, looked up before the options are
// parsed, so that a wrong command line is already told in that language.
bool asksForDutch(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs) {
    const bool takesLang = std::any_of(specs.begin(), specs.end(), [](const OptionSpec& s) { return s.name == "--lang"; });
    bool dutch = false;
    for (std::size_t i = 0; takesLang && i < argv.size() && argv[i] != "--"; ++i) {
        if (argv[i] == "--lang" && i + 1 < argv.size()) dutch = argv[++i] == "nl";
        else if (argv[i].rfind("--lang=", 0) == 0) dutch = argv[i].substr(7) == "nl";
    }
    return dutch;
}

}  // namespace

bool messagesInDutch() { return g_dutch; }

std::optional<int> parseCommandLine(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs,
                                    const std::string& usage, const std::string& description, Args& out) {
    g_dutch = asksForDutch(argv, specs);
    Result<Args> args = Args::parse(argv, specs);
    if (!args) {
        printError(args.error());
        std::cerr << "usage: " << usage << "\n";
        return kExitUsage;
    }
    if (args->has(kHelpOption.name)) {
        std::cout << helpText(usage, description, specs);
        return kExitOk;
    }
    out = std::move(*args);
    return std::nullopt;
}

Result<std::string> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return codedError("io.read", {Arg::textOf(path)});
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return codedError("io.read_failed", {Arg::textOf(path)});
    return buffer.str();
}

Status writeFile(const std::string& path, const std::string& bytes) {
    const std::string temporary = path + ".tmp-welkom";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return codedError("io.write", {Arg::textOf(path)});
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            std::remove(temporary.c_str());
            return codedError("io.write_failed", {Arg::textOf(path)});
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        return codedError("io.replace_failed", {Arg::textOf(path)});
    }
    return Ok{};
}

void printError(const std::string& message) { std::cerr << "welkom: " << message << "\n"; }

int failWith(int code, const std::string& message) {
    printError(message);
    return code;
}

void printError(const Error& error) { printError(errorText(error, g_dutch)); }

int failWith(int code, const Error& error) { return failWith(code, errorText(error, g_dutch)); }

}  // namespace welkom::cli
