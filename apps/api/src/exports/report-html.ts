import { barRows } from './bar-chart.js';
import { CHART_COLOURS, lineChartSvg } from './line-chart.js';
import type { BarChart, LineChart, ReportBlock, ReportDocument, ReportFact, ReportTable } from './report-document.js';
import { ReportFormat } from './report-format.js';
import { REPORT_FONT, reportFontFaces } from './fonts.js';

/** Escapes text for HTML content and attributes. */
export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Text whose direction is its own (a name, a value): isolated, so it cannot reorder what is around it. */
const bdi = (s: string) => `<bdi>${escapeHtml(s)}</bdi>`;

export interface ChartLegend {
  expected: string;
  actual: string;
  target: string;
  original: string;
}

const STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm; }
* { box-sizing: border-box; }
html { font-family: '${REPORT_FONT}', serif; font-size: 10.5pt; color: #212529; line-height: 1.55; }
body { margin: 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; line-height: 1.3; }
h2 { font-size: 14pt; margin: 7mm 0 2mm; border-bottom: 1.5px solid #1c7ed6; padding-bottom: 1mm; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; }
p.subtitle { font-size: 12pt; margin: 0 0 4mm; color: #495057; }
section.new-page { break-before: page; }
dl.facts { display: grid; grid-template-columns: repeat(3, 1fr); gap: 2mm 5mm; margin: 2mm 0 4mm; }
dl.facts div { border: 1px solid #dee2e6; border-radius: 2mm; padding: 1.5mm 2.5mm; break-inside: avoid; }
dl.facts dt { font-size: 8.5pt; color: #495057; }
dl.facts dd { margin: 0; font-weight: 700; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 9pt; }
caption { text-align: start; font-weight: 700; margin-bottom: 1mm; }
th, td { border: 1px solid #dee2e6; padding: 1mm 1.6mm; text-align: start; vertical-align: top; }
th { background: #f1f3f5; }
td.num { text-align: end; white-space: nowrap; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
p.empty { color: #495057; }
div.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm 6mm; }
figure { margin: 0; break-inside: avoid; }
figcaption { font-weight: 700; font-size: 9.5pt; }
figcaption span.unit { font-weight: 400; color: #495057; }
ul.legend { list-style: none; padding: 0; margin: 0.5mm 0 0; font-size: 8pt; display: flex; flex-wrap: wrap; gap: 1mm 4mm; }
ul.legend li::before { content: ''; display: inline-block; width: 4mm; height: 0; margin-inline-end: 1mm; vertical-align: middle; border-top: 2px solid var(--c); }
ul.legend li.dashed::before { border-top-style: dashed; }
figure.bars { margin: 2mm 0 4mm; }
div.bar-row { display: grid; grid-template-columns: 45mm auto 12mm; gap: 2mm; align-items: center; font-size: 8.5pt; }
div.bar-row span.total { text-align: end; }
ul.legend li.part::before { height: 2.5mm; border-top: 0; background: var(--c); }
footer.generated { margin-top: 6mm; font-size: 8.5pt; color: #495057; }
`;

function facts(list: readonly ReportFact[]): string {
  if (list.length === 0) return '';
  return `<dl class="facts">${list.map((f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${bdi(f.value)}</dd></div>`).join('')}</dl>`;
}

function table(t: ReportTable, format: ReportFormat): string {
  if (t.rows.length === 0) {
    const caption = t.caption ? `<h3>${escapeHtml(t.caption)}</h3>` : '';
    return `${caption}<p class="empty">${escapeHtml(t.empty ?? '—')}</p>`;
  }
  const head = t.columns.map((c) => `<th scope="col">${escapeHtml(c.title)}</th>`).join('');
  const body = t.rows
    .map(
      (row) =>
        `<tr>${row
          .map((value, i) => {
            const col = t.columns[i]!;
            const numeric = col.type === 'number' || col.type === 'percent';
            return `<td${numeric ? ' class="num"' : ''}>${bdi(format.cell(value, col.type, col.digits))}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  const caption = t.caption ? `<caption>${escapeHtml(t.caption)}</caption>` : '';
  return `<table>${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function chart(c: LineChart, format: ReportFormat, rtl: boolean, legend: ChartLegend): string {
  const items: string[] = [];
  if (c.series.some((s) => s.style === 'expected'))
    items.push(`<li class="dashed" style="--c:${CHART_COLOURS.expected}">${escapeHtml(legend.expected)}</li>`);
  if (c.series.some((s) => s.style === 'actual' && s.points.length > 0))
    items.push(`<li style="--c:${CHART_COLOURS.actual}">${escapeHtml(legend.actual)}</li>`);
  for (const m of c.marks)
    items.push(
      `<li class="${m.style === 'original' ? 'dashed' : ''}" style="--c:${m.style === 'target' ? CHART_COLOURS.target : CHART_COLOURS.original}">${escapeHtml(m.label)}: ${bdi(format.number(m.value))}</li>`,
    );
  const unit = c.unit ? ` <span class="unit">· ${bdi(c.unit)}</span>` : '';
  return `<figure><figcaption>${bdi(c.title)}${unit}</figcaption>${lineChartSvg(c, format, rtl)}<ul class="legend">${items.join('')}</ul></figure>`;
}

function bars(c: BarChart, format: ReportFormat, rtl: boolean): string {
  if (c.rows.length === 0) return '';
  const rows = barRows(c, format, rtl)
    .map(
      (r) =>
        `<div class="bar-row"><span>${bdi(r.label)}</span>${r.svg}<span class="total">${bdi(r.total)}</span></div>`,
    )
    .join('');
  const legend = c.parts
    .map((p) => `<li class="part" style="--c:${escapeHtml(p.colour)}">${escapeHtml(p.label)}</li>`)
    .join('');
  return `<figure class="bars"><figcaption>${escapeHtml(c.title)}</figcaption>${rows}<ul class="legend">${legend}</ul></figure>`;
}

function block(b: ReportBlock, format: ReportFormat, rtl: boolean, legend: ChartLegend): string {
  switch (b.type) {
    case 'heading':
      return `<h3>${bdi(b.text)}</h3>`;
    case 'text':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'facts':
      return facts(b.facts);
    case 'table':
      return table(b.table, format);
    case 'charts':
      return b.charts.length
        ? `<div class="charts">${b.charts.map((c) => chart(c, format, rtl, legend)).join('')}</div>`
        : '';
    case 'bars':
      return bars(b.chart, format, rtl);
    default: {
      const unknown: never = b;
      return unknown;
    }
  }
}

/**
 * The document as one self-contained HTML page for Chromium to print: right to left in Arabic,
 * the font inlined, every name and value isolated with <bdi>, charts as inline SVG, nothing to
 * load and no script.
 */
export function reportHtml(doc: ReportDocument, labels: { legend: ChartLegend; generated: string }): string {
  const rtl = doc.language === 'ar';
  const format = new ReportFormat(doc.language, doc.timeZone);
  const sections = doc.sections
    .filter((s) => s.blocks.length > 0)
    .map(
      (s) =>
        `<section${s.newPage ? ' class="new-page"' : ''}><h2>${bdi(s.title)}</h2>${s.blocks
          .map((b) => block(b, format, rtl, labels.legend))
          .join('')}</section>`,
    )
    .join('');
  const subtitle = doc.subtitle ? `<p class="subtitle">${bdi(doc.subtitle)}</p>` : '';
  return `<!doctype html>
<html lang="${doc.language}" dir="${rtl ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<title>${escapeHtml(doc.title)}</title>
<style>${reportFontFaces()}${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(doc.title)}</h1>${subtitle}${facts(doc.facts)}</header>
${sections}
<footer class="generated">${escapeHtml(labels.generated)} ${bdi(format.instant(doc.generatedAt))}</footer>
</body>
</html>`;
}
