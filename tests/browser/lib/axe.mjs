// axe-core (WCAG 2.1 A and AA rules) on the page's accessibility mirror.
//
//   await axeCheck(app, 'matching (en)', 40);   // fails on any violation
//
// axe on a canvas alone finds nothing to complain about; so each check also
// asserts the tree holds at least `minControls` of the app's controls.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function axeCheck(app, label, minControls) {
  const page = app.page;
  const controls = await page.evaluate(() => document.querySelectorAll('#a11y [data-id]').length);
  assert.ok(controls >= minControls, `${label}: ${controls} mirrored nodes, expected at least ${minControls}`);
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(axeSource);  // CDP evaluation: the page's policy allows no inline script
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const violations = result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0].html.slice(0, 120)})`);
  assert.deepEqual(violations, [], `${label}: axe violations`);
}
