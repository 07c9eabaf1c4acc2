#include "cli/passphrase.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>

#include <sodium.h>

namespace welkom::cli {

void wipe(std::string& secret) {
    if (!secret.empty()) sodium_memzero(&secret[0], secret.size());
    secret.clear();
}

namespace {

// One line from the terminal with echo off; the terminal's settings are restored.
Result<std::string> promptOnTerminal(int tty, const std::string& prompt) {
    const std::string shown = prompt + ": ";
    if (write(tty, shown.data(), shown.size()) < 0) {
        return codedError("cli.no_passphrase_prompt");
    }
    termios saved{};
    const bool isTerminal = tcgetattr(tty, &saved) == 0;
    if (isTerminal) {
        termios quiet = saved;
        quiet.c_lflag &= static_cast<tcflag_t>(~(ECHO | ECHONL));
        quiet.c_lflag |= ICANON;
        tcsetattr(tty, TCSAFLUSH, &quiet);
    }
    std::string line;
    char c = 0;
    bool gotNewline = false;
    while (read(tty, &c, 1) == 1) {
        if (c == '\n' || c == '\r') {
            gotNewline = true;
            break;
        }
        line.push_back(c);
    }
    c = 0;
    if (isTerminal) tcsetattr(tty, TCSAFLUSH, &saved);
    if (write(tty, "\n", 1) < 0) {
        // The newline only tidies the terminal; the passphrase was read.
    }
    if (!gotNewline && line.empty()) {
        return codedError("cli.no_passphrase_entered");
    }
    return line;
}

}  // namespace

Result<std::string> readPassphrase(const std::string& prompt, bool confirm) {
    if (const char* env = std::getenv(kPassphraseEnv); env && *env) return std::string(env);
    const int tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (tty < 0) {
        return codedError("cli.no_passphrase", {Arg::textOf(kPassphraseEnv)});
    }
    Result<std::string> first = promptOnTerminal(tty, prompt);
    if (first && first->empty()) {
        close(tty);
        return codedError("cli.passphrase_empty");
    }
    if (first && confirm) {
        Result<std::string> again = promptOnTerminal(tty, "Repeat the passphrase");
        const bool same = again && *again == *first;
        if (again) wipe(*again);
        if (!same) {
            wipe(*first);
            close(tty);
            return codedError("cli.passphrase_mismatch");
        }
    }
    close(tty);
    return first;
}

}  // namespace welkom::cli
