// SPDX-License-Identifier: EUPL-1.2
// The web app: contract CSV files (a folder, files, a zip) or the demo, evaluated by passend's
// WebAssembly engine in this page; the dashboard, the monitor, the covering network and
// downloads. No request leaves the page (its Content-Security-Policy forbids every connection).
import * as passend from './passend.mjs';
import wasmBase64 from './passend_engine.wasm.mjs';
import { coverageWorkbook, kpiWorkbook } from './xlsx.mjs';
import { readZip } from './zip.mjs';

passend.useWasmBinary(Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0)));

const $ = (id) => document.getElementById(id);
let current = null; // the open Dataset
const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

function status(text) {
  $('status').textContent = text;
}

/** Close what is open and clear every view: a failed load leaves nothing behind. */
async function forget() {
  if (current) await current.close();
  current = null;
  $('results').hidden = true;
  $('problems').hidden = true;
  $('errors').replaceChildren();
  $('figures').tBodies[0].replaceChildren();
  for (const frame of ['dashboard', 'monitor', 'coverage']) $(frame).srcdoc = '';
}

function showProblems(diagnostics) {
  $('problems').hidden = false;
  $('errors').replaceChildren(...diagnostics.map((d) => {
    const li = document.createElement('li');
    li.textContent = d.text;
    li.className = d.level;
    return li;
  }));
}

async function load(open, label) {
  await forget();
  status(`Laden… · Loading…`);
  const t0 = performance.now();
  try {
    current = await open();
  } catch (e) {
    if (e.diagnostics) {
      showProblems(e.diagnostics);
      status(`${label}: niet geladen · not loaded`);
    } else {
      status(`${label}: ${e.message}`);
    }
    return;
  }
  const s = current.summary;
  $('unit').replaceChildren(...current.partnerships().map(({ id, name }) =>
    new Option(`${id} ${name}`, id)));
  $('year').replaceChildren(...s.schoolYears.slice().reverse().map((y) => new Option(y, y)));
  $('results').hidden = false; // before the frames get their pages: hidden, they stay blank
  await show();
  const ms = Math.round(performance.now() - t0);
  status(`${label}: ${s.schools} scholen, ${s.pupils} leerlingen, ${s.enrolments} inschrijvingen; ` +
    `gegevens t/m ${s.extractDate} · ${s.schools} schools, ${s.pupils} pupils; ` +
    `geladen en berekend in ${ms} ms · loaded and evaluated in ${ms} ms`);
  document.body.dataset.loadMs = String(ms);
}

/** The covering network of the partnership in the year as a page, or why there is none. */
async function coveragePage(unit, year) {
  try {
    return await current.coverage({ format: 'html', unit, year });
  } catch (e) {
    const p = document.createElement('p');
    p.textContent = `Dekkend aanbod ${year}: ${e.message}`;
    return p.outerHTML;
  }
}

/** The key figures, monitor, dashboard and covering network of the chosen partnership and year. */
async function show() {
  const unit = $('unit').value;
  const year = $('year').value;
  const rows = (await current.kpiRows({ unit, year, levels: ['swv'] }))
    .filter((r) => r.unit === unit && r.school_year === year);
  const cell = (text, number) => {
    const td = document.createElement('td');
    td.textContent = text;
    if (number) td.className = 'number';
    return td;
  };
  // As the CLI's CSV: "<5" a small count, empty a cell with no value or hidden to protect one.
  const shown = (v) => (typeof v === 'number' ? nl.format(v) : v ?? '');
  $('figures').tBodies[0].replaceChildren(...rows.map((r) => {
    const tr = document.createElement('tr');
    tr.dataset.kpi = r.kpi;
    if (typeof r.value === 'number') tr.dataset.value = String(r.value);
    tr.append(cell(r.title_nl), cell(shown(r.value), true), cell(shown(r.numerator), true),
      cell(shown(r.denominator), true), cell(r.status ?? ''));
    return tr;
  }));
  $('monitor').srcdoc = await current.monitor({ format: 'html', units: [unit] });
  $('dashboard').srcdoc = await current.report({ format: 'html', unit, year });
  $('coverage').srcdoc = await coveragePage(unit, year);
}

function download(name, bytes, type) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** name -> bytes of the picked files; a zip's files in its place. */
async function filesOf(list) {
  const files = {};
  for (const file of list) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (file.name.toLowerCase().endsWith('.zip')) Object.assign(files, await readZip(bytes));
    else files[file.name] = bytes;
  }
  return files;
}

function pick(input) {
  input.addEventListener('change', async () => {
    const list = [...input.files];
    if (list.length === 0) return;
    const folder = list[0].webkitRelativePath.split('/')[0] || list[0].name;
    try {
      const files = await filesOf(list);
      await load(() => passend.open(files, { subject: folder }), folder);
    } catch (e) {
      await forget();
      status(`${folder}: ${e.message}`);
    }
    input.value = '';
  });
}

pick($('pick-folder'));
pick($('pick-files'));
$('load-demo').addEventListener('click', () => load(() => passend.openDemo(), 'Demo'));
$('unit').addEventListener('change', show);
$('year').addEventListener('change', show);
const stem = () => `passend-${$('unit').value}`;
$('download-csv').addEventListener('click', async () =>
  download(`${stem()}.csv`, await current.report({ format: 'csv' }), 'text/csv'));
$('download-html').addEventListener('click', async () =>
  download(`${stem()}.html`, await current.report({ format: 'html', unit: $('unit').value }),
    'text/html'));
$('download-xlsx').addEventListener('click', async () => {
  status('Excel-bestand wordt gemaakt… · Making the Excel file…');
  const bytes = await kpiWorkbook(globalThis.ExcelJS, {
    rows: await current.kpiRows(),
    definitions: (await current.kpis({ unit: 'NL' })).definitions, // every definition, few rows
    unitNames: current.summary.unitNames, through: current.summary.extractDate,
  });
  status('Excel-bestand gemaakt · Excel file made');
  download(`${stem()}.xlsx`, bytes,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
});
// The tab of the part last chosen stands out.
for (const tab of document.querySelectorAll('nav.tabs a')) {
  tab.addEventListener('click', () => {
    for (const other of document.querySelectorAll('nav.tabs a')) other.removeAttribute('aria-current');
    tab.setAttribute('aria-current', 'true');
  });
}
// The covering network's page is shown whole: the frame takes its height.
$('coverage').addEventListener('load', () => {
  const page = $('coverage').contentDocument?.documentElement;
  if (page) $('coverage').style.height = `${page.scrollHeight + 4}px`;
});
/** The covering network of the chosen partnership and year as a file; why not in the status. */
async function downloadCoverage(extension, bytesOf, type) {
  const chosen = { unit: $('unit').value, year: $('year').value };
  try {
    download(`${stem()}-dekkend-aanbod-${chosen.year}.${extension}`, await bytesOf(chosen), type);
  } catch (e) {
    status(`Dekkend aanbod ${chosen.year}: ${e.message}`);
  }
}
$('download-coverage-html').addEventListener('click', () => downloadCoverage('html',
  (chosen) => current.coverage({ format: 'html', ...chosen }), 'text/html'));
$('download-coverage-xlsx').addEventListener('click', () => downloadCoverage('xlsx',
  async (chosen) => coverageWorkbook(globalThis.ExcelJS, await current.coverage(chosen)),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
document.body.dataset.ready = 'true';
