// Encrypted roster files in the browser: save the demo encrypted, reload,
// open it again with the passphrase; wrong passphrases and damaged files are
// refused with the right message and leave the open roster untouched; no
// name from the roster ends up in the page's storage.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { artifactsDir, startApp } from './lib/harness.mjs';

const kPassphrase = 'fiets boom water zon';

// Decrypts with Debian's age CLI under a pseudo-terminal (age reads passphrases only from a terminal).
function decryptWithAgeCli(file, passphrase) {
  const dir = mkdtempSync(join(tmpdir(), 'welkom-age-'));
  try {
    const out = join(dir, 'plain.json');
    execFileSync('script', ['-qec', `age -d -o '${out}' '${file}'`, '/dev/null'],
      { input: passphrase + '\n', stdio: ['pipe', 'ignore', 'ignore'] });
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function openWithChooser(app, label, files) {
  const chooser = app.page.waitForEvent('filechooser');
  await app.click(label);
  await (await chooser).setFiles(files);
  await app.waitForState((s) => s.passphrasePrompt === 'open' || s.lastError !== '');
}

// Types into the passphrase dialog once it is on screen and focused.
async function typePassphrase(app, text) {
  await app.findItem('##passphrase');
  await app.waitFrames(3);
  await app.type(text);
}

async function pageStorageText(page) {
  return page.evaluate(async () => {
    let text = JSON.stringify(Object.assign({}, localStorage)) + JSON.stringify(Object.assign({}, sessionStorage));
    const databases = indexedDB.databases ? await indexedDB.databases() : [];
    for (const info of databases) {
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open(info.name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of db.objectStoreNames) {
        const values = await new Promise((resolve) => {
          const request = db.transaction(storeName).objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result);
        });
        text += JSON.stringify(values, (k, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v))
          ? new TextDecoder().decode(v) : v);
      }
      db.close();
    }
    return text;
  });
}

test('demo -> save encrypted -> reload -> open with the passphrase gives the same roster', async (t) => {
  const app = await startApp(t);
  await app.click('Try with fictitious people');
  const opened = await app.state();
  assert.equal(opened.demo, true);
  assert.equal(opened.households, 60);
  assert.ok(opened.rosterDigest.length === 64);

  // Save: the passphrase dialog asks twice and shows a strength hint.
  await app.click('menu-file');
  await app.click('Save encrypted');
  await app.waitForState((s) => s.passphrasePrompt === 'save');
  await typePassphrase(app, kPassphrase);
  await app.press('Tab');
  await app.type(kPassphrase);
  await app.screenshot('save-passphrase-dialog');
  const download = app.page.waitForEvent('download', { timeout: 60000 });
  await app.click('Encrypt and save');
  await app.waitForState((s) => s.busy === true || s.unsaved === false, 5000);
  const saved = await download;
  assert.equal(saved.suggestedFilename(), 'demo-programme.welkom.age');
  const file = join(artifactsDir, 'demo-programme.welkom.age');
  await saved.saveAs(file);
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(0, 22).toString(), 'age-encryption.org/v1\n');
  await app.waitForState((s) => !s.busy && s.encryptedSession);

  // The file is standard age: Debian's age CLI opens it with the same passphrase.
  const roster = JSON.parse(decryptWithAgeCli(file, kPassphrase));
  assert.equal(roster.format, 'welkom-roster');
  const names = [...roster.households.map((h) => h.displayName),
    ...roster.groups.flatMap((g) => g.members.map((m) => m.name))].filter((n) => n && n.length > 3);
  assert.ok(names.length > 100, `names to look for: ${names.length}`);
  for (const name of names) assert.ok(!bytes.includes(Buffer.from(name)), `plaintext name in the file: ${name}`);

  // Nothing readable in the page's storage.
  const storage = await pageStorageText(app.page);
  for (const name of names) assert.ok(!storage.includes(name), `name found in browser storage: ${name}`);

  // Reload: the roster is gone from the page; open the file again.
  await app.page.reload();
  await app.waitFrames(3);
  assert.equal((await app.state()).rosterOpen, false);
  await openWithChooser(app, 'Open a roster file...', file);
  await typePassphrase(app, 'not the passphrase at all');
  await app.press('Enter');
  const retry = await app.waitForState((s) => s.promptMessage !== '' && !s.busy);
  assert.equal(retry.promptMessage, 'Wrong passphrase, or this file was not encrypted for you.');
  assert.equal(retry.rosterOpen, false);
  await app.screenshot('wrong-passphrase');
  await typePassphrase(app, kPassphrase);
  await app.press('Enter');
  const reopened = await app.waitForState((s) => s.rosterOpen && !s.busy);
  assert.equal(reopened.rosterDigest, opened.rosterDigest, 'identical roster after reopening');
  assert.equal(reopened.demo, true);
  assert.equal(reopened.unsaved, false);

  // A file with one flipped byte: refused, the open roster stays as it was.
  const damaged = Buffer.from(bytes);
  damaged[damaged.length - 100] ^= 0x20;
  const chooser = app.page.waitForEvent('filechooser');
  await app.click('menu-file');
  await app.click('Open roster...');
  await (await chooser).setFiles({ name: 'damaged.welkom.age', mimeType: 'application/octet-stream', buffer: damaged });
  await app.waitForState((s) => s.passphrasePrompt === 'open');
  await typePassphrase(app, kPassphrase);
  await app.press('Enter');
  const refused = await app.waitForState((s) => s.lastError !== '' && !s.busy);
  assert.equal(refused.lastError, 'This file is damaged or was changed after saving.');
  assert.equal(refused.rosterDigest, opened.rosterDigest, 'open roster untouched');
  await app.screenshot('damaged-file');
  app.assertClean();
});
