// Team keys (issue #14, item 7): two coordinators share a roster without
// sharing a passphrase. Bram makes his key in his own Welkom; Anna makes hers,
// adds Bram's public key through the screen reader's view of the window, and
// saves the roster to both keys. The file opens with `age -d -i` and either
// key file; in a fresh page it asks for a key, refuses a pasted text that is
// no key, and opens with Bram's key file chosen from the prompt. The window
// closes by its named x and by Escape. All people are fictitious.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { dropFiles, startApp } from './lib/harness.mjs';
import { kStartNew } from './lib/signup_app.mjs';
import { kLabels, shot } from './lib/tour.mjs';

const kNames = {
  en: { colleague: "Colleague's name", publicKey: 'Public key (age1...)', own: 'Your name',
    add: 'Add key', make: 'Make key', save: 'Save to these keys', close: 'Close: Team keys', secret: 'Secret key' },
  nl: { colleague: 'Naam van de collega', publicKey: 'Openbare sleutel (age1...)',
    own: 'Uw naam', add: 'Sleutel toevoegen', make: 'Sleutel maken', save: 'Opslaan voor deze sleutels',
    close: 'Sluiten: Teamsleutels', secret: 'Geheime sleutel' },
};

async function openTeamKeys(app) {
  await app.click('menu-file');
  await app.click('menu-team-keys');
  await app.findItem('team-create-key');
}

// Types into a text field found by its accessible name, as a screen reader user does.
async function typeInto(app, name, text) {
  const field = app.page.getByRole('textbox', { name, exact: true });
  await field.waitFor({ state: 'attached' });
  await field.focus();
  await app.waitFrames(3);
  await app.page.keyboard.type(text, { delay: 5 });
  await app.waitFrames(3);
}

async function pressButton(app, name) {
  const button = app.page.getByRole('button', { name, exact: true });
  await button.waitFor({ state: 'attached' });
  await button.focus();
  await app.page.keyboard.press('Enter');
  await app.waitFrames(3);
}

// Makes the coordinator's own key in the open window; returns the key file.
async function makeOwnKey(app, names, who, dir) {
  await typeInto(app, names.own, who);
  const [saved] = await Promise.all([app.page.waitForEvent('download', { timeout: 30000 }), pressButton(app, names.make)]);
  assert.equal(saved.suggestedFilename(), 'welkom-team-key.txt');
  const path = join(dir, `${who}-key.txt`);
  await saved.saveAs(path);
  const text = readFileSync(path, 'utf8');
  const publicKey = text.match(/^# public key: (age1[0-9a-z]{58})$/m)?.[1];
  assert.ok(publicKey, text.replace(/AGE-SECRET-KEY-1\w+/, 'AGE-SECRET-KEY-1...'));
  assert.match(text, /^AGE-SECRET-KEY-1[0-9A-Z]{58}$/m);
  return { path, publicKey, secret: text.match(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/m)[0] };
}

function assertNoConsoleErrors(app) {
  assert.deepEqual(app.problems.consoleErrors, []);
  assert.deepEqual(app.problems.foreignRequests, []);
}

for (const lang of ['en', 'nl']) test(`${lang}: a roster saved to two coordinators' keys opens with each key file, never with a passphrase`, async (t) => {
  const names = kNames[lang];
  const dir = mkdtempSync(join(tmpdir(), 'welkom-team-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));

  // Bram, in his own browser: a key of his own.
  const bramApp = await startApp(t, { query: `lang=${lang}` });
  await bramApp.click(kStartNew[lang]);
  await bramApp.waitForState((s) => s.rosterOpen);
  await openTeamKeys(bramApp);
  const bram = await makeOwnKey(bramApp, names, 'Bram', dir);
  assertNoConsoleErrors(bramApp);

  // Anna: the demo roster, her own key, Bram's public key pasted in, saved to both.
  const app = await startApp(t, { query: `lang=${lang}`, viewport: { width: 1400, height: 900 } });
  await app.click(kLabels[lang].demo);
  await app.waitForState((s) => s.rosterOpen && s.demo);
  await openTeamKeys(app);
  await shot(app, `team-keys-empty-${lang}`);
  const anna = await makeOwnKey(app, names, 'Anna', dir);
  let s = await app.waitForState((x) => x.teamKeys === 1);
  assert.equal(s.undoLabel, 'Create team key of Anna');
  await typeInto(app, names.colleague, 'Bram');
  await typeInto(app, names.publicKey, bram.publicKey);
  await pressButton(app, names.add);
  s = await app.waitForState((x) => x.teamKeys === 2);
  assert.equal(s.undoLabel, 'Add team key of Bram');
  assert.equal(s.lastError, '');
  await app.page.getByRole('button', { name: new RegExp(': Bram$') }).waitFor({ state: 'attached' });
  await app.page.mouse.move(5, 890);
  await app.waitFrames(3);
  await shot(app, `team-keys-${lang}`, `team-keys-${lang}`);

  const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 60000 }), pressButton(app, names.save)]);
  const rosterPath = join(dir, download.suggestedFilename());
  await download.saveAs(rosterPath);
  s = await app.waitForState((x) => !x.busy && x.savesToTeamKeys && !x.unsaved);
  const file = readFileSync(rosterPath);
  const header = file.toString('latin1').slice(0, file.indexOf('\n---'));
  assert.equal((header.match(/\n-> X25519 /g) || []).length, 2, 'one stanza per team key');
  assert.ok(!header.includes('scrypt'));

  // The reference tool opens it with either key file.
  for (const key of [anna, bram]) {
    const json = JSON.parse(execFileSync('age', ['-d', '-i', key.path, rosterPath], { encoding: 'utf8' }));
    assert.equal(json.team.keys.length, 2);
    assert.deepEqual(json.team.keys.map((k) => k.name), ['Anna', 'Bram']);
    assert.equal(json.households.length, 60);
  }

  // The window closes by its x, named for a screen reader, and by Escape.
  await pressButton(app, names.close);
  await app.page.waitForFunction(() => !window.welkomTest.itemRect('team-create-key'), null, { timeout: 10000 });
  await openTeamKeys(app);
  await app.press('Escape');
  await app.page.waitForFunction(() => !window.welkomTest.itemRect('team-create-key'), null, { timeout: 10000 });
  assertNoConsoleErrors(app);

  // Bram, in a fresh page: the file asks for a key, not a passphrase.
  const fresh = await startApp(t, { query: `lang=${lang}`, viewport: { width: 1400, height: 900 } });
  await dropFiles(fresh, [{ name: download.suggestedFilename(), base64: file.toString('base64') }]);
  await fresh.waitForState((x) => x.passphrasePrompt === 'open-with-key');
  const secret = fresh.page.getByRole('textbox', { name: names.secret, exact: true });
  await secret.waitFor({ state: 'attached' });
  assert.equal(await secret.getAttribute('type'), 'password');
  await shot(fresh, `team-key-prompt-${lang}`, `team-key-prompt-${lang}`);
  await secret.focus();
  await fresh.waitFrames(3);
  await fresh.page.keyboard.type('AGE-SECRET-KEY-1NOTAKEY', { delay: 5 });
  await fresh.press('Enter');
  s = await fresh.waitForState((x) => x.passphrasePrompt === 'open-with-key' && x.promptMessage !== '');
  assert.match(s.promptMessage, /Invalid age key/);
  assert.equal(s.rosterOpen, false);
  await shot(fresh, `team-key-prompt-refused-${lang}`);

  // His key file, chosen from the prompt.
  const chooser = fresh.page.waitForEvent('filechooser');
  await fresh.click('key-choose-file');
  await (await chooser).setFiles(bram.path);
  s = await fresh.waitForState((x) => x.rosterOpen && !x.busy);
  assert.equal(s.households, 60);
  assert.equal(s.savesToTeamKeys, true, 'saved to the team again');
  assert.equal(s.teamKeys, 2);
  assertNoConsoleErrors(fresh);
});
