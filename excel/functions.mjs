// SPDX-License-Identifier: EUPL-1.2
// The add-in's custom functions, on the WebAssembly engine in Excel's own (shared) runtime:
//   =PASSEND.KPI("deelname_so"; "PO3104"; "2024-2025")       the value (or "numerator", ...)
//   =PASSEND.EXPLAIN("deelname_so"; "PO3104"; "2024-2025")   the pupils behind the numerator
// They read the dataset the task pane loaded; the numbers are the CLI's (`passend report`).

let dataset = null;

/** The dataset the functions read (the task pane sets it after a load; null: none). */
export function useDataset(ds) {
  dataset = ds;
}

function loaded() {
  if (!dataset) {
    throw new Error('Laad eerst gegevens in het passend-taakvenster · ' +
      'load data in the passend task pane first');
  }
  return dataset;
}

const fields = ['value', 'numerator', 'denominator', 'change', 'status'];

/**
 * One number of the KPI table: `field` (value, numerator, denominator, change, status) of KPI
 * `kpi` for `unit` (NL, a partnership, board, school or municipality) in school year `year`.
 * A small count shows as "<5" and a cell hidden to protect one stays empty, as in the CLI's
 * published reports.
 */
export async function kpi(id, unit, year, field) {
  const f = field || 'value';
  if (!fields.includes(f)) throw new Error(`field: one of ${fields.join(', ')}`);
  const row = await loaded().kpi(id, unit, year);
  if (!row) throw new Error(`${id} has no figure for ${unit} in ${year}`);
  return row[f] ?? ''; // as the CLI's CSV: "<5" a small count, empty a protecting cell
}

/** The pupil pseudonyms behind the numerator (or `part` "denominator"), one per row. */
export async function explain(id, unit, year, part) {
  const pupils = await loaded().explain({
    kpi: id, unit, year, part: part === 'denominator' ? 'denominator' : 'numerator',
  });
  return pupils.length ? pupils.map((p) => [p]) : [['']];
}

if (typeof CustomFunctions !== 'undefined') {
  CustomFunctions.associate('KPI', kpi);
  CustomFunctions.associate('EXPLAIN', explain);
}
