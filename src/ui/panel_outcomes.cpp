#include "ui/panel_outcomes.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

#include <imgui.h>

#include "ui/appearance.h"
#include "ui/widgets.h"

namespace welkom {
namespace {

const char* milestoneText(CheckInMilestone m, Language lang) {
    static constexpr TextId kText[] = {TextId::MilestoneAdHoc, TextId::Milestone3, TextId::Milestone6,
                                       TextId::Milestone12};
    return tr(lang, kText[static_cast<int>(m)]);
}

const char* dueText(DueState s, Language lang) {
    return tr(lang, s == DueState::Overdue ? TextId::DueOverdue : s == DueState::Due ? TextId::DueDue : TextId::DueUpcoming);
}

constexpr TextId kWorkText[] = {TextId::WorkUnknown,   TextId::WorkNone,      TextId::WorkLanguageCourse,
                                TextId::WorkVolunteering, TextId::WorkLooking, TextId::WorkEducation,
                                TextId::WorkPartTime,  TextId::WorkFullTime,  TextId::WorkSelfEmployed};
constexpr TextId kEndText[] = {TextId::EndNone,          TextId::EndMoved,      TextId::EndNoTime,
                               TextId::EndNoConnection,  TextId::EndLanguageBarrier, TextId::EndHouseholdWithdrew,
                               TextId::EndGroupWithdrew, TextId::EndConflict,   TextId::EndGoalsReached,
                               TextId::EndOther};

// A combo over an enum whose values are 0..N-1, labelled by `texts` in order.
template <typename Enum, std::size_t N>
void enumCombo(const char* label, const char* id, const TextId (&texts)[N], Enum& value, Language lang) {
    if (beginCombo((std::string(label) + "##" + id).c_str(), tr(lang, texts[static_cast<std::size_t>(value)]))) {
        for (std::size_t k = 0; k < N; ++k)
            if (ImGui::Selectable(tr(lang, texts[k]), static_cast<std::size_t>(value) == k)) value = static_cast<Enum>(k);
        ImGui::EndCombo();
    }
}

// "answered [x]  [ 3 ]": an answer that may not have been asked. The value
// is not clamped here: the core rules check it when the check-in is saved.
void optionalInt(const char* label, const char* id, std::optional<int>& value, int fallback, Language lang) {
    ImGui::PushID(id);
    bool answered = value.has_value();
    if (ImGui::Checkbox((std::string(tr(lang, TextId::Answered)) + "##" + id).c_str(), &answered))
        value = answered ? std::optional<int>(fallback) : std::nullopt;
    ImGui::SameLine();
    if (value) {
        int v = *value;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
        // No step buttons: the field keeps its own label (tests find it), and typing is quicker.
        if (ImGui::InputInt((std::string("##") + id + "-value").c_str(), &v, 0, 0)) value = v;
    } else {
        ImGui::TextDisabled("%s", tr(lang, TextId::NotAsked));
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(label);
    ImGui::PopID();
}

}  // namespace

void OutcomesPanel::startNew(const std::string& matchId, CheckInMilestone milestone, const std::string& today) {
    m_matchId = matchId;
    m_editingId.clear();
    m_awaitingAdd = false;
    m_draft = CheckIn{};
    m_draft.matchId = matchId;
    m_draft.milestone = milestone;
    m_draft.date = today;
}

void OutcomesPanel::drawContent(const AppState& state, CommandQueue& commands) {
    const Roster& roster = state.document->roster;
    if (&roster != m_dueRoster || state.editRevision != m_dueRevision || state.clock.today != m_dueToday) {
        m_due = dueCheckIns(roster, state.clock.today);
        m_dueRoster = &roster;
        m_dueRevision = state.editRevision;
        m_dueToday = state.clock.today;
    }
    // A saved new check-in: keep editing it rather than adding it twice.
    if (m_awaitingAdd && state.editRevision != m_revisionAtSave) {
        m_awaitingAdd = false;
        if (!roster.checkIns.empty() && roster.checkIns.back().matchId == m_draft.matchId)
            m_editingId = roster.checkIns.back().id;
    }
    // The check-in being edited went away (removed, undone): start afresh.
    if (!m_editingId.empty() &&
        std::none_of(roster.checkIns.begin(), roster.checkIns.end(), [&](const CheckIn& c) { return c.id == m_editingId; }))
        startNew(m_matchId, CheckInMilestone::AdHoc, state.clock.today);

    drawDueList(state);
    ImGui::Spacing();
    drawMatchCheckIns(state);
    drawEditor(state, commands);
}

void OutcomesPanel::drawDueList(const AppState& state) {
    const Language lang = state.ui.language;
    ImGui::TextWrapped("%s", tr(lang, TextId::OutcomesIntro));
    ImGui::TextDisabled("%s: %s", tr(lang, TextId::TodayIs), state.clock.today.empty() ? "-" : state.clock.today.c_str());
    if (m_due.empty()) {
        ImGui::TextDisabled("%s", tr(lang, TextId::NoDueCheckIns));
        return;
    }
    const auto flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                       ImGuiTableFlags_SizingStretchProp;
    const float height = std::min(ImGui::GetFrameHeight() * (static_cast<float>(m_due.size()) + 1.0f),
                                  ImGui::GetFontSize() * 12.0f);
    if (!ImGui::BeginTable("due", 7, flags, ImVec2(0.0f, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(lang, TextId::ColumnMatch), 0, 0.5f);
    ImGui::TableSetupColumn(tr(lang, TextId::ColumnHousehold));
    ImGui::TableSetupColumn(tr(lang, TextId::ColumnGroup));
    ImGui::TableSetupColumn(tr(lang, TextId::ColumnMilestone));
    ImGui::TableSetupColumn(tr(lang, TextId::ColumnDueDate));
    ImGui::TableSetupColumn(tr(lang, TextId::ColumnStatus));
    ImGui::TableSetupColumn("", 0, 0.5f);
    ImGui::TableHeadersRow();
    for (const DueCheckIn& d : m_due) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.matchId.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.householdId.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.groupId.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(milestoneText(d.milestone, lang));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.dueDate.c_str());
        ImGui::TableNextColumn();
        const ImVec4 colour = d.state == DueState::Overdue ? toneColour(TextTone::Error)
                              : d.state == DueState::Due   ? toneColour(TextTone::Warning)
                                                           : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
        if (d.daysLate > 0)
            ImGui::TextColored(colour, "%s (%d %s)", dueText(d.state, lang), d.daysLate, tr(lang, TextId::DaysLate));
        else
            ImGui::TextColored(colour, "%s", dueText(d.state, lang));
        ImGui::TableNextColumn();
        // "Enter##due-m3-month_12": one per row, found by tests through its full label.
        const std::string button = std::string(tr(lang, TextId::EnterCheckIn)) + "##due-" + d.matchId + "-" +
                                   std::string(toString(d.milestone));
        if (ImGui::SmallButton(button.c_str())) startNew(d.matchId, d.milestone, state.clock.today);
    }
    ImGui::EndTable();
}

void OutcomesPanel::drawMatchCheckIns(const AppState& state) {
    const Language lang = state.ui.language;
    const Roster& roster = state.document->roster;
    sectionTitle(tr(lang, TextId::ChooseMatch));
    auto describe = [&](const Match& m) {
        return m.id + ": " + m.householdId + " - " + m.groupId + " (" + statusText(m.status(), lang) + ")";
    };
    const Match* current = nullptr;
    for (const Match& m : roster.matches)
        if (m.id == m_matchId) current = &m;
    const bool anyStarted = std::any_of(roster.matches.begin(), roster.matches.end(), matchStarted);
    if (!anyStarted) {
        ImGui::TextDisabled("%s", tr(lang, TextId::NoStartedMatches));
        return;
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22.0f);
    if (beginCombo("##match", current ? describe(*current).c_str() : "-", tr(lang, TextId::ColumnMatch))) {
        for (const Match& m : roster.matches) {
            if (!matchStarted(m)) continue;
            if (ImGui::Selectable(describe(m).c_str(), current == &m)) startNew(m.id, CheckInMilestone::AdHoc, state.clock.today);
        }
        ImGui::EndCombo();
    }
    if (!current) return;
    ImGui::TextUnformatted(tr(lang, TextId::CheckInsOfMatch));
    const std::vector<std::size_t> list = checkInsOf(roster, current->id);
    if (list.empty()) ImGui::TextDisabled("%s", tr(lang, TextId::NoCheckInsYet));
    for (std::size_t i : list) {
        const CheckIn& c = roster.checkIns[i];
        char line[160];
        std::snprintf(line, sizeof line, "%s  %s  %s  %s %s/%s", c.id.c_str(), c.date.c_str(), milestoneText(c.milestone, lang),
                      tr(lang, TextId::SatisfactionShort),
                      c.householdSatisfaction ? std::to_string(*c.householdSatisfaction).c_str() : "-",
                      c.groupSatisfaction ? std::to_string(*c.groupSatisfaction).c_str() : "-");
        if (ImGui::Selectable((std::string(line) + "##ci-" + c.id).c_str(), m_editingId == c.id)) {
            m_editingId = c.id;
            m_awaitingAdd = false;
            m_draft = c;
        }
    }
    if (ImGui::SmallButton(tr(lang, TextId::NewCheckIn))) startNew(current->id, CheckInMilestone::AdHoc, state.clock.today);
}

void OutcomesPanel::drawEditor(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    if (m_matchId.empty() || m_draft.matchId != m_matchId) return;
    sectionTitle(m_editingId.empty() ? tr(lang, TextId::NewCheckIn)
                                     : (std::string(tr(lang, TextId::EditingCheckIn)) + " " + m_editingId).c_str());
    const float fieldWidth = ImGui::GetFontSize() * 12.0f;
    ImGui::SetNextItemWidth(fieldWidth);
    inputText((std::string(tr(lang, TextId::FieldDate)) + "##ci-date").c_str(), m_draft.date);

    ImGui::SetNextItemWidth(fieldWidth);
    if (beginCombo((std::string(tr(lang, TextId::FieldMilestone)) + "##ci-milestone").c_str(),
                          milestoneText(m_draft.milestone, lang))) {
        for (CheckInMilestone m : {CheckInMilestone::Month3, CheckInMilestone::Month6, CheckInMilestone::Month12,
                                   CheckInMilestone::AdHoc})
            if (ImGui::Selectable(milestoneText(m, lang), m_draft.milestone == m)) m_draft.milestone = m;
        ImGui::EndCombo();
    }

    optionalInt(tr(lang, TextId::FieldMeetings), "ci-meetings", m_draft.meetingsPerMonth, 2, lang);
    optionalInt(tr(lang, TextId::FieldNewContacts), "ci-contacts", m_draft.newContacts, 0, lang);
    optionalInt(tr(lang, TextId::FieldHouseholdSatisfaction), "ci-household", m_draft.householdSatisfaction, 3, lang);
    optionalInt(tr(lang, TextId::FieldGroupSatisfaction), "ci-group", m_draft.groupSatisfaction, 3, lang);

    ImGui::SetNextItemWidth(fieldWidth);
    const std::string level = m_draft.dutchLevel ? std::string(toString(*m_draft.dutchLevel)) : tr(lang, TextId::NotAsked);
    if (beginCombo((std::string(tr(lang, TextId::FieldDutchLevel)) + "##ci-dutch").c_str(), level.c_str())) {
        if (ImGui::Selectable(tr(lang, TextId::NotAsked), !m_draft.dutchLevel)) m_draft.dutchLevel.reset();
        for (int l = static_cast<int>(LanguageLevel::None); l <= static_cast<int>(LanguageLevel::Native); ++l) {
            const auto value = static_cast<LanguageLevel>(l);
            if (ImGui::Selectable(std::string(toString(value)).c_str(), m_draft.dutchLevel == value)) m_draft.dutchLevel = value;
        }
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(fieldWidth);
    enumCombo(tr(lang, TextId::FieldWork), "ci-work", kWorkText, m_draft.workStatus, lang);
    ImGui::Checkbox((std::string(tr(lang, TextId::FieldEndedEarly)) + "##ci-ended").c_str(), &m_draft.endedEarly);
    ImGui::SetNextItemWidth(fieldWidth);
    enumCombo(tr(lang, TextId::FieldEndReason), "ci-reason", kEndText, m_draft.endReason, lang);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24.0f);
    inputText((std::string(tr(lang, TextId::FieldCheckInNote)) + "##ci-note").c_str(), m_draft.note);

    if (ImGui::Button(tr(lang, TextId::SaveCheckIn))) {
        if (m_editingId.empty()) {
            commands.push(AddCheckIn{m_draft});
            m_awaitingAdd = true;
            m_revisionAtSave = state.editRevision;
        } else {
            commands.push(UpdateCheckIn{m_editingId, m_draft});
        }
    }
    if (!m_editingId.empty()) {
        ImGui::SameLine();
        if (ImGui::Button(tr(lang, TextId::RemoveCheckInButton))) commands.push(RemoveCheckIn{m_editingId});
        const auto& list = state.document->roster.checkIns;
        for (std::size_t i = 0; i < list.size(); ++i)
            if (list[i].id == m_editingId) recordProblems(state, "/checkIns/" + std::to_string(i));
    }
}

}  // namespace welkom
