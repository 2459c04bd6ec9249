import type { Language } from '@hundred/domain';

/**
 * What an export kind lays out, whatever the file: a document of sections. The PDF prints each
 * section's blocks (headings, facts, tables, charts); the spreadsheet gives every section that has
 * a `sheet` one worksheet, with typed cells under a frozen header row. Text is plain text: the
 * renderers escape it and isolate its direction.
 */
export interface ReportDocument {
  readonly language: Language;
  readonly title: string;
  readonly subtitle?: string;
  /** When it was made, and the time zone its dates are shown in. */
  readonly generatedAt: Date;
  readonly timeZone: string;
  /** Label and value pairs under the title. */
  readonly facts: readonly ReportFact[];
  readonly sections: readonly ReportSection[];
}

export interface ReportFact {
  readonly label: string;
  readonly value: string;
}

export interface ReportSection {
  readonly title: string;
  /** What the PDF prints, in order. */
  readonly blocks: readonly ReportBlock[];
  /** What the spreadsheet holds for this section (one sheet); none: the section is only printed. */
  readonly sheet?: ReportTable;
  /** The PDF starts the section on a new page. */
  readonly newPage?: boolean;
}

export type ReportBlock =
  | { readonly type: 'heading'; readonly text: string }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'facts'; readonly facts: readonly ReportFact[] }
  | { readonly type: 'table'; readonly table: ReportTable }
  | { readonly type: 'charts'; readonly charts: readonly LineChart[] }
  | { readonly type: 'bars'; readonly chart: BarChart };

/**
 * text: a string; number: a number shown with `digits` decimals (at most); percent: a fraction
 * (0.5 is 50 %); date: a local calendar date (YYYY-MM-DD); instant: a moment, shown as a date in
 * the document's time zone.
 */
export type ColumnType = 'text' | 'number' | 'percent' | 'date' | 'instant';
export type CellValue = string | number | Date | null;

export interface ReportColumn {
  readonly title: string;
  readonly type: ColumnType;
  readonly digits?: number;
  /** Width in characters in the spreadsheet. */
  readonly width?: number;
}

export interface ReportTable {
  readonly caption?: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly CellValue[])[];
  /** Shown instead of an empty table. */
  readonly empty?: string;
}

/** A line chart over the days of a cohort: the expected line, the values, the targets. */
export interface LineChart {
  readonly title: string;
  /** What the numbers are (a unit), beside the title. */
  readonly unit?: string;
  readonly xLabel: string;
  readonly series: readonly ChartSeries[];
  /** Horizontal marks: a target, the original target. */
  readonly marks: readonly { readonly label: string; readonly value: number; readonly style: 'target' | 'original' }[];
}

export interface ChartSeries {
  readonly label: string;
  readonly style: 'expected' | 'actual';
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

/**
 * Bars, one a row, each split into stacked parts (teams by where they stand, say), all drawn to
 * the scale of the longest; the parts' names and colours are its legend.
 */
export interface BarChart {
  readonly title: string;
  readonly parts: readonly { readonly label: string; readonly colour: string }[];
  readonly rows: readonly { readonly label: string; readonly values: readonly number[] }[];
}
