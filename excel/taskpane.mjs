// SPDX-License-Identifier: EUPL-1.2
// The add-in's task pane: load a folder of contract CSV files (or the demo) into the WebAssembly
// engine, then write the KPI table, the flows and the monitor of a partnership into sheets.
import * as passend from './passend.mjs';
import wasmBase64 from './passend_engine.wasm.mjs';
import { kpiTable, levelSheets } from './xlsx.mjs';
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

/** Replace sheet `name`'s contents by `rows` (padded to a rectangle), header row frozen. */
function writeSheet(context, name, rows) {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...Array(width - r.length).fill('')]
    .map((v) => (v === null || v === undefined ? '' : v)));
  const sheets = context.workbook.worksheets;
  let sheet = sheets.getItemOrNullObject(name);
  return context.sync().then(() => {
    if (sheet.isNullObject) sheet = sheets.add(name);
    else sheet.getRange().clear();
    sheet.getRangeByIndexes(0, 0, values.length, width).values = values;
    sheet.freezePanes.freezeRows(1);
  });
}

/**
 * Write the partnership's KPI table (every level it holds), its flows of the latest observed
 * year and its monitor into the sheets passend-kpi, passend-stromen and passend-monitor.
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
  await Excel.run(async (context) => {
    await writeSheet(context, 'passend-kpi', kpiRows);
    await writeSheet(context, 'passend-stromen', flows);
    await writeSheet(context, 'passend-monitor', monitor);
    await context.sync();
  });
  return { kpi: kpiRows.length - 1, flows: flows.length - 1, monitor: monitor.length };
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
    $('status').textContent = `Geschreven · written: ${n.kpi} KPI-rijen, ${n.flows} stromen`;
    document.body.dataset.written = 'true';
  });
  document.body.dataset.ready = 'true';
}

if (typeof document !== 'undefined') {
  if (globalThis.Office?.onReady) Office.onReady(start);
  else start();
}
