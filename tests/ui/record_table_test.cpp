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

}  // namespace
}  // namespace welkom
