#include "ui/panel_problems.h"

#include <imgui.h>

#include "app/text/messages.h"
#include "ui/appearance.h"

namespace welkom {

void ProblemsPanel::drawContent(const AppState& state, CommandQueue& commands) {
    const Language lang = state.ui.language;
    // The open questions, to send to the households' contact person and import again.
    if (state.document && ImGui::Button(tr(lang, TextId::ExportProblemsSheet))) commands.push(ExportProblemsSheet{});
    if (state.document) ImGui::SameLine();
    if (state.document && ImGui::Button(tr(lang, TextId::ExportMemberProblemsSheet)))
        commands.push(ExportProblemsSheet{ProblemsSheet::GroupMembers});
    const auto flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                       ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("problems", 3, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("##severity", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(tr(lang, TextId::ProblemWhere), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(lang, TextId::ProblemWhat), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(state.problems.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Problem& p = state.problems[static_cast<std::size_t>(i)];
            const bool error = p.severity == Severity::Error;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(error ? toneColour(TextTone::Error) : toneColour(TextTone::Warning), "%s",
                               tr(lang, error ? TextId::ProblemSeverityError : TextId::ProblemSeverityWarning));
            ImGui::TableNextColumn();
            ImGui::PushID(i);
            // Jump to the record the problem is in (households and groups have editors).
            const bool jumpable = p.path.rfind("/households/", 0) == 0 || p.path.rfind("/groups/", 0) == 0;
            if (jumpable && ImGui::SmallButton(tr(lang, TextId::GoToProblem))) commands.push(JumpToProblem{p.path});
            ImGui::PopID();
            if (jumpable) ImGui::SameLine();
            ImGui::TextUnformatted(p.path.empty() ? "/" : p.path.c_str());
            ImGui::TableNextColumn();
            const std::string text = problemText(p, lang == Language::Dutch);
            ImGui::TextWrapped("%s", text.c_str());
        }
    }
    ImGui::EndTable();
}

}  // namespace welkom
