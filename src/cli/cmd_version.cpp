#include <iostream>

#include "cli/commands.h"

namespace welkom::cli {

int runVersion(const std::vector<std::string>&) {
    std::cout << "welkom " WELKOM_VERSION "\n";
    return 0;
}

}  // namespace welkom::cli
