// The coordinator's side of sign-up (issue #14, items 1, 2 and 5): in the app
// a programme key is created (File > Sign-up forms...), the links are copied,
// the identity file and a QR code are downloaded; sign-up files encrypted to
// the link's key by the `age` CLI are dropped on the app, previewed and
// imported as one undoable step; a repeat, a file for another key, one made
// for another programme and a damaged one are each refused by name and change nothing; an old
// key is replaced and deleted with a confirmation. All people are fictitious.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { axeCheck } from './lib/axe.mjs';
import { distDir, dropFiles, startApp } from './lib/harness.mjs';
import { allowClipboard, announcements, copyLink, createProgrammeKey, listenToAnnouncements, openSignupForms,
  startNewProgramme } from './lib/signup_app.mjs';
import { shot } from './lib/tour.mjs';

const hasZbar = (() => {
  try { execFileSync('zbarimg', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; }
})();

// The public key's 32 bytes from its bech32 form (age1 + data + 6 checksum characters).
function publicKeyBytes(key) {
  const charset = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
  const bytes = [];
  let acc = 0;
  let bits = 0;
  for (const c of key.slice(4, -6)) {
    acc = ((acc << 5) | charset.indexOf(c)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

// docs/signup-format.md: SHA-256 of the key bytes, first 8 bytes, four groups of four hex digits.
const fingerprintOf = (key) => createHash('sha256').update(publicKeyBytes(key)).digest('hex').slice(0, 16).match(/.{4}/g).join('-');

function householdSignup(programme, fingerprint, id, name) {
  return {
    format: 'welkom-signup', version: 1, form: 'household',
    programme: { name: programme, fingerprint }, submitted: '2027-03-01', language: 'uk',
    household: { id, displayName: name, municipality: 'Voorbeeldstad', members: [{ age: 33, languages: { uk: 'native', nl: 'A1' } }, { age: 5, role: 'child' }] },
    priorities: { language: 'very_important' },
    consent: { toMatching: true, toResearch: false, date: '2027-03-01' },
  };
}

function memberSignup(programme, fingerprint) {
  return {
    format: 'welkom-signup', version: 1, form: 'group-member',
    programme: { name: programme, fingerprint }, submitted: '2027-03-02', language: 'nl',
    group: { name: 'Buurtgroep Fictief', municipality: 'Voorbeeldstad' },
    groupMember: { id: 's-m0c4a1', name: 'Testpersoon Een', age: 41, languages: { nl: 'native' } },
    isGroupCoordinator: true,
    consent: { toMatching: true, toResearch: true, date: '2027-03-02' },
  };
}

// Encrypts a document with the `age` CLI to `key`: as any sign-up page would.
function sealWithAge(dir, name, doc, key) {
  const plain = join(dir, name + '.json');
  const out = join(dir, name);
  writeFileSync(plain, JSON.stringify(doc));
  execFileSync('age', ['-r', key, '-o', out, plain]);
  return { name, base64: readFileSync(out).toString('base64') };
}

async function download(app, label, dir) {
  const [saved] = await Promise.all([app.page.waitForEvent('download', { timeout: 30000 }), app.click(label)]);
  const path = join(dir, saved.suggestedFilename());
  await saved.saveAs(path);
  return { name: saved.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
}

// In both interface languages: the user guide's pictures come from here
// (WELKOM_UPDATE_GUIDE_IMAGES=1, as for tour.test.mjs).
for (const lang of ['en', 'nl']) test(`${lang}: a programme key made in the app opens sign-ups made for its link; repeats and foreign files are refused`, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'welkom-signup-app-'));
  const app = await startApp(t, { query: `lang=${lang}` });
  await allowClipboard(app);
  const opened = await startNewProgramme(app, lang);
  assert.equal(opened.signupPage, 'signup.html');

  // 1. File > Sign-up forms...: no key yet; create one (an undoable edit).
  await openSignupForms(app);
  await app.findItem('signup-create-key');
  await shot(app, `signup-forms-no-key-${lang}`);
  const keyed = await createProgrammeKey(app);
  assert.equal(keyed.undoLabel, 'Create programme key');
  assert.equal(keyed.unsaved, true);
  await app.page.mouse.move(5, 790);  // no tooltip over the picture
  await app.waitFrames(3);
  await shot(app, `signup-forms-key-${lang}`, `signup-forms-${lang}`);

  // The links: the page next to the app, the fixed fragment format.
  const link = await copyLink(app, 'household');
  const match = link.match(/^(.*)\/signup\.html#v=1&form=household&programme=([^&]+)&key=(age1[0-9a-z]{58})$/);
  assert.ok(match, `household link: ${link}`);
  assert.equal(match[1], app.origin);
  const programme = decodeURIComponent(match[2]);
  const key = match[3];
  assert.equal(await copyLink(app, 'member'), link.replace('form=household', 'form=group-member'));
  await app.scrollIntoView('signup-save-qr-household');
  const linksShot = await shot(app, `signup-forms-links-${lang}`);
  await axeCheck(app, `sign-up forms (${lang})`, 8);
  // Each QR code is a picture named by its form, described by the link it holds (issue #16).
  const qrNames = { en: 'QR code of the link: Household form', nl: 'QR-code van de link: Formulier voor nieuwkomers' };
  const picture = app.page.getByRole('img', { name: qrNames[lang], exact: true });
  await picture.waitFor({ state: 'attached' });
  assert.equal(await picture.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')).textContent), link);
  // The QR codes as drawn in the window read back as the two links (zbar, when installed).
  if (hasZbar) {
    const read = execFileSync('zbarimg', ['--quiet', '--raw', linksShot], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    assert.deepEqual(read.trim().split('\n').sort(), [link, link.replace('form=household', 'form=group-member')].sort());
  }

  // The identity file (a secret, for the CLI) and a QR code for the flyer.
  const identity = await download(app, 'signup-export-keys', dir);
  assert.equal(identity.name, 'programme-key.txt');
  assert.match(identity.text, new RegExp(`# public key: ${key}\n`));
  assert.match(identity.text, /^AGE-SECRET-KEY-1[0-9A-Z]+$/m);
  const qr = await download(app, 'signup-save-qr-household', dir);
  assert.equal(qr.name, 'signup-household-qr.svg');
  assert.match(qr.text, /<svg [^>]*viewBox="0 0 (\d+) \1"/);

  // Sign-up files as a sign-up page makes them, encrypted by `age` to the link's key.
  const fingerprint = fingerprintOf(key);
  const household = sealWithAge(dir, 'aanmelding-b1a2c3.welkom-signup.age',
    householdSignup(programme, fingerprint, 's-b1a2c3', 'Familie Testenko'), key);
  const member = sealWithAge(dir, 'aanmelding-m0c4a1.welkom-signup.age', memberSignup(programme, fingerprint), key);
  // The exported identity opens them with the age CLI too.
  const decrypted = execFileSync('age', ['-d', '-i', identity.path, join(dir, household.name)], { encoding: 'utf8' });
  assert.equal(JSON.parse(decrypted).household.id, 's-b1a2c3');

  // 5. Dropped together: one preview, nothing in the roster yet; Import adds all as one step.
  await dropFiles(app, [household, member]);
  const previewed = await app.waitForState((s) => s.signupImport && s.signupImport.files === 2);
  assert.deepEqual(previewed.signupImport.refusals, ['', '']);
  assert.equal(previewed.signupImport.blocked, false);
  assert.equal(previewed.households, 0);
  await app.findItem('signup-import-apply');
  await shot(app, `signup-import-preview-${lang}`, `signup-import-${lang}`);
  await axeCheck(app, `sign-up import (${lang})`, 2);
  await app.click('signup-import-apply');
  const imported = await app.waitForState((s) => s.households === 1 && s.groups === 1);
  assert.equal(imported.signupImport, null);
  assert.equal(imported.importedSignups, 2);
  assert.equal(imported.undoLabel, 'Import 2 sign-ups');
  assert.match(imported.lastNotice, /Imported 2 sign-ups/);

  // A repeat, a file for another programme's key and one made for another
  // programme (right key, foreign fingerprint): each refused by name; nothing changes.
  const otherKey = execFileSync('age-keygen', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).match(/age1[0-9a-z]{58}/)[0];
  const foreign = sealWithAge(dir, 'aanmelding-f0e1d2.welkom-signup.age',
    householdSignup('Ander Programma', fingerprintOf(otherKey), 's-f0e1d2', 'Familie Anders'), otherKey);
  const otherProgramme = sealWithAge(dir, 'aanmelding-c9d8e7.welkom-signup.age',
    householdSignup('Ander Programma', '0000-1111-2222-3333', 's-c9d8e7', 'Familie Elders'), key);
  await listenToAnnouncements(app);
  const damagedBytes = Buffer.from(sealWithAge(dir, 'aanmelding-d4a5e6.welkom-signup.age',
    householdSignup(programme, fingerprint, 's-d4a5e6', 'Familie Beschadigd'), key).base64, 'base64');
  damagedBytes[damagedBytes.length - 20] ^= 0x20;  // changed on the way
  const damaged = { name: 'aanmelding-d4a5e6.welkom-signup.age', base64: damagedBytes.toString('base64') };
  await dropFiles(app, [household, foreign, otherProgramme, damaged]);
  const refused = await app.waitForState((s) => s.signupImport && s.signupImport.files === 4);
  assert.deepEqual(refused.signupImport.refusals, ['signup.repeat', 'signup.wrong_key', 'signup.other_programme', 'signup.damaged']);
  assert.equal(refused.signupImport.blocked, true);
  await app.findItem('signup-import-cancel');
  await shot(app, `signup-import-refused-${lang}`);
  // The refusals in words, as the page's live region reads them out.
  const said = await announcements(app);
  if (lang === 'en') {
    assert.match(said, /aanmelding-b1a2c3\.welkom-signup\.age: this sign-up was imported before/);
    assert.match(said, /aanmelding-f0e1d2\.welkom-signup\.age: not encrypted to this programme's key/);
    assert.match(said, /aanmelding-c9d8e7\.welkom-signup\.age: this sign-up was made for another programme \(Ander Programma, key 0000-1111-2222-3333\)/);
    assert.match(said, /aanmelding-d4a5e6\.welkom-signup\.age: the file is damaged or was changed after it was sent/);
    assert.match(said, /Nothing can be imported while a file is refused/);
  } else {
    assert.match(said, /aanmelding-b1a2c3\.welkom-signup\.age: /);
    assert.match(said, /Er kan niets geïmporteerd worden/);
  }
  await app.click('signup-import-apply');  // disabled: nothing happens
  await app.click('signup-import-cancel');
  const unchanged = await app.waitForState((s) => s.signupImport === null);
  for (const field of ['rosterDigest', 'households', 'groups', 'importedSignups', 'undoLabel', 'revision'])
    assert.deepEqual(unchanged[field], imported[field], field);

  // One undo takes the whole import back.
  await app.press('Control+z');
  const undone = await app.waitForState((s) => s.households === 0);
  assert.equal(undone.groups, 0);
  assert.equal(undone.importedSignups, 0);
  await app.press('Control+Shift+z');
  await app.waitForState((s) => s.households === 1 && s.importedSignups === 2);

  // Replace the key (confirmed): the old one stays until deleted (confirmed).
  await app.click('signup-replace-key');
  await app.click('signup-replace-yes');
  await app.waitForState((s) => s.programmeKeys === 2 && s.undoLabel === 'Replace programme key');
  const newLink = await copyLink(app, 'household');
  assert.notEqual(newLink, link, 'the link carries the new key');
  await app.click('signup-delete-key-1');
  await app.findItem('signup-delete-yes');
  await shot(app, `signup-delete-old-key-${lang}`);
  await app.click('signup-delete-yes');
  const deleted = await app.waitForState((s) => s.programmeKeys === 1);
  assert.match(deleted.undoLabel, /^Delete old programme key /);
  assert.equal(opened.rosterOpen, true);
  app.assertClean();
});

// The single file (welkom.html, opened from disk) links to the sign-up page's
// single file next to it.
test('the single file links to welkom-signup.html next to it', { skip: !existsSync(join(distDir, 'welkom.html')) && 'no dist/welkom.html (./build-wasm.sh --single-file)' }, async (t) => {
  const app = await startApp(t, { file: join(distDir, 'welkom.html') });
  assert.equal((await startNewProgramme(app)).signupPage, 'welkom-signup.html');
  await openSignupForms(app);
  await createProgrammeKey(app);
  await app.findItem('signup-copy-household');
  app.assertClean();
});
