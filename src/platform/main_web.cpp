// Browser entry point: SDL2 + WebGL2 + Dear ImGui, driven by the browser's
// animation frames (emscripten_set_main_loop), never a blocking loop.
//
// [SECTION] Test interface: C functions behind window.welkomTest (web/welkom-test.js)
// [SECTION] Files and jobs: the browser side of AppState's hand-over fields
// [SECTION] Frame: events, appearance, panels, render, commands
// [SECTION] main: SDL, WebGL2 and ImGui setup
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include <SDL.h>
#include <SDL_opengles2.h>
#include <emscripten.h>
#include <emscripten/heap.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include "app/app_state.h"
#include "app/commands.h"
#include "app/jobs.h"
#include "app/memory_reserve.h"
#include "io/roster_files.h"
#include "platform/script_text_web.h"
#include "ui/a11y_tree.h"
#include "ui/appearance.h"
#include "ui/item_registry.h"
#include "ui/workspace.h"

namespace {

constexpr const char* kFontPath = "/assets/fonts/ui.ttf";

struct Platform {
    SDL_Window* window = nullptr;
    SDL_GLContext glContext = nullptr;
    float fontPixelRatio = 0.0f;  // pixel ratio and UI scale the font atlas was built for
    float fontUiScale = 0.0f;
    bool highContrast = false;  // style the atlas was built with (presentation mode)
    unsigned frameCount = 0;
    std::uint64_t workerHeapBytes = 0;  // largest wasm heap a worker reported (heaps only grow)
    // Time spent in frame() (events, panels, render, commands), for the frame-time test.
    double lastFrameMs = 0.0;
    double longestFrameMs = 0.0;  // since the test last asked
    // Parts of the last frame: drawing the panels (NewFrame to Render) and
    // applying the commands (a matching run happens there). The rest is GL.
    double lastUiMs = 0.0;
    double lastCommandsMs = 0.0;
    double longestCommandsMs = 0.0;
    // The accessibility mirror (?noA11y=1 switches it off, for the frame-time bench).
    bool mirror = true;
    double lastMirrorMs = 0.0;
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
std::vector<welkom::SignupFile> s_signupFiles;  // sign-up files of one drop or pick, until all arrived

}  // namespace

// [SECTION] Test interface ---------------------------------------------------
extern "C" {

EMSCRIPTEN_KEEPALIVE const char* welkom_test_item_rect(const char* label) {
    auto rect = welkom::ItemRegistry::instance().find(label ? label : "");
    if (!rect) return "null";
    char buffer[256];
    std::snprintf(buffer, sizeof buffer,
                  "{\"x\":%.2f,\"y\":%.2f,\"w\":%.2f,\"h\":%.2f,\"visible\":%s,"
                  "\"clip\":{\"x\":%.2f,\"y\":%.2f,\"w\":%.2f,\"h\":%.2f}}",
                  rect->x, rect->y, rect->w, rect->h, rect->visible() ? "true" : "false", rect->clipX, rect->clipY,
                  rect->clipW, rect->clipH);
    s_answer = buffer;
    return s_answer.c_str();
}

// Strings the browser drew for ImGui in the last frame (ui/roster_text.h), with their rectangles.
EMSCRIPTEN_KEEPALIVE const char* welkom_test_script_texts() {
    s_answer = welkom::describeScriptTextsForTests();
    return s_answer.c_str();
}

EMSCRIPTEN_KEEPALIVE unsigned welkom_test_frame_count() { return s_platform.frameCount; }

// {"frames":n,"lastMs":x,"longestMs":y,"lastUiMs":u,"lastCommandsMs":c,"longestCommandsMs":z,"lastMirrorMs":m}:
// work per frame in milliseconds, in all and its parts (panels; commands; accessibility mirror);
// the longest are since the previous call (which resets them).
EMSCRIPTEN_KEEPALIVE const char* welkom_test_frame_times() {
    char buffer[256];
    std::snprintf(buffer, sizeof buffer,
                  "{\"frames\":%u,\"lastMs\":%.3f,\"longestMs\":%.3f,\"lastUiMs\":%.3f,\"lastCommandsMs\":%.3f,"
                  "\"longestCommandsMs\":%.3f,\"lastMirrorMs\":%.3f,\"mirror\":%s}",
                  s_platform.frameCount, s_platform.lastFrameMs, s_platform.longestFrameMs, s_platform.lastUiMs,
                  s_platform.lastCommandsMs, s_platform.longestCommandsMs, s_platform.lastMirrorMs,
                  s_platform.mirror ? "true" : "false");
    s_platform.longestFrameMs = 0.0;
    s_platform.longestCommandsMs = 0.0;
    s_answer = buffer;
    return s_answer.c_str();
}

// brief != 0 leaves out what costs time on a large roster (digest, pair map).
EMSCRIPTEN_KEEPALIVE const char* welkom_test_state(int brief) {
    s_answer = welkom::describeStateForTests(
        s_state, s_workspace ? s_workspace->visiblePanels() : std::vector<std::string>{}, brief != 0);
    return s_answer.c_str();
}

// Wasm heap sizes in bytes: this page's and the largest a worker reached.
EMSCRIPTEN_KEEPALIVE const char* welkom_test_memory() {
    s_answer = "{\"pageHeapBytes\":" + std::to_string(emscripten_get_heap_size()) +
               ",\"workerHeapBytes\":" + std::to_string(s_platform.workerHeapBytes) + "}";
    return s_answer.c_str();
}

// The accessibility mirror (web/a11y.js): a DOM node was focused, activated
// (Enter, Space, a click by assistive technology), typed into or set.
EMSCRIPTEN_KEEPALIVE void welkom_a11y_focus(unsigned id) { welkom::a11y::requestFocus(id); }
EMSCRIPTEN_KEEPALIVE void welkom_a11y_activate(unsigned id) { welkom::a11y::requestActivate(id); }
EMSCRIPTEN_KEEPALIVE void welkom_a11y_set_text(unsigned id, const char* text) {
    welkom::a11y::requestText(id, text ? text : "");
}
EMSCRIPTEN_KEEPALIVE void welkom_a11y_set_value(unsigned id, double value) { welkom::a11y::requestValue(id, value); }
// The page lost its mirror (started again): send the whole tree next frame.
EMSCRIPTEN_KEEPALIVE void welkom_a11y_resend() { welkom::a11y::resetMirror(); }

// A file the coordinator picked or dropped (web/files.js). `purpose` is the
// FilePurpose the picker was opened for (dropped files: a roster, or by their
// name a spreadsheet or sign-ups: see openFile).
EMSCRIPTEN_KEEPALIVE void welkom_file_received(const char* name, const char* bytes, int size, int purpose) {
    // The copy below must not abort the page when memory is short (a failed
    // allocation there would end it, and unsaved work with it): try first.
    if (void* room = std::malloc(static_cast<std::size_t>(size) + 1)) {
        std::free(room);
    } else {
        s_commands.push(welkom::FileNotRead{name ? name : "", welkom::FileNotReadReason::OutOfMemory});
        return;
    }
    std::string content(bytes, static_cast<std::size_t>(size));
    if (purpose == static_cast<int>(welkom::FilePurpose::Signups))
        s_signupFiles.push_back({name ? name : "", std::move(content)});
    else if (purpose == static_cast<int>(welkom::FilePurpose::Sheet))
        s_commands.push(welkom::ImportSheet{name ? name : "", std::move(content)});
    else if (purpose == static_cast<int>(welkom::FilePurpose::ResearchData))
        s_commands.push(welkom::ImportResearchFile{name ? name : "", std::move(content)});
    else
        s_commands.push(welkom::OpenFile{name ? name : "", std::move(content)});
}

// The last sign-up file of a drop or pick has been handed over: they are
// imported together (one preview, one undoable step).
EMSCRIPTEN_KEEPALIVE void welkom_signup_files_done() {
    if (!s_signupFiles.empty()) s_commands.push(welkom::ImportSignupFiles{std::exchange(s_signupFiles, {})});
}

// A file web/files.js did not hand over: reason 0 too large (File.size, before
// reading), 1 unreadable, 2 no room in the heap for its bytes.
EMSCRIPTEN_KEEPALIVE void welkom_file_not_read(const char* name, int reason) {
    const auto why = reason == 1 ? welkom::FileNotReadReason::Unreadable
                   : reason == 2 ? welkom::FileNotReadReason::OutOfMemory
                                 : welkom::FileNotReadReason::TooLarge;
    s_commands.push(welkom::FileNotRead{name ? name : "", why});
}

// The largest file the app opens (web/files.js checks File.size against it).
EMSCRIPTEN_KEEPALIVE double welkom_max_open_file_bytes() { return static_cast<double>(welkom::kMaxOpenFileBytes); }

// An encrypted autosave found in IndexedDB at start-up (web/storage.js).
EMSCRIPTEN_KEEPALIVE void welkom_autosave_found(const char* name, const char* bytes, int size, const char* savedAt) {
    s_commands.push(welkom::AutosaveFound{
        {name ? name : "", std::string(bytes, static_cast<std::size_t>(size)), savedAt ? savedAt : ""}});
}

// IndexedDB refused by the browser (web/storage.js): autosave is off.
EMSCRIPTEN_KEEPALIVE void welkom_autosave_unavailable() { s_commands.push(welkom::AutosaveUnavailable{}); }

}  // extern "C"

// [SECTION] Files and jobs ------------------------------------------------------
namespace {

EM_JS(void, jsPickFile, (int purpose), { window.welkomFiles.pick(purpose); });
// Today's local date "YYYY-MM-DD", or ?today=YYYY-MM-DD from the address (tests, demos).
EM_JS(void, jsToday, (char* out, int capacity), {
    var wanted = new URLSearchParams(location.search).get('today');
    var d = new Date();
    var pad = function(n) { return (n < 10 ? "0" : "") + n; };
    var today = wanted && wanted.length === 10 && !isNaN(Date.parse(wanted)) ? wanted
              : d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
    stringToUTF8(today, out, capacity);
});
EM_JS(void, jsDownload, (const char* name, const char* bytes, int size, const char* mimeType), {
    window.welkomFiles.download(UTF8ToString(name), HEAPU8.slice(bytes, bytes + size), UTF8ToString(mimeType));
});
EM_JS(void, jsSetUnsaved, (int unsaved), { window.welkomFiles.setUnsaved(unsaved); });
// The clock in UTC, "YYYY-MM-DDTHH:MM:SSZ" (a programme key's creation time).
EM_JS(void, jsUtcNow, (char* out, int capacity), {
    stringToUTF8(new Date().toISOString().slice(0, 19) + 'Z', out, capacity);
});
// The app's own address, and whether it is the single file (its scripts are
// inline: no boot.js loaded by src), for the sign-up page next to it.
EM_JS(int, jsAppUrl, (char* out, int capacity), {
    stringToUTF8(location.href, out, capacity);
    return document.querySelector('script[src="boot.js"]') ? 0 : 1;
});
EM_JS(void, jsCopyText, (const char* text), {
    var value = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText)
        navigator.clipboard.writeText(value).catch(function (error) { console.warn('Welkom: clipboard: ' + error); });
});
EM_JS(void, jsStoreAutosave, (const char* name, const char* bytes, int size), {
    window.welkomStorage.storeAutosave(UTF8ToString(name), HEAPU8.slice(bytes, bytes + size));
});
EM_JS(void, jsDeleteAutosave, (), { window.welkomStorage.deleteAutosave(); });
// Settings from the address, e.g. ?lockAfter=300&autosaveDelay=10 (seconds),
// ?demoSize=300 (households and groups of the demo).
EM_JS(double, jsNumberParameter, (const char* name, double fallback), {
    var value = parseFloat(new URLSearchParams(location.search).get(UTF8ToString(name)));
    return isFinite(value) && value > 0 ? value : fallback;
});
// The browser's text size setting (its default font size: 16 px unless the
// coordinator chose larger) as a scale, read from the page's root element.
EM_JS(double, jsBrowserTextScale, (), {
    var px = parseFloat(getComputedStyle(document.documentElement).fontSize);
    return isFinite(px) && px > 0 ? px / 16 : 1;
});
EM_JS(void, jsMirrorApply, (const char* changes), {
    if (window.welkomA11y) window.welkomA11y.apply(UTF8ToString(changes));
});
EM_JS(void, jsWorkerUrl, (char* out, int capacity), {
    stringToUTF8(window.welkomWorkerUrl || "welkom-worker.js", out, capacity);
});

// Two workers: one for files (keys, encryption), one for matching, so a long
// matching run never holds up a save, and cancelling it (which ends its
// worker: a running wasm call cannot be interrupted) loses nothing else.
// Emscripten numbers workers from 0, so "none" is -1.
constexpr worker_handle kNoWorker = -1;
worker_handle s_fileWorker = kNoWorker;
worker_handle s_matchingWorker = kNoWorker;
std::vector<std::uint64_t> s_matchingJobs;  // jobs the matching worker has not answered yet
welkom::MatchingWorkerRoster s_matchingWorkerRoster;  // which roster it holds
std::vector<std::uint64_t> s_fileJobs;  // jobs the file worker has not answered yet
bool s_reportedUnsaved = false;

// A worker that dies (out of memory, an internal error) never answers: the
// page hears of it through the Worker's error event and fails its jobs.
EM_JS(void, jsWatchWorker, (int worker), {
    var info = Browser.workers[worker];
    if (!info) return;
    info.worker.addEventListener('error', function (event) {
        event.preventDefault();  // handled here: the page goes on
        // (No backslashes in EM_JS: Emscripten 3.1.6 breaks on them.)
        var text = String(event.message || '');
        var outOfMemory = text.indexOf('OOM') >= 0 || /out of memory|enlarge memory|cannot allocate/i.test(text);
        _welkom_worker_failed(worker, outOfMemory ? 1 : 0);
    });
});

// Answers from the worker: 'P' + float progress, 'H' + its heap size, or
// 'R' + the job's output.
void onWorkerMessage(char* data, int size, void* arg) {
    const auto id = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(arg));
    if (size == 1 + static_cast<int>(sizeof(std::uint64_t)) && data[0] == 'H') {
        std::uint64_t bytes = 0;
        std::memcpy(&bytes, data + 1, sizeof bytes);
        s_platform.workerHeapBytes = std::max(s_platform.workerHeapBytes, bytes);
        return;
    }
    if (size >= 1 + static_cast<int>(sizeof(float)) && data[0] == 'P') {
        float fraction = 0.0f;
        std::memcpy(&fraction, data + 1, sizeof(float));
        s_commands.push(welkom::JobProgressed{id, fraction});
        return;
    }
    s_matchingJobs.erase(std::remove(s_matchingJobs.begin(), s_matchingJobs.end(), id), s_matchingJobs.end());
    s_fileJobs.erase(std::remove(s_fileJobs.begin(), s_fileJobs.end(), id), s_fileJobs.end());
    if (size >= 1 && data[0] == 'R') {
        s_commands.push(welkom::JobFinished{id, welkom::decodeJobOutput(std::string_view(data + 1, size - 1))});
        std::memset(data, 0, static_cast<std::size_t>(size));  // may hold a decrypted roster
        return;
    }
    s_commands.push(welkom::JobFinished{id, welkom::decodeJobOutput({})});
}

worker_handle createWorker() {
    char url[512];
    jsWorkerUrl(url, sizeof url);
    return emscripten_create_worker(url);
}

// Cancelled matching jobs are forgotten (the app has dropped them, so their
// answers are ignored). When nothing wanted is left in the matching worker,
// it is ended, which stops a long run at once.
void cancelJobsInWorker() {
    if (s_state.jobsToCancel.empty()) return;
    for (std::uint64_t id : s_state.jobsToCancel)
        s_matchingJobs.erase(std::remove(s_matchingJobs.begin(), s_matchingJobs.end(), id), s_matchingJobs.end());
    s_state.jobsToCancel.clear();
    if (!s_matchingJobs.empty() || s_matchingWorker == kNoWorker) return;
    emscripten_destroy_worker(s_matchingWorker);
    s_matchingWorker = kNoWorker;
    s_matchingWorkerRoster.forget();
}

void startJobsInWorker() {
    cancelJobsInWorker();
    for (welkom::JobTicket& ticket : s_state.jobsToStart) {
        const bool matching = std::holds_alternative<welkom::MatchJob>(ticket.request);
        worker_handle& worker = matching ? s_matchingWorker : s_fileWorker;
        if (worker == kNoWorker) {
            worker = createWorker();
            jsWatchWorker(worker);
        }
        if (matching) {
            s_matchingWorkerRoster.prepare(std::get<welkom::MatchJob>(ticket.request));
            s_matchingJobs.push_back(ticket.id);
        } else {
            s_fileJobs.push_back(ticket.id);
        }
        std::string wire = welkom::encodeJobRequest(ticket.request);
        welkom::wipeJobRequest(ticket.request);  // clear() below frees it: no passphrase left behind
        emscripten_call_worker(worker, "welkom_worker_run", wire.data(), static_cast<int>(wire.size()),
                               onWorkerMessage, reinterpret_cast<void*>(static_cast<std::uintptr_t>(ticket.id)));
        welkom::wipeSecret(wire);
    }
    s_state.jobsToStart.clear();
}

}  // namespace

// Called by jsWatchWorker: the worker's unanswered jobs fail with a message,
// the dead worker goes, and the next job starts a new one.
extern "C" EMSCRIPTEN_KEEPALIVE void welkom_worker_failed(int worker, int outOfMemory) {
    std::vector<std::uint64_t> failed;
    if (worker != kNoWorker && worker == s_matchingWorker) {
        failed.swap(s_matchingJobs);
        s_matchingWorker = kNoWorker;
        s_matchingWorkerRoster.forget();
    } else if (worker != kNoWorker && worker == s_fileWorker) {
        failed.swap(s_fileJobs);
        s_fileWorker = kNoWorker;
    } else {
        return;  // already replaced
    }
    emscripten_destroy_worker(worker);
    for (std::uint64_t id : failed)
        s_commands.push(welkom::JobFinished{id, welkom::workerStoppedError(outOfMemory != 0)});
}

namespace {

// Carries out what the last commands asked of the browser.
void serveHandOvers() {
    startJobsInWorker();
    for (welkom::OutgoingFile& file : s_state.filesToSave) {
        jsDownload(file.name.c_str(), file.bytes.data(), static_cast<int>(file.bytes.size()), file.mimeType.c_str());
        welkom::wipeSecret(file.bytes);
    }
    s_state.filesToSave.clear();
    if (s_state.filePickerRequested) {
        s_state.filePickerRequested = false;
        jsPickFile(static_cast<int>(s_state.filePickerPurpose));
    }
    if (s_state.autosaveToStore) {
        const welkom::Recovery& autosave = *s_state.autosaveToStore;  // ciphertext only
        jsStoreAutosave(autosave.fileName.c_str(), autosave.bytes.data(), static_cast<int>(autosave.bytes.size()));
        s_state.autosaveToStore.reset();
    }
    if (s_state.clipboardText) {
        jsCopyText(s_state.clipboardText->c_str());
        s_state.clipboardText.reset();
    }
    if (s_state.autosaveDeleteRequested) {
        s_state.autosaveDeleteRequested = false;
        jsDeleteAutosave();
    }
    if (s_state.unsaved != s_reportedUnsaved) {
        s_reportedUnsaved = s_state.unsaved;
        jsSetUnsaved(s_reportedUnsaved);
    }
}

}  // namespace

// [SECTION] Frame -------------------------------------------------------------
namespace {

// Rebuilds the font atlas when the screen's pixel ratio (browser zoom, moving
// to another monitor) or the coordinator's UI scale changed.
void refreshAppearance() {
    const float pixelRatio = static_cast<float>(emscripten_get_device_pixel_ratio());
    const bool highContrast = s_state.ui.presentation;
    if (pixelRatio == s_platform.fontPixelRatio && s_state.ui.uiScale == s_platform.fontUiScale &&
        highContrast == s_platform.highContrast)
        return;
    if (!welkom::applyAppearance(kFontPath, pixelRatio, s_state.ui.uiScale, highContrast) &&
        s_platform.fontPixelRatio == 0.0f) {
        s_state.errors.push_back(welkom::codedError("ui.font"));
    }
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    s_platform.fontPixelRatio = pixelRatio;
    s_platform.fontUiScale = s_state.ui.uiScale;
    s_platform.highContrast = highContrast;
}

// Set aside at start-up; spent when an allocation fails (see memory_reserve.h).
constexpr std::size_t kMemoryReserveBytes = 16u << 20;
welkom::MemoryReserve* s_memoryReserve = nullptr;

void frame() {
    const double now = emscripten_get_now() / 1000.0;
    if (s_memoryReserve->takeLowMemorySignal()) s_commands.push(welkom::MemoryLow{});
    if (!s_memoryReserve->armed()) s_memoryReserve->rearm();  // once memory is back
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        ImGui_ImplSDL2_ProcessEvent(&event);
        switch (event.type) {
            case SDL_KEYDOWN: case SDL_TEXTINPUT: case SDL_MOUSEBUTTONDOWN: case SDL_MOUSEWHEEL: case SDL_MOUSEMOTION:
                s_commands.push(welkom::UserActivity{now});
                break;
            default: break;
        }
        // Ctrl+S saves (ImGui knows no S key in 1.86, so the platform maps it).
        if (event.type == SDL_KEYDOWN && (event.key.keysym.mod & KMOD_CTRL) && event.key.keysym.sym == SDLK_s &&
            !event.key.repeat)
            s_commands.push(welkom::SaveRoster{});
    }

    refreshAppearance();
    welkom::ItemRegistry::instance().beginFrame();
    welkom::beginWebScriptTextFrame();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    const double uiStart = emscripten_get_now();
    welkom::a11y::beforeNewFrame();
    ImGui::NewFrame();
    welkom::a11y::afterNewFrame();
    s_workspace->draw(s_state, s_commands);
    ImGui::Render();
    s_platform.lastUiMs = emscripten_get_now() - uiStart;
    welkom::ItemRegistry::instance().endFrame();
    if (s_platform.mirror) {
        const double mirrorStart = emscripten_get_now();
        const std::string changes = welkom::a11y::buildFrame(welkom::languageCode(s_state.ui.language));
        if (!changes.empty()) jsMirrorApply(changes.c_str());
        s_platform.lastMirrorMs = emscripten_get_now() - mirrorStart;
    }

    const ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(welkom::kCanvasColour.x, welkom::kCanvasColour.y, welkom::kCanvasColour.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(s_platform.window);

    char today[16];
    jsToday(today, sizeof today);
    if (s_state.clock.today != today) s_commands.push(welkom::SetToday{today});
    char utcNow[32];
    jsUtcNow(utcNow, sizeof utcNow);
    if (s_state.clock.utcNow != utcNow) s_commands.push(welkom::SetUtcTime{utcNow});
    s_commands.push(welkom::Tick{now});
    const double commandsStart = emscripten_get_now();
    welkom::applyCommands(s_state, s_commands);
    s_platform.lastCommandsMs = emscripten_get_now() - commandsStart;
    s_platform.longestCommandsMs = std::max(s_platform.longestCommandsMs, s_platform.lastCommandsMs);
    serveHandOvers();
    ++s_platform.frameCount;
    s_platform.lastFrameMs = emscripten_get_now() - now * 1000.0;
    s_platform.longestFrameMs = std::max(s_platform.longestFrameMs, s_platform.lastFrameMs);
}

}  // namespace

// [SECTION] main ----------------------------------------------------------------
int main(int, char**) {
    static welkom::MemoryReserve memoryReserve(kMemoryReserveBytes);
    s_memoryReserve = &memoryReserve;
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
    welkom::installWebScriptTextRenderer();

    s_state.ui.language = browserPrefersDutch() ? welkom::Language::Dutch : welkom::Language::English;
    s_state.ui.lockAfterSeconds = jsNumberParameter("lockAfter", s_state.ui.lockAfterSeconds);
    s_state.ui.autosaveDelaySeconds = jsNumberParameter("autosaveDelay", s_state.ui.autosaveDelaySeconds);
    s_state.ui.demoSize = static_cast<int>(jsNumberParameter("demoSize", 0.0));
    {
        std::vector<char> appUrl(4096);
        const bool singleFile = jsAppUrl(appUrl.data(), static_cast<int>(appUrl.size())) != 0;
        s_state.ui.signupPageUrl = welkom::signupPageUrl(appUrl.data(), singleFile);
    }
    s_platform.mirror = jsNumberParameter("noA11y", 0.0) == 0.0;
    s_state.clock.now = s_state.clock.lastActivity = emscripten_get_now() / 1000.0;
    // A larger text size in the browser's settings starts the interface that
    // much larger (WCAG 1.4.4), as View > Interface size would; browser zoom
    // needs nothing: layout is in CSS pixels, so zooming in enlarges it.
    const float browserTextScale = static_cast<float>(jsBrowserTextScale());
    if (browserTextScale > 1.01f) welkom::applyCommand(s_state, welkom::SetUiScale{browserTextScale});
    // ?present=1: start in presentation mode (an information evening's laptop).
    if (jsNumberParameter("present", 0.0) > 0.0) welkom::applyCommand(s_state, welkom::SetPresentationMode{true});
    static welkom::Workspace workspace;
    s_workspace = &workspace;
    EM_ASM({ if (window.welkomReady) window.welkomReady(); });
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
