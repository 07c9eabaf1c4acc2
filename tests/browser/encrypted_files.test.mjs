// Encrypted roster files in the browser: save the demo encrypted, reload,
// open it again with the passphrase; wrong passphrases and damaged files are
// refused with the right message and leave the open roster untouched; no
// name from the roster ends up in the page's storage.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { artifactsDir, startApp } from './lib/harness.mjs';
import { decryptWithAgeCli, kPassphrase, openWithChooser, renameProgramme, saveWithPassphrase, typePassphrase } from './lib/roster_files.mjs';

async function storedAutosave(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const request = indexedDB.open('welkom');
    request.onerror = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('autosave')) { db.close(); resolve(null); return; }
      const get = db.transaction('autosave').objectStore('autosave').get('current');
      get.onsuccess = () => {
        db.close();
        const r = get.result;
        resolve(r ? { name: r.name, text: new TextDecoder('latin1').decode(r.bytes) } : null);
      };
    };
  }));
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
  const saved = await saveWithPassphrase(app, kPassphrase);
  assert.equal(saved.suggestedFilename(), 'demo-programme.welkom.age');
  // A saved demo is the coordinator's own roster from then on (not a demo).
  const asSaved = await app.state();
  assert.equal(asSaved.demo, false);
  const file = join(artifactsDir, 'demo-programme.welkom.age');
  await saved.saveAs(file);
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(0, 22).toString(), 'age-encryption.org/v1\n');

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
  assert.equal(reopened.rosterDigest, asSaved.rosterDigest, 'identical roster after reopening');
  assert.equal(reopened.demo, false);
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
  assert.equal(refused.rosterDigest, asSaved.rosterDigest, 'open roster untouched');
  await app.screenshot('damaged-file');
  app.assertClean();
});

test('unsaved edits are autosaved encrypted, the idle roster locks, and the work is recovered after a reload',
  async (t) => {
    const app = await startApp(t, { query: 'lang=en&autosaveDelay=1&lockAfter=12' });
    await app.click('Try with fictitious people');
    await saveWithPassphrase(app, kPassphrase);
    const marker = 'Testprogramma Voorbeeldstad 2028';
    await renameProgramme(app, marker);
    const edited = await app.waitForState((s) => s.unsaved);

    // The autosave lands in IndexedDB as age ciphertext only.
    let autosave = null;
    for (let i = 0; i < 100 && !autosave; i++) {
      autosave = await storedAutosave(app.page);
      if (!autosave) await app.page.waitForTimeout(200);
    }
    assert.ok(autosave, 'an autosave was stored');
    assert.ok(autosave.text.startsWith('age-encryption.org/v1\n'));
    assert.ok(!(await pageStorageText(app.page)).includes(marker), 'no plaintext in browser storage');

    // Left alone, the roster locks: cleared from the page, recoverable.
    const locked = await app.waitForState((s) => !s.rosterOpen, 60000);
    assert.equal(locked.encryptedSession, false, 'passphrase dropped');
    assert.ok(await app.findItem('Recover unsaved work'), 'recovery offered right away');
    await app.screenshot('locked');

    await app.page.reload();
    await app.waitFrames(3);
    await app.click('Recover unsaved work');
    await typePassphrase(app, kPassphrase);
    await app.press('Enter');
    const recovered = await app.waitForState((s) => s.rosterOpen && !s.busy);
    assert.equal(recovered.rosterDigest, edited.rosterDigest, 'the edit survived');
    assert.equal(recovered.unsaved, true, 'recovered work still needs saving');
    app.assertClean();
  });

test('closing the tab with unsaved changes asks first', async (t) => {
  const app = await startApp(t);
  await app.click('Try with fictitious people');
  await renameProgramme(app, 'Nog niet opgeslagen');
  const dialog = new Promise((resolve) => app.page.once('dialog', async (d) => { resolve(d.type()); await d.dismiss(); }));
  await app.page.close({ runBeforeUnload: true });
  assert.equal(await dialog, 'beforeunload');
});
