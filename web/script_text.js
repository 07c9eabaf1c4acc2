// Draws strings Dear ImGui's atlas cannot (Arabic and Farsi shaped and laid
// out right to left, Ethiopic, ...) with the browser's own text engine on a 2D
// canvas; src/platform/script_text_web.cpp uploads the pixels as textures.
// Fonts: the UI font (Noto Sans, from the payload) plus Noto Sans Arabic and
// Noto Sans Ethiopic, subset at build time and loaded only when a string
// needs them: from fonts/*.woff2 (CSP font-src 'self'), or in the single-file
// build from data blocks in the page.
(function () {
  'use strict';
  var FONTS = [
    { name: 'arabic', family: 'Welkom Arabic', script: /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/ },
    { name: 'ethiopic', family: 'Welkom Ethiopic', script: /[\u1200-\u139F\u2D80-\u2DDF\uAB00-\uAB2F]/ }
  ];
  var UI_FAMILY = 'Welkom UI';
  var FAMILIES = '"' + UI_FAMILY + '", ' + FONTS.map(function (f) { return '"' + f.family + '"'; }).join(', ') + ', sans-serif';
  var status = {};  // font name -> 'loading' | 'ready' | 'failed'
  var canvas = document.createElement('canvas');
  var context = canvas.getContext('2d', { willReadFrequently: true });
  var lastPixels = null;

  function decodeBase64(text) {
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function load(name, family, source) {
    status[name] = 'loading';
    var face = new FontFace(family, source);
    face.load().then(function () {
      document.fonts.add(face);
      status[name] = 'ready';
    }, function (error) {
      status[name] = 'failed';
      console.warn('Welkom: font ' + name + ' could not be loaded (' + error + '); its script shows in a fallback font');
    });
  }

  // Whether every font `text` needs is loaded; starts loading the missing ones.
  function fontsReady(text) {
    if (!status.ui) {
      var bytes = null;
      try { bytes = Module.FS.readFile('/assets/fonts/ui.ttf'); } catch (e) { bytes = null; }
      if (bytes) load('ui', UI_FAMILY, bytes); else status.ui = 'failed';
    }
    var ready = status.ui !== 'loading';
    FONTS.forEach(function (font) {
      if (!font.script.test(text)) return;
      if (!status[font.name]) {
        var inlined = document.getElementById('welkom-font:' + font.name);
        load(font.name, font.family, inlined ? decodeBase64(inlined.textContent) : 'url(fonts/' + font.name + '.woff2)');
      }
      if (status[font.name] === 'loading') ready = false;
    });
    return ready;
  }

  // Paragraph direction from the first strong letter (Unicode bidi rules P2, P3).
  function isRightToLeft(text) {
    var letter = text.match(/\p{L}/u);
    return letter !== null && /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(letter[0]);
  }

  // ImGui sizes a font by its line height (ascent + descent), CSS by its em:
  // the em that gives the UI font the line height ImGui uses (Noto Sans: 1000/1362).
  var emPerLine = null;
  function emSize(pixelSize) {
    if (emPerLine === null && status.ui === 'ready') {
      context.font = '100px "' + UI_FAMILY + '"';
      var m = context.measureText('x');
      var line = m.fontBoundingBoxAscent + m.fontBoundingBoxDescent;
      emPerLine = line > 0 ? 100 / line : 1000 / 1362;
    }
    return pixelSize * (emPerLine || 1000 / 1362);
  }

  // Same formula as textPadding() in script_text_web.cpp.
  function padding(pixelSize) { return Math.floor((pixelSize * 3 + 7) / 8); }

  // Lines of at most `wrapWidth` pixels, broken at spaces in logical order
  // (each line is then laid out by the bidi algorithm on its own, as UAX #9 says).
  function wrapLines(text, wrapWidth) {
    if (!wrapWidth || context.measureText(text).width <= wrapWidth) return [text];
    var words = text.split(/(\s+)/);
    var lines = [], line = '';
    for (var i = 0; i < words.length; i++) {
      var candidate = line + words[i];
      if (line.trim() !== '' && context.measureText(candidate.trim()).width > wrapWidth && words[i].trim() !== '') {
        lines.push(line.trim());
        line = words[i];
      } else {
        line = candidate;
      }
    }
    if (line.trim() !== '') lines.push(line.trim());
    return lines;
  }

  window.welkomScriptText = {
    families: FAMILIES,
    // Renders `text` white on transparent; {width, height} in device pixels,
    // null while fonts load. The baseline of the first line is `ascent` below
    // the top of the text, which sits `padding(pixelSize)` below the image's top.
    render: function (text, pixelSize, ascent, wrapWidth) {
      if (!fontsReady(text)) return null;
      var font = emSize(pixelSize) + 'px ' + FAMILIES;
      context.font = font;
      var lines = wrapLines(text, wrapWidth);
      var rtl = isRightToLeft(text);
      var widest = 0;
      lines.forEach(function (line) { widest = Math.max(widest, context.measureText(line).width); });
      var pad = padding(pixelSize);
      var width = Math.min(4096, Math.ceil(lines.length > 1 && wrapWidth ? Math.max(widest, wrapWidth) : widest) + 2 * pad);
      var height = Math.min(4096, lines.length * pixelSize + 2 * pad);
      canvas.width = width;
      canvas.height = height;
      context.font = font;  // resizing the canvas resets its state
      context.direction = rtl ? 'rtl' : 'ltr';
      context.textAlign = rtl ? 'right' : 'left';
      context.textBaseline = 'alphabetic';
      context.fillStyle = '#fff';
      lines.forEach(function (line, i) {
        context.fillText(line, rtl ? width - pad : pad, pad + ascent + i * pixelSize);
      });
      lastPixels = context.getImageData(0, 0, width, height).data;
      return { width: width, height: height };
    },
    pixels: function () { return lastPixels; },
    // CSS font size (em, in pixels) of text ImGui draws `pixelSize` high.
    emSize: emSize,
    // For tests: the state of each font ('ready', 'loading', 'failed', or absent: never needed).
    fontStatus: function () { return Object.assign({}, status); }
  };
})();
