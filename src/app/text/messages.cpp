#include "app/text/messages.h"

namespace welkom {

std::size_t pluralIndex(std::string_view rule, long long n) {
    const long long a = n < 0 ? -n : n;
    if (rule == "zero-one-other") return a <= 1 ? 0 : 1;
    if (rule == "east-slavic") {
        if (a % 10 == 1 && a % 100 != 11) return 0;
        if (a % 10 >= 2 && a % 10 <= 4 && (a % 100 < 12 || a % 100 > 14)) return 1;
        return 2;
    }
    if (rule == "arabic") {
        if (a == 0) return 0;
        if (a == 1) return 1;
        if (a == 2) return 2;
        if (a % 100 >= 3 && a % 100 <= 10) return 3;
        if (a % 100 >= 11) return 4;
        return 5;
    }
    return a == 1 ? 0 : 1;  // one-other
}

MessageTexts::MessageTexts(std::string_view language)
    : m_catalogue(findCatalogue(language)), m_english(findCatalogue("en")) {
    if (!m_catalogue) m_catalogue = m_english;
}

MessageTexts::MessageTexts(const Catalogue& catalogue) : m_catalogue(&catalogue), m_english(findCatalogue("en")) {}

const std::string* MessageTexts::find(std::string_view code) const {
    if (const std::string* t = m_catalogue->find(code)) return t;
    return m_english ? m_english->find(code) : nullptr;
}

std::string MessageTexts::integer(long long n) const { return std::to_string(n); }

std::string MessageTexts::count(long long n) const {
    const std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out = n < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += m_catalogue->digitGroupSeparator;
        out.push_back(digits[i]);
    }
    return out;
}

std::string MessageTexts::list(const std::vector<std::string>& items) const {
    if (items.empty()) return m_catalogue->listEmpty;
    std::string out;
    for (const std::string& s : items) {
        if (!out.empty()) out += m_catalogue->listSeparator;
        out += s;
    }
    return out;
}

std::string MessageTexts::renderArg(const Arg& a) const {
    switch (a.kind) {
        case Arg::Kind::Text: return a.text;
        case Arg::Kind::Integer: return integer(a.integer);
        case Arg::Kind::List: {
            std::vector<std::string> items;
            for (const Arg& i : a.items) items.push_back(renderArg(i));
            return list(items);
        }
        case Arg::Kind::Message: return render(Message{a.text, a.items});
    }
    return a.text;
}

namespace {

// The end of the placeholder that opens at text[open] ('{'), nesting counted.
std::size_t closing(std::string_view text, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < text.size(); ++i) {
        if (text[i] == '{') ++depth;
        else if (text[i] == '}' && --depth == 0) return i;
    }
    return std::string_view::npos;
}

// The '|'-separated parts of a placeholder's body, outside nested braces.
std::vector<std::string_view> parts(std::string_view body) {
    std::vector<std::string_view> out;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] == '{') ++depth;
        else if (body[i] == '}') --depth;
        else if (body[i] == '|' && depth == 0) {
            out.push_back(body.substr(start, i - start));
            start = i + 1;
        }
    }
    out.push_back(body.substr(start));
    return out;
}

}  // namespace

std::string MessageTexts::expand(std::string_view text, const std::vector<std::string>& args,
                                 const std::vector<long long>& numbers) const {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::size_t end = text[i] == '{' ? closing(text, i) : std::string_view::npos;
        if (end == std::string_view::npos) {
            out.push_back(text[i]);
            continue;
        }
        const std::vector<std::string_view> p = parts(text.substr(i + 1, end - i - 1));
        std::size_t n = 0, k = 0;
        for (; k < p[0].size() && p[0][k] >= '0' && p[0][k] <= '9'; ++k) n = n * 10 + static_cast<std::size_t>(p[0][k] - '0');
        if (p.size() == 1 && p[0].substr(k) == ":count") {
            out += n < numbers.size() ? count(numbers[n]) : std::string();
        } else if (p.size() == 1) {
            out += n < args.size() ? args[n] : std::string();
        } else {
            const std::size_t form = pluralIndex(m_catalogue->pluralRule, n < numbers.size() ? numbers[n] : 0);
            out += expand(p[std::min(form + 1, p.size() - 1)], args, numbers);
        }
        i = end;
    }
    return out;
}

std::string MessageTexts::render(const Message& m) const {
    std::vector<std::string> args;
    std::vector<long long> numbers;
    for (const Arg& a : m.args) {
        args.push_back(renderArg(a));
        numbers.push_back(a.kind == Arg::Kind::Integer ? a.integer : 0);
    }
    const std::string* t = find(m.code);
    return t ? expand(*t, args, numbers) : "[" + m.code + "]";
}

std::string MessageTexts::text(std::string_view code, const std::vector<std::string>& args) const {
    const std::string* t = find(code);
    return t ? expand(*t, args, {}) : "[" + std::string(code) + "]";
}

}  // namespace welkom

// [SECTION] The matching engine's explanations ----------------------------------------------

namespace welkom {

namespace {

long long rounded(double v) { return static_cast<long long>(v < 0 ? v - 0.5 : v + 0.5); }

std::string lowerFirst(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

const char* reasonCode(ReasonKind k) {
    using RK = ReasonKind;
    switch (k) {
        case RK::HouseholdConsents: return "reason.household_consents";
        case RK::HouseholdNoConsent: return "reason.household_no_consent";
        case RK::GroupConsents: return "reason.group_consents";
        case RK::GroupNoConsent: return "reason.group_no_consent";
        case RK::GroupHasRoom: return "reason.group_has_room";
        case RK::GroupPaused: return "reason.group_paused";
        case RK::SameMunicipality: return "reason.same_municipality";
        case RK::AllowedMunicipality: return "reason.allowed_municipality";
        case RK::CrossMunicipalityAllowed: return "reason.cross_municipality_allowed";
        case RK::OtherMunicipality: return "reason.other_municipality";
        case RK::SharedLanguage: return "reason.shared_language";
        case RK::TooFewSpeakers: return "reason.too_few_speakers";
        case RK::NoSharedLanguage: return "reason.no_shared_language";
        case RK::NoWomenOnlyWish: return "reason.no_women_only_wish";
        case RK::AllWomen: return "reason.all_women";
        case RK::NotAllWomen: return "reason.not_all_women";
        case RK::SizeWithinLimit: return "reason.size_within_limit";
        case RK::HouseholdTooLarge: return "reason.household_too_large";
        case RK::NotForbidden: return "reason.not_forbidden";
        case RK::ForbiddenByCoordinator: return "reason.forbidden_by_coordinator";
        case RK::DeclinedBefore: return "reason.declined_before";
        case RK::SharedInterests: return "reason.shared_interests";
        case RK::NoSharedInterests: return "reason.no_shared_interests";
        case RK::NoInterestsGiven: return "reason.no_interests_given";
        case RK::AgeCloseness: return "reason.age_closeness";
        case RK::LanguageBridge: return "reason.language_bridge";
        case RK::GoalFit: return "reason.goal_fit";
        case RK::NoGoalsGiven: return "reason.no_goals_given";
        case RK::FamilyFit: return "reason.family_fit";
        case RK::NoChildren: return "reason.no_children";
        case RK::AvailabilityOverlap: return "reason.availability_overlap";
        case RK::AvailabilityUnknown: return "reason.availability_unknown";
        case RK::SameNeighbourhood: return "reason.same_neighbourhood";
        case RK::SameMunicipalityOnly: return "reason.same_municipality_only";
        case RK::DifferentMunicipality: return "reason.different_municipality";
        case RK::PriorityCountedMore: return "reason.priority_counted_more";
        case RK::PriorityCountedLess: return "reason.priority_counted_less";
    }
    return "reason.unknown";
}

const char* changeCode(ChangeKind k) {
    switch (k) {
        case ChangeKind::HouseholdConsent: return "change.household_consent";
        case ChangeKind::GroupConsent: return "change.group_consent";
        case ChangeKind::GroupCapacity: return "change.group_capacity";
        case ChangeKind::AllowMunicipality: return "change.allow_municipality";
        case ChangeKind::AddSpeakers: return "change.add_speakers";
        case ChangeKind::DropWomenOnly: return "change.drop_women_only";
        case ChangeKind::RaiseSizeLimit: return "change.raise_size_limit";
        case ChangeKind::LiftForbid: return "change.lift_forbid";
    }
    return "change.unknown";
}

}  // namespace

std::string MessageTexts::criterion(Criterion c) const { return text("criterion." + std::string(criterionName(c))); }

// A vocabulary term's label is its catalogue's term.<kind>.<code> (English
// when the catalogue lacks it); a custom tag is its own text; a code no
// vocabulary knows (from a newer version) is shown as it is.
std::string MessageTexts::termLabel(VocabularyKind kind, std::string_view tag) const {
    static constexpr const char* kKindNames[] = {"interests", "goals", "sectors", "skills", "needs", "languages"};
    const std::string code = "term." + std::string(kKindNames[static_cast<int>(kind)]) + "." + std::string(tag);
    if (const std::string* label = find(code)) return *label;
    if (isCustomTag(tag)) return std::string(customTagText(tag));
    return std::string(tag);
}

std::string MessageTexts::tagText(std::string_view tag, TagKind kind) const {
    auto inSentence = [&](std::string label) { return m_catalogue->lowercaseLabels ? lowerFirst(std::move(label)) : label; };
    switch (kind) {
        case TagKind::Plain:
        case TagKind::Language: return std::string(tag);
        case TagKind::Interest: {
            std::string label = termLabel(VocabularyKind::Interests, tag);
            return findTerm(vocabulary(VocabularyKind::Interests), tag) ? inSentence(std::move(label)) : label;
        }
        case TagKind::GoalItem:
            for (VocabularyKind k : {VocabularyKind::Goals, VocabularyKind::Needs, VocabularyKind::Sectors})
                if (findTerm(vocabulary(k), tag)) {
                    std::string label = inSentence(termLabel(k, tag));
                    return k == VocabularyKind::Sectors ? text("goal_item.sector", {label}) : label;
                }
            return std::string(tag);
        case TagKind::Slot:
            if (m_catalogue->find("slot." + std::string(tag)) || (m_english && m_english->find("slot." + std::string(tag))))
                return text("slot." + std::string(tag));
            return std::string(tag);
    }
    return std::string(tag);
}

std::string MessageTexts::reason(const Reason& r) const {
    using RK = ReasonKind;
    auto words = [&](const TagList& tags) {
        std::vector<std::string> items;
        for (std::string_view t : tags) items.push_back(tagText(t, r.tagKind));
        return list(items);
    };
    auto tagAt = [&](std::size_t i) { return i < r.tags.size() ? std::string(r.tags[i]) : std::string(); };
    std::string code = reasonCode(r.kind);
    if (r.kind == RK::SizeWithinLimit && r.n1 <= 0) code += ".no_limit";
    if (r.kind == RK::ForbiddenByCoordinator && !tagAt(0).empty()) code += ".with_reason";
    if (r.kind == RK::LanguageBridge && !r.tags2.empty()) code += ".unknown_levels";
    if (r.kind == RK::GoalFit) {
        if (!r.tags.empty() && !r.tags2.empty()) code += ".served_unserved";
        else if (!r.tags.empty()) code += ".served";
        else if (!r.tags2.empty()) code += ".unserved";
    }
    if (r.kind == RK::PriorityCountedMore || r.kind == RK::PriorityCountedLess)  // who stated it
        code += r.n1 > 0 && r.n2 > 0 ? ".both" : r.n1 > 0 ? ".household" : ".group";
    const long long n0 = rounded(r.n0), n1 = rounded(r.n1), n2 = rounded(r.n2);
    const std::string* t = find(code);
    if (!t) return "[" + code + "]";
    return expand(*t, {integer(n0), integer(n1), integer(n2), tagAt(0), tagAt(1), words(r.tags), words(r.tags2)},
                  {n0, n1, n2});
}

std::string MessageTexts::change(const Change& c) const {
    const std::string* t = find(changeCode(c.kind));
    if (!t) return "[" + std::string(changeCode(c.kind)) + "]";
    return expand(*t, {c.group, c.tag, integer(c.count)}, {0, 0, c.count});
}

std::string MessageTexts::problem(const Problem& p) const {
    return render(problemMessage(p));
}

std::string MessageTexts::error(const Error& e) const {
    // A reader's refusal made of a problem (problemError) is worded as that problem.
    if (!find(e.code)) return render(Message{"problem." + e.code, e.args});
    return render(Message{e.code, e.args});
}

std::string MessageTexts::csvProblem(const CsvProblem& p) const {
    // A refusal of applying (import.*) may have only its own code's text.
    const std::string problemCode = "problem." + p.code;
    const std::string words = render(Message{find(problemCode) ? problemCode : p.code, p.args});
    std::string column;
    if (p.column > 0) column = csvColumnLetters(p.column) + (p.columnName.empty() ? "" : " \"" + p.columnName + "\"");
    std::string where;
    if (p.row > 0 && p.column > 0) where = text("csv.where.row_column", {integer(static_cast<long long>(p.row)), column});
    else if (p.row > 0) where = text("csv.where.row", {integer(static_cast<long long>(p.row))});
    else if (p.column > 0) where = text("csv.where.column", {column});
    return where.empty() ? words : text("csv.problem_at", {where, words});
}

}  // namespace welkom

namespace welkom {

namespace {
const MessageTexts& textsFor(bool dutch) {
    static const MessageTexts en("en"), nl("nl");
    return dutch ? nl : en;
}
}  // namespace

std::string criterionLabel(Criterion c, bool dutch) { return textsFor(dutch).criterion(c); }
std::string termLabelText(VocabularyKind kind, std::string_view tag, bool dutch) {
    return textsFor(dutch).termLabel(kind, tag);
}
std::string renderReason(const Reason& r, bool dutch) { return textsFor(dutch).reason(r); }
std::string renderChange(const Change& c, bool dutch) { return textsFor(dutch).change(c); }

std::string problemText(const Problem& p, bool dutch) { return textsFor(dutch).problem(p); }
std::string formatProblemText(const Problem& p, bool dutch) {
    return p.path.empty() ? problemText(p, dutch) : p.path + ": " + problemText(p, dutch);
}
std::string formatCsvProblemText(const CsvProblem& p, bool dutch) { return textsFor(dutch).csvProblem(p); }
std::string errorText(const Error& e, bool dutch) { return textsFor(dutch).error(e); }
Arg errorArg(const Error& e) {
    const bool worded = textsFor(false).find(e.code) != nullptr;
    return Arg::coded(worded ? e.code : "problem." + e.code, e.args);
}
Arg problemArg(const Problem& p) {
    Arg words = Arg::messageOf(problemMessage(p));
    if (p.path.empty()) return words;
    return Arg::coded("text.labelled", {Arg::textOf(p.path), std::move(words)});
}
std::string messageText(const Message& m, bool dutch) { return textsFor(dutch).render(m); }
std::string englishText(const Message& m) { return textsFor(false).render(m); }

}  // namespace welkom
