import { contentDisposition } from './exports.controller.js';
import { barRows } from './bar-chart.js';
import { fileNameOf } from './export-build.handler.js';
import { lineChartSvg } from './line-chart.js';
import type { ReportDocument } from './report-document.js';
import { ReportFormat } from './report-format.js';
import { reportHtml } from './report-html.js';
import { sheetName } from './xlsx-renderer.js';

const labels = {
  generated: 'أُعدّ في',
  legend: { expected: 'المسار المتوقع', actual: 'القيمة الفعلية', target: 'المستهدف', original: 'الأصلي' },
};

const doc = (language: 'ar' | 'en'): ReportDocument => ({
  language,
  title: 'تقرير <الدفعة>',
  generatedAt: new Date('2026-12-02T10:00:00Z'),
  timeZone: 'Asia/Amman',
  facts: [{ label: 'الفريق', value: 'Team <b>A</b> & co' }],
  sections: [
    {
      title: 'الفرق',
      blocks: [
        {
          type: 'table',
          table: {
            columns: [
              { title: 'الاسم', type: 'text' },
              { title: 'القيمة', type: 'number', digits: 1 },
              { title: 'التاريخ', type: 'date' },
            ],
            rows: [['فريق "س"', 18.25, '2026-03-04']],
          },
        },
      ],
    },
    { title: 'لا يُطبع', blocks: [], sheet: { columns: [], rows: [] } },
  ],
});

describe('the HTML a PDF is printed from', () => {
  it('is right to left in Arabic, left to right in English, with the font inlined and nothing to load', () => {
    const ar = reportHtml(doc('ar'), labels);
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(reportHtml(doc('en'), labels)).toContain('<html lang="en" dir="ltr">');
    expect(ar).toMatch(/src: url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{1000,}\) format\('woff2'\)/);
    expect(ar).not.toMatch(/url\((?!data:)/);
    expect(ar).not.toContain('<script');
    expect(ar).toContain("default-src 'none'");
  });

  it('escapes every text and isolates names and values with <bdi>', () => {
    const ar = reportHtml(doc('ar'), labels);
    expect(ar).toContain('<h1>تقرير &lt;الدفعة&gt;</h1>');
    expect(ar).toContain('<dd><bdi>Team &lt;b&gt;A&lt;/b&gt; &amp; co</bdi></dd>');
    expect(ar).toContain('<td><bdi>فريق &quot;س&quot;</bdi></td>');
    expect(ar).toContain('<td class="num"><bdi>18.3</bdi></td>');
    expect(ar).toContain('<td><bdi>4 مارس 2026</bdi></td>');
    // A section with nothing to print (a spreadsheet's data only) is left out.
    expect(ar).not.toContain('لا يُطبع');
  });
});

describe('a chart as SVG', () => {
  const chart = {
    title: 'k',
    xLabel: 'day',
    marks: [{ label: 't', value: 10, style: 'target' as const }],
    series: [
      {
        label: 'v',
        style: 'actual' as const,
        points: [
          { x: 1, y: 30 },
          { x: 100, y: 12 },
        ],
      },
    ],
  };
  const xs = (svg: string) => [...svg.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => Number(m[1]));

  it('puts day 1 at the start of the reading direction: on the right in Arabic', () => {
    const [rtlFirst, rtlLast] = xs(lineChartSvg(chart, new ReportFormat('ar', 'UTC'), true));
    const [ltrFirst, ltrLast] = xs(lineChartSvg(chart, new ReportFormat('en', 'UTC'), false));
    expect(rtlFirst!).toBeGreaterThan(rtlLast!);
    expect(ltrFirst!).toBeLessThan(ltrLast!);
  });
});

describe('names of files and sheets', () => {
  it('keeps a sheet name within 31 characters, without []:*?/\\, and unique', () => {
    const taken = new Set<string>();
    expect(sheetName('الأهداف: ومؤشرات [الأداء] الرئيسية للفرق', taken)).toBe('الأهداف  ومؤشرات  الأداء  الرئي');
    expect(sheetName('Values', taken)).toBe('Values');
    expect(sheetName('values', taken)).toBe('values 2');
  });

  it('makes a file name of the title and sends it encoded beside an ASCII one', () => {
    expect(fileNameOf('تقرير الدفعة: الأولى/2026', 'pdf')).toBe('تقرير الدفعة الأولى 2026.pdf');
    expect(fileNameOf('  ', 'xlsx')).toBe('export.xlsx');
    expect(contentDisposition("a b's.pdf", 'export-1.pdf')).toBe(
      `attachment; filename="export-1.pdf"; filename*=UTF-8''a%20b%27s.pdf`,
    );
  });
});

describe('bar charts', () => {
  const chart = {
    title: 'الفرق حسب الحالة',
    parts: [
      { label: 'على المسار', colour: '#2f9e44' },
      { label: 'خارج المسار', colour: '#e03131' },
    ],
    rows: [
      { label: 'دفعة <أ>', values: [3, 1] },
      { label: 'دفعة ب', values: [0, 2] },
    ],
  };

  it('stacks the parts from the start of the reading direction, to the scale of the longest bar', () => {
    const rows = barRows(chart, new ReportFormat('ar', 'UTC'), true);
    expect(rows.map((r) => r.total)).toEqual(['4', '2']);
    // Right to left: the first part ends at the right edge (300), the second sits before it.
    expect(rows[0]!.svg).toContain('<rect x="75.0" y="1" width="225.0" height="12" fill="#2f9e44"/>');
    expect(rows[0]!.svg).toContain('<rect x="0.0" y="1" width="75.0" height="12" fill="#e03131"/>');
    // Half as many teams: half as long; a part of none draws nothing.
    expect(rows[1]!.svg).toContain('<rect x="150.0" y="1" width="150.0" height="12" fill="#e03131"/>');
    expect(rows[1]!.svg).not.toContain('#2f9e44');
    const ltr = barRows(chart, new ReportFormat('en', 'UTC'), false);
    expect(ltr[0]!.svg).toContain('<rect x="0.0" y="1" width="225.0" height="12" fill="#2f9e44"/>');
  });

  it('prints its words in the HTML, escaped and isolated, with its legend', () => {
    const html = reportHtml(
      { ...doc('ar'), sections: [{ title: 'الدفعات', blocks: [{ type: 'bars', chart }] }] },
      labels,
    );
    expect(html).toContain('<figcaption>الفرق حسب الحالة</figcaption>');
    expect(html).toContain('<span><bdi>دفعة &lt;أ&gt;</bdi></span><svg');
    expect(html).toContain('<li class="part" style="--c:#e03131">خارج المسار</li>');
  });
});
