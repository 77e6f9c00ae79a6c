// SPDX-License-Identifier: EUPL-1.2
import type { CoverageDocument, CoverState, KpiCsvRow, KpiDefinition } from './passend.mjs';
/** The KPI workbook as xlsx bytes; `ExcelJS`: the exceljs namespace. */
export declare function kpiWorkbook(ExcelJS: unknown, input: {
  rows: KpiCsvRow[]; definitions: KpiDefinition[]; unitNames?: Record<string, string>;
  through?: string;
}): Promise<Uint8Array>;
/** The rows of one level as the workbook's columns (header) and typed cells. */
export declare function kpiTable(rows: KpiCsvRow[], level: string,
  unitNames?: Record<string, string>, through?: string): { header: string[]; rows: unknown[][] };
export declare const levelSheets: [string, string][];
/** A coverage cell's colour as ARGB, e.g. `FFE3F3E8` for covered. */
export declare const coverColours: Record<CoverState, string>;
/** The sheets of `passend coverage --format xlsx`: dekking, knelpunten, kosten, continuiteit. */
export declare function coverageTables(doc: CoverageDocument): {
  name: string; columns: [string, number][]; rows: unknown[][]; formats?: Record<number, string>;
}[];
/** The coverage workbook as xlsx bytes (`passend coverage --format xlsx`). */
export declare function coverageWorkbook(ExcelJS: unknown, doc: CoverageDocument): Promise<Uint8Array>;
