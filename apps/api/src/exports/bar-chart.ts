import type { BarChart } from './report-document.js';
import type { ReportFormat } from './report-format.js';

const W = 300;
const H = 14;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * One bar as inline SVG: its parts stacked from the start of the reading direction (the right in
 * Arabic), its length to the scale of `max`. The words (the row's name, its total, the legend) are
 * in the HTML around it.
 */
export function barSvg(values: readonly number[], colours: readonly string[], max: number, rtl: boolean): string {
  const scale = max > 0 ? W / max : 0;
  const parts: string[] = [];
  let at = 0;
  values.forEach((v, i) => {
    if (v <= 0) return;
    const w = v * scale;
    const x = rtl ? W - at - w : at;
    parts.push(
      `<rect x="${x.toFixed(1)}" y="1" width="${w.toFixed(1)}" height="${H - 2}" fill="${esc(colours[i]!)}"/>`,
    );
    at += w;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" aria-hidden="true"><rect x="0" y="1" width="${W}" height="${H - 2}" fill="#f1f3f5"/>${parts.join('')}</svg>`;
}

/** The rows of a bar chart, each with its name, its bar and its total, for the HTML of a report. */
export function barRows(chart: BarChart, format: ReportFormat, rtl: boolean) {
  const totals = chart.rows.map((r) => r.values.reduce((a, b) => a + b, 0));
  const max = Math.max(0, ...totals);
  const colours = chart.parts.map((p) => p.colour);
  return chart.rows.map((r, i) => ({
    label: r.label,
    svg: barSvg(r.values, colours, max, rtl),
    total: format.number(totals[i]!, 0),
  }));
}
