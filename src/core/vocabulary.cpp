#include "core/vocabulary.h"

namespace welkom {

namespace {

// Interests: everyday things a household and a group can do together.
const Vocabulary kInterests = {
    {"cooking"}, {"baking"}, {"football"}, {"running"}, {"cycling"}, {"swimming"}, {"fitness"}, {"volleyball"},
    {"walking"}, {"gardening"}, {"music"}, {"singing"}, {"dancing"}, {"drawing"}, {"crafts"}, {"photography"},
    {"reading"}, {"writing"}, {"history"}, {"films"}, {"theatre"}, {"museums"}, {"chess"}, {"board_games"},
    {"technology"}, {"repair"}, {"cars"}, {"fashion"}, {"languages"}, {"travel"}, {"religion"},
    {"volunteering"}, {"children_activities"}, {"animals"}, {"coffee_tea"}, {"markets"},
};

// Goals for the programme year.
const Vocabulary kGoals = {
    {"learn_dutch"}, {"find_work"}, {"start_education"}, {"recognise_diploma"}, {"social_network"},
    {"children_school"}, {"official_letters"}, {"find_way_city"}, {"sports_club"}, {"volunteer_work"},
    {"start_business"}, {"driving_licence"},
};

// Work sectors, former or desired (households) and occupation (group members).
const Vocabulary kSectors = {
    {"care"}, {"education"}, {"ict"}, {"engineering"}, {"construction"}, {"hospitality"}, {"retail"},
    {"logistics"}, {"agriculture"}, {"manufacturing"}, {"finance"}, {"legal"}, {"government"}, {"culture"},
    {"cleaning"}, {"beauty"}, {"science"}, {"other"},
};

// What group members can offer.
const Vocabulary kSkills = {
    {"tutoring"}, {"job_coaching"}, {"paperwork"}, {"finances"}, {"childcare"}, {"homework_help"},
    {"healthcare_navigation"}, {"digital_skills"}, {"transport"}, {"housing_help"}, {"network"},
    {"interpreting"}, {"sports_coaching"},
};

// What a household needs from a group beyond company.
const Vocabulary kNeeds = {
    {"paperwork_help"}, {"large_family_support"}, {"childcare_help"}, {"transport_help"}, {"digital_help"},
    {"housing_help"}, {"healthcare_help"}, {"step_free_access"},
};

// Languages spoken by newcomers and residents in the Netherlands.
const Vocabulary kLanguages = {
    {"nl"}, {"fy"}, {"en"}, {"de"}, {"fr"}, {"es"}, {"pt"}, {"it"}, {"pl"}, {"ro"}, {"bg"}, {"hu"}, {"el"},
    {"sq"}, {"sr"}, {"hr"}, {"bs"}, {"uk"}, {"ru"}, {"be"}, {"hy"}, {"ka"}, {"az"}, {"tr"}, {"ku"}, {"ar"},
    {"he"}, {"fa"}, {"ps"}, {"ur"}, {"hi"}, {"bn"}, {"pa"}, {"ta"}, {"ne"}, {"uz"}, {"tg"}, {"zh"}, {"vi"},
    {"id"}, {"ti"}, {"am"}, {"om"}, {"so"}, {"sw"}, {"ln"}, {"yo"},
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

}  // namespace welkom
