// Adds up what every package's vitest JSON report and the consumer check counted, and ends
// with one line "N passed, N failed", so a run that tested nothing is visible. A package
// without a report, or a test file that failed to load, counts as a failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishablePackages, root } from './lib/workspace.mjs';

let passed = 0;
let failed = 0;
for (const pkg of publishablePackages()) {
  const report = join(pkg.dir, '.vitest-report.json');
  if (!existsSync(report)) {
    console.log(`${pkg.name}: no test report (its tests did not run)`);
    failed++;
    continue;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const brokenFiles = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
  );
  passed += r.numPassedTests;
  failed += r.numFailedTests + brokenFiles.length;
  console.log(
    `${pkg.name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed in ${(r.testResults ?? []).length} files` +
      (brokenFiles.length ? ` (${brokenFiles.length} files failed to run)` : ''),
  );
}
// Extra vitest runs (the models tests against the lowest zod of the peer range).
const reports = join(root, '.reports');
for (const name of existsSync(reports) ? readdirSync(reports).sort() : []) {
  if (!name.endsWith('.vitest-report.json')) continue;
  const r = JSON.parse(readFileSync(join(reports, name), 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  console.log(
    `${name.replace('.vitest-report.json', '')}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`,
  );
}
const consumer = join(root, '.reports/consumer-check.json');
if (existsSync(consumer)) {
  const r = JSON.parse(readFileSync(consumer, 'utf8'));
  passed += r.passed;
  failed += r.failed;
  console.log(`consumer check: ${r.passed} passed, ${r.failed} failed`);
} else {
  console.log('consumer check: no report (it did not run)');
  failed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
