#include "ui/widgets.h"

#include <algorithm>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/text/messages.h"
#include "ui/a11y_tree.h"
#include "ui/appearance.h"

namespace welkom {
namespace {
const ImVec4 kDemoColour(0.86f, 0.20f, 0.18f, 1.0f);
}

void demoBadge(Language language) {
    ImGui::PushStyleColor(ImGuiCol_Button, kDemoColour);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, kDemoColour);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, kDemoColour);
    ImGui::SmallButton(tr(language, TextId::DemoBadge));
    ImGui::PopStyleColor(3);
    tooltipForLastItem(tr(language, TextId::DemoExplanation));
}

void demoNotice(Language language) {
    ImGui::PushStyleColor(ImGuiCol_Text, kDemoColour);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(tr(language, TextId::DemoExplanation));
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

namespace {
// Lets ImGui's InputText grow a std::string as the coordinator types.
int growString(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* str = static_cast<std::string*>(data->UserData);
        str->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = str->data();
    }
    return 0;
}
}  // namespace

bool inputText(const char* label, std::string& text) {
    const bool changed = ImGui::InputText(label, text.data(), text.capacity() + 1, ImGuiInputTextFlags_CallbackResize,
                                          growString, &text);
    a11y::textField(text.c_str(), nullptr, false, true);
    return changed;
}

bool inputTextWithHint(const char* label, const char* hint, std::string& text) {
    const bool changed = ImGui::InputTextWithHint(label, hint, text.data(), text.capacity() + 1,
                                                  ImGuiInputTextFlags_CallbackResize, growString, &text);
    a11y::textField(text.c_str(), hint, false, true);
    return changed;
}

bool inputTextCommitted(const char* label, std::string& text) {
    inputText(label, text);
    return ImGui::IsItemDeactivatedAfterEdit();
}

bool tagPicker(const char* id, VocabularyKind kind, std::vector<std::string>& tags, Language language) {
    bool changed = false;
    ImGui::PushID(id);
    const float columnWidth = ImGui::GetFontSize() * 11.0f;
    const int columns = std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / columnWidth));
    int n = 0;
    for (const Term& term : vocabulary(kind)) {
        auto it = std::find(tags.begin(), tags.end(), term.code);
        bool on = it != tags.end();
        if (n++ % columns != 0) ImGui::SameLine(static_cast<float>((n - 1) % columns) * columnWidth);
        const std::string label = termLabelText(kind, term.code, language == Language::Dutch);
        if (ImGui::Checkbox((label + "##" + std::string(term.code)).c_str(), &on)) {
            if (on) tags.emplace_back(term.code);
            else tags.erase(it);
            changed = true;
        }
    }
    for (const std::string& tag : tags) {
        if (!isCustomTag(tag)) continue;
        ImGui::TextDisabled("+ %s", std::string(customTagText(tag)).c_str());
    }
    ImGui::PopID();
    return changed;
}

bool consentEditor(Consent& consent, Language language) {
    bool changed = ImGui::Checkbox(tr(language, TextId::FieldConsentToMatching), &consent.toMatching);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
    changed |= inputTextCommitted("##matchingDate", consent.toMatchingDate);
    changed |= ImGui::Checkbox(tr(language, TextId::FieldConsentToResearch), &consent.toResearch);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
    changed |= inputTextCommitted("##researchDate", consent.toResearchDate);
    return changed;
}

void recordProblems(const AppState& state, const std::string& pathPrefix) {
    const Language lang = state.ui.language;
    bool header = false;
    int n = 0;
    for (const Problem& p : state.problems) {
        const bool inside = p.path == pathPrefix || p.path.rfind(pathPrefix + "/", 0) == 0;
        if (!inside) continue;
        if (!header) {
            ImGui::TextUnformatted(tr(lang, TextId::RecordProblems));
            header = true;
        }
        const bool error = p.severity == Severity::Error;
        ImGui::PushID(n++);
        const std::string text = problemText(p, lang == Language::Dutch);
        ImGui::TextColored(error ? toneColour(TextTone::Error) : toneColour(TextTone::Warning), "%s: %s",
                           p.path.substr(pathPrefix.size()).c_str(), text.c_str());
        ImGui::PopID();
    }
}

std::string describeLanguages(const std::vector<LanguageSkill>& languages) {
    std::string out;
    for (const LanguageSkill& l : languages) out += (out.empty() ? "" : " ") + l.code + ":" + std::string(toString(l.level));
    return out;
}

const char* statusText(MatchStatus status, Language lang) {
    static constexpr TextId kText[] = {TextId::StatusProposed,   TextId::StatusAcceptedByGroup, TextId::StatusAcceptedByHousehold,
                                       TextId::StatusIntroduced, TextId::StatusActive,          TextId::StatusEnded,
                                       TextId::StatusDeclined};
    return tr(lang, kText[static_cast<int>(status)]);
}

bool closableWindow(const char* title, Language language) {
    const std::string name = std::string(tr(language, TextId::CloseWindow)) + ": " + title;
    a11y::closeButton(name.c_str());
    return ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
           !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId) &&
           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
}

std::string labelWithId(const char* visible, const char* id) { return std::string(visible) + "###" + id; }

void sectionTitle(const char* text) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", text);
    ImGui::Separator();
}

TextId criterionHelp(Criterion criterion) {
    static constexpr TextId kHelp[kCriterionCount] = {TextId::HelpInterests, TextId::HelpAge,    TextId::HelpLanguage,
                                                      TextId::HelpGoals,     TextId::HelpFamily, TextId::HelpAvailability,
                                                      TextId::HelpDistance};
    return kHelp[static_cast<int>(criterion)];
}

void tooltipForLastItem(const char* text) {
    a11y::describeLastItem(text);
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void jobProgressBar(float progress, float width, const char* overlay) {
    if (progress >= 0.0f) {
        char percent[16];
        std::snprintf(percent, sizeof percent, "%.0f%%", progress * 100.0f);
        valueBar(progress, width, overlay ? overlay : percent);
        return;
    }
    const float t = static_cast<float>(ImGui::GetTime());
    valueBar(t - static_cast<float>(static_cast<int>(t)), width, overlay ? overlay : "");
}

void matchingJobProgress(const RunningJob& job, Language language) {
    const TextId phase = job.progress < 0.0f ? TextId::MatchingSolving : TextId::MatchingScoring;
    jobProgressBar(job.progress, ImGui::GetFontSize() * 12.0f, tr(language, phase));
    a11y::announce(tr(language, phase));
}

bool beginCombo(const char* label, const char* preview, const char* accessibleName) {
    const ImGuiID id = ImGui::GetID(label);  // as BeginCombo names it
    // WAI-ARIA's select-only combo box: Down or Up on the closed box opens its
    // list (Enter and Space do through ImGui), instead of moving the focus on.
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiID popupId = ImHashStr("##ComboPopup", 0, id);  // as BeginCombo names its popup
    if (g.NavId == id && g.NavWindow == ImGui::GetCurrentWindow() && !ImGui::IsPopupOpen(popupId, ImGuiPopupFlags_None) &&
        (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) ||
         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)))) {
        ImGui::NavMoveRequestCancel();
        ImGui::OpenPopupEx(popupId, ImGuiPopupFlags_None);
    }
    const bool open = ImGui::BeginCombo(label, preview);
    const std::string visible(label, ImGui::FindRenderedTextEnd(label));
    a11y::comboBox(id, accessibleName ? accessibleName : visible.c_str(), preview, open);
    return open;
}

void valueBar(float fraction, float width, const char* text) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 pos = window->DC.CursorPos;
    const ImVec2 size = ImGui::CalcItemSize(ImVec2(width, 0.0f), ImGui::CalcItemWidth(),
                                            ImGui::GetFontSize() + style.FramePadding.y * 2.0f);
    const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    ImGui::ItemSize(size, style.FramePadding.y);
    if (!ImGui::ItemAdd(bb, 0)) return;
    fraction = ImSaturate(fraction);
    ImGui::RenderFrame(bb.Min, bb.Max, ImGui::GetColorU32(ImGuiCol_FrameBg), true, style.FrameRounding);
    const float border = style.FrameBorderSize;
    const ImRect inner(ImVec2(bb.Min.x + border, bb.Min.y + border), ImVec2(bb.Max.x - border, bb.Max.y - border));
    ImDrawList* draw = window->DrawList;
    ImGui::RenderRectFilledRangeH(draw, inner, ImGui::GetColorU32(ImGuiCol_PlotHistogram), 0.0f, fraction,
                                  style.FrameRounding);
    // Placed as ImGui::ProgressBar places it: right after the fill, kept inside the bar.
    const ImVec2 textSize = ImGui::CalcTextSize(text);
    const float fillEnd = ImLerp(inner.Min.x, inner.Max.x, fraction);
    const float x = ImClamp(fillEnd + style.ItemSpacing.x, bb.Min.x, bb.Max.x - textSize.x - style.ItemInnerSpacing.x);
    const ImVec2 textPos(x, bb.Min.y + (size.y - textSize.y) * 0.5f);
    draw->PushClipRect(bb.Min, ImVec2(fillEnd, bb.Max.y), true);
    draw->AddText(textPos, ImGui::ColorConvertFloat4ToU32(kTextOnFill), text);
    draw->PopClipRect();
    draw->PushClipRect(ImVec2(fillEnd, bb.Min.y), bb.Max, true);
    draw->AddText(textPos, ImGui::GetColorU32(ImGuiCol_Text), text);
    draw->PopClipRect();
}

}  // namespace welkom
