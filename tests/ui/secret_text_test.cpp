// The passphrase dialog leaves no copy of the typed passphrase in Dear ImGui's
// memory once it closes (issue 17): ImGui's edit state of the field (wide and
// UTF-8 buffers, the text on focus, the undo record) is zeroed before it is
// freed. An allocator spy checks every block ImGui frees for the passphrase.
#include "ui/dialog_passphrase.h"

#include <cstdlib>
#include <cstring>
#include <string>

#include <gtest/gtest.h>
#include <imgui_internal.h>

#include "ui/secret_text.h"
#include "ui/ui_test_context.h"

namespace welkom {
namespace {

const std::string kSecret = "kraanvogel boven Zwolle 7341";

bool contains(const unsigned char* bytes, std::size_t size, const std::string& needle) {
    if (size < needle.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= size; ++i)
        if (std::memcmp(bytes + i, needle.data(), needle.size()) == 0) return true;
    return false;
}

// The passphrase as ImGui's wide buffer holds it (ImWchar: 16 bits per character).
std::string wide(const std::string& ascii) {
    std::string out;
    for (char c : ascii) {
        ImWchar w = static_cast<unsigned char>(c);
        out.append(reinterpret_cast<const char*>(&w), sizeof w);
    }
    return out;
}

// Made once: a temporary made inside the spy would itself leave the passphrase
// in freed heap memory that a later ImGui block could be given.
const std::string kWideSecret = wide(kSecret);

bool holdsSecret(const unsigned char* bytes, std::size_t size) {
    return contains(bytes, size, kSecret) || contains(bytes, size, kWideSecret);
}

// ImGui's allocator with a size header, so each freed block can be read whole.
int s_freedWithSecret = 0;
void* spyAlloc(std::size_t size, void*) {
    auto* block = static_cast<std::size_t*>(std::malloc(size + sizeof(std::size_t)));
    *block = size;
    // Zeroed, so that only what ImGui itself wrote into the block can be found
    // in it when it is freed (not what an earlier owner of that memory left).
    std::memset(block + 1, 0, size);
    return block + 1;
}
void spyFree(void* p, void*) {
    if (!p) return;
    std::size_t* block = static_cast<std::size_t*>(p) - 1;
    if (holdsSecret(static_cast<unsigned char*>(p), *block)) ++s_freedWithSecret;
    std::free(block);
}

class SecretTextTest : public ::testing::Test {
protected:
    void SetUp() override {
        s_freedWithSecret = 0;
        ImGui::SetAllocatorFunctions(spyAlloc, spyFree, nullptr);
    }
    void TearDown() override {
        // Back to plain malloc/free (ImGui's default) once the test's context is gone.
        ImGui::SetAllocatorFunctions([](std::size_t n, void*) { return std::malloc(n); },
                                     [](void* p, void*) { std::free(p); }, nullptr);
    }
};

bool editStateHoldsSecret() {
    const ImGuiInputTextState& s = GImGui->InputTextState;
    auto holds = [](const auto& v) {
        return v.Data && holdsSecret(reinterpret_cast<const unsigned char*>(v.Data),
                                     static_cast<std::size_t>(v.Capacity) * sizeof(*v.Data));
    };
    return holds(s.TextW) || holds(s.TextA) || holds(s.InitialTextA);
}

TEST_F(SecretTextTest, ClosingThePassphraseDialogWipesImGuisCopyOfTheTypedText) {
    {
        HeadlessImGui imgui;
        PassphraseDialog dialog;
        AppState state;
        state.passphrasePrompt = PassphrasePrompt{PassphrasePrompt::Purpose::Open, "rooster.welkom.age", "age", {}, false};
        CommandQueue commands;
        for (int i = 0; i < 3; ++i) imgui.frame([&] { dialog.draw(state, commands); });
        ImGui::GetIO().AddInputCharactersUTF8(kSecret.c_str());
        for (int i = 0; i < 3; ++i) imgui.frame([&] { dialog.draw(state, commands); });
        // Control: the field took the text, and ImGui's edit state holds a copy.
        ASSERT_NE(GImGui->InputTextState.ID, 0u);
        ASSERT_TRUE(editStateHoldsSecret()) << "the test typed into the passphrase field";

        state.passphrasePrompt.reset();  // handed over: the dialog closes
        for (int i = 0; i < 2; ++i) imgui.frame([&] { dialog.draw(state, commands); });
        EXPECT_EQ(GImGui->InputTextState.ID, 0u);
        EXPECT_FALSE(editStateHoldsSecret());
        EXPECT_EQ(GImGui->InputTextState.Stb.undostate.undo_point, 0);
    }
    EXPECT_EQ(s_freedWithSecret, 0) << "blocks freed by ImGui with the passphrase still in them";
}

TEST_F(SecretTextTest, WipingAnotherFieldsStateLeavesItAlone) {
    HeadlessImGui imgui;
    char text[64] = "";
    ImGuiID id = 0;
    auto draw = [&] {
        ImGui::Begin("w");
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::InputText("##plain", text, sizeof text);
        id = ImGui::GetItemID();
        ImGui::End();
    };
    for (int i = 0; i < 3; ++i) imgui.frame(draw);
    ASSERT_EQ(GImGui->InputTextState.ID, id);
    EXPECT_FALSE(wipeTextEditState(id + 1));
    EXPECT_EQ(GImGui->InputTextState.ID, id);
    EXPECT_TRUE(wipeTextEditState(id));
    EXPECT_EQ(GImGui->InputTextState.ID, 0u);
}

}  // namespace
}  // namespace welkom
