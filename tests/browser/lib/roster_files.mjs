// Roster files through the app's own dialogs, shared by the browser tests:
//   const saved = await saveWithPassphrase(app);       // Playwright Download
//   await openWithChooser(app, 'Open a roster file...', path);
//   await typePassphrase(app, kPassphrase); await app.press('Enter');

export const kPassphrase = 'fiets boom water zon';

// Saves the open roster with kPassphrase through the menu and the dialog.
export async function saveWithPassphrase(app) {
  await app.click('menu-file');
  await app.click('Save encrypted');
  await app.waitForState((s) => s.passphrasePrompt === 'save');
  await typePassphrase(app, kPassphrase);
  await app.click('##confirm');
  await app.type(kPassphrase);
  await app.screenshot('save-passphrase-dialog');
  const download = app.page.waitForEvent('download', { timeout: 60000 });
  await app.click('Encrypt and save');
  const saved = await download;
  await app.waitForState((s) => !s.busy && s.encryptedSession);
  return saved;
}

// Picks `files` in the file chooser that clicking `label` opens.
export async function openWithChooser(app, label, files) {
  const chooser = app.page.waitForEvent('filechooser');
  await app.click(label);
  await (await chooser).setFiles(files);
  await app.waitForState((s) => s.passphrasePrompt === 'open' || s.lastError !== '');
}

// Types into the passphrase dialog once it is on screen and focused.
export async function typePassphrase(app, text) {
  await app.findItem('##passphrase');
  await app.waitFrames(3);
  await app.type(text);
}
