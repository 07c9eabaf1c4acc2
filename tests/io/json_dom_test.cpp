#include "io/json_dom.h"

#include <gtest/gtest.h>

#include "app/text/messages.h"

#include <string>

namespace welkom {
namespace {

using nlohmann::ordered_json;

// Valid documents: our tree, dumped, must equal what nlohmann reads.
TEST(JsonDom, AgreesWithNlohmannOnValidInput) {
    const char* docs[] = {
        "{}", "[]", "0", "-0", "\"\"", "true", "false", "null", " \t\r\n[ 1 , 2 ]\n",
        "{\"a\":{\"b\":[1,-2,3.5,-4e-3,1E+2,\"x\"]},\"c\":null}",
        "[18446744073709551615, -9223372036854775808, 9223372036854775807, 18446744073709551616]",
        "[123456789012345678901234567890, 1e308, 1e-400, 0.1, 2.5e-7]",
        "\"esc: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0000 \\u001f \\u00e9 \\u20ac \\ud83d\\ude00\"",
        "\"raw: é € 😀 Ярослава Şükrü ሰላም سلام\"",
        "{\"z\":1,\"a\":2,\"m\":{\"y\":[],\"b\":{}}}",
        "\xef\xbb\xbf{\"bom\":true}",  // a UTF-8 byte order mark, as some editors write
    };
    for (const char* text : docs) {
        Result<JsonDoc> doc = JsonDoc::parse(text);
        ASSERT_TRUE(doc.ok()) << text << ": " << doc.error().code;
        const ordered_json ours = ordered_json::parse(doc->root().dump());
        const ordered_json theirs = ordered_json::parse(text);
        EXPECT_EQ(ours, theirs) << text;
    }
}

TEST(JsonDom, TypesAndValues) {
    Result<JsonDoc> doc = JsonDoc::parse("{\"u\":7,\"i\":-7,\"f\":7.5,\"s\":\"x\",\"b\":true,\"n\":null,\"a\":[1,2]}");
    ASSERT_TRUE(doc.ok());
    const JsonRef root = doc->root();
    ASSERT_TRUE(root.isObject());
    EXPECT_EQ(root.size(), 7u);
    JsonRef v = root;
    ASSERT_TRUE(root.findMember("u", v));
    EXPECT_EQ(v.type(), JsonType::Uint);
    EXPECT_EQ(v.asUint(), 7u);
    ASSERT_TRUE(root.findMember("i", v));
    EXPECT_EQ(v.type(), JsonType::Int);
    EXPECT_EQ(v.asInt(), -7);
    ASSERT_TRUE(root.findMember("f", v));
    EXPECT_EQ(v.type(), JsonType::Float);
    EXPECT_EQ(v.asDouble(), 7.5);
    ASSERT_TRUE(root.findMember("s", v));
    EXPECT_EQ(v.str(), "x");
    ASSERT_TRUE(root.findMember("b", v));
    EXPECT_TRUE(v.boolean());
    ASSERT_TRUE(root.findMember("a", v));
    EXPECT_EQ(v.size(), 2u);
    EXPECT_FALSE(root.findMember("missing", v));
    std::string keys;
    for (JsonRef m : root) keys += std::string(m.key());
    EXPECT_EQ(keys, "uifsbna");  // file order
}

TEST(JsonDom, RejectsWhatNlohmannRejects) {
    const char* bad[] = {
        "", " ", "{", "[", "[1,]", "{\"a\":1,}", "{\"a\"}", "{\"a\" 1}", "{a:1}", "[01]", "[1.]", "[.5]", "[1e]",
        "[-]", "[+1]", "[tru]", "[nul]", "[True]", "\"abc", "\"a\\x\"", "\"\\u12\"", "\"\\ud83d\"",
        "\"\\ude00\"", "\"\\ud83d\\u0041\"", "\"tab\there\"", "[1 2]", "{} {}", "[\"\xff\"]", "[\"\xc3\"]",
        "[\"\xe0\x80\x80\"]", "[\"\xed\xa0\x80\"]", "[\"\xf4\x90\x80\x80\"]", "[1e400]", "[-1e400]", "NaN",
        "[Infinity]", "\xef\xbb{}",
    };
    for (const char* text : bad) {
        EXPECT_FALSE(ordered_json::accept(text)) << "test case itself is valid JSON: " << text;
        Result<JsonDoc> doc = JsonDoc::parse(text);
        ASSERT_FALSE(doc.ok()) << text;
        EXPECT_EQ(doc.error().code, "json.syntax");
        EXPECT_NE(errorText(doc.error(), false).find("line 1, column"), std::string::npos) << errorText(doc.error(), false);
    }
}

TEST(JsonDom, ErrorsSayWhere) {
    Result<JsonDoc> doc = JsonDoc::parse("{\n  \"a\": 1,\n  \"b\": tru\n}");
    ASSERT_FALSE(doc.ok());
    EXPECT_NE(errorText(doc.error(), false).find("line 3, column 8"), std::string::npos) << errorText(doc.error(), false);
    EXPECT_NE(errorText(doc.error(), true).find("regel 3, kolom 8"), std::string::npos) << errorText(doc.error(), true);
    Result<JsonDoc> big = JsonDoc::parse("[1e400]");
    EXPECT_NE(errorText(big.error(), false).find("number overflow parsing '1e400'"), std::string::npos) << errorText(big.error(), false);
    // A number is quoted at most 40 characters long, however long it is in the file.
    Result<JsonDoc> endless = JsonDoc::parse("[1" + std::string(5000, '0') + "e400]");
    ASSERT_FALSE(endless.ok());
    const std::string said = errorText(endless.error(), false);
    EXPECT_NE(said.find("'1" + std::string(39, '0') + "...'"), std::string::npos) << said;
    EXPECT_LT(said.size(), 200u);
}

TEST(JsonDom, DeepNestingDoesNotRecurse) {
    // The parser is iterative; only dump() recurses, and callers bound depth.
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    Result<JsonDoc> doc = JsonDoc::parse(deep);
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->root().size(), 1u);
    const std::string unbalanced = std::string(100000, '[');
    EXPECT_FALSE(JsonDoc::parse(unbalanced).ok());
}

}  // namespace
}  // namespace welkom
