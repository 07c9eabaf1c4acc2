// The `welkom` command-line tool: shared pieces for its commands.
//
// Each command lives in cmd_<name>.cpp and is listed once in main.cpp:
//   int runValidate(const Args& args);  // returns an exit code (see ExitCode)
// Commands read and write files here (the core does no I/O) and print
// messages fit for scripts: results on stdout, problems on stderr.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace welkom::cli {

enum ExitCode : int {
    kExitOk = 0,
    kExitProblems = 1,  // the input has errors (validation, decryption)
    kExitUsage = 2,     // wrong command line
    kExitIo = 3,        // a file could not be read or written
};

struct OptionSpec {
    std::string name;          // "--households"
    std::string shortName;     // "-n" or ""
    bool takesValue = false;
    std::string help;          // one line for --help
    bool repeatable = false;   // "-r A -r B"
};

// Parsed command line of one command.
class Args {
public:
    // Parses `argv` against `specs`; unknown options and missing values are errors.
    static Result<Args> parse(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs);

    bool has(const std::string& name) const { return m_values.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const;
    std::vector<std::string> values(const std::string& name) const;
    const std::vector<std::string>& positional() const { return m_positional; }

private:
    std::map<std::string, std::vector<std::string>> m_values;
    std::vector<std::string> m_positional;
};

// The option every command takes.
inline const OptionSpec kHelpOption{"--help", "-h", false, "show this help"};

// Parses `argv` for a command. Returns an exit code when the command should
// stop: kExitOk after printing help for --help, kExitUsage after printing the
// error. Otherwise `out` holds the arguments and the result is empty. A
// command with a --lang option prints its errors in that language from here
// on (messagesInDutch), the errors of its command line too.
std::optional<int> parseCommandLine(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs,
                                    const std::string& usage, const std::string& description, Args& out);

// "usage" line plus one line per option, for --help.
std::string helpText(const std::string& usage, const std::string& description, const std::vector<OptionSpec>& specs);

Result<std::string> readFile(const std::string& path);
// Writes atomically: to a temporary file next to `path`, then renames it.
Status writeFile(const std::string& path, const std::string& bytes);

// Prints "welkom: <message>" on stderr.
void printError(const std::string& message);
// printError(message), then returns `code`: for one-line exits.
int failWith(int code, const std::string& message);
// The same for an Error, in words (errorText) of the command's --lang.
void printError(const Error& error);
int failWith(int code, const Error& error);
// Whether the command being run asked for Dutch messages (--lang nl).
bool messagesInDutch();

}  // namespace welkom::cli
