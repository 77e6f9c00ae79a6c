// SPDX-License-Identifier: EUPL-1.2
import type { KpiCsvRow, KpiDefinition } from './passend.mjs';
/** The KPI workbook as xlsx bytes; `ExcelJS`: the exceljs namespace. */
export declare function kpiWorkbook(ExcelJS: unknown, input: {
  rows: KpiCsvRow[]; definitions: KpiDefinition[]; unitNames?: Record<string, string>;
  through?: string;
}): Promise<Uint8Array>;
/** The rows of one level as the workbook's columns (header) and typed cells. */
export declare function kpiTable(rows: KpiCsvRow[], level: string,
  unitNames?: Record<string, string>, through?: string): { header: string[]; rows: unknown[][] };
export declare const levelSheets: [string, string][];
