// window.welkomTest: the page's stable test interface, used by the browser
// tests (tests/browser) and documented in README.md.
//   welkomTest.itemRect(label) -> {x, y, w, h, visible, clip} in CSS pixels of
//                                 the item with that visible label or ImGui ID
//                                 string in the last rendered frame, or null;
//                                 clip is the visible area of its window
//   welkomTest.frameCount()    -> number of frames rendered
//   welkomTest.frameTimes()    -> {frames, lastMs, longestMs, lastUiMs, lastCommandsMs,
//                                 longestCommandsMs}: milliseconds of work in the
//                                 last frame, of its panels and its commands, and
//                                 the longest since the previous call (which resets them)
//   welkomTest.state()         -> small summary of the app (no personal data);
//   welkomTest.state({brief: true}) leaves out rosterDigest and groupOf (slow on 20k rosters)
//   welkomTest.scriptTexts()   -> {textures, bytes, drawn: [{text, x, y, w, h, clip}]}: strings the
//                                 browser's text engine drew for the last frame (Arabic script,
//                                 Ethiopic...), in CSS pixels of the page, and the texture cache's size
//   welkomTest.memory()        -> {pageHeapBytes, workerHeapBytes, jsHeapBytes}: wasm heaps
//                                 (they only grow, so this is the peak) and Chromium's JS heap
(function () {
  'use strict';
  function ready() { return typeof Module !== 'undefined' && Module.calledRun; }
  window.welkomTest = {
    itemRect: function (label) {
      if (!ready()) return null;
      var rect = JSON.parse(Module.ccall('welkom_test_item_rect', 'string', ['string'], [String(label)]));
      if (!rect) return null;
      // ImGui works in CSS pixels relative to the canvas (see main_web.cpp).
      var canvasBox = Module.canvas.getBoundingClientRect();
      return {
        x: rect.x + canvasBox.left, y: rect.y + canvasBox.top, w: rect.w, h: rect.h, visible: rect.visible,
        clip: { x: rect.clip.x + canvasBox.left, y: rect.clip.y + canvasBox.top, w: rect.clip.w, h: rect.clip.h }
      };
    },
    frameCount: function () { return ready() ? Module.ccall('welkom_test_frame_count', 'number', [], []) : 0; },
    frameTimes: function () {
      return ready() ? JSON.parse(Module.ccall('welkom_test_frame_times', 'string', [], [])) : null;
    },
    state: function (options) {
      var brief = options && options.brief ? 1 : 0;
      return ready() ? JSON.parse(Module.ccall('welkom_test_state', 'string', ['number'], [brief])) : null;
    },
    scriptTexts: function () {
      if (!ready()) return null;
      var answer = JSON.parse(Module.ccall('welkom_test_script_texts', 'string', [], []));
      var canvasBox = Module.canvas.getBoundingClientRect();
      answer.drawn.forEach(function (d) {
        d.x += canvasBox.left; d.y += canvasBox.top; d.clip.x += canvasBox.left; d.clip.y += canvasBox.top;
        d.textX += canvasBox.left; d.textY += canvasBox.top;
      });
      return answer;
    },
    memory: function () {
      if (!ready()) return null;
      var m = JSON.parse(Module.ccall('welkom_test_memory', 'string', [], []));
      m.jsHeapBytes = performance.memory ? performance.memory.usedJSHeapSize : null;
      return m;
    }
  };
})();
