#!/usr/bin/env node
// End-to-end specs find things as a user (or a screen reader) does: by role, label and visible text (issue 14
// item 7, docs/ui.md "End-to-end locators"). This check fails on CSS classes of the UI kit (`.ant-…`), `#id`
// selectors, test ids and data-attribute probes inside tests/e2e/**/*.spec.ts. Where antd truly forces a CSS
// selector it lives in a page model under tests/e2e/pages/, with a comment saying why — not in a spec.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const E2E = join(ROOT, 'tests/e2e');

const RULES = [
  { name: 'antd CSS class', pattern: /['"`][^'"`]*\.ant-[a-z]/ },
  { name: '#id selector', pattern: /(?:locator|\$\$?|querySelector(?:All)?|waitForSelector)\(\s*['"`][^'"`]*#[A-Za-z_][\w-]*/ },
  { name: 'test id', pattern: /getByTestId\s*\(|data-testid/ },
  { name: 'data-attribute probe', pattern: /toHaveAttribute\(\s*['"`]data-|\[data-[\w-]+/ },
];

/**
 * Specs owned by other work in progress that still use such locators. Each is printed, not failed; an entry
 * whose file is clean fails the check, so the list cannot outlive the conversion.
 */
const PENDING = {
};

function specFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pages' || entry.name === 'fixtures' ? [] : specFiles(path);
    return entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Line comments are not locators; strip them so a comment may say what was replaced. */
function code(line) {
  return line.replace(/(^|\s)\/\/.*$/, '$1');
}

let failed = false;
for (const file of specFiles(E2E)) {
  const name = relative(ROOT, file);
  const hits = readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => RULES.filter((r) => r.pattern.test(code(line))).map((r) => `${name}:${i + 1}: ${r.name}: ${line.trim()}`));
  const pending = PENDING[name];
  if (pending && hits.length === 0) {
    console.error(`${name} uses no CSS/id/test-id locators any more: remove it from PENDING in scripts/check-e2e-locators.mjs`);
    failed = true;
  } else if (pending) {
    console.log(`${name}: ${hits.length} locator(s) still to convert (${pending})`);
  } else if (hits.length > 0) {
    for (const h of hits) console.error(h);
    failed = true;
  }
}
for (const name of Object.keys(PENDING)) {
  if (!specFiles(E2E).some((f) => relative(ROOT, f) === name)) {
    console.error(`${name} is listed as pending but does not exist: remove it from PENDING`);
    failed = true;
  }
}
if (failed) {
  console.error('End-to-end specs must find things by role, label or visible text (docs/ui.md, "End-to-end locators").');
  process.exit(1);
}
console.log('e2e locators: specs use roles, labels and visible text');
