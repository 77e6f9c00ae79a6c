// SPDX-License-Identifier: EUPL-1.2
// The WebAssembly engine against the native CLI (ctest label `wasm`):
//   node engine.test.mjs JS_DIR PASSEND_CLI TEST_DATA_DIR
// Every KPI of the demo as the CLI's CSV, byte for byte (with and without suppression), explain,
// flows, monitor and coverage as the CLI's JSON, validation as `passend validate`, and the xlsx
// read back (the coverage workbook cell for cell against the CLI's).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const [jsDir, cli, dataDir] = process.argv.slice(2);
if (!existsSync(join(jsDir, 'passend_engine.wasm'))) {
  console.log(`skipped: no ${jsDir}/passend_engine.wasm (bash scripts/build.sh wasm)`);
  process.exit(77);
}
const passend = await import(join(jsDir, 'passend.mjs'));
const { coverageWorkbook, kpiWorkbook } = await import(join(jsDir, 'xlsx.mjs'));
const run = (...args) => {
  try {
    return execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (e) {
    return e.stdout; // validate exits 1 on invalid data
  }
};
// A fixture's contract files, as a user picks them (its folder also holds the expected output).
const folder = (name) => Object.fromEntries(readdirSync(join(dataDir, name))
  .filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(join(dataDir, name, f))]));
let checks = 0;
async function check(what, fn) {
  try {
    await fn();
  } catch (e) {
    console.error(`FAILED ${what}\n${e.stack ?? e}`);
    process.exit(1);
  }
  ++checks;
  console.log(`ok ${what}`);
}

const demo = await passend.openDemo();

await check('every KPI of the demo equals the CLI CSV (--no-suppress)', async () => {
  const wasm = await demo.report({ format: 'csv', suppress: false });
  const native = run('report', '--demo', '--format', 'csv', '--no-suppress');
  assert.ok(native.split('\n').length > 1000);
  assert.equal(wasm, native);
});
await check('the suppressed CSV and the JSON report equal the CLI', async () => {
  assert.equal(await demo.report({ format: 'csv' }), run('report', '--demo', '--format', 'csv'));
  assert.equal(await demo.report({ format: 'json', kpis: ['deelname_so'], unit: 'PO3104' }),
    run('report', '--demo', '--format', 'json', '--kpi', 'deelname_so', '--unit', 'PO3104'));
});
await check('explain lists as many pupils as the numerator', async () => {
  const row = await demo.kpi('deelname_so', 'PO3104', '2024-2025', { suppress: false });
  const pupils = await demo.explain({ kpi: 'deelname_so', year: '2024-2025', level: 'swv',
    unit: 'PO3104' });
  assert.ok(row.numerator > 0);
  assert.equal(pupils.length, row.numerator);
});
await check('flows and monitor equal the CLI JSON', async () => {
  assert.deepEqual(await demo.flows({ unit: 'PO3104' }),
    JSON.parse(run('flows', '--demo', '--unit', 'PO3104', '--format', 'json')));
  assert.deepEqual(await demo.monitor(), JSON.parse(run('monitor', '--demo', '--format', 'json')));
});
await check('the xlsx workbook reads back with the CSV value', async () => {
  const only = { suppress: false, kpis: ['deelname_so'] };
  const bytes = await kpiWorkbook(ExcelJS, {
    rows: await demo.kpiRows(only), definitions: (await demo.kpis(only)).definitions,
    unitNames: demo.summary.unitNames, through: demo.summary.extractDate,
  });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const sheet = book.getWorksheet('swv');
  const found = [];
  sheet.eachRow((row) => {
    if (row.getCell(1).value === 'deelname_so' && row.getCell(2).value === '2024-2025' &&
      row.getCell(4).value === 'PO3104') found.push(row.getCell(8).value);
  });
  const csvRow = run('report', '--demo', '--format', 'csv', '--no-suppress', '--kpi',
    'deelname_so', '--unit', 'PO3104', '--year', '2024-2025').split('\n')
    .find((l) => l.startsWith('deelname_so,2024-2025,swv,PO3104,'));
  assert.deepEqual(found, [Number(csvRow.split(',')[6])]);
  assert.equal(book.getWorksheet('definities').getRow(2).getCell(1).value, 'deelname_so');
});
await check('coverage equals the CLI: json, md and html', async () => {
  const native = JSON.parse(run('coverage', '--demo', '--format', 'json'));
  assert.ok(native.partnerships.length > 1 && native.domains.length > 1);
  assert.deepEqual(await demo.coverage(), native);
  const states = new Set(native.partnerships.flatMap((p) => p.cells.map((c) => c.state)));
  assert.deepEqual([...states].sort(), ['covered', 'no_offer', 'over_demanded']);
  assert.deepEqual(await demo.coverage({ unit: 'PO3105', year: '2023-2024', suppress: false }),
    JSON.parse(run('coverage', '--demo', '--unit', 'PO3105', '--year', '2023-2024',
      '--no-suppress', '--format', 'json')));
  assert.equal(await demo.coverage({ unit: 'PO3104', format: 'html' }),
    run('coverage', '--demo', '--unit', 'PO3104', '--format', 'html'));
  assert.equal(await demo.coverage({ format: 'md' }), run('coverage', '--demo', '--format', 'md'));
  await assert.rejects(demo.coverage({ unit: 'PO9999' }), /no partnership 'PO9999'/);
  await assert.rejects(demo.coverage({ year: '2030-2031' }), /not reported by the data/);
  // A year as the CLI's --year takes it: `2024-2025` or its first year `2024`, nothing else.
  assert.deepEqual(await demo.coverage({ year: '2024' }), await demo.coverage({ year: '2024-2025' }));
  await assert.rejects(demo.coverage({ year: '24-25' }), /expected a school year like 2024-2025/);
});
await check('the coverage xlsx equals the CLI workbook cell for cell', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'passend-coverage-'));
  const nativeBook = new ExcelJS.Workbook();
  try {
    run('coverage', '--demo', '--format', 'xlsx', '--out', join(dir, 'coverage.xlsx'));
    await nativeBook.xlsx.readFile(join(dir, 'coverage.xlsx'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await coverageWorkbook(ExcelJS, await demo.coverage()));
  const names = (b) => b.worksheets.map((w) => w.name);
  assert.deepEqual(names(book), ['dekking', 'knelpunten', 'kosten', 'continuiteit']);
  assert.deepEqual(names(book), names(nativeBook));
  // Every cell: the JSON's numbers carry 12 significant digits, the CLI's workbook all of them.
  const cells = (sheet) => sheet.getSheetValues().slice(1).map((r) => r.slice(1));
  for (const name of names(book)) {
    const [got, want] = [cells(book.getWorksheet(name)), cells(nativeBook.getWorksheet(name))];
    assert.equal(got.length, want.length, name);
    got.forEach((row, i) => want[i].forEach((w, j) => {
      if (typeof w === 'number') assert.ok(Math.abs(row[j] - w) < 1e-6 * Math.max(1, w), `${name} ${i} ${j}`);
      else assert.equal(row[j], w, `${name} row ${i + 1} column ${j + 1}`);
    }));
    assert.equal(Math.max(...got.map((r) => r.length)), Math.max(...want.map((r) => r.length)));
  }
  // The state's colour and the occupancy's format, row for row.
  const [ours, theirs] = [book, nativeBook].map((b) => b.getWorksheet('dekking'));
  for (let r = 2; r <= theirs.rowCount; ++r) {
    const [a, b] = [ours.getRow(r), theirs.getRow(r)];
    assert.equal(a.getCell(8).fill.fgColor.argb, b.getCell(8).fill.fgColor.argb, `row ${r}`);
    if (typeof b.getCell(7).value === 'number') assert.equal(a.getCell(7).numFmt, b.getCell(7).numFmt);
  }
});
await check('a broken folder gives the diagnostics of passend validate and keeps nothing',
  async () => {
    const files = folder('broken_every_table');
    const native = run('validate', join(dataDir, 'broken_every_table')).trimEnd().split('\n');
    native.pop(); // the summary line "...: not valid: N error(s)"
    const checked = await passend.validate(files);
    assert.equal(checked.valid, false);
    assert.deepEqual(checked.diagnostics.map((d) => d.text), native);
    await assert.rejects(passend.open(files), (e) => {
      assert.equal(e.name, 'LoadError');
      assert.deepEqual(e.diagnostics.map((d) => d.text), native);
      return true;
    });
  });
await check('a file that is not CSV is named, nothing is loaded', async () => {
  const files = { ...folder('valid_small'), 'leerlingen.xlsx': new Uint8Array([80, 75, 3, 4]) };
  await assert.rejects(passend.open(files), (e) => {
    assert.deepEqual(e.diagnostics.map((d) => [d.file, d.rule]), [['leerlingen.xlsx', 'not_csv']]);
    return true;
  });
});
await check('a valid folder loads as the CLI reads it', async () => {
  const small = await passend.open(folder('valid_small'));
  assert.equal(await small.report({ format: 'csv', suppress: false }),
    run('report', join(dataDir, 'valid_small'), '--format', 'csv', '--no-suppress'));
  assert.equal(await small.close(), true);
  await assert.rejects(small.report(), /no open dataset/);
});
console.log(`wasm: ${checks} checks passed`);
