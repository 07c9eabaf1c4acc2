// Browser entry point: SDL2 + WebGL2 + Dear ImGui, driven by the browser's
// animation frames (emscripten_set_main_loop), never a blocking loop.
//
// [SECTION] Test interface: C functions behind window.welkomTest (web/welkom-test.js)
// [SECTION] Frame: events, appearance, panels, render, commands
// [SECTION] main: SDL, WebGL2 and ImGui setup
#include <cstdio>
#include <string>

#include <SDL.h>
#include <SDL_opengles2.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include "app/app_state.h"
#include "app/commands.h"
#include "ui/appearance.h"
#include "ui/test_hooks.h"
#include "ui/workspace.h"

namespace {

constexpr const char* kFontPath = "/assets/fonts/ui.ttf";

struct Platform {
    SDL_Window* window = nullptr;
    SDL_GLContext glContext = nullptr;
    float fontPixelRatio = 0.0f;  // pixel ratio and UI scale the font atlas was built for
    float fontUiScale = 0.0f;
    unsigned frameCount = 0;
};

// Interface language: ?lang=nl|en in the address, else the browser's language.
EM_JS(int, browserPrefersDutch, (), {
    var wanted = new URLSearchParams(location.search).get('lang') || navigator.language || "";
    return wanted.toLowerCase().indexOf('nl') === 0 ? 1 : 0;
});

Platform s_platform;
welkom::AppState s_state;
welkom::CommandQueue s_commands;
welkom::Workspace* s_workspace = nullptr;
std::string s_answer;  // storage for strings handed to JavaScript

}  // namespace

// [SECTION] Test interface ---------------------------------------------------
extern "C" {

EMSCRIPTEN_KEEPALIVE const char* welkom_test_item_rect(const char* label) {
    auto rect = welkom::ItemRegistry::instance().find(label ? label : "");
    if (!rect) return "null";
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, "{\"x\":%.2f,\"y\":%.2f,\"w\":%.2f,\"h\":%.2f}", rect->x, rect->y, rect->w,
                  rect->h);
    s_answer = buffer;
    return s_answer.c_str();
}

EMSCRIPTEN_KEEPALIVE unsigned welkom_test_frame_count() { return s_platform.frameCount; }

EMSCRIPTEN_KEEPALIVE const char* welkom_test_state() {
    s_answer = welkom::describeStateForTests(s_state, s_workspace ? s_workspace->visiblePanels()
                                                                  : std::vector<std::string>{});
    return s_answer.c_str();
}

}  // extern "C"

// [SECTION] Frame -------------------------------------------------------------
namespace {

// Rebuilds the font atlas when the screen's pixel ratio (browser zoom, moving
// to another monitor) or the coordinator's UI scale changed.
void refreshAppearance() {
    const float pixelRatio = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (pixelRatio == s_platform.fontPixelRatio && s_state.ui.uiScale == s_platform.fontUiScale) return;
    if (!welkom::applyAppearance(kFontPath, pixelRatio, s_state.ui.uiScale) && s_platform.fontPixelRatio == 0.0f) {
        s_state.errors.push_back(welkom::makeError("ui.font", "The interface font could not be loaded; some names may show as '?'.",
                                                   "Het lettertype kon niet worden geladen; sommige namen kunnen als '?' verschijnen."));
    }
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    s_platform.fontPixelRatio = pixelRatio;
    s_platform.fontUiScale = s_state.ui.uiScale;
}

void frame() {
    SDL_Event event;
    while (SDL_PollEvent(&event)) ImGui_ImplSDL2_ProcessEvent(&event);

    refreshAppearance();
    welkom::ItemRegistry::instance().beginFrame();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    s_workspace->draw(s_state, s_commands);
    ImGui::Render();

    const ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(0.09f, 0.09f, 0.11f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(s_platform.window);

    welkom::applyCommands(s_state, s_commands);
    ++s_platform.frameCount;
}

}  // namespace

// [SECTION] main ----------------------------------------------------------------
int main(int, char**) {
    SDL_SetMainReady();
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "Welkom: SDL could not start: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    // The canvas is sized by CSS to fill the tab; with ALLOW_HIGHDPI SDL keeps
    // its pixel size at CSS size x devicePixelRatio and follows resizes.
    const auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    s_platform.window = SDL_CreateWindow("Welkom", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800, flags);
    s_platform.glContext = s_platform.window ? SDL_GL_CreateContext(s_platform.window) : nullptr;
    if (!s_platform.glContext) {
        std::fprintf(stderr, "Welkom: WebGL2 is not available: %s\n", SDL_GetError());
        EM_ASM({ if (window.welkomShowFatal) window.welkomShowFatal("webgl2"); });
        return 1;
    }

    IMGUI_CHECKVERSION();
    ImGuiContext* context = ImGui::CreateContext();
    welkom::ItemRegistry::enableFor(context);
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // No imgui.ini in the browser: layout is fixed and nothing is persisted.
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;

    ImGui_ImplSDL2_InitForOpenGL(s_platform.window, s_platform.glContext);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    s_state.ui.language = browserPrefersDutch() ? welkom::Language::Dutch : welkom::Language::English;
    static welkom::Workspace workspace;
    s_workspace = &workspace;
    EM_ASM({ if (window.welkomReady) window.welkomReady(); });
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
