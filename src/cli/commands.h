// Entry points of the `welkom` commands (one cmd_*.cpp each). Each takes the
// words after the command name and returns an exit code (cli.h).
#pragma once

#include <string>
#include <vector>

#include "cli/cli.h"

namespace welkom::cli {

int runVersion(const std::vector<std::string>& args);
int runValidate(const std::vector<std::string>& args);
int runImportCsv(const std::vector<std::string>& args);
int runExportCsv(const std::vector<std::string>& args);
int runDemo(const std::vector<std::string>& args);
int runEncrypt(const std::vector<std::string>& args);
int runDecrypt(const std::vector<std::string>& args);

// --lang en|nl of a command: true for Dutch; "cli.bad_lang" otherwise.
Result<bool> dutchFromArgs(const Args& args);
int runMatch(const std::vector<std::string>& args);   // cmd_match.cpp
int runScores(const std::vector<std::string>& args);  // cmd_scores.cpp
int runLearn(const std::vector<std::string>& args);           // cmd_learn.cpp
int runExportResearch(const std::vector<std::string>& args);  // cmd_export_research.cpp
int runProgrammeKey(const std::vector<std::string>& args);    // cmd_signup.cpp
int runImportSignups(const std::vector<std::string>& args);   // cmd_signup.cpp

}  // namespace welkom::cli
