import ExcelJS from 'exceljs';

import type { CellValue, ReportColumn, ReportDocument, ReportTable } from './report-document.js';

const FORMATS: Record<string, string> = {
  date: 'yyyy-mm-dd',
  instant: 'yyyy-mm-dd',
  percent: '0%',
};

/** A worksheet name: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Midnight UTC of a local calendar date: what a spreadsheet's date cell holds. */
const dateCell = (value: CellValue): Date | CellValue =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : value;

/** An instant as the date it falls on in the document's time zone (`local`: en-CA, YYYY-MM-DD). */
function instantCell(value: CellValue, local: Intl.DateTimeFormat): Date | CellValue {
  if (!(value instanceof Date)) return value;
  return new Date(`${local.format(value)}T00:00:00Z`);
}

function numFmt(col: ReportColumn): string | undefined {
  if (col.type === 'number') return col.digits === 0 ? '0' : `0.${'#'.repeat(col.digits ?? 2)}`;
  return FORMATS[col.type];
}

function addSheet(book: ExcelJS.Workbook, name: string, table: ReportTable, rtl: boolean, timeZone: string): void {
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0, rightToLeft: rtl }],
  });
  sheet.columns = table.columns.map((c) => ({
    header: c.title,
    width: c.width ?? Math.max(12, Math.min(40, c.title.length + 4)),
    style: numFmt(c) ? { numFmt: numFmt(c) } : {},
  }));
  const local = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F3F5' } };
  for (const row of table.rows) {
    sheet.addRow(
      row.map((value, i) => {
        const col = table.columns[i]!;
        if (value === null || value === '') return null;
        if (col.type === 'date') return dateCell(value);
        if (col.type === 'instant') return instantCell(value, local);
        return value;
      }),
    );
  }
  if (table.rows.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

/**
 * The document as a workbook: one sheet per section that has a table, right to left in Arabic,
 * the header row frozen, numbers as numbers, dates as dates (formatted yyyy-mm-dd).
 */
export async function reportXlsx(doc: ReportDocument, creator: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = creator;
  book.title = doc.title;
  book.created = doc.generatedAt;
  book.modified = doc.generatedAt;
  const rtl = doc.language === 'ar';
  const taken = new Set<string>();
  for (const section of doc.sections) {
    if (!section.sheet) continue;
    addSheet(book, sheetName(section.title, taken), section.sheet, rtl, doc.timeZone);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
