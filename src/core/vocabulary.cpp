#include "core/vocabulary.h"

#include "core/roster.h"

namespace welkom {

namespace {

// Interests: everyday things a household and a group can do together.
const Vocabulary kInterests = {
    {"cooking", "Cooking", "Koken"},
    {"baking", "Baking", "Bakken"},
    {"football", "Football", "Voetbal"},
    {"running", "Running", "Hardlopen"},
    {"cycling", "Cycling", "Fietsen"},
    {"swimming", "Swimming", "Zwemmen"},
    {"fitness", "Fitness", "Fitness"},
    {"volleyball", "Volleyball", "Volleybal"},
    {"walking", "Walking and nature", "Wandelen en natuur"},
    {"gardening", "Gardening", "Tuinieren"},
    {"music", "Music", "Muziek"},
    {"singing", "Singing", "Zingen"},
    {"dancing", "Dancing", "Dansen"},
    {"drawing", "Drawing and painting", "Tekenen en schilderen"},
    {"crafts", "Crafts and sewing", "Handwerken en naaien"},
    {"photography", "Photography", "Fotografie"},
    {"reading", "Reading", "Lezen"},
    {"writing", "Writing and poetry", "Schrijven en poëzie"},
    {"history", "History", "Geschiedenis"},
    {"films", "Films and series", "Films en series"},
    {"theatre", "Theatre", "Theater"},
    {"museums", "Museums", "Musea"},
    {"chess", "Chess", "Schaken"},
    {"board_games", "Board games", "Bordspellen"},
    {"technology", "Technology and computers", "Techniek en computers"},
    {"repair", "Repairing things", "Dingen repareren"},
    {"cars", "Cars", "Auto's"},
    {"fashion", "Fashion", "Mode"},
    {"languages", "Learning languages", "Talen leren"},
    {"travel", "Travel", "Reizen"},
    {"religion", "Faith and philosophy", "Geloof en levensbeschouwing"},
    {"volunteering", "Volunteering", "Vrijwilligerswerk"},
    {"children_activities", "Activities with children", "Activiteiten met kinderen"},
    {"animals", "Animals", "Dieren"},
    {"coffee_tea", "Coffee or tea together", "Samen koffie of thee drinken"},
    {"markets", "Markets and shopping", "Markten en winkelen"},
};

// Goals for the programme year.
const Vocabulary kGoals = {
    {"learn_dutch", "Learn Dutch", "Nederlands leren"},
    {"find_work", "Find work", "Werk vinden"},
    {"start_education", "Start an education", "Een opleiding beginnen"},
    {"recognise_diploma", "Get a diploma recognised", "Diploma laten erkennen"},
    {"social_network", "Build a social network", "Een sociaal netwerk opbouwen"},
    {"children_school", "Help for the children at school", "Hulp voor de kinderen op school"},
    {"official_letters", "Understand official letters", "Officiële brieven begrijpen"},
    {"find_way_city", "Find the way in the city", "De weg vinden in de stad"},
    {"sports_club", "Join a sports club", "Lid worden van een sportclub"},
    {"volunteer_work", "Do volunteer work", "Vrijwilligerswerk doen"},
    {"start_business", "Start a business", "Een eigen bedrijf beginnen"},
    {"driving_licence", "Get a driving licence", "Rijbewijs halen"},
};

// Work sectors, former or desired (households) and occupation (group members).
const Vocabulary kSectors = {
    {"care", "Care and welfare", "Zorg en welzijn"},
    {"education", "Education", "Onderwijs"},
    {"ict", "IT", "ICT"},
    {"engineering", "Engineering", "Techniek"},
    {"construction", "Construction", "Bouw"},
    {"hospitality", "Hospitality", "Horeca"},
    {"retail", "Retail", "Detailhandel"},
    {"logistics", "Transport and logistics", "Transport en logistiek"},
    {"agriculture", "Agriculture and horticulture", "Land- en tuinbouw"},
    {"manufacturing", "Manufacturing", "Industrie"},
    {"finance", "Finance and administration", "Financiën en administratie"},
    {"legal", "Legal", "Juridisch"},
    {"government", "Government", "Overheid"},
    {"culture", "Culture and media", "Cultuur en media"},
    {"cleaning", "Cleaning and facilities", "Schoonmaak en facilitair"},
    {"beauty", "Hairdressing and beauty", "Kapper en schoonheid"},
    {"science", "Science and research", "Wetenschap en onderzoek"},
    {"other", "Other", "Anders"},
};

// What group members can offer.
const Vocabulary kSkills = {
    {"tutoring", "Language tutoring", "Taalles en bijles"},
    {"job_coaching", "Job coaching", "Begeleiding naar werk"},
    {"paperwork", "Paperwork and official letters", "Papierwerk en brieven"},
    {"finances", "Household finances", "Huishoudfinanciën"},
    {"childcare", "Childcare", "Kinderopvang"},
    {"homework_help", "Homework help", "Huiswerkbegeleiding"},
    {"healthcare_navigation", "Finding the way in healthcare", "Wegwijs in de zorg"},
    {"digital_skills", "Computers and phones", "Computer en telefoon"},
    {"transport", "Transport (has a car)", "Vervoer (heeft een auto)"},
    {"housing_help", "Help with housing and repairs", "Hulp bij wonen en klussen"},
    {"network", "Professional network", "Professioneel netwerk"},
    {"interpreting", "Interpreting", "Tolken"},
    {"sports_coaching", "Sports and exercise", "Sport en bewegen"},
};

// What a household needs from a group beyond company.
const Vocabulary kNeeds = {
    {"paperwork_help", "Help with paperwork", "Hulp bij papierwerk"},
    {"large_family_support", "Support for a large family", "Steun voor een groot gezin"},
    {"childcare_help", "Help with childcare", "Hulp bij kinderopvang"},
    {"transport_help", "Help with transport", "Hulp bij vervoer"},
    {"digital_help", "Help with computers and phones", "Hulp met computer en telefoon"},
    {"housing_help", "Help with housing", "Hulp bij wonen"},
    {"healthcare_help", "Finding the way in healthcare", "Wegwijs in de zorg"},
    {"step_free_access", "Step-free access", "Drempelvrij"},
};

// Languages spoken by newcomers and residents in the Netherlands.
const Vocabulary kLanguages = {
    {"nl", "Dutch", "Nederlands"},
    {"fy", "Frisian", "Fries"},
    {"en", "English", "Engels"},
    {"de", "German", "Duits"},
    {"fr", "French", "Frans"},
    {"es", "Spanish", "Spaans"},
    {"pt", "Portuguese", "Portugees"},
    {"it", "Italian", "Italiaans"},
    {"pl", "Polish", "Pools"},
    {"ro", "Romanian", "Roemeens"},
    {"bg", "Bulgarian", "Bulgaars"},
    {"hu", "Hungarian", "Hongaars"},
    {"el", "Greek", "Grieks"},
    {"sq", "Albanian", "Albanees"},
    {"sr", "Serbian", "Servisch"},
    {"hr", "Croatian", "Kroatisch"},
    {"bs", "Bosnian", "Bosnisch"},
    {"uk", "Ukrainian", "Oekraïens"},
    {"ru", "Russian", "Russisch"},
    {"be", "Belarusian", "Wit-Russisch"},
    {"hy", "Armenian", "Armeens"},
    {"ka", "Georgian", "Georgisch"},
    {"az", "Azerbaijani", "Azerbeidzjaans"},
    {"tr", "Turkish", "Turks"},
    {"ku", "Kurdish", "Koerdisch"},
    {"ar", "Arabic", "Arabisch"},
    {"he", "Hebrew", "Hebreeuws"},
    {"fa", "Persian / Dari", "Perzisch / Dari"},
    {"ps", "Pashto", "Pasjtoe"},
    {"ur", "Urdu", "Urdu"},
    {"hi", "Hindi", "Hindi"},
    {"bn", "Bengali", "Bengaals"},
    {"pa", "Punjabi", "Punjabi"},
    {"ta", "Tamil", "Tamil"},
    {"ne", "Nepali", "Nepalees"},
    {"uz", "Uzbek", "Oezbeeks"},
    {"tg", "Tajik", "Tadzjieks"},
    {"zh", "Chinese", "Chinees"},
    {"vi", "Vietnamese", "Vietnamees"},
    {"id", "Indonesian", "Indonesisch"},
    {"ti", "Tigrinya", "Tigrinya"},
    {"am", "Amharic", "Amhaars"},
    {"om", "Oromo", "Oromo"},
    {"so", "Somali", "Somalisch"},
    {"sw", "Swahili", "Swahili"},
    {"ln", "Lingala", "Lingala"},
    {"yo", "Yoruba", "Yoruba"},
};

}  // namespace

const Vocabulary& vocabulary(VocabularyKind kind) {
    switch (kind) {
        case VocabularyKind::Interests: return kInterests;
        case VocabularyKind::Goals: return kGoals;
        case VocabularyKind::Sectors: return kSectors;
        case VocabularyKind::Skills: return kSkills;
        case VocabularyKind::Needs: return kNeeds;
        case VocabularyKind::Languages: return kLanguages;
    }
    return kInterests;
}

const Term* findTerm(const Vocabulary& v, std::string_view code) {
    for (const Term& t : v) {
        if (t.code == code) return &t;
    }
    return nullptr;
}

bool isKnownLanguage(std::string_view code) { return findTerm(kLanguages, code) != nullptr; }

std::string tagLabel(VocabularyKind kind, std::string_view tag, bool dutch) {
    if (const Term* t = findTerm(vocabulary(kind), tag)) return std::string(dutch ? t->labelNl : t->labelEn);
    if (isCustomTag(tag)) return std::string(customTagText(tag));
    return std::string(tag);
}

}  // namespace welkom
