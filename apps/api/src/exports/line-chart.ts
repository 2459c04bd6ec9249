import type { LineChart } from './report-document.js';
import type { ReportFormat } from './report-format.js';

const W = 340;
const H = 190;
const M = { top: 12, bottom: 26, side: 44, end: 20 };

const COLOURS = { expected: '#868e96', actual: '#1c7ed6', target: '#2f9e44', original: '#e8590c' } as const;

/** Round numbers for the value axis: about four steps of 1, 2 or 5 times a power of ten. */
function ticks(min: number, max: number): number[] {
  const span = max - min || Math.abs(max) || 1;
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step / 2; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A chart as inline SVG: the days of the cohort across (day 1 at the start of the reading
 * direction: on the right in Arabic), the values up; the expected line dashed, the values as a line
 * with dots, the target and the original target as horizontal lines. Its words are in the HTML
 * around it (title and legend), so that they are shaped and isolated like the rest of the text.
 */
export function lineChartSvg(chart: LineChart, format: ReportFormat, rtl: boolean): string {
  const xs = chart.series.flatMap((s) => s.points.map((p) => p.x));
  const ys = [...chart.series.flatMap((s) => s.points.map((p) => p.y)), ...chart.marks.map((m) => m.value)];
  const xMax = Math.max(100, ...xs);
  const yTicks = ticks(Math.min(...ys, 0), Math.max(...ys, 1));
  const yMin = yTicks[0]!;
  const yMax = yTicks[yTicks.length - 1]!;
  const left = rtl ? M.end : M.side;
  const right = rtl ? M.side : M.end;
  const plotW = W - left - right;
  const plotH = H - M.top - M.bottom;
  const x = (day: number) => {
    const f = (day - 1) / (xMax - 1);
    return left + (rtl ? 1 - f : f) * plotW;
  };
  const y = (v: number) => M.top + (1 - (v - yMin) / (yMax - yMin || 1)) * plotH;
  const n = (v: number) => v.toFixed(1);
  const parts: string[] = [];
  const axisX = rtl ? W - right : left;
  for (const t of yTicks) {
    parts.push(
      `<line x1="${left}" x2="${W - right}" y1="${n(y(t))}" y2="${n(y(t))}" stroke="#e9ecef" stroke-width="1"/>`,
      `<text x="${rtl ? axisX + 4 : axisX - 4}" y="${n(y(t) + 3.5)}" font-size="9" text-anchor="${rtl ? 'start' : 'end'}" fill="#495057">${esc(format.number(t))}</text>`,
    );
  }
  const dayTicks = [1, 25, 50, 75, 100, ...(xMax > 100 ? [xMax] : [])];
  for (const d of dayTicks) {
    parts.push(
      `<text x="${n(x(d))}" y="${H - M.bottom + 13}" font-size="9" text-anchor="middle" fill="#495057">${esc(format.number(d, 0))}</text>`,
    );
  }
  parts.push(
    `<line x1="${left}" x2="${W - right}" y1="${n(y(yMin))}" y2="${n(y(yMin))}" stroke="#adb5bd" stroke-width="1"/>`,
  );
  for (const m of chart.marks) {
    const colour = m.style === 'target' ? COLOURS.target : COLOURS.original;
    const dash = m.style === 'target' ? '' : ' stroke-dasharray="2 3"';
    parts.push(
      `<line x1="${left}" x2="${W - right}" y1="${n(y(m.value))}" y2="${n(y(m.value))}" stroke="${colour}" stroke-width="1.2"${dash}/>`,
    );
  }
  for (const s of chart.series) {
    if (s.points.length === 0) continue;
    const path = s.points.map((p) => `${n(x(p.x))},${n(y(p.y))}`).join(' ');
    if (s.style === 'expected') {
      parts.push(
        `<polyline points="${path}" fill="none" stroke="${COLOURS.expected}" stroke-width="1.2" stroke-dasharray="5 4"/>`,
      );
    } else {
      parts.push(`<polyline points="${path}" fill="none" stroke="${COLOURS.actual}" stroke-width="1.8"/>`);
      for (const p of s.points)
        parts.push(`<circle cx="${n(x(p.x))}" cy="${n(y(p.y))}" r="2.4" fill="${COLOURS.actual}"/>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" aria-hidden="true" font-family="Noto Naskh Arabic, sans-serif">${parts.join('')}</svg>`;
}

/** The colour of each thing a chart draws, for its legend. */
export const CHART_COLOURS = COLOURS;
