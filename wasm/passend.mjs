// SPDX-License-Identifier: EUPL-1.2
// passend in JavaScript: the WebAssembly engine (passend_engine.mjs + .wasm) behind a small typed
// API (passend.d.ts). Everything runs in this process; no data leaves it.
import createPassendEngine from './passend_engine.mjs';

let enginePromise = null;
let engineOptions = {};

/**
 * Hand the engine its .wasm bytes instead of letting it fetch passend_engine.wasm: for a page
 * whose Content-Security-Policy forbids every connection (connect-src 'none'). Call it first.
 */
export function useWasmBinary(bytes) {
  engineOptions = { wasmBinary: bytes };
}

/** The engine, instantiated once. */
function engine() {
  enginePromise ??= (async () => {
    if (typeof process === 'object' && process.versions?.node) {
      // emscripten 3.1.6's ES module still reads require and __dirname under node.
      const { createRequire } = await import('node:module');
      const { fileURLToPath } = await import('node:url');
      globalThis.require ??= createRequire(import.meta.url);
      globalThis.__dirname ??= fileURLToPath(new URL('.', import.meta.url));
      // ... and would fetch() a file: URL, which node cannot: hand it the bytes.
      const { readFile } = await import('node:fs/promises');
      const wasmBinary = await readFile(new URL('passend_engine.wasm', import.meta.url));
      return createPassendEngine({ wasmBinary, ...engineOptions });
    }
    return createPassendEngine(engineOptions);
  })();
  return enginePromise;
}

/** One call into the engine: JSON in, JSON out; an engine error becomes a thrown Error. */
async function call(method, request = {}) {
  const m = await engine();
  const ptr = m.ccall('passend_wasm_call', 'number', ['string', 'string'],
    [method, JSON.stringify(request)]);
  const reply = JSON.parse(m.UTF8ToString(ptr));
  m._free(ptr);
  if (!reply.ok) throw new PassendError(reply.error);
  return reply.result;
}

/** A CSV text (RFC 4180) as rows of cells (strings). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') cell += c, ++i;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), cell = '';
    else if (c === '\n') row.push(cell), rows.push(row), row = [], cell = '';
    else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows;
}

const numberColumns = new Set(['numerator', 'denominator', 'value', 'change']);

export class PassendError extends Error {
  constructor(message) { super(message); this.name = 'PassendError'; }
}

/** The engine's version, e.g. "0.1.0". */
export async function version() {
  const m = await engine();
  return m.UTF8ToString(m.ccall('passend_wasm_version', 'number', [], []));
}

let scratchCount = 0;

/** The base name of a path from a folder pick ("data/schools.csv" -> "schools.csv"). */
function baseName(name) {
  return name.split(/[\\/]/).pop();
}

/**
 * Write `files` into a scratch folder of the engine's memory file system, run `method` on it and
 * remove the folder again, whatever happens: nothing of the input is kept but the dataset.
 */
async function withScratch(files, method, options) {
  const names = Object.keys(files).map(baseName);
  // Every file must be contract CSV, or the whole input one JSON document.
  const isJson = names.length === 1 && names[0].toLowerCase().endsWith('.json');
  const notCsv = isJson ? [] : names.filter((n) => !n.toLowerCase().endsWith('.csv'));
  if (notCsv.length > 0) {
    return {
      valid: false,
      diagnostics: notCsv.map((file) => ({
        file, line: 0, column: 0, level: 'error', rule: 'not_csv',
        message: `${file} is not a CSV file of the input contract (expected NAME.csv)`,
        text: `${file}: error: not a CSV file of the input contract (expected NAME.csv)`,
      })),
    };
  }
  const m = await engine();
  const dir = `/scratch-${++scratchCount}`;
  m.FS.mkdir(dir);
  try {
    for (const [name, content] of Object.entries(files)) {
      m.FS.writeFile(`${dir}/${baseName(name)}`, content);
    }
    const path = isJson ? `${dir}/${names[0]}` : dir;
    return await call(method, { ...options, path, kind: isJson ? 'json' : 'folder' });
  } finally {
    for (const name of m.FS.readdir(dir)) {
      if (name !== '.' && name !== '..') m.FS.unlink(`${dir}/${name}`);
    }
    m.FS.rmdir(dir);
  }
}

/** Check contract files without keeping them: every diagnostic, located. */
export async function validate(files, options = {}) {
  return withScratch(files, 'validate', options);
}

/** A loaded dataset, held by the engine until close(). */
export class Dataset {
  constructor(opened, subject) {
    this.handle = opened.handle;
    /** Named in the headings of reports and the monitor. */
    this.subject = subject;
    this.summary = {
      schools: opened.schools, pupils: opened.pupils, enrolments: opened.enrolments,
      extractDate: opened.extract_date, schoolYears: opened.school_years,
      unitNames: Object.fromEntries(opened.unit_names),
    };
    this.warnings = opened.warnings ?? [];
  }

  /** The partnerships (samenwerkingsverbanden): ids with their names, in id order. */
  partnerships() {
    return Object.entries(this.summary.unitNames)
      .filter(([id]) => /^(PO|VO)\d{4}$/.test(id))
      .map(([id, name]) => ({ id, name }));
  }

  /** The report as text: md, json, csv or html, as `passend report` writes it. */
  report(options = {}) {
    return call('report',
      { handle: this.handle, format: 'html', subject: this.subject, ...options });
  }

  /** Every KPI row (the json report's rows) and the definitions. */
  async kpis(options = {}) {
    return JSON.parse(await this.report({ ...options, format: 'json' }));
  }

  /**
   * The KPI table as `passend report --format csv` writes it, one object per row: numbers as
   * numbers, a small count as "<5", an empty cell (no value, or hidden to protect a small count)
   * as null.
   */
  async kpiRows(options = {}) {
    const [header, ...rows] = parseCsv(await this.report({ ...options, format: 'csv' }));
    return rows.map((cells) => Object.fromEntries(header.map((name, i) => {
      const cell = cells[i] ?? '';
      if (name === 'partial') return [name, cell === 'true'];
      if (cell === '') return [name, null];
      return [name, numberColumns.has(name) && cell !== '<5' ? Number(cell) : cell];
    })));
  }

  /**
   * The row of one KPI, unit (`NL`: national) and school year; undefined when the data has none.
   * The whole table is evaluated once and kept (a sheet of formulas asks many times).
   */
  async kpi(kpi, unit, year, options = {}) {
    const suppress = options.suppress ?? true;
    this.rowIndex ??= new Map();
    if (!this.rowIndex.has(suppress)) {
      const index = new Map();
      for (const r of await this.kpiRows({ suppress })) {
        index.set(`${r.kpi}|${r.unit}|${r.school_year}`, r);
      }
      this.rowIndex.set(suppress, index);
    }
    return this.rowIndex.get(suppress).get(`${kpi}|${unit}|${year}`);
  }

  /** The pupil pseudonyms behind a KPI's numerator (or denominator). */
  explain(request) {
    return call('explain', { handle: this.handle, ...request });
  }

  /** The flows of a school year and unit (a document; md or csv as text). */
  flows(options = {}) {
    return call('flows', { handle: this.handle, ...options });
  }

  /** The partnership's monitor on a day (a document; md or html as text). */
  monitor(options = {}) {
    return call('monitor', { handle: this.handle, subject: this.subject, ...options });
  }

  /**
   * The covering network of support (`passend coverage`): per partnership the matrix of domain ×
   * municipality (places, occupancy on teldatum, colour), the gaps in words, the costs per domain
   * and level split over calendar years, the reserves' continuity check. A document; md or html
   * as text; coverageWorkbook() in xlsx.mjs makes the xlsx of the document.
   */
  coverage(options = {}) {
    return call('coverage', { handle: this.handle, ...options });
  }

  /** Release the dataset's memory. */
  close() {
    return call('close', { handle: this.handle });
  }
}

/**
 * Open contract files (name -> text or bytes): a Dataset, or throws a LoadError listing every
 * diagnostic. A load succeeds whole or keeps nothing.
 */
export async function open(files, options = {}) {
  const opened = await withScratch(files, 'open', options);
  if (!opened.valid) throw new LoadError(opened.diagnostics);
  return new Dataset(opened, options.subject ?? '');
}

/** The built-in demo region (Zuid-Limburg, synthetic). */
export async function openDemo(options = {}) {
  return new Dataset(await call('demo', options), 'demo: Zuid-Limburg');
}

export class LoadError extends Error {
  constructor(diagnostics) {
    const errors = diagnostics.filter((d) => d.level === 'error');
    super(`${errors.length} error(s): ${errors.slice(0, 3).map((d) => d.text).join('; ')}`);
    this.name = 'LoadError';
    this.diagnostics = diagnostics;
  }
}
