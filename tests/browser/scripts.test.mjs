// Names and notes in the scripts households write, as the app shows them:
// Arabic and Farsi shaped and right to left, Tigrinya (Ethiopic), Ukrainian,
// Turkish, and Arabic mixed with Latin and digits. Each string the app draws
// is compared with Chromium's own rendering of the same string in the same
// fonts and size on a reference page; every code point must be in the fonts
// (no empty boxes). Then an Arabic name is typed with an Arabic keyboard
// layout's key events and found saved exactly. All people are fictitious.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';
import { artifactsDir, distDir, startApp } from './lib/harness.mjs';
import { decryptWithAgeCli, kPassphrase, saveWithPassphrase } from './lib/roster_files.mjs';

// [id, display name, notes]
const kHouseholds = [
  ['h1', 'عائلة حدّاد', 'تحب الطبخ والحدائق'],                       // Arabic
  ['h2', 'خانواده کریمی', 'می‌خواهند فارسی صحبت کنند'],              // Farsi (with a ZWNJ)
  ['h3', 'ተስፋይ ገብረሚካኤል', 'ሰላም ንስድራቤት ሓገዝ ይደልዩ'],               // Tigrinya
  ['h4', 'Оксана Ковальчук', 'Їжак і ґудзик, є ще'],                 // Ukrainian
  ['h5', 'Aylin Işık', 'Öğretmen, İzmir ve Şişli'],                  // Turkish
  ['h6', 'عائلة ناصر (Nasser) 2024', 'موعد 12 مارس في Utrecht رقم 3B'],  // mixed
];

function rosterJson() {
  const household = ([id, displayName, notes]) => ({
    id, displayName, notes, municipality: 'Utrecht',
    members: [{ age: 34, role: 'adult', languages: { nl: 'A2' } }],
    consent: { toMatching: true, toMatchingDate: '2026-01-10' },
  });
  return JSON.stringify({
    format: 'welkom-roster', version: 1, programmeName: 'Fictief programma',
    households: kHouseholds.map(household),
    groups: [{ id: 'g1', name: 'Groep Zonnebloem', municipality: 'Utrecht', capacity: 1,
      members: [1, 2, 3, 4, 5].map((n) => ({ id: `m${n}`, name: `Lid ${n}`, age: 40 + n })) }],
  });
}

// The fonts the app uses, from dist/: the UI font inside the payload script,
// the script fonts in fonts/. Written to a temporary folder for fontTools.
function appFonts(dir) {
  const sandbox = { self: {} };
  vm.runInNewContext(readFileSync(join(distDir, 'welkom-payload.js'), 'utf8'), sandbox);
  const files = {
    // One character per byte in the payload (web/tools/pack_payload.py): 'latin1' reads it back.
    'Welkom UI': { path: join(dir, 'ui.ttf'), bytes: Buffer.from(sandbox.self.welkomPayload.files['/assets/fonts/ui.ttf'], 'latin1') },
    'Welkom Arabic': { path: join(distDir, 'fonts/arabic.woff2') },
    'Welkom Ethiopic': { path: join(distDir, 'fonts/ethiopic.woff2') },
  };
  writeFileSync(files['Welkom UI'].path, files['Welkom UI'].bytes);
  for (const f of Object.values(files)) f.bytes = readFileSync(f.path);
  return files;
}

// Code points of `strings` that none of the fonts has a glyph for (the empty boxes
// a reader would see). Format characters (ZWNJ, bidi marks) need none.
function missingGlyphs(fonts, strings) {
  const script = `
import json, sys
from fontTools.ttLib import TTFont
paths, strings = json.load(sys.stdin)
cmaps = [TTFont(p).getBestCmap() for p in paths]
missing = sorted({hex(ord(c)) for s in strings for c in s
                  if ord(c) > 0x20 and ord(c) not in (0x200C, 0x200D, 0x200E, 0x200F)
                  and not any(ord(c) in m for m in cmaps)})
print(json.dumps(missing))`;
  const input = JSON.stringify([Object.values(fonts).map((f) => f.path), strings]);
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input }).toString());
}

// A page that draws strings with Chromium's text engine in the app's fonts and
// compares pictures of text (both run in that page's canvas).
async function referencePage(context, fonts, fontSize) {
  const page = await context.newPage();
  const faces = Object.entries(fonts).map(([family, f]) =>
    `@font-face { font-family: "${family}"; src: url(data:font/${f.path.endsWith('woff2') ? 'woff2' : 'ttf'};base64,${f.bytes.toString('base64')}); }`);
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${faces.join('\n')}
    body { margin: 0; background: #000; color: #fff; }
    span { font: ${fontSize}px "Welkom UI", "Welkom Arabic", "Welkom Ethiopic", sans-serif; white-space: pre;
           display: inline-block; padding: 12px; }
  </style></head><body><div id="line"></div></body></html>`);
  await page.evaluate(async () => {
    await Promise.all(['Welkom UI', 'Welkom Arabic', 'Welkom Ethiopic'].map((f) => document.fonts.load(`16px "${f}"`)));
  });
  await page.addScriptTag({ content: `
    // Ink of a picture: how far each pixel is from the background (the corner's colour), 0..1.
    async function ink(base64) {
      const image = await createImageBitmap(await (await fetch('data:image/png;base64,' + base64)).blob());
      const c = new OffscreenCanvas(image.width, image.height);
      const g = c.getContext('2d');
      g.drawImage(image, 0, 0);
      const d = g.getImageData(0, 0, image.width, image.height).data;
      const lum = (i) => 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
      const bg = lum(0);
      const values = new Float32Array(image.width * image.height);
      let top = 0;
      for (let p = 0; p < values.length; p++) { values[p] = Math.abs(lum(p * 4) - bg); top = Math.max(top, values[p]); }
      for (let p = 0; p < values.length; p++) values[p] = top > 0 ? values[p] / top : 0;
      return { width: image.width, height: image.height, values };
    }
    // The ink's bounding box scaled to w x h, slightly blurred (rasterisers differ by a fraction of a pixel).
    function normalised(m, w, h) {
      let x0 = m.width, y0 = m.height, x1 = -1, y1 = -1;
      for (let y = 0; y < m.height; y++) for (let x = 0; x < m.width; x++) {
        if (m.values[y * m.width + x] > 0.25) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
      }
      if (x1 < 0) return { empty: true };
      const out = new Float32Array(w * h);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
        const sx = Math.min(m.width - 1, Math.round(x0 + (x + 0.5) * (x1 - x0 + 1) / w - 0.5));
        const sy = Math.min(m.height - 1, Math.round(y0 + (y + 0.5) * (y1 - y0 + 1) / h - 0.5));
        out[y * w + x] = m.values[sy * m.width + sx];
      }
      const blurred = new Float32Array(w * h);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
        let sum = 0, n = 0;
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx, yy = y + dy;
          if (xx >= 0 && yy >= 0 && xx < w && yy < h) { sum += out[yy * w + xx]; n++; }
        }
        blurred[y * w + x] = sum / n;
      }
      return { empty: false, box: [x1 - x0 + 1, y1 - y0 + 1], values: blurred };
    }
    // Similarity of two pictures of text: weighted Jaccard index (sum of minima over
    // sum of maxima) of their ink, both scaled to the reference's ink box; also the
    // ratio of their ink boxes' widths (a missing or extra glyph changes it).
    window.textSimilarity = async function (referencePng, otherPng) {
      const a = await ink(referencePng), b = await ink(otherPng);
      const ra = normalised(a, 1, 1);
      if (ra.empty) return { similarity: 0, widthRatio: 0, reason: 'reference empty' };
      const w = ra.box[0], h = ra.box[1];
      const na = normalised(a, w, h), nb = normalised(b, w, h);
      if (nb.empty) return { similarity: 0, widthRatio: 0, reason: 'picture empty' };
      let min = 0, max = 0;
      for (let i = 0; i < w * h; i++) { min += Math.min(na.values[i], nb.values[i]); max += Math.max(na.values[i], nb.values[i]); }
      return { similarity: max > 0 ? min / max : 0, widthRatio: nb.box[0] / na.box[0] };
    };
  ` });
  return {
    page,
    // PNG (base64) of `text` as Chromium draws it, with the bidi paragraph direction of its first strong letter.
    async draw(text) {
      await page.evaluate((t) => {
        const line = document.getElementById('line');
        line.innerHTML = '';
        const span = document.createElement('span');
        span.dir = 'auto';
        span.textContent = t;
        line.appendChild(span);
      }, text);
      return (await page.locator('#line span').screenshot()).toString('base64');
    },
    similarity(referencePng, otherPng) { return page.evaluate(([a, b]) => window.textSimilarity(a, b), [referencePng, otherPng]); },
  };
}

// The same letters drawn wrongly, the ways a broken text renderer would: every
// letter in its isolated form (no joining), and the characters in reverse order
// (no bidi reordering, or reordering twice).
function wrongRenderings(text) {
  const wrong = { reversed: [...text].reverse().join('') };
  if (/[\u0600-\u06FF]/.test(text)) wrong.unjoined = [...text].join('\u200C');
  return wrong;
}

// Where the app drew `text`: the browser-drawn image (the last one: "as written"
// under the field, away from the table's row lines; the table row shows the same
// texture), or for
// text ImGui's atlas draws (Latin, Cyrillic), the text field `fieldLabel` showing it.
async function appRectangle(app, text, fieldLabel) {
  const drawn = await app.page.evaluate((t) => window.welkomTest.scriptTexts().drawn.findLast((d) => d.text === t) || null, text);
  if (drawn) {
    // The line the text stands on (the image's padding would take in the rows above and below);
    // 1.25 lines: Arabic letters reach below the UI font's descent.
    const width = drawn.w - 2 * (drawn.textX - drawn.x);
    return { x: drawn.textX, y: drawn.textY, w: width, h: drawn.fontSize * 1.25, browserDrawn: true };
  }
  const r = await app.findItem(fieldLabel);
  return { x: r.x + 4, y: r.y, w: r.w, h: r.h, browserDrawn: false };  // 4: the field's frame padding
}

async function appPicture(app, rect, width) {
  const clip = { x: Math.floor(rect.x) - 2, y: Math.floor(rect.y) - 2, width: Math.ceil(width) + 4, height: Math.ceil(rect.h) + 4 };
  return (await app.page.screenshot({ clip })).toString('base64');
}

async function openRoster(app, dir) {
  const file = join(dir, 'scripts.json');
  writeFileSync(file, rosterJson());
  const chooser = app.page.waitForEvent('filechooser');
  await app.click('Open a roster file...');
  await (await chooser).setFiles(file);
  await app.waitForState((s) => s.rosterOpen && !s.busy);
}

// Similarity above which a picture shows the same glyph sequence. Justified in
// the run itself: every wrong rendering of the same letters (unjoined, reversed)
// must score below it, and the app's rendering above it. Measured on 2026-12-05:
// browser-drawn strings 0.83-1.0, ImGui-drawn Cyrillic/Turkish 0.64-0.72 (another
// rasteriser: stb_truetype), wrong renderings 0.37-0.57.
const kSameGlyphs = 0.6;

test('every script is drawn as Chromium draws it, in fonts that cover it', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'welkom-scripts-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const fonts = appFonts(dir);
  const strings = kHouseholds.flatMap(([, name, notes]) => [name, notes]);
  assert.deepEqual(missingGlyphs(fonts, strings), [], 'code points no font covers (would be empty boxes)');

  const app = await startApp(t, { viewport: { width: 1400, height: 900 } });
  await openRoster(app, dir);
  await app.click('households');
  await app.waitForState((s) => s.panels.includes('households'));
  // Fonts load on first use; then every Arabic-script and Ethiopic name is drawn by the browser.
  await app.page.waitForFunction((names) => {
    const drawn = window.welkomTest.scriptTexts().drawn.map((d) => d.text);
    return names.every((n) => drawn.includes(n));
  }, kHouseholds.filter(([id]) => ['h1', 'h2', 'h3', 'h6'].includes(id)).map(([, name]) => name), { timeout: 20000 });
  const status = await app.page.evaluate(() => window.welkomScriptText.fontStatus());
  assert.deepEqual(status, { ui: 'ready', arabic: 'ready', ethiopic: 'ready' });
  await app.screenshot('scripts-households-table');

  // The same em size as the app's canvas text (ImGui sizes fonts by line height, CSS by em).
  const emSize = await app.page.evaluate(() => window.welkomScriptText.emSize(16));
  const reference = await referencePage(app.page.context(), fonts, emSize);
  const results = [];
  const compare = async (text, rect, what) => {
    const expected = await reference.draw(text);
    const inkWidth = (await reference.page.locator('#line span').boundingBox()).width - 24;
    const actual = await appPicture(app, rect, rect.browserDrawn ? rect.w : inkWidth + 6);
    const { similarity, widthRatio } = await reference.similarity(expected, actual);
    const wrong = {};
    for (const [how, variant] of Object.entries(wrongRenderings(text))) {
      wrong[how] = (await reference.similarity(expected, await reference.draw(variant))).similarity;
    }
    writeFileSync(join(artifactsDir, `scripts-${results.length}-app.png`), Buffer.from(actual, 'base64'));
    writeFileSync(join(artifactsDir, `scripts-${results.length}-chromium.png`), Buffer.from(expected, 'base64'));
    results.push({ what, text, browserDrawn: rect.browserDrawn, similarity, widthRatio, wrong });
  };

  mkdirSync(artifactsDir, { recursive: true });
  for (const [id, name, notes] of kHouseholds) {
    await app.click(id);
    await app.waitFrames(4);
    // In the table and "as written" under the fields when the browser draws them, else in the fields.
    await compare(name, await appRectangle(app, name, 'Display name'), `${id} name`);
    await compare(notes, await appRectangle(app, notes, 'Notes'), `${id} notes`);
    if (id === 'h6') await app.screenshot('scripts-household-mixed-selected');
  }
  console.log(JSON.stringify(results, null, 1));
  for (const r of results) {
    assert.ok(r.similarity > kSameGlyphs, `${r.what} "${r.text}": similarity ${r.similarity.toFixed(3)}`);
    assert.ok(Math.abs(r.widthRatio - 1) < 0.1, `${r.what} "${r.text}": width ratio ${r.widthRatio.toFixed(3)}`);
    for (const [how, s] of Object.entries(r.wrong)) {
      // Palindromic or single-glyph strings aside, a wrong rendering must fall below the threshold.
      assert.ok(s < kSameGlyphs, `${r.what}: the ${how} rendering scores ${s.toFixed(3)}, the threshold does not separate`);
    }
  }
  // Arabic script and Ethiopic went through the browser; the rest stayed ImGui text.
  for (const r of results) {
    const needsBrowser = /[\u0600-\u06FF\u1200-\u139F]/.test(r.text);
    assert.equal(r.browserDrawn, needsBrowser, `${r.what}: drawn by the browser`);
  }
  app.assertClean();
});

// The Arabic (101) layout: the key each letter is on.
const kArabicKeys = { 'س': 'KeyS', 'ا': 'KeyH', 'ر': 'KeyV', 'ح': 'KeyP', 'د': 'BracketRight', ' ': 'Space' };

test('an Arabic name typed with an Arabic keyboard layout is saved exactly', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'welkom-scripts-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const app = await startApp(t, { viewport: { width: 1400, height: 900 } });
  await openRoster(app, dir);
  await app.click('households');
  await app.click('h5');
  await app.click('Display name');
  await app.press('Control+A');
  const typed = 'سارا حداد';
  const cdp = await app.page.context().newCDPSession(app.page);
  for (const ch of typed) {
    // What Chromium receives from the operating system with that layout: the key's
    // physical code and the character it types.
    const code = kArabicKeys[ch];
    const keyCode = code === 'Space' ? 32 : code === 'BracketRight' ? 221 : code.charCodeAt(3);
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, code, text: ch, unmodifiedText: ch,
      windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode });
    await app.waitFrames(1);
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, code, windowsVirtualKeyCode: keyCode,
      nativeVirtualKeyCode: keyCode });
    await app.waitFrames(1);
  }
  await app.press('Enter');
  await app.waitFrames(4);
  // The name as written, drawn by the browser under the field.
  await app.page.waitForFunction((t) => window.welkomTest.scriptTexts().drawn.some((d) => d.text === t), typed);
  await app.screenshot('scripts-typed-arabic-name');

  const download = await saveWithPassphrase(app, kPassphrase, { screenshotName: null });
  const file = join(dir, 'typed.welkom.age');
  await download.saveAs(file);
  const roster = JSON.parse(decryptWithAgeCli(file, kPassphrase));
  assert.equal(roster.households.find((h) => h.id === 'h5').displayName, typed);
  app.assertClean();
});
