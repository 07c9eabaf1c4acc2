// Steps of a coordinator's matching session, shared by the browser tests.
// Each is real clicks and keys; `state` is welkomTest.state().
//
//   await app.click('matching');
//   const run = await runMatching(app);
//   const [household, group] = await openExplanation(app, firstFreeHousehold(run));
//   await constrainSelectedPair(app, 'Forbid', 'Kennen elkaar al');
//   const words = await selectedPairExplanation(app);        // what its row in the proposal reads out

// Not pinned or an active match: the engine may move this household.
export function isFree(state, household) {
  return !state.fixedHouseholds.includes(household);
}

// The first proposed household the engine may move, other than `except`.
export function firstFreeHousehold(state, except = []) {
  return Object.keys(state.groupOf).find((h) => isFree(state, h) && !except.includes(h));
}

// Clicks "Run matching" (Matching or Overview panel) and waits for a run of
// the current roster with at least one pair.
export async function runMatching(app) {
  await app.click('Run matching');
  return app.waitForState((s) => s.matchingRevision === s.revision && s.matchingPairs > 0);
}

// Opens the explanation of the household's proposed pair; returns [household, group].
export async function openExplanation(app, household) {
  await app.click(`pair-${household}`);
  const opened = await app.waitForState((s) => s.selectedPair.startsWith(household + ' '));
  await app.findItem('Pin this pair');
  return opened.selectedPair.split(' ');
}

// Pins or forbids the selected pair ('Pin' | 'Forbid'), with a reason when given.
export async function constrainSelectedPair(app, kind, reason = '') {
  const [household, group] = (await app.state()).selectedPair.split(' ');
  if (reason) {
    await app.click('##reason');
    await app.type(reason);
  }
  await app.click(kind === 'Pin' ? 'Pin this pair' : 'Forbid this pair');
  return app.waitForState((s) => s.undoLabel === `${kind} ${household} - ${group}`);
}

// The selected pair's explanation as the proposal's row reads it out (its
// description, as assistive technology hears it), once it is there.
export async function selectedPairExplanation(app) {
  const said = await app.page.waitForFunction(() => {
    const row = document.querySelector('[role=grid] [role=row][aria-selected=true]');
    const id = row && row.getAttribute('aria-describedby');
    return (id && document.getElementById(id)?.textContent) || null;
  }, null, { timeout: 10000 });
  return said.jsonValue();
}
