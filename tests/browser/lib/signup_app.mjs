// The coordinator's side of sign-up in the app (issue #14), shared by the
// browser tests: real clicks, the links read back from the clipboard.
//
//   await allowClipboard(app);
//   await startNewProgramme(app, 'en');
//   await openSignupForms(app);
//   await createProgrammeKey(app);
//   const link = await copyLink(app, 'household');   // or 'member'
//   await closeSignupForms(app);                     // its title bar's x, by its name
//   await listenToAnnouncements(app);                // before what is said
//   const said = await announcements(app);           // what the live regions said since
export const kStartNew = { en: 'Start a new programme', nl: 'Nieuw programma starten' };

// Lets the page read what its Copy buttons put on the clipboard.
export async function allowClipboard(app) {
  await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
}

// From the start screen: an empty roster. Returns the state.
export async function startNewProgramme(app, lang = 'en') {
  await app.click(kStartNew[lang]);
  return app.waitForState((s) => s.rosterOpen && s.households === 0);
}

// File > Sign-up forms...
export async function openSignupForms(app) {
  await app.click('menu-file');
  await app.click('menu-signup-forms');
}

// Creates the programme key (an undoable edit) in the open Sign-up forms window. Returns the state.
export async function createProgrammeKey(app) {
  await app.click('signup-create-key');
  return app.waitForState((s) => s.programmeKeys === 1);
}

// The form's link ('household' or 'member'), by its Copy button.
export async function copyLink(app, form) {
  await app.click(`signup-copy-${form}`);
  return app.page.evaluate(() => navigator.clipboard.readText());
}

// Closes the Sign-up forms window (it floats over the panels) by its title
// bar's x, found as a screen reader finds it: a button named after the window.
export async function closeSignupForms(app, lang = 'en') {
  const name = { en: 'Close: Sign-up forms', nl: 'Sluiten: Aanmeldformulieren' }[lang];
  await app.page.getByRole('button', { name, exact: true }).click();
  await app.page.waitForFunction(() => !window.welkomTest.itemRect('signup-replace-key'), null, { timeout: 10000 });
}

// Records what the page's live regions say from now on (window.welkomSaid).
export async function listenToAnnouncements(app) {
  await app.page.evaluate(() => {
    window.welkomSaid = [];
    const record = (m) => m.forEach((r) => { if (r.target.textContent) window.welkomSaid.push(r.target.textContent); });
    document.querySelectorAll('.a11y-live').forEach((region) => new MutationObserver(record).observe(region, { childList: true }));
  });
}

// What was said since listenToAnnouncements, one line each.
export function announcements(app) {
  return app.page.evaluate(() => window.welkomSaid.join('\n'));
}
