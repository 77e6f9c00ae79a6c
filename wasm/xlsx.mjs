// SPDX-License-Identifier: EUPL-1.2
// The KPI workbook (xlsx) in JavaScript, for the WebAssembly build, which has no libxlsxwriter:
// the same sheets and columns as `passend report --format xlsx`, fed by the CSV report's rows
// (small counts "<5" as the CLI shows them), written with ExcelJS (npm, locked in package.json).

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

function addSheet(workbook, name, columns) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
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
