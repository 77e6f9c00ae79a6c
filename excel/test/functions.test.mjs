// SPDX-License-Identifier: EUPL-1.2
// The add-in's custom functions in node against the engine (ctest label wasm):
//   node functions.test.mjs ADDIN_DIR PASSEND_CLI
// =PASSEND.KPI gives the CLI's CSV figure for every KPI of a partnership and the nation;
// =PASSEND.EXPLAIN as many pupils as the numerator.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const [addin, cli] = process.argv.slice(2);
if (!existsSync(join(addin, 'functions.mjs'))) {
  console.log(`skipped: no ${addin}/functions.mjs (bash scripts/build.sh wasm)`);
  process.exit(77);
}
const passend = await import(join(addin, 'passend.mjs'));
const functions = await import(join(addin, 'functions.mjs'));
const csv = (...args) => execFileSync(cli, ['report', '--demo', '--format', 'csv', ...args],
  { encoding: 'utf8', maxBuffer: 1 << 28 }).trimEnd().split('\n').map((l) => l.split(','));

try {
  await assert.rejects(functions.kpi('deelname_so', 'PO3104', '2024-2025'), /task pane first/);
  functions.useDataset(await passend.openDemo());

  // Every KPI of PO3104 and the nation in 2024-2025, as the CLI publishes them (suppressed).
  const [header, ...rows] = csv('--unit', 'PO3104', '--year', '2024-2025');
  const col = Object.fromEntries(header.map((h, i) => [h, i]));
  let compared = 0;
  for (const r of rows) {
    if (r[col.level] !== 'swv' && r[col.level] !== 'national') continue;
    for (const field of ['value', 'numerator', 'denominator']) {
      const got = await functions.kpi(r[col.kpi], r[col.unit], r[col.school_year], field);
      const want = r[col[field]];
      if (want === '<5' || want === '') assert.equal(got, want, `${r.join(',')} ${field}`);
      else assert.equal(got, Number(want), `${r.join(',')} ${field}`);
      ++compared;
    }
  }
  assert.ok(compared > 300, `${compared} figures compared`);
  await assert.rejects(functions.kpi('deelname_so', 'PO3104', '1999-2000'), /no figure/);

  // EXPLAIN: one pupil per row, as many as the unsuppressed numerator.
  const [h2, ...all] = csv('--no-suppress', '--kpi', 'deelname_so', '--unit', 'PO3104');
  const row = all.find((r) => r[1] === '2024-2025' && r[3] === 'PO3104');
  const pupils = await functions.explain('deelname_so', 'PO3104', '2024-2025');
  assert.equal(pupils.length, Number(row[h2.indexOf('numerator')]));
  assert.ok(pupils.every((p) => p.length === 1 && typeof p[0] === 'string' && p[0] !== ''));
  const national = await functions.explain('deelname_so', 'NL', '2024-2025', 'denominator');
  assert.ok(national.length > pupils.length);
  console.log(`excel functions: ${compared} figures equal the CLI's; EXPLAIN ${pupils.length} pupils`);
} catch (e) {
  console.error(e.stack ?? e);
  process.exit(1);
}
