// Row order of the Households and Welcome groups tables: search, and sorting
// that counts the way people do (g2 before g10).
#include "ui/record_table.h"

#include <gtest/gtest.h>

#include "core/roster.h"

namespace welkom {
namespace {

std::vector<RecordColumn<WelcomeGroup>> groupColumns() {
    return {
        {TextId::ColumnId, [](const WelcomeGroup& g, Language) { return g.id; }, nullptr, 1.0f},
        {TextId::ColumnName, [](const WelcomeGroup& g, Language) { return g.name; }, nullptr, 1.0f},
        {TextId::ColumnCapacity, [](const WelcomeGroup& g, Language) { return std::to_string(g.capacity); },
         [](const WelcomeGroup& g) { return static_cast<double>(g.capacity); }, 1.0f},
    };
}

std::vector<WelcomeGroup> groups(std::initializer_list<const char*> ids) {
    std::vector<WelcomeGroup> out;
    int n = 0;
    for (const char* id : ids) {
        WelcomeGroup g;
        g.id = id;
        g.name = "Groep " + std::string(id);
        g.capacity = 3 - (n++ % 3);
        out.push_back(g);
    }
    return out;
}

std::vector<std::string> idsInOrder(const std::vector<WelcomeGroup>& records, const std::vector<std::size_t>& order) {
    std::vector<std::string> out;
    for (std::size_t i : order) out.push_back(records[i].id);
    return out;
}

TEST(RecordOrder, IdsSortNaturallyNotAsText) {
    const auto records = groups({"g10", "g2", "g1", "g100", "g20", "g3"});
    const auto columns = groupColumns();
    EXPECT_EQ(idsInOrder(records, recordOrder(records, columns, "", 0, false, Language::English)),
              (std::vector<std::string>{"g1", "g2", "g3", "g10", "g20", "g100"}));
    EXPECT_EQ(idsInOrder(records, recordOrder(records, columns, "", 0, true, Language::English)),
              (std::vector<std::string>{"g100", "g20", "g10", "g3", "g2", "g1"}));
    // Names with numbers inside sort the same way.
    EXPECT_EQ(idsInOrder(records, recordOrder(records, columns, "", 1, false, Language::English)),
              (std::vector<std::string>{"g1", "g2", "g3", "g10", "g20", "g100"}));
}

TEST(RecordOrder, UnsortedKeepsRosterOrderAndSearchFilters) {
    const auto records = groups({"g10", "g2", "g1", "g100", "g20", "g3"});
    const auto columns = groupColumns();
    EXPECT_EQ(idsInOrder(records, recordOrder(records, columns, "", -1, false, Language::English)),
              (std::vector<std::string>{"g10", "g2", "g1", "g100", "g20", "g3"}));
    // "G1" matches g1, g10 and g100 in any case; sorted by id.
    EXPECT_EQ(idsInOrder(records, recordOrder(records, columns, "G1", 0, false, Language::English)),
              (std::vector<std::string>{"g1", "g10", "g100"}));
}

TEST(RecordOrder, NumberColumnsSortByValueWithTiesInRosterOrder) {
    const auto records = groups({"g10", "g2", "g1", "g100", "g20", "g3"});  // capacities 3 2 1 3 2 1
    const auto columns = groupColumns();
    EXPECT_EQ(idsInOrder(records, recordOrder(records, columns, "", 2, false, Language::English)),
              (std::vector<std::string>{"g1", "g3", "g2", "g20", "g10", "g100"}));
}

// Names in the scripts households write (fictitious): the table's search finds
// them however they are typed, and sorting follows each alphabet.
std::vector<WelcomeGroup> namedGroups(std::initializer_list<std::pair<const char*, const char*>> idsAndNames) {
    std::vector<WelcomeGroup> out;
    for (const auto& [id, name] : idsAndNames) {
        WelcomeGroup g;
        g.id = id;
        g.name = name;
        out.push_back(g);
    }
    return out;
}

TEST(RecordOrder, SearchAndSortNamesInEveryScript) {
    const auto records = namedGroups({{"g1", "عائلة حدّاد"},
                                      {"g2", "خانواده کریمی"},
                                      {"g3", "ተስፋይ ገብረሚካኤል"},
                                      {"g4", "Оксана Ковальчук"},
                                      {"g5", "Aylin Işık"},
                                      {"g6", "Şükrü Çelik"},
                                      {"g7", "Familie Ahmadi مع 3 kinderen"},
                                      {"g8", "بهار پناهی"}});
    const auto columns = groupColumns();
    const auto search = [&](const char* needle) {
        return idsInOrder(records, recordOrder(records, columns, needle, 0, false, Language::English));
    };
    EXPECT_EQ(search("حداد"), (std::vector<std::string>{"g1"}));           // without the shadda
    EXPECT_EQ(search("كريمي"), (std::vector<std::string>{"g2"}));          // Arabic kaf and yeh find Farsi ک and ی
    EXPECT_EQ(search("ገብረ"), (std::vector<std::string>{"g3"}));
    EXPECT_EQ(search("КОВАЛЬЧУК"), (std::vector<std::string>{"g4"}));
    EXPECT_EQ(search("isik"), (std::vector<std::string>{"g5"}));
    EXPECT_EQ(search("sukru celik"), (std::vector<std::string>{"g6"}));
    EXPECT_EQ(search("مع 3"), (std::vector<std::string>{"g7"}));
    EXPECT_EQ(search("پناه"), (std::vector<std::string>{"g8"}));
    // By name: Latin (accents ignored), Cyrillic, Arabic script (ب before پ before خ before ع), Ethiopic.
    EXPECT_EQ(idsInOrder(records, recordOrder(records, columns, "", 1, false, Language::English)),
              (std::vector<std::string>{"g5", "g7", "g6", "g4", "g8", "g2", "g1", "g3"}));
}

}  // namespace
}  // namespace welkom
