// Entry points of the `welkom` commands (one cmd_*.cpp each). Each takes the
// words after the command name and returns an exit code (cli.h).
#pragma once

#include <string>
#include <vector>

namespace welkom::cli {

int runVersion(const std::vector<std::string>& args);
int runMatch(const std::vector<std::string>& args);   // cmd_match.cpp
int runScores(const std::vector<std::string>& args);  // cmd_scores.cpp

}  // namespace welkom::cli
