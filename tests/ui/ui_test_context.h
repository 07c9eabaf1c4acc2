// A headless Dear ImGui context for tests: no window, no GPU. Frames are
// drawn into ImGui's draw lists only (like imgui's example_null).
//   HeadlessImGui imgui;              // font atlas built, display 1280x800
//   imgui.frame([&] { workspace.draw(state, commands); });
#pragma once

#include <functional>

#include <imgui.h>

#include "ui/item_registry.h"

namespace welkom {

class HeadlessImGui {
public:
    explicit HeadlessImGui(float width = 1280.0f, float height = 800.0f) {
        m_context = ImGui::CreateContext();
        ItemRegistry::enableFor(m_context);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        // Keyboard navigation needs every key mapped (a platform backend does this).
        for (int key = 0; key < ImGuiKey_COUNT; ++key) io.KeyMap[key] = key;
        buildFontAtlas();
    }
    ~HeadlessImGui() { ImGui::DestroyContext(m_context); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    static void buildFontAtlas() {
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }

    void frame(const std::function<void()>& draw) {
        ItemRegistry::instance().beginFrame();
        ImGui::NewFrame();
        draw();
        ImGui::Render();
        ItemRegistry::instance().endFrame();
    }

private:
    ImGuiContext* m_context = nullptr;
};

}  // namespace welkom
