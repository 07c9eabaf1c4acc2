#include "platform/script_text_web.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include <SDL_opengles2.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include "io/json_dom.h"

namespace welkom {
namespace {

// Draws `text` into the page's text canvas (web/script_text.js): 1 and the
// size in out[0], out[1] when done, 0 while its fonts load, -1 on failure.
EM_JS(int, jsRenderScriptText, (const char* text, int pixelSize, int ascent, int wrapWidth, int* out), {
    var size = window.welkomScriptText.render(UTF8ToString(text), pixelSize, ascent, wrapWidth);
    if (size === null) return 0;
    if (!size) return -1;
    HEAP32[out >> 2] = size.width;
    HEAP32[(out >> 2) + 1] = size.height;
    return 1;
});
// Copies the last rendered pixels (RGBA, width*height*4 bytes) to `pixels`.
EM_JS(void, jsCopyScriptText, (unsigned char* pixels), {
    HEAPU8.set(window.welkomScriptText.pixels(), pixels);
});

// Bounds of the cache: a roster's names at two sizes fit easily; a 20,000-row
// table scrolled end to end cycles through without growing the GPU memory.
constexpr std::size_t kMaxTextures = 2048;
constexpr std::size_t kMaxBytes = 32u << 20;
// New strings rendered per frame; the rest show as ImGui text for a frame or two.
constexpr int kMaxRendersPerFrame = 48;

struct Entry {
    GLuint texture = 0;
    ScriptTextImage image;
    std::size_t bytes = 0;
    unsigned lastFrame = 0;
};

class WebScriptTextRenderer final : public ScriptTextRenderer {
public:
    ScriptTextImage image(std::string_view text, float fontSize, float wrapWidth) override {
        const float ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
        const int pixelSize = static_cast<int>(fontSize * ratio + 0.5f);
        const int wrap = wrapWidth > 0.0f ? static_cast<int>(wrapWidth * ratio) : 0;
        std::string key(text);
        key += '\0';
        key += std::to_string(pixelSize) + ":" + std::to_string(wrap);
        auto found = m_entries.find(key);
        if (found != m_entries.end()) {
            found->second.lastFrame = m_frame;
            return found->second.image;
        }
        if (m_rendersThisFrame >= kMaxRendersPerFrame || pixelSize <= 0) return {};
        ++m_rendersThisFrame;
        // ImGui puts the baseline at the font's ascent below the line's top.
        const ImFont* font = ImGui::GetFont();
        const int ascent = static_cast<int>(font->Ascent * (fontSize / font->FontSize) * ratio + 0.5f);
        int size[2] = {0, 0};
        const int rendered = jsRenderScriptText(key.c_str(), pixelSize, ascent, wrap, size);
        if (rendered <= 0) return {};
        std::vector<unsigned char> pixels(static_cast<std::size_t>(size[0]) * static_cast<std::size_t>(size[1]) * 4u);
        jsCopyScriptText(pixels.data());
        Entry entry;
        glGenTextures(1, &entry.texture);
        glBindTexture(GL_TEXTURE_2D, entry.texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, size[0], size[1], 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
        // script_text.js pads the text by `pad` device pixels on every side.
        const int pad = textPadding(pixelSize);
        entry.image.texture = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(entry.texture));
        entry.image.size = ImVec2(static_cast<float>(size[0]) / ratio, static_cast<float>(size[1]) / ratio);
        entry.image.offset = ImVec2(-static_cast<float>(pad) / ratio, -static_cast<float>(pad) / ratio);
        entry.bytes = pixels.size();
        entry.lastFrame = m_frame;
        m_bytes += entry.bytes;
        const ScriptTextImage image = entry.image;
        m_entries.emplace(std::move(key), entry);
        return image;
    }

    // Same formula as padding() in web/script_text.js.
    static int textPadding(int pixelSize) { return (pixelSize * 3 + 7) / 8; }

    void beginFrame() {
        ++m_frame;
        m_rendersThisFrame = 0;
        // Evict the least recently used until within bounds; last frame's images may go too:
        // this frame's panels have not asked for anything yet.
        while ((m_entries.size() > kMaxTextures || m_bytes > kMaxBytes) && !m_entries.empty()) {
            auto oldest = m_entries.begin();
            for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
                if (it->second.lastFrame < oldest->second.lastFrame) oldest = it;
            glDeleteTextures(1, &oldest->second.texture);
            m_bytes -= oldest->second.bytes;
            m_entries.erase(oldest);
        }
    }

    std::size_t textures() const { return m_entries.size(); }
    std::size_t bytes() const { return m_bytes; }

private:
    std::unordered_map<std::string, Entry> m_entries;
    std::size_t m_bytes = 0;
    unsigned m_frame = 1;
    int m_rendersThisFrame = 0;
};

WebScriptTextRenderer s_renderer;


}  // namespace

void installWebScriptTextRenderer() { setScriptTextRenderer(&s_renderer); }

void beginWebScriptTextFrame() {
    s_renderer.beginFrame();
    beginScriptTextFrame();
}

std::string describeScriptTextsForTests() {
    std::string out = "{\"textures\":" + std::to_string(s_renderer.textures()) +
                      ",\"bytes\":" + std::to_string(s_renderer.bytes()) + ",\"drawn\":[";
    bool first = true;
    for (const DrawnScriptText& d : drawnScriptTexts()) {
        if (!first) out += ',';
        first = false;
        char rect[384];
        std::snprintf(rect, sizeof rect,
                      ",\"x\":%.2f,\"y\":%.2f,\"w\":%.2f,\"h\":%.2f,\"clip\":{\"x\":%.2f,\"y\":%.2f,\"w\":%.2f,\"h\":%.2f},"
                      "\"textX\":%.2f,\"textY\":%.2f,\"fontSize\":%.2f}",
                      d.min.x, d.min.y, d.max.x - d.min.x, d.max.y - d.min.y, d.clipMin.x, d.clipMin.y,
                      d.clipMax.x - d.clipMin.x, d.clipMax.y - d.clipMin.y, d.textPos.x, d.textPos.y, d.fontSize);
        out += "{\"text\":";
        appendJsonString(out, d.text);
        out += rect;
    }
    out += "]}";
    return out;
}

}  // namespace welkom
