// Running `welkom` commands as functions in tests: exit code and what they
// printed, WELKOM_PASSPHRASE set for one scope, and temporary files removed
// after each test.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/passphrase.h"

namespace welkom::cli {

struct RunResult {
    int code = -1;
    std::string out;
    std::string err;
};

inline RunResult run(int (*command)(const std::vector<std::string>&), const std::vector<std::string>& args) {
    RunResult r;
    ::testing::internal::CaptureStdout();
    ::testing::internal::CaptureStderr();
    r.code = command(args);
    r.out = testing::internal::GetCapturedStdout();
    r.err = testing::internal::GetCapturedStderr();
    return r;
}

// Sets WELKOM_PASSPHRASE for one scope (or clears it with nullptr).
class PassphraseEnv {
public:
    explicit PassphraseEnv(const char* value) {
        if (const char* old = std::getenv(kPassphraseEnv)) m_old = old;
        if (value) setenv(kPassphraseEnv, value, 1);
        else unsetenv(kPassphraseEnv);
    }
    ~PassphraseEnv() {
        if (m_old.empty()) unsetenv(kPassphraseEnv);
        else setenv(kPassphraseEnv, m_old.c_str(), 1);
    }
    PassphraseEnv(const PassphraseEnv&) = delete;
    PassphraseEnv& operator=(const PassphraseEnv&) = delete;

private:
    std::string m_old;
};

// A test whose files (named per test) are removed when it ends.
class CommandFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_prefix = ::testing::TempDir() + "welkom_cmd_" + info->test_suite_name() + "_" + info->name() + "_";
    }
    void TearDown() override {
        for (const std::string& p : m_files) std::remove(p.c_str());
    }
    std::string path(const std::string& name) {
        m_files.push_back(m_prefix + name);
        return m_files.back();
    }
    std::string write(const std::string& name, const std::string& bytes) {
        const std::string p = path(name);
        EXPECT_TRUE(writeFile(p, bytes));
        return p;
    }
    static std::string read(const std::string& p) {
        auto r = readFile(p);
        return r ? *r : std::string{};
    }
    static bool exists(const std::string& p) { return std::ifstream(p).good(); }

    std::string m_prefix;
    std::vector<std::string> m_files;
};

}  // namespace welkom::cli
