// Secrets left in memory (issue 17): once the passphrase dialog has handed the
// passphrase over and closed, neither the page's wasm memory nor its worker's
// holds the passphrase (the session keeps it masked, ImGui's edit state and
// every temporary copy are wiped). A control scan while the dialog is still
// open finds it, so the scan itself is proven to look in the right place.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startApp } from './lib/harness.mjs';
import { saveWithPassphrase } from './lib/roster_files.mjs';

const kSecret = 'zilveren kraanvogel boven Zwolle 7341';
const kPieces = [kSecret, 'kraanvogel', 'Zwolle 7341'];

// Where in a wasm memory each of `pieces` occurs (byte offsets, first 5).
function scanSource() {
  return (pieces) => {
    const heap = (self.Module && self.Module.HEAPU8) || self.HEAPU8;
    const found = {};
    const context = {};
    // Each piece as UTF-8 and as UTF-16 (ImGui's edit buffer holds 16-bit characters).
    const forms = [];
    for (const piece of pieces) {
      forms.push([piece, new TextEncoder().encode(piece)]);
      const wide = new Uint8Array(piece.length * 2);
      for (let i = 0; i < piece.length; i++) { wide[2 * i] = piece.charCodeAt(i) & 0xff; wide[2 * i + 1] = piece.charCodeAt(i) >> 8; }
      forms.push([piece + ' (UTF-16)', wide]);
    }
    for (const [piece, needle] of forms) {
      const at = [];
      for (let i = heap.indexOf(needle[0]); i !== -1 && at.length < 5; i = heap.indexOf(needle[0], i + 1)) {
        let j = 1;
        while (j < needle.length && heap[i + j] === needle[j]) j++;
        if (j === needle.length) at.push(i);
      }
      if (at.length) {
        found[piece] = at;
        // What surrounds the first hit (printable bytes), to tell which buffer held it.
        const around = heap.slice(Math.max(0, at[0] - 48), at[0] + needle.length + 16);
        context[piece] = Array.from(around, (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
      }
    }
    return { bytes: heap.length, found, context };
  };
}

async function scanAll(app) {
  const page = await app.page.evaluate(scanSource(), kPieces);
  const workers = [];
  for (const worker of app.page.workers()) workers.push(await worker.evaluate(scanSource(), kPieces));
  return { page, workers };
}

test('after saving encrypted, the passphrase is in neither the page\'s nor the worker\'s wasm memory', async (t) => {
  const app = await startApp(t);
  await app.click('Try with fictitious people');
  await app.waitForState((s) => s.demo && s.households > 0);

  let control = null;
  await saveWithPassphrase(app, kSecret, {
    screenshotName: null,
    beforeSubmit: async () => {
      await app.waitFrames(3);
      control = await scanAll(app);
    },
  });
  assert.ok(control.page.found[kSecret], `control: the typed passphrase is found while the dialog is open ${JSON.stringify(control)}`);
  await app.waitForState((s) => s.passphrasePrompt === '');
  await app.waitFrames(5);
  const after = await scanAll(app);
  assert.ok(after.workers.length > 0, 'the worker that encrypted the roster was scanned');
  assert.deepEqual(after.page.found, {}, `page memory (${after.page.bytes} bytes): ${JSON.stringify(after.page.context)}`);
  after.workers.forEach((w, i) =>
    assert.deepEqual(w.found, {}, `worker ${i} memory (${w.bytes} bytes): ${JSON.stringify(w.context)}`));
  console.log(`# scanned ${after.page.bytes} bytes of page memory and ${after.workers.map((w) => w.bytes).join(' + ')} of worker memory`);
  app.assertClean();
});
