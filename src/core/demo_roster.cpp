// Index:
//   [SECTION] Name lists and profiles (fictitious combinations)
//   [SECTION] Helpers: dates, distinct picks, levels
//   [SECTION] Households
//   [SECTION] Welcome groups
//   [SECTION] Matches and constraints
//   [SECTION] generateDemoRoster
#include "core/demo_roster.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "core/check_ins.h"
#include "core/rng.h"
#include "core/vocabulary.h"

namespace welkom {

namespace {

using Names = std::vector<std::string>;

// [SECTION] Name lists and profiles (fictitious combinations) -----------------------

struct Background {
    const char* key;
    double weight;  // share of arriving households in the demo
    Names female, male, family;
};

const std::vector<Background>& backgrounds() {
    static const std::vector<Background> kBackgrounds = {
        {"syrian", 30,
         {"Amal", "Rasha", "Hiba", "Lina", "Nour", "Rania", "Yasmin", "Dima", "Reem", "Hala"},
         {"Ahmad", "Mohammad", "Omar", "Khaled", "Samer", "Bassel", "Fadi", "Tarek", "Yousef", "Hassan"},
         {"Haddad", "Al-Khatib", "Darwish", "Hamdan", "Sabbagh", "Najjar", "Kassab", "Mansour", "Haj Ali", "Shami"}},
        {"eritrean", 20,
         {"Senait", "Helen", "Selam", "Mebrat", "Saba", "Yordanos", "Freweini", "Luwam"},
         {"Yonas", "Tesfay", "Filmon", "Dawit", "Robel", "Amanuel", "Mehari", "Samuel"},
         {"Tesfamariam", "Habte", "Gebremedhin", "Kidane", "Tekle", "Berhane", "Ghebreyesus", "Woldu"}},
        {"afghan", 15,
         {"Mariam", "Zahra", "Fatima", "Parwana", "Shabnam", "Nilofar", "Soraya", "Farzana"},
         {"Ahmad", "Mohammad", "Farid", "Jawad", "Hamid", "Naveed", "Rahim", "Sami"},
         {"Ahmadi", "Rahimi", "Hakimi", "Karimi", "Noori", "Sultani", "Hashimi", "Wardak"}},
        {"turkish", 13,
         {"Ayşe", "Elif", "Zeynep", "Fatma", "Emine", "Derya", "Sevgi", "Gül"},
         {"Mehmet", "Mustafa", "Ahmet", "Emre", "Hasan", "Murat", "Can", "Şükrü"},
         {"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk"}},
        {"ukrainian", 14,
         {"Olena", "Iryna", "Nataliia", "Oksana", "Yaroslava", "Tetiana", "Kateryna", "Svitlana"},
         {"Oleksandr", "Andrii", "Dmytro", "Serhii", "Mykola", "Yurii", "Taras", "Bohdan"},
         {"Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boiko", "Moroz"}},
        {"yemeni", 8,
         {"Amira", "Samira", "Huda", "Khadija", "Afrah", "Bushra"},
         {"Ali", "Abdullah", "Saleh", "Nabil", "Waleed", "Faisal"},
         {"Al-Hakimi", "Saeed", "Al-Amri", "Qasem", "Ba-Abbad", "Al-Sharabi"}},
    };
    return kBackgrounds;
}

const Names kDutchFemale = {"Anna", "Emma", "Sanne", "Lotte", "Marieke", "Inge", "Fleur", "Noor", "Esther",
                            "Willemijn", "Joke", "Els", "Anouk", "Femke", "Ilse", "Karin", "Linda", "Mirjam",
                            "Roos", "Sophie", "Tineke", "Hanneke"};
const Names kDutchMale = {"Jan", "Pieter", "Daan", "Bram", "Thijs", "Sem", "Ruben", "Kees", "Henk", "Gert", "Joost",
                          "Maarten", "Niels", "Wouter", "Lucas", "Tim", "Sjoerd", "Frank", "Erik", "Bas", "Wim"};
const Names kDutchFamily = {"de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
                            "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
                            "Brouwer", "de Wit", "Dijkstra", "Smits", "van den Berg", "Kok", "Vermeulen",
                            "Hoekstra"};

// Residents who can build a language bridge: earlier arrivals and Dutch
// people with family roots elsewhere.
struct BridgeProfile {
    double weight;
    Names female, male, family;
    std::vector<LanguageSkill> languages;
};

const std::vector<BridgeProfile>& bridgeProfiles() {
    static const std::vector<BridgeProfile> kProfiles = {
        {3, {"Fatima", "Samira", "Naima", "Latifa"}, {"Youssef", "Karim", "Mohamed", "Said"},
         {"El Amrani", "Bouzid", "Ouali", "Benali"},
         {{"nl", LanguageLevel::Native}, {"ar", LanguageLevel::B2}, {"fr", LanguageLevel::A2}}},
        {3, {"Esra", "Büşra", "Meryem", "Seda"}, {"Burak", "Kemal", "Onur", "Yusuf"},
         {"Arslan", "Koç", "Doğan", "Polat"},
         {{"nl", LanguageLevel::Native}, {"tr", LanguageLevel::C1}, {"en", LanguageLevel::B2}}},
        {2, {"Lama", "Ruba", "Sara"}, {"Majd", "Ammar", "Rami"}, {"Aziz", "Khoury", "Saleh"},
         {{"ar", LanguageLevel::Native}, {"nl", LanguageLevel::B2}, {"en", LanguageLevel::B1}}},
        {1, {"Semhar", "Ruta"}, {"Michael", "Biniam"}, {"Tewelde", "Asmerom"},
         {{"ti", LanguageLevel::Native}, {"nl", LanguageLevel::B2}, {"am", LanguageLevel::B1}}},
        {1, {"Mahsa", "Leila"}, {"Reza", "Omid"}, {"Jafari", "Sadeghi"},
         {{"fa", LanguageLevel::Native}, {"nl", LanguageLevel::C1}, {"en", LanguageLevel::B2}}},
        {1, {"Anastasiia", "Daria"}, {"Maksym", "Artem"}, {"Savchenko", "Lysenko"},
         {{"uk", LanguageLevel::Native}, {"ru", LanguageLevel::C1}, {"nl", LanguageLevel::B2}}},
    };
    return kProfiles;
}

struct Occupation {
    const char* label;  // Dutch, as a coordinator would write it
    const char* sector;
    std::vector<const char*> skills;
};

const std::vector<Occupation>& occupations() {
    static const std::vector<Occupation> kOccupations = {
        {"verpleegkundige", "care", {"healthcare_navigation"}},
        {"huisarts", "care", {"healthcare_navigation"}},
        {"maatschappelijk werker", "care", {"paperwork", "finances"}},
        {"fysiotherapeut", "care", {"sports_coaching"}},
        {"leraar basisonderwijs", "education", {"tutoring", "homework_help"}},
        {"docent mbo", "education", {"tutoring", "job_coaching"}},
        {"softwareontwikkelaar", "ict", {"digital_skills"}},
        {"systeembeheerder", "ict", {"digital_skills"}},
        {"werktuigbouwkundige", "engineering", {"network"}},
        {"elektricien", "construction", {"housing_help"}},
        {"timmerman", "construction", {"housing_help"}},
        {"kok", "hospitality", {}},
        {"winkelmedewerker", "retail", {}},
        {"vrachtwagenchauffeur", "logistics", {"transport"}},
        {"hovenier", "agriculture", {}},
        {"productiemedewerker", "manufacturing", {}},
        {"boekhouder", "finance", {"finances", "paperwork"}},
        {"advocaat", "legal", {"paperwork"}},
        {"beleidsmedewerker gemeente", "government", {"paperwork", "network"}},
        {"journalist", "culture", {}},
        {"kapper", "beauty", {}},
        {"onderzoeker", "science", {"tutoring"}},
        {"recruiter", "other", {"job_coaching", "network"}},
    };
    return kOccupations;
}

const std::vector<const char*> kMunicipalities = {
    "Den Haag", "Rotterdam", "Almere", "Haarlem", "Utrecht", "Amsterdam", "Groningen", "Eindhoven",
    "Tilburg", "Nijmegen", "Zwolle", "Leiden", "Amersfoort", "Arnhem", "Breda", "Apeldoorn",
    "Enschede", "Maastricht", "Dordrecht", "Delft", "Leeuwarden", "Zaanstad", "Ede", "Deventer",
    "Alkmaar", "Heerlen", "Hilversum", "Emmen", "Venlo", "Gouda", "'s-Hertogenbosch", "Helmond",
    "Sittard-Geleen", "Purmerend", "Schiedam", "Lelystad", "Assen", "Hoorn", "Vlaardingen", "Middelburg"};

const Names kNeighbourhoods = {"Centrum", "Noord", "Oost", "Zuid", "West", "Oude Stad",
                               "Nieuw-West", "Havenkwartier", "Parkwijk", "Dorp"};

const std::vector<std::pair<const char*, double>> kCriteria = {
    {"interests", 1.0}, {"age", 0.5}, {"language", 1.5}, {"goals", 1.0},
    {"family", 0.5},    {"availability", 0.5}, {"distance", 0.5}};

// [SECTION] Helpers: dates, distinct picks, levels -------------------------------------

// Days since 1970-01-01 -> "YYYY-MM-DD" (proleptic Gregorian; after H. Hinnant's
// public-domain civil_from_days).
std::string isoDate(int days) {
    const int z = days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    const int y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char buf[16];
    const auto two = [](char* p, int v) {
        p[0] = static_cast<char>('0' + v / 10);
        p[1] = static_cast<char>('0' + v % 10);
    };
    two(buf, y / 100);
    two(buf + 2, y % 100);
    buf[4] = '-';
    two(buf + 5, m);
    buf[7] = '-';
    two(buf + 8, d);
    return std::string(buf, 10);
}

// Inverse of isoDate for the dates this file writes (always valid).
int daysSinceEpoch(const std::string& iso) { return dayNumber(iso).value_or(0); }

constexpr int kDemoStartDay = 20089;  // 2025-01-01: intakes before, matches after

// k distinct codes from a vocabulary, in vocabulary order (stable output).
std::vector<std::string> distinctCodes(Rng& rng, VocabularyKind kind, int k) {
    const Vocabulary& v = vocabulary(kind);
    std::vector<std::size_t> idx(v.size());
    for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    const std::size_t n = std::min(idx.size(), static_cast<std::size_t>(std::max(k, 0)));
    for (std::size_t i = 0; i < n; ++i) std::swap(idx[i], idx[i + static_cast<std::size_t>(rng.below(idx.size() - i))]);
    idx.resize(n);
    std::sort(idx.begin(), idx.end());
    std::vector<std::string> out;
    out.reserve(n);
    for (std::size_t i : idx) out.emplace_back(v[i].code);
    return out;
}

LanguageLevel levelFrom(Rng& rng, const std::vector<double>& weightsNoneToC2) {
    return static_cast<LanguageLevel>(rng.weighted(weightsNoneToC2));
}

void addLanguage(std::vector<LanguageSkill>& langs, const char* code, LanguageLevel level) {
    if (level == LanguageLevel::None) return;
    for (const LanguageSkill& l : langs) {
        if (l.code == code) return;
    }
    langs.push_back({code, level});
}

Availability someAvailability(Rng& rng) {
    Availability a;
    a.weekdayDaytime = rng.chance(0.45);
    a.evenings = rng.chance(0.6);
    a.weekends = rng.chance(0.55);
    if (!a.any()) a.evenings = true;
    return a;
}

Consent someConsent(Rng& rng, double matchingShare) {
    Consent c;
    c.toMatching = rng.chance(matchingShare);
    if (c.toMatching) c.toMatchingDate = isoDate(kDemoStartDay - rng.between(1, 240));
    c.toResearch = rng.chance(0.7);
    if (c.toResearch) c.toResearchDate = isoDate(kDemoStartDay - rng.between(1, 240));
    return c;
}

// [SECTION] Households -----------------------------------------------------------------

std::vector<LanguageSkill> adultLanguages(Rng& rng, const std::string& bg) {
    std::vector<LanguageSkill> l;
    //                     none  A0   A1   A2   B1   B2   C1   C2
    const std::vector<double> dutchLevelWeights = {0, 25, 35, 25, 12, 3, 0, 0};
    std::vector<double> english = {35, 0, 15, 20, 18, 10, 2, 0};
    if (bg == "syrian" || bg == "yemeni") {
        addLanguage(l, "ar", LanguageLevel::Native);
        if (bg == "syrian" && rng.chance(0.2)) addLanguage(l, "ku", LanguageLevel::Native);
    } else if (bg == "eritrean") {
        addLanguage(l, "ti", LanguageLevel::Native);
        if (rng.chance(0.4)) addLanguage(l, "am", levelFrom(rng, {0, 0, 0, 20, 40, 30, 10, 0}));
        if (rng.chance(0.25)) addLanguage(l, "ar", levelFrom(rng, {0, 0, 30, 40, 30, 0, 0, 0}));
    } else if (bg == "afghan") {
        if (rng.chance(0.65)) {
            addLanguage(l, "fa", LanguageLevel::Native);  // Dari
        } else {
            addLanguage(l, "ps", LanguageLevel::Native);
            addLanguage(l, "fa", levelFrom(rng, {10, 0, 0, 20, 30, 30, 10, 0}));
        }
    } else if (bg == "turkish") {
        addLanguage(l, "tr", LanguageLevel::Native);
        if (rng.chance(0.25)) addLanguage(l, "ku", LanguageLevel::Native);
        english = {25, 0, 10, 20, 25, 15, 5, 0};
    } else if (bg == "ukrainian") {
        addLanguage(l, "uk", LanguageLevel::Native);
        addLanguage(l, "ru", levelFrom(rng, {5, 0, 0, 5, 15, 30, 45, 0}));
        english = {15, 0, 10, 20, 25, 20, 10, 0};
    }
    addLanguage(l, "nl", levelFrom(rng, dutchLevelWeights));
    addLanguage(l, "en", levelFrom(rng, english));
    return l;
}

Household makeHousehold(Rng& rng, int index, const std::string& municipality) {
    const auto& bgs = backgrounds();
    std::vector<double> w;
    for (const Background& b : bgs) w.push_back(b.weight);
    const Background& bg = bgs[rng.weighted(w)];
    const std::string family = rng.pick(bg.family);

    Household h;
    h.id = "h" + std::to_string(index + 1);
    h.municipality = municipality;
    if (rng.chance(0.7)) h.neighbourhood = rng.pick(kNeighbourhoods);

    // Composition: single 40%, couple 10%, single parent 15%, couple with children 35%.
    const std::size_t shape = rng.weighted({40, 10, 15, 35});
    const bool firstFemale = shape == 2 ? rng.chance(0.8) : rng.chance(0.35);
    const int firstAge = shape == 0 ? rng.between(19, 45) : rng.between(24, 55);
    std::string firstName = firstFemale ? rng.pick(bg.female) : rng.pick(bg.male);
    h.members.push_back({firstAge, firstFemale ? Gender::Female : Gender::Male, MemberRole::Adult,
                         adultLanguages(rng, bg.key), {}});
    if (shape == 1 || shape == 3) {
        const int partnerAge = std::clamp(firstAge + rng.between(-6, 6), 19, 70);
        h.members.push_back({partnerAge, firstFemale ? Gender::Male : Gender::Female, MemberRole::Adult,
                             adultLanguages(rng, bg.key), {}});
    }
    if (shape >= 2) {
        const int children = 1 + static_cast<int>(rng.weighted({30, 35, 20, 10, 5}));
        const int youngestParent = h.members.back().age;
        for (int c = 0; c < children; ++c) {
            const int age = rng.between(0, std::max(0, std::min(17, youngestParent - 18)));
            HouseholdMember child{age, rng.chance(0.5) ? Gender::Female : Gender::Male, MemberRole::Child, {}, {}};
            if (age >= 6) {
                child.languages = {h.members[0].languages.front()};
                addLanguage(child.languages, "nl", age >= 10 ? LanguageLevel::B1 : LanguageLevel::A2);
            }
            h.members.push_back(std::move(child));
        }
    }
    h.displayName = h.members.size() == 1 ? firstName + " " + family : "Familie " + family;

    h.interests = distinctCodes(rng, VocabularyKind::Interests, rng.between(2, 5));
    if (rng.chance(0.05)) h.interests.push_back(makeCustomTag(bg.key == std::string("turkish") ? "Saz spelen" : "Oud spelen"));
    const Vocabulary& goals = vocabulary(VocabularyKind::Goals);
    if (rng.chance(0.9)) h.goals.emplace_back(goals[0].code);  // learn_dutch
    for (const std::string& g : distinctCodes(rng, VocabularyKind::Goals, rng.between(1, 3))) {
        if (std::find(h.goals.begin(), h.goals.end(), g) == h.goals.end()) h.goals.push_back(g);
    }
    const bool hasChildren = shape >= 2;
    if (hasChildren && rng.chance(0.6) &&
        std::find(h.goals.begin(), h.goals.end(), "children_school") == h.goals.end()) {
        h.goals.emplace_back("children_school");
    }
    h.workSectors = distinctCodes(rng, VocabularyKind::Sectors, static_cast<int>(rng.weighted({25, 55, 20})));
    h.educationLevel = static_cast<EducationLevel>(rng.weighted({10, 8, 17, 25, 15, 15, 8, 2}));
    h.availability = someAvailability(rng);
    h.preferences.womenOnlyGroup = shape <= 2 && firstFemale && rng.chance(0.15);
    h.preferences.groupWithChildren = hasChildren && rng.chance(0.4);
    h.needs = distinctCodes(rng, VocabularyKind::Needs, static_cast<int>(rng.weighted({45, 40, 15})));
    if (h.members.size() >= 6 && std::find(h.needs.begin(), h.needs.end(), "large_family_support") == h.needs.end()) {
        h.needs.emplace_back("large_family_support");
    }
    if (rng.chance(0.1)) h.notes = "Fictief demohuishouden.";
    h.consent = someConsent(rng, 0.95);
    return h;
}

// [SECTION] Welcome groups ----------------------------------------------------------------

std::string emailFor(const std::string& first, const std::string& family, int groupIndex, int memberIndex) {
    std::string local;
    for (const std::string* part : {&first, &family}) {
        if (!local.empty()) local.push_back('.');
        for (unsigned char c : *part) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) local.push_back(static_cast<char>(c | 0x20));
        }
    }
    return local + "." + std::to_string(groupIndex + 1) + "-" + std::to_string(memberIndex + 1) + "@example.org";
}

GroupMember makeGroupMember(Rng& rng, int groupIndex, int memberIndex, bool womenOnly) {
    GroupMember m;
    m.id = "g" + std::to_string(groupIndex + 1) + "-m" + std::to_string(memberIndex + 1);
    const bool female = womenOnly || rng.chance(0.6);
    m.gender = !womenOnly && rng.chance(0.03) ? Gender::Other : (female ? Gender::Female : Gender::Male);
    // Ages 18..82, most between 25 and 70.
    m.age = static_cast<int>(rng.weighted({8, 16, 20, 20, 18, 12, 6})) * 10 + 18 + rng.between(0, 9);
    m.age = std::min(m.age, 82);

    std::string first, family;
    if (rng.chance(0.18)) {
        const auto& profiles = bridgeProfiles();
        std::vector<double> w;
        for (const BridgeProfile& p : profiles) w.push_back(p.weight);
        const BridgeProfile& p = profiles[rng.weighted(w)];
        first = female ? rng.pick(p.female) : rng.pick(p.male);
        family = rng.pick(p.family);
        m.languages = p.languages;
    } else {
        first = female ? rng.pick(kDutchFemale) : rng.pick(kDutchMale);
        family = rng.pick(kDutchFamily);
        m.languages = {{"nl", LanguageLevel::Native}};
        addLanguage(m.languages, "en", levelFrom(rng, {5, 0, 5, 10, 30, 35, 13, 2}));
        if (rng.chance(0.3)) addLanguage(m.languages, "de", levelFrom(rng, {0, 0, 20, 40, 30, 10, 0, 0}));
        if (rng.chance(0.15)) addLanguage(m.languages, "fr", levelFrom(rng, {0, 0, 30, 40, 20, 10, 0, 0}));
        if (rng.chance(0.03)) addLanguage(m.languages, "ar", LanguageLevel::A2);
    }
    m.name = first + " " + family;
    m.contact = emailFor(first, family, groupIndex, memberIndex);
    m.interests = distinctCodes(rng, VocabularyKind::Interests, rng.between(2, 5));

    if (m.age >= 67) {
        m.occupation = "gepensioneerd";
        if (rng.chance(0.5)) m.skills.emplace_back(rng.chance(0.5) ? "paperwork" : "tutoring");
    } else if (m.age <= 24 && rng.chance(0.7)) {
        m.occupation = "student";
        if (rng.chance(0.5)) m.skills.emplace_back("homework_help");
    } else {
        const Occupation& o = rng.pick(occupations());
        m.occupation = o.label;
        m.sector = o.sector;
        for (const char* s : o.skills) {
            if (rng.chance(0.7)) m.skills.emplace_back(s);
        }
    }
    for (const std::string& s : distinctCodes(rng, VocabularyKind::Skills, static_cast<int>(rng.weighted({50, 35, 15})))) {
        if (std::find(m.skills.begin(), m.skills.end(), s) == m.skills.end()) m.skills.push_back(s);
    }
    m.hasChildren = m.age >= 28 && m.age <= 60 && rng.chance(0.5);
    return m;
}

WelcomeGroup makeGroup(Rng& rng, int index, std::size_t municipality, int municipalityCount,
                       const std::vector<std::string>& names) {
    WelcomeGroup g;
    g.id = "g" + std::to_string(index + 1);
    g.municipality = names[municipality];
    g.neighbourhood = rng.pick(kNeighbourhoods);
    const int size = 5 + static_cast<int>(rng.weighted({35, 30, 20, 15}));  // 5..8
    const bool womenOnly = rng.chance(0.12);
    for (int k = 0; k < size; ++k) g.members.push_back(makeGroupMember(rng, index, k, womenOnly));
    g.coordinatorId = g.members[static_cast<std::size_t>(rng.below(g.members.size()))].id;
    switch (rng.below(5)) {
        case 0: g.name = "Buurtgroep " + g.neighbourhood; break;
        case 1: g.name = "Welkom Groep " + g.neighbourhood; break;
        case 2: g.name = "Koffieclub " + g.members[0].name.substr(g.members[0].name.find(' ') + 1); break;
        case 3: g.name = "Vrienden van " + g.neighbourhood; break;
        default: g.name = "Team " + g.members[1].name.substr(0, g.members[1].name.find(' ')); break;
    }
    g.availability = someAvailability(rng);
    g.capacity = rng.chance(0.9) ? 1 : 2;
    if (rng.chance(0.4)) g.support.maxHouseholdSize = rng.between(3, 8);
    if (municipalityCount > 1 && rng.chance(0.1)) {
        const std::size_t other = (municipality + 1) % static_cast<std::size_t>(municipalityCount);
        g.allowedMunicipalities.push_back(names[other]);
    }
    g.consent = someConsent(rng, 0.97);
    return g;
}

// [SECTION] Matches and constraints -----------------------------------------------------

void addMatches(Rng& rng, Roster& r, const std::vector<std::size_t>& householdMuni,
                const std::vector<std::size_t>& groupMuni, int municipalities) {
    // Groups per municipality, in index order, each used at most once.
    std::vector<std::vector<std::size_t>> free(static_cast<std::size_t>(municipalities));
    for (std::size_t g = 0; g < r.groups.size(); ++g) {
        if (r.groups[g].consent.toMatching) free[groupMuni[g]].push_back(g);
    }
    std::vector<std::size_t> next(free.size(), 0);
    const std::size_t wanted = std::min(r.households.size(), r.groups.size()) / 8;
    std::vector<bool> matched(r.households.size(), false);
    using S = MatchStatus;
    const std::vector<std::vector<S>> stages = {
        {S::Proposed},
        {S::Proposed, S::AcceptedByGroup},
        {S::Proposed, S::AcceptedByGroup, S::AcceptedByHousehold},
        {S::Proposed, S::AcceptedByGroup, S::AcceptedByHousehold, S::Introduced},
        {S::Proposed, S::AcceptedByGroup, S::AcceptedByHousehold, S::Introduced, S::Active},
        {S::Proposed, S::AcceptedByGroup, S::AcceptedByHousehold, S::Introduced, S::Active, S::Ended},
        {S::Proposed, S::Declined},
        {S::Proposed, S::AcceptedByGroup, S::Declined},
    };
    for (std::size_t h = 0; h < r.households.size() && r.matches.size() < wanted; ++h) {
        if (!r.households[h].consent.toMatching) continue;
        const std::size_t mu = householdMuni[h];
        if (next[mu] >= free[mu].size()) continue;
        const std::size_t g = free[mu][next[mu]++];
        Match m;
        m.id = "m" + std::to_string(r.matches.size() + 1);
        m.householdId = r.households[h].id;
        m.groupId = r.groups[g].id;
        for (const auto& c : kCriteria) m.scores.push_back({c.first, rng.between(30, 100) / 100.0});
        const std::vector<S>& stage = stages[rng.weighted({20, 10, 10, 10, 30, 8, 7, 5})];
        int day = kDemoStartDay + rng.between(0, 60);
        for (S s : stage) {
            MatchEvent e;
            e.status = s;
            e.date = isoDate(day);
            if (s == S::Declined) e.reason = rng.chance(0.5) ? "Andere verwachtingen" : "Te ver weg";
            if (s == S::Ended) e.reason = "Jaar afgerond";
            m.history.push_back(std::move(e));
            day += s == S::Active ? 365 : rng.between(1, 10);
        }
        matched[h] = true;
        if (!isFinal(stage.back()) && rng.chance(0.3)) {
            r.constraints.push_back({"c" + std::to_string(r.constraints.size() + 1), ConstraintKind::Pin,
                                     m.householdId, m.groupId, "Al besproken met beide kanten", "Demo-coördinator",
                                     m.history.front().date, {}});
        }
        r.matches.push_back(std::move(m));
    }
    // A few "never this pair" decisions, on households without a match.
    const std::size_t forbids = std::min(r.households.size(), r.groups.size()) / 25;
    for (std::size_t k = 0, h = r.households.size(); k < forbids && h-- > 0;) {
        if (matched[h] || free[householdMuni[h]].empty()) continue;
        const std::size_t g = rng.pick(free[householdMuni[h]]);
        r.constraints.push_back({"c" + std::to_string(r.constraints.size() + 1), ConstraintKind::Forbid,
                                 r.households[h].id, r.groups[g].id,
                                 rng.chance(0.5) ? "Woont in dezelfde straat" : "Kent elkaar van het werk",
                                 "Demo-coördinator", isoDate(kDemoStartDay - rng.between(0, 30)), {}});
        ++k;
    }
}

// [SECTION] Outcomes and check-ins -------------------------------------------------------
// Drawn from their own random stream, after everything else, so households,
// groups, matches and constraints are the same as before check-ins existed.
// Whether a started match goes well depends on its stored scores (interests,
// language and goals most), so the learning has something to find. Only
// IEEE + - * /, no exp(): the bytes must be the same in wasm (see rng.h).

const Names kCheckInNotes = {"Samen gekookt en gegeten", "Helpen met brieven van de gemeente",
                             "Samen naar de bibliotheek", "Fietsles gegeven", "Bezoek aan de markt"};

void addCheckIns(std::uint64_t seed, Roster& r) {
    Rng rng(seed ^ 0x636865636b696e73ULL);  // "checkins"
    using S = MatchStatus;
    auto scoreOf = [](const Match& m, const char* criterion) {
        for (const CriterionScore& s : m.scores) {
            if (s.criterion == criterion) return s.score;
        }
        return 0.65;
    };
    for (Match& m : r.matches) {
        std::size_t startAt = m.history.size();
        for (std::size_t k = 0; k < m.history.size(); ++k) {
            if (m.history[k].status == S::Introduced) {
                startAt = k;
                break;
            }
        }
        if (startAt == m.history.size()) continue;
        const int start = daysSinceEpoch(m.history[startAt].date);
        const double quality = 0.45 * scoreOf(m, "interests") + 0.35 * scoreOf(m, "language") +
                               0.2 * scoreOf(m, "goals");  // 0.3 .. 1
        const bool good = rng.chance(std::clamp(0.5 + 1.6 * (quality - 0.65), 0.08, 0.92));
        const S status = m.status();
        int lastDay = start + 365;  // check-ins up to here
        bool early = false;
        if (status == S::Ended && !good && rng.chance(0.6)) {
            early = true;
            MatchEvent& end = m.history.back();
            const int endDay = daysSinceEpoch(m.history[m.history.size() - 2].date) + rng.between(50, 300);
            end.date = isoDate(endDay);
            end.reason = "Vroegtijdig beëindigd";
            lastDay = endDay;
        } else if (status != S::Ended) {
            lastDay = start + 200;  // live matches: the 3- and 6-month check-ins so far
        }
        const int months[] = {3, 6, 12};
        const CheckInMilestone milestones[] = {CheckInMilestone::Month3, CheckInMilestone::Month6,
                                               CheckInMilestone::Month12};
        for (int k = 0; k < 3; ++k) {
            const int day = start + months[k] * 365 / 12 + rng.between(-5, 12);
            if (day > lastDay) break;
            if (status != S::Ended && k == 1 && rng.chance(0.3)) break;  // not done yet: overdue in the demo
            CheckIn c;
            c.id = "ci" + std::to_string(r.checkIns.size() + 1);
            c.matchId = m.id;
            c.date = isoDate(day);
            c.milestone = milestones[k];
            c.meetingsPerMonth = good ? rng.between(2, 6) : rng.between(0, 3);
            c.dutchLevel = static_cast<LanguageLevel>(rng.between(static_cast<int>(LanguageLevel::A1),
                                                                  static_cast<int>(LanguageLevel::B1) + k / 2));
            c.workStatus = static_cast<WorkStatus>(rng.between(1, 7));
            c.newContacts = good ? rng.between(1, 6 + 2 * k) : rng.between(0, 2);
            c.householdSatisfaction = good ? rng.between(4, 5) : rng.between(2, 4);
            c.groupSatisfaction = good ? rng.between(4, 5) : rng.between(1, 4);
            if (rng.chance(0.3)) c.note = rng.pick(kCheckInNotes);
            r.checkIns.push_back(std::move(c));
        }
        if (early) {
            CheckIn c;
            c.id = "ci" + std::to_string(r.checkIns.size() + 1);
            c.matchId = m.id;
            c.date = m.history.back().date;
            c.householdSatisfaction = rng.between(1, 3);
            c.groupSatisfaction = rng.between(1, 3);
            c.endedEarly = true;
            c.endReason = static_cast<EndReason>(rng.between(1, 9));
            r.checkIns.push_back(std::move(c));
        }
    }
}

}  // namespace

// [SECTION] generateDemoRoster -----------------------------------------------------------

Roster generateDemoRoster(const DemoRosterOptions& options) {
    const int households = std::clamp(options.households, 0, 50000);
    const int groups = std::clamp(options.groups, 0, 50000);
    const int municipalities = std::clamp(options.municipalities, 1, static_cast<int>(kMunicipalities.size()));
    Rng rng(options.seed);

    Roster r;
    r.isDemo = true;
    r.programmeName = "Demo: Samen Hier (fictieve deelnemers)";
    std::vector<std::string> names(kMunicipalities.begin(), kMunicipalities.begin() + municipalities);
    // Bigger places get more participants: weight 1/sqrt(rank).
    std::vector<double> muniWeights;
    for (int i = 0; i < municipalities; ++i) muniWeights.push_back(1.0 / std::sqrt(1.0 + i));

    std::vector<std::size_t> householdMuni, groupMuni;
    r.households.reserve(static_cast<std::size_t>(households));
    for (int i = 0; i < households; ++i) {
        householdMuni.push_back(rng.weighted(muniWeights));
        r.households.push_back(makeHousehold(rng, i, names[householdMuni.back()]));
    }
    r.groups.reserve(static_cast<std::size_t>(groups));
    for (int i = 0; i < groups; ++i) {
        groupMuni.push_back(rng.weighted(muniWeights));
        r.groups.push_back(makeGroup(rng, i, groupMuni.back(), municipalities, names));
    }
    addMatches(rng, r, householdMuni, groupMuni, municipalities);
    addCheckIns(options.seed, r);
    for (const auto& c : kCriteria) {
        Criterion criterion;
        if (parseCriterion(c.first, criterion)) r.settings.weights[criterion] = c.second;
    }
    r.settings.minimumScore = 0.2;
    return r;
}

}  // namespace welkom
