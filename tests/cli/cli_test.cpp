#include "cli/cli.h"

#include <cstdio>

#include <gtest/gtest.h>

namespace welkom::cli {
namespace {

const std::vector<OptionSpec> kSpecs = {
    {"--output", "-o", true, "where to write"},
    {"--json", "", false, "print JSON"},
    {"--recipient", "-r", true, "recipient", true},
};

TEST(CliArgs, ParsesPositionalsOptionsAndValues) {
    auto args = Args::parse({"roster.json", "-o", "out.csv", "--json", "-r", "a", "--recipient=b"}, kSpecs);
    ASSERT_TRUE(args) << args.error().code;
    EXPECT_EQ(args->positional(), std::vector<std::string>{"roster.json"});
    EXPECT_EQ(args->value("--output"), "out.csv");
    EXPECT_TRUE(args->has("--json"));
    EXPECT_EQ(args->values("--recipient"), (std::vector<std::string>{"a", "b"}));
    EXPECT_FALSE(args->has("--nothing"));
}

TEST(CliArgs, RejectsUnknownRepeatedAndMissingValues) {
    EXPECT_EQ(Args::parse({"--bogus"}, kSpecs).error().code, "cli.unknown_option");
    EXPECT_EQ(Args::parse({"-o", "a", "-o", "b"}, kSpecs).error().code, "cli.repeated_option");
    EXPECT_EQ(Args::parse({"-o"}, kSpecs).error().code, "cli.missing_value");
    EXPECT_EQ(Args::parse({"--json=yes"}, kSpecs).error().code, "cli.unexpected_value");
}

// A wrong command line is told in the language its --lang asks for, wherever
// the --lang stands; a command without --lang speaks English.
TEST(CliArgs, UsageErrorsFollowTheLangOption) {
    std::vector<OptionSpec> specs = kSpecs;
    specs.push_back({"--lang", "", true, "language of the messages: en (default) or nl"});
    const auto stderrOf = [](const std::vector<std::string>& argv, const std::vector<OptionSpec>& withSpecs) {
        Args args;
        ::testing::internal::CaptureStderr();
        EXPECT_EQ(parseCommandLine(argv, withSpecs, "welkom x FILE", "Does x.", args), kExitUsage);
        return ::testing::internal::GetCapturedStderr();
    };
    EXPECT_NE(stderrOf({"--bogus", "--lang", "nl"}, specs).find("welkom: onbekende optie '--bogus' (zie --help)"),
              std::string::npos);
    EXPECT_NE(stderrOf({"--lang=nl", "-o"}, specs).find("welkom: optie '--output' heeft een waarde nodig"),
              std::string::npos);
    EXPECT_NE(stderrOf({"--bogus", "--lang", "en"}, specs).find("welkom: unknown option '--bogus' (see --help)"),
              std::string::npos);
    EXPECT_NE(stderrOf({"--bogus", "--lang", "nl"}, kSpecs).find("welkom: unknown option '--bogus'"), std::string::npos);
    EXPECT_FALSE(messagesInDutch());
}

TEST(CliArgs, DoubleDashEndsOptions) {
    auto args = Args::parse({"--", "-o", "x"}, kSpecs);
    ASSERT_TRUE(args);
    EXPECT_EQ(args->positional(), (std::vector<std::string>{"-o", "x"}));
}

TEST(CliFiles, WriteThenReadRoundTripsBytesAndMissingFilesAreReported) {
    const std::string path = testing::TempDir() + "welkom_cli_test.bin";
    const std::string bytes("a\0b\r\n\xff", 6);
    ASSERT_TRUE(writeFile(path, bytes));
    auto back = readFile(path);
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, bytes);
    std::remove(path.c_str());
    auto missing = readFile(path);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, "io.read");
}

TEST(CliHelp, ListsEveryOption) {
    const std::string help = helpText("welkom x FILE", "Does x.", kSpecs);
    for (const auto& spec : kSpecs) EXPECT_NE(help.find(spec.name), std::string::npos) << spec.name;
}

}  // namespace
}  // namespace welkom::cli
