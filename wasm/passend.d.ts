// SPDX-License-Identifier: EUPL-1.2
// Types of passend.mjs: passend's WebAssembly engine in JavaScript (docs/wasm.md).

/** A located problem of the input: `enrolments.csv:118:3: error: ...` as `text`. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  level: 'error' | 'warning';
  /** Stable id of the rule broken, e.g. `end_before_start`; `not_csv` for a file not CSV. */
  rule: string;
  message: string;
  text: string;
}

/** Contract files by name (a folder's relative path is cut to its base name): text or bytes. */
export type Files = Record<string, string | Uint8Array>;

export interface LoadOptions {
  /** The extract date YYYY-MM-DD (as `--as-of`). */
  as_of?: string;
  /** Named in the headings of reports and the monitor (e.g. the folder's name). */
  subject?: string;
}

export interface Validation {
  valid: boolean;
  diagnostics: Diagnostic[];
  summary?: Summary;
}

export interface Summary {
  schools: number;
  pupils: number;
  enrolments: number;
  extractDate: string;
  schoolYears: string[];
  /** Names of partnerships, boards, schools and municipalities by id. */
  unitNames: Record<string, string>;
}

export type Level = 'national' | 'swv' | 'board' | 'school' | 'municipality';

export interface ReportOptions {
  format?: 'md' | 'json' | 'csv' | 'html';
  /** false: every count as evaluated (internal analysis only; `--no-suppress`). Default true. */
  suppress?: boolean;
  /** Only this partnership, board, school or municipality (with the national rows). */
  unit?: string;
  /** Only this school year, e.g. `2024-2025`. */
  year?: string;
  /** Only these KPI ids or tags. */
  kpis?: string[];
  levels?: Exclude<Level, 'national'>[];
  /** Any day YYYY-MM-DD up to the extract date (`--day`); with `rolling`, 12 months up to it. */
  day?: string;
  rolling?: boolean;
  /** The subject named in the report's heading. */
  subject?: string;
}

/** One row of the KPI table, as in `passend report --format json`. */
export interface KpiRow {
  kpi: string;
  school_year: string;
  level: Level;
  unit: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  status: string | null;
  change: number | null;
  partial: boolean;
  /** The fields shown as `<5` (small counts). */
  suppressed: string[];
}

/** One row of `passend report --format csv`: "<5" a small count, null an empty cell. */
export interface KpiCsvRow {
  kpi: string;
  school_year: string;
  level: Level;
  unit: string;
  numerator: number | '<5' | null;
  denominator: number | '<5' | null;
  value: number | '<5' | null;
  status: string | null;
  change: number | null;
  kpi_unit: string;
  title_nl: string;
  title_en: string;
  partial: boolean;
}

export interface KpiDefinition {
  id: string;
  title_nl: string;
  title_en: string;
  description: string;
  source: string;
  unit: string;
  norm: { direction: 'at_least' | 'at_most'; target: number; tolerance: number } | null;
}

export interface KpiReport {
  format: 'passend-kpi-report';
  version: number;
  suppressed: boolean;
  small_count: string;
  extract_date: string;
  reference_day: string | null;
  school_years: string[];
  definitions: KpiDefinition[];
  rows: KpiRow[];
}

export interface ExplainRequest {
  kpi: string;
  year: string;
  /** `NL` (or empty) for the national figure. */
  unit: string;
  level?: Exclude<Level, 'national'>;
  part?: 'numerator' | 'denominator';
}

export interface FlowsOptions {
  /** `NL` (default), or a partnership, board or school id. */
  unit?: string;
  /** Default: the latest school year whose teldatum the data reaches. */
  year?: string;
  suppress?: boolean;
  /** Default: the json document (an object). */
  format?: 'json' | 'md' | 'csv';
}

export interface MonitorOptions {
  /** The day D (YYYY-MM-DD); default the extract date. */
  day?: string;
  /** Only these partnerships. */
  units?: string[];
  suppress?: boolean;
  subject?: string;
  /** Default: the json document (an object). */
  format?: 'json' | 'md' | 'html';
}

export interface CoverageOptions {
  /** The school year, e.g. `2024-2025`; default the latest reported year with offers. */
  year?: string;
  /** Only this partnership. */
  unit?: string;
  /** false: every pupil count as evaluated (internal analysis only). Default true. */
  suppress?: boolean;
  /** Default: the json document (an object). */
  format?: 'json' | 'md' | 'html';
}

/** A cell's colour: covered, more pupils than places (over 100%), or no offer. */
export type CoverState = 'covered' | 'over_demanded' | 'no_offer';

/** One support domain in one municipality of a partnership's region. */
export interface CoverageCell {
  domain: string;
  municipality: string;
  places: number;
  offers: number;
  /** Pupils with an arrangement of the domain on teldatum; `<5` a small count. */
  pupils: number | '<5';
  /** 100 × pupils / places; null without places or when the pupils are a small count. */
  occupancy: number | null;
  state: CoverState;
}

/** A school year's cost and its calendar years: `{"2024": 5/12, "2025": 7/12}`, in euros. */
export interface CoverageCost {
  domain: string;
  level: number;
  places: number;
  cost_eur: number;
  calendar_years: Record<string, number>;
}

/** The reserves against the signal value (max(€ 250,000, 3.5% of income)) of a calendar year. */
export interface CoverageContinuity {
  year: number;
  income_eur: number;
  reserves_eur: number;
  signaleringswaarde_reserves: number;
  rule: 'minimum' | 'percentage';
  reserves_boven_signaleringswaarde: number;
}

export interface PartnershipCoverage {
  swv_id: string;
  name: string;
  /** Its region, in code order. */
  municipalities: string[];
  /** Every domain × municipality, domains in the document's order. */
  cells: CoverageCell[];
  /** A domain without offer in a municipality. */
  gaps: { domain: string; municipality: string }[];
  /** The gaps and the over-demanded cells in words. */
  findings: { nl: string; en: string }[];
  costs: CoverageCost[];
  cost_eur: number;
  calendar_years: Record<string, number>;
  continuity: CoverageContinuity[];
}

/** `passend coverage --format json`. */
export interface CoverageDocument {
  school_year: string;
  teldatum: string;
  suppressed: boolean;
  max_small: number;
  domains: string[];
  partnerships: PartnershipCoverage[];
}

export declare class Dataset {
  readonly handle: number;
  readonly subject: string;
  readonly summary: Summary;
  readonly warnings: Diagnostic[];
  partnerships(): { id: string; name: string }[];
  report(options?: ReportOptions): Promise<string>;
  kpis(options?: Omit<ReportOptions, 'format'>): Promise<KpiReport>;
  /** The KPI table as the CLI's CSV shows it (small counts "<5", protecting cells empty). */
  kpiRows(options?: Omit<ReportOptions, 'format'>): Promise<KpiCsvRow[]>;
  /** The row of one KPI, unit (`NL` national) and school year; undefined if the data has none. */
  kpi(kpi: string, unit: string, year: string,
    options?: { suppress?: boolean }): Promise<KpiCsvRow | undefined>;
  /** The pupil pseudonyms behind a KPI's numerator (or denominator), sorted. */
  explain(request: ExplainRequest): Promise<string[]>;
  flows(options?: FlowsOptions): Promise<Record<string, unknown> | string>;
  monitor(options?: MonitorOptions): Promise<Record<string, unknown> | string>;
  /** The covering network (`passend coverage`): the json document, or md/html text. */
  coverage(options?: CoverageOptions & { format?: 'json' }): Promise<CoverageDocument>;
  coverage(options: CoverageOptions & { format: 'md' | 'html' }): Promise<string>;
  close(): Promise<boolean>;
}

export declare class PassendError extends Error {}
export declare class LoadError extends Error {
  readonly diagnostics: Diagnostic[];
}

export declare function version(): Promise<string>;
/** A CSV text (RFC 4180) as rows of cells. */
export declare function parseCsv(text: string): string[][];
/** Give the engine its .wasm bytes (a page that allows no connections); call before anything. */
export declare function useWasmBinary(bytes: Uint8Array): void;
/** Check contract files; nothing is kept. */
export declare function validate(files: Files, options?: LoadOptions): Promise<Validation>;
/** Load contract files (CSV, or one .json document): throws LoadError listing every problem. */
export declare function open(files: Files, options?: LoadOptions): Promise<Dataset>;
/** The built-in demo region (synthetic). */
export declare function openDemo(options?: { pupils?: number; as_of?: string }): Promise<Dataset>;
