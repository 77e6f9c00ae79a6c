// SPDX-License-Identifier: EUPL-1.2
// The add-in's task pane: load a folder of contract CSV files (or the demo) into the WebAssembly
// engine, then write the KPI table, the flows, the monitor and the covering network of a
// partnership into sheets.
import * as passend from './passend.mjs';
import wasmBase64 from './passend_engine.wasm.mjs';
import { coverColours, kpiTable, levelSheets } from './xlsx.mjs';
import { useDataset } from './functions.mjs';

passend.useWasmBinary(Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0)));

/** The monitor of one partnership as rows: headline figures, then the tables by duration. */
export function monitorRows(doc) {
  const p = doc.partnerships[0];
  const titles = new Map(doc.definitions.map((d) => [d.id, d.title_nl]));
  const rows = [[`Monitor ${p.id} ${p.name}`, `op ${doc.day}`, doc.school_year],
    ['kpi', 'titel', 'waarde', 'verschil', 'vorig jaar', 'landelijk']];
  for (const h of p.headline) {
    rows.push([h.kpi, titles.get(h.kpi) ?? h.kpi, h.value ?? '', h.change ?? '', h.previous ?? '',
      h.national ?? '']);
  }
  for (const table of [p.open_requests, p.thuiszitters]) {
    rows.push([], [table.id, titles.get(table.id) ?? '', 'totaal', table.total]);
    for (const b of table.bins) rows.push([b.bin, b.label_nl, 'aantal', b.count]);
  }
  return rows;
}

/**
 * The covering network of one partnership (Dataset.coverage({unit})) as rows: three matrices of
 * domain × municipality (occupancy on teldatum, places, pupils), then the gaps in words and the
 * costs per domain and level split over calendar years. `formats`: the occupancy matrix's cells
 * coloured as `passend coverage` colours them (covered, over-demanded, no offer) and shown as
 * whole percents, the costs in euros.
 */
export function coverageRows(doc, unitNames = {}) {
  const p = doc.partnerships[0];
  const rows = [[`Dekkend aanbod ${p.swv_id} ${p.name}`, doc.school_year, `teldatum ${doc.teldatum}`]];
  const formats = [];
  const header = ['domein', ...p.municipalities.map((m) => `${m} ${unitNames[m] ?? ''}`.trim())];
  const cellOf = new Map(p.cells.map((c) => [`${c.domain}|${c.municipality}`, c]));
  const matrix = (title, value, coloured) => {
    rows.push([], [title], header);
    for (const d of doc.domains) {
      const cells = p.municipalities.map((m) => cellOf.get(`${d}|${m}`));
      if (coloured) {
        cells.forEach((c, i) => formats.push({ row: rows.length, column: i + 1,
          fill: `#${coverColours[c.state].slice(2)}`, numberFormat: '0"%"' }));
      }
      rows.push([d, ...cells.map(value)]);
    }
  };
  // Occupancy as a number (%); words where there is none: no offer, or no places or a small
  // count (the CLI's `–`).
  matrix('bezetting op teldatum (%) · occupancy', (c) => (c.state === 'no_offer' ? 'geen aanbod'
    : c.occupancy ?? '–'), true);
  matrix('plaatsen · places', (c) => c.places);
  matrix('leerlingen · pupils', (c) => c.pupils);
  rows.push([], ['knelpunten', 'gaps and over-demand']);
  for (const f of p.findings) rows.push([f.nl, f.en]);
  const [aug, jan] = Object.keys(p.calendar_years);
  rows.push([], ['domein', 'niveau', 'plaatsen', `kosten ${doc.school_year}`,
    `aug-dec ${aug} (5/12)`, `jan-jul ${jan} (7/12)`]);
  const euros = (k) => {
    const numberFormat = '"€ "#,##0.00';
    for (const column of [3, 4, 5]) formats.push({ row: rows.length, column, numberFormat });
    return [k.cost_eur, k.calendar_years[aug], k.calendar_years[jan]];
  };
  for (const k of p.costs) rows.push([k.domain, k.level, k.places, ...euros(k)]);
  rows.push(['totaal', '', '', ...euros(p)]);
  return { rows, formats };
}

/**
 * Replace sheet `name`'s contents by `rows` (padded to a rectangle), header row frozen;
 * `formats`: cells ({row, column}) given a background colour (`fill`) or a `numberFormat`.
 */
function writeSheet(context, name, rows, formats = []) {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...Array(width - r.length).fill('')]
    .map((v) => (v === null || v === undefined ? '' : v)));
  const sheets = context.workbook.worksheets;
  let sheet = sheets.getItemOrNullObject(name);
  return context.sync().then(() => {
    if (sheet.isNullObject) sheet = sheets.add(name);
    else sheet.getRange().clear();
    sheet.getRangeByIndexes(0, 0, values.length, width).values = values;
    for (const f of formats) {
      const cell = sheet.getRangeByIndexes(f.row, f.column, 1, 1);
      if (f.fill) cell.format.fill.color = f.fill;
      if (f.numberFormat) cell.numberFormat = [[f.numberFormat]];
    }
    sheet.freezePanes.freezeRows(1);
  });
}

/**
 * Write the partnership's KPI table (every level it holds), its flows of the latest observed
 * year, its monitor and its covering network of the latest year with offers into the sheets
 * passend-kpi, passend-stromen, passend-monitor and passend-dekkend-aanbod.
 */
export async function writeSheets(Excel, dataset, unit) {
  const rows = await dataset.kpiRows({ unit });
  const kpiRows = [];
  for (const [level] of levelSheets) {
    const table = kpiTable(rows, level, dataset.summary.unitNames, dataset.summary.extractDate);
    if (kpiRows.length === 0) kpiRows.push(table.header);
    kpiRows.push(...table.rows);
  }
  // The flows' CSV document (section, row, column, value): counts as numbers.
  const count = (c) => (/^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c);
  const flows = passend.parseCsv(await dataset.flows({ unit, format: 'csv' }))
    .map((r, i) => (i === 0 ? r : [...r.slice(0, 3), count(r[3])]));
  const monitor = monitorRows(await dataset.monitor({ units: [unit] }));
  const coverage = coverageRows(await dataset.coverage({ unit }), dataset.summary.unitNames);
  await Excel.run(async (context) => {
    await writeSheet(context, 'passend-kpi', kpiRows);
    await writeSheet(context, 'passend-stromen', flows);
    await writeSheet(context, 'passend-monitor', monitor);
    await writeSheet(context, 'passend-dekkend-aanbod', coverage.rows, coverage.formats);
    await context.sync();
  });
  return { kpi: kpiRows.length - 1, flows: flows.length - 1, monitor: monitor.length,
    coverage: coverage.rows.length };
}

let current = null;
const $ = (id) => document.getElementById(id);

async function load(open, label) {
  if (current) await current.close();
  current = null;
  useDataset(null);
  $('write-sheets').disabled = true;
  $('errors').replaceChildren();
  try {
    current = await open();
  } catch (e) {
    $('status').textContent = `${label}: niet geladen · not loaded`;
    $('errors').replaceChildren(...(e.diagnostics ?? [{ text: e.message }]).map((d) => {
      const li = document.createElement('li');
      li.textContent = d.text;
      return li;
    }));
    return;
  }
  useDataset(current);
  $('unit').replaceChildren(...current.partnerships().map(({ id, name }) =>
    new Option(`${id} ${name}`, id)));
  $('write-sheets').disabled = false;
  $('status').textContent = `${label}: ${current.summary.pupils} leerlingen · pupils`;
}

function start() {
  $('load-demo').addEventListener('click', () => load(() => passend.openDemo(), 'Demo'));
  $('pick-folder').addEventListener('change', async (event) => {
    const list = [...event.target.files];
    const files = {};
    for (const f of list) files[f.name] = new Uint8Array(await f.arrayBuffer());
    const folder = list[0]?.webkitRelativePath.split('/')[0] ?? '';
    await load(() => passend.open(files, { subject: folder }), folder);
  });
  $('write-sheets').addEventListener('click', async () => {
    const n = await writeSheets(globalThis.Excel, current, $('unit').value);
    $('status').textContent = `Geschreven · written: ${n.kpi} KPI-rijen, ${n.flows} stromen, ` +
      'monitor, dekkend aanbod';
    document.body.dataset.written = 'true';
  });
  document.body.dataset.ready = 'true';
}

if (typeof document !== 'undefined') {
  if (globalThis.Office?.onReady) Office.onReady(start);
  else start();
}
