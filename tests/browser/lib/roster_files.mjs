// Saving and opening encrypted roster files through the interface, shared by
// the browser tests: the passphrase dialog, the download it triggers and the
// file chooser.
//
//   const download = await saveWithPassphrase(app, 'fiets boom water zon');
//   await download.saveAs(file);
//   await openWithChooser(app, 'Open a roster file...', file);
//   await typePassphrase(app, 'fiets boom water zon');
//   await app.press('Enter');
//   const json = decryptWithAgeCli(file, 'fiets boom water zon');   // what was saved, by the reference tool
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A passphrase for fictitious test rosters.
export const kPassphrase = 'fiets boom water zon';

// Replaces the programme name through its text field (a real edit, undoable)
// and returns the state once the edit is in.
export async function renameProgramme(app, name) {
  await app.click('Programme name');
  await app.press('Control+A');
  await app.type(name);
  await app.press('Enter');
  return app.waitForState((s) => s.unsaved && s.undoLabel === 'Rename programme');
}

// Types into the passphrase dialog once it is on screen and focused.
export async function typePassphrase(app, text) {
  await app.findItem('##passphrase');
  await app.waitFrames(3);
  await app.type(text);
}

// Saves the open roster with `passphrase` through the menu and the dialog
// (asked twice); returns playwright's Download of the encrypted file.
// `beforeSubmit(app)` runs with the dialog filled in, just before the click.
export async function saveWithPassphrase(app, passphrase = kPassphrase,
  { screenshotName = 'save-passphrase-dialog', beforeSubmit = null } = {}) {
  await app.click('menu-file');
  await app.click('Save encrypted');
  await app.waitForState((s) => s.passphrasePrompt === 'save');
  await typePassphrase(app, passphrase);
  await app.click('##confirm');
  await app.type(passphrase);
  if (screenshotName) await app.screenshot(screenshotName);
  if (beforeSubmit) await beforeSubmit(app);
  const download = app.page.waitForEvent('download', { timeout: 60000 });
  await app.click('Encrypt and save');
  const saved = await download;
  await app.waitForState((s) => !s.busy && s.encryptedSession);
  return saved;
}

// Clicks `label`, hands `files` to the file chooser it opens, and waits for
// the passphrase prompt (or an error).
export async function openWithChooser(app, label, files) {
  const chooser = app.page.waitForEvent('filechooser');
  await app.click(label);
  await (await chooser).setFiles(files);
  await app.waitForState((s) => s.passphrasePrompt === 'open' || s.lastError !== '');
}

// Reloads the page (the roster closes) and opens `file` again with its
// passphrase; returns the state once it is open.
export async function reloadAndReopen(app, file, passphrase = kPassphrase) {
  await app.page.reload();
  await app.waitFrames(3);
  if ((await app.state()).rosterOpen) throw new Error('the roster stayed open after a reload');
  await openWithChooser(app, 'Open a roster file...', file);
  await typePassphrase(app, passphrase);
  await app.press('Enter');
  return app.waitForState((s) => s.rosterOpen && !s.busy);
}

// Decrypts with Debian's age CLI under a pseudo-terminal (age reads passphrases only from a terminal).
export function decryptWithAgeCli(file, passphrase) {
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
