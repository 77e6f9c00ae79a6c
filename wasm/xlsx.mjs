// SPDX-License-Identifier: EUPL-1.2
// The KPI workbook (xlsx) in JavaScript, for the WebAssembly build, which has no libxlsxwriter:
// the same sheets and columns as `passend report --format xlsx`, fed by the CSV report's rows
// (small counts "<5" as the CLI shows them), written with ExcelJS (npm, locked in package.json);
// and the coverage workbook of `passend coverage --format xlsx`, fed by its json document.

const sheetOfLevel = {
  national: 'landelijk', swv: 'swv', board: 'bestuur', school: 'school', municipality: 'gemeente',
};
const valueFormat = {
  count: '#,##0.##', percent: '0.00"%"', days: '#,##0.0', euro: '"€ "#,##0', score: '0.00',
  years: '0.0', per_1000: '0.0',
};
const rowColumns = [
  ['kpi', 30], ['school_year', 11], ['level', 10], ['unit', 11], ['naam', 28], ['numerator', 12],
  ['denominator', 12], ['value', 12], ['status', 13], ['change', 10], ['kpi_unit', 9],
  ['title_nl', 44], ['title_en', 44], ['partial', 16],
];
const definitionColumns = [
  ['kpi', 30], ['title_nl', 40], ['title_en', 40], ['kpi_unit', 9], ['norm', 10],
  ['norm_target', 11], ['norm_tolerance', 13], ['description', 70], ['source', 40],
];

/** A sheet with a bold, frozen header row (and `frozenColumns` frozen columns). */
function addSheet(workbook, name, columns, frozenColumns = 1) {
  const sheet = workbook.addWorksheet(name,
    { views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }] });
  sheet.columns = columns.map(([header, width]) => ({ header, width }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

/**
 * The rows of one level (Dataset.kpiRows(), the CLI's CSV rows) as the workbook's table: a
 * header and typed cells. `through`: the day a partial year's counts run through.
 */
export function kpiTable(rows, level, unitNames = {}, through = '') {
  const table = rows.filter((r) => r.level === level).map((r) => [
    r.kpi, r.school_year, r.level, r.unit, unitNames[r.unit] ?? null, r.numerator, r.denominator,
    r.value, r.status, r.change, r.kpi_unit, r.title_nl, r.title_en,
    r.partial && through ? `t/m ${through}` : null,
  ]);
  return { header: rowColumns.map(([name]) => name), rows: table };
}

/** The levels of a report and the names of their sheets, in the workbook's order. */
export const levelSheets = Object.entries(sheetOfLevel);

/**
 * The workbook as xlsx bytes, the sheets of `passend report --format xlsx`: `rows` from
 * Dataset.kpiRows(), `definitions` from Dataset.kpis(). `ExcelJS` is the library's namespace:
 * `import ExcelJS from 'exceljs'` in node, the global of exceljs.min.js in a page.
 */
export async function kpiWorkbook(ExcelJS, { rows, definitions, unitNames = {}, through = '' }) {
  const workbook = new ExcelJS.Workbook();
  for (const [level, name] of levelSheets) {
    const table = kpiTable(rows, level, unitNames, through);
    if (table.rows.length === 0) continue;
    const sheet = addSheet(workbook, name, rowColumns);
    for (const cells of table.rows) {
      const row = sheet.addRow(cells);
      const format = valueFormat[cells[10]] ?? 'General';
      row.getCell(8).numFmt = format;
      row.getCell(10).numFmt = format;
    }
    const last = { row: table.rows.length + 1, column: 14 };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: last };
  }
  const sheet = addSheet(workbook, 'definities', definitionColumns);
  for (const d of definitions) {
    const norm = d.norm ?? {};
    sheet.addRow([d.id, d.title_nl, d.title_en, d.unit, norm.direction ?? null,
      norm.target ?? null, norm.tolerance ?? null, d.description, d.source]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

// The covering network (`passend coverage --format xlsx`), from the json document.
const euroFormat = '"€ "#,##0.00';
const occupancyFormat = '0.0"%"';
/** The cells' colours (ARGB), as the CLI's workbook and HTML show them. */
export const coverColours = { covered: 'FFE3F3E8', over_demanded: 'FFFFF1CC', no_offer: 'FFFBE3E3' };

/**
 * The sheets of `passend coverage --format xlsx` as tables: name, columns [header, width], rows
 * of typed cells and the number format of some columns (by index). `doc`: Dataset.coverage().
 */
export function coverageTables(doc) {
  const first = Number(doc.school_year.slice(0, 4));
  const [aug, jan] = [String(first), String(first + 1)];
  const cells = [];
  const findings = [];
  const costs = [];
  const money = [];
  for (const p of doc.partnerships) {
    for (const c of p.cells) {
      const hidden = typeof c.pupils === 'string'; // a small count: no occupancy either
      cells.push([doc.school_year, p.swv_id, c.domain, c.municipality, c.places, c.pupils,
        hidden ? null : c.occupancy, c.state]);
    }
    for (const f of p.findings) findings.push([p.swv_id, f.nl, f.en]);
    for (const k of p.costs) {
      costs.push([doc.school_year, p.swv_id, k.domain, k.level, k.places, k.cost_eur,
        k.calendar_years[aug], k.calendar_years[jan]]);
    }
    for (const k of p.continuity) {
      money.push([k.year, p.swv_id, k.income_eur, k.reserves_eur, k.signaleringswaarde_reserves,
        k.rule, k.reserves_boven_signaleringswaarde]);
    }
  }
  return [
    { name: 'dekking', rows: cells, formats: { 6: occupancyFormat },
      columns: [['school_year', 11], ['swv_id', 10], ['domain', 18], ['municipality', 13],
        ['places', 8], ['pupils', 8], ['occupancy', 10], ['state', 15]] },
    { name: 'knelpunten', rows: findings, columns: [['swv_id', 10], ['nl', 70], ['en', 70]] },
    { name: 'kosten', rows: costs, formats: { 5: euroFormat, 6: euroFormat, 7: euroFormat },
      columns: [['school_year', 11], ['swv_id', 10], ['domain', 18], ['level', 7], ['places', 8],
        ['cost_eur', 14], [`${aug} (aug-dec, 5/12)`, 20], [`${jan} (jan-jul, 7/12)`, 20]] },
    { name: 'continuiteit', rows: money, formats: { 2: euroFormat, 3: euroFormat, 4: euroFormat,
      6: euroFormat },
      columns: [['year', 7], ['swv_id', 10], ['income_eur', 16], ['reserves_eur', 16],
        ['signaleringswaarde_reserves', 26], ['rule', 11], ['reserves_boven_signaleringswaarde', 30]] },
  ];
}

/** The coverage workbook as xlsx bytes: the sheets and columns of `passend coverage --format xlsx`. */
export async function coverageWorkbook(ExcelJS, doc) {
  const workbook = new ExcelJS.Workbook();
  for (const table of coverageTables(doc)) {
    const sheet = addSheet(workbook, table.name, table.columns, 0);
    for (const cells of table.rows) {
      const row = sheet.addRow(cells);
      for (const [column, format] of Object.entries(table.formats ?? {})) {
        row.getCell(Number(column) + 1).numFmt = format;
      }
      if (table.name === 'dekking') {
        const argb = coverColours[cells[7]];
        row.getCell(8).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
      }
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
