// The leadership dashboard exported through GraphQL and the worker, as it is filtered: the PDF's
// text read back with pdftotext, the workbook's cells with exceljs; a focal point's file holds only
// their agency's part, and nobody else downloads it.
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import ExcelJS from 'exceljs';

import { startTestApp, type TestApp } from './support/app.js';
import { clockNow, createCohort, dateFromNow, eventually } from './support/cohorts.js';
import { codeOf, type GqlClient } from './support/gql.js';

const FIELDS = `id kind state progress language title downloadPath failure params { dashboard { cohortId pillarId agencyId } }`;
const REQUEST = `mutation ($input: RequestExportInput!) { requestExport(input: $input) { ${FIELDS} } }`;
const READ = `query ($id: UUID!) { export(id: $id) { ${FIELDS} } }`;

interface ExportView {
  id: string;
  kind: string;
  state: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  progress: number;
  language: string;
  title: string;
  downloadPath: string | null;
  failure: string | null;
  params: { dashboard: { cohortId: string | null; pillarId: string | null; agencyId: string | null } | null };
}

/** As in exports.int-spec: pdftotext's spaces inside Arabic words, bidi marks and vowel order are not compared. */
const normalize = (s: string) =>
  s.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069\u0640]/g, '').replace(/\p{Mn}/gu, '');

const localDate = (instant: Date, days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Amman' }).format(new Date(instant.getTime() + days * 86_400_000));

describe('exports: the leadership dashboard as filtered, as PDF and spreadsheet', () => {
  let app: TestApp;
  /** Leadership: the dashboard's readers. */
  let office: GqlClient;
  let officeId: string;
  let now: Date;
  let dir: string;
  let cohortId: string;
  const agency: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  const pillar: Record<'p1' | 'p2', string> = { p1: '', p2: '' };

  /** A team of one goal of one KPI (0 → 100) with one value `daysAgo`, tagged with `tags`. */
  async function team(key: string, lead: string, partners: string[], tags: string[], value: number, daysAgo: number) {
    const ds = app.dataSource;
    const [ch] = (await ds.query(
      `INSERT INTO challenge (cohort_id, state, title_ar, title_en, lead_agency_id, partner_agency_ids, alignment_node_ids)
       VALUES ($1, 'APPROVED', $2, $3, $4, $5, $6) RETURNING id`,
      [cohortId, `فريق ${key}`, `Team ${key}`, lead, partners, tags],
    )) as { id: string }[];
    const [t] = (await ds.query(
      `INSERT INTO team (cohort_id, challenge_id, state, name_ar, name_en, lead_agency_id)
       VALUES ($1, $2, 'ACTIVE', $3, $4, $5) RETURNING id`,
      [cohortId, ch!.id, `فريق ${key}`, `Team ${key}`, lead],
    )) as { id: string }[];
    const [g] = (await ds.query(
      `INSERT INTO goal (team_id, title_ar, title_en) VALUES ($1, 'هدف', 'Goal') RETURNING id`,
      [t!.id],
    )) as { id: string }[];
    const [k] = (await ds.query(
      `INSERT INTO kpi (goal_id, team_id, name_ar, name_en, unit, direction, baseline, target, data_source)
       VALUES ($1, $2, 'مؤشر', 'KPI', 'NUMBER', 'INCREASE', 0, 100, 'سجلات') RETURNING id`,
      [g!.id, t!.id],
    )) as { id: string }[];
    const [c] = (await ds.query(
      `INSERT INTO check_in (team_id, week, submitted_by, submitted_at, late, narrative, confidence)
       VALUES ($1, 1, $2, $3, false, 'تقدّم', 'MEDIUM') RETURNING id`,
      [t!.id, officeId, new Date(now.getTime() - daysAgo * 86_400_000)],
    )) as { id: string }[];
    await ds.query(
      `INSERT INTO check_in_value (check_in_id, kpi_id, value, as_of, evidence) VALUES ($1, $2, $3, $4, 'تقرير')`,
      [c!.id, k!.id, value, localDate(now, -daysAgo)],
    );
  }

  beforeAll(async () => {
    app = await startTestApp({ role: 'all' });
    dir = mkdtempSync(path.join(tmpdir(), 'hundred-dashboard-export-'));
    const signedIn = await app.signedIn(['ADMIN']);
    const admin = signedIn.client;
    officeId = signedIn.user.id;
    office = (await app.signedIn(['LEADERSHIP'])).client;
    now = await clockNow(admin);
    const ds = app.dataSource;
    const names = {
      a: ['وزارة الاقتصاد', 'Ministry of Economy'],
      b: ['هيئة الإسكان', 'Housing Authority'],
      c: ['وزارة الصحة', 'Ministry of Health'],
    } as const;
    for (const k of ['a', 'b', 'c'] as const) {
      agency[k] = (await app.createAgency()).id;
      await ds.query(`UPDATE agency SET name_ar = $2, name_en = $3 WHERE id = $1`, [agency[k], ...names[k]]);
    }
    const [vision] = (await ds.query(
      `INSERT INTO alignment_node (level, name_ar, name_en) VALUES ('VISION', 'رؤية', 'Vision ${randomUUID().slice(0, 6)}') RETURNING id`,
    )) as { id: string }[];
    const node = async (nameAr: string, nameEn: string) =>
      (
        (await ds.query(
          `INSERT INTO alignment_node (parent_id, level, name_ar, name_en) VALUES ($1, 'PILLAR', $2, $3) RETURNING id`,
          [vision!.id, nameAr, nameEn],
        )) as { id: string }[]
      )[0]!.id;
    pillar.p1 = await node('محور التنمية الاقتصادية', 'Economic development');
    pillar.p2 = await node('محور جودة الحياة', 'Quality of life');

    const c = await createCohort(admin, await dateFromNow(admin, 60));
    cohortId = c.id;
    await ds.query(
      `UPDATE cohort SET day1 = $2, state = 'EXECUTION', name_ar = 'دفعة المئة يوم الأولى', name_en = 'First hundred days' WHERE id = $1`,
      [cohortId, localDate(now, -49)],
    );
    // Day 50, expected 50: 55 on track, 10 off track, 35 needs attention.
    await team('G', agency.a, [], [pillar.p1], 55, 1);
    await team('R', agency.b, [agency.a], [pillar.p1], 10, 2);
    await team('A', agency.c, [], [pillar.p2], 35, 1);
  }, 60_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await app.close();
  });

  async function exportAndWait(client: GqlClient, format: 'PDF' | 'XLSX', lang: 'ar' | 'en', filter: object) {
    client.lang = lang;
    const { requestExport } = await client.data<{ requestExport: ExportView }>(REQUEST, {
      input: { kind: 'DASHBOARD', format, params: { dashboard: filter } },
    });
    expect(requestExport).toMatchObject({ kind: 'DASHBOARD', state: 'QUEUED', language: lang });
    const done = await eventually(
      async () => {
        const { export: e } = await client.data<{ export: ExportView }>(READ, { id: requestExport.id });
        if (e.state === 'FAILED') throw new Error(`the export failed: ${e.failure}`);
        return e.state === 'DONE' ? e : null;
      },
      60_000,
      `${format} ${lang} dashboard export done`,
    );
    const res = await client.get(done.downloadPath!);
    expect(res.status).toBe(200);
    return { exported: done, content: Buffer.from(await res.arrayBuffer()) };
  }

  const pdfText = (content: Buffer, name: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  };

  const workbook = async (content: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(content as unknown as ArrayBuffer);
    return book;
  };
  const rows = (sheet: ExcelJS.Worksheet) => {
    const out: ExcelJS.CellValue[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) out.push((row.values as ExcelJS.CellValue[]).slice(1));
    });
    return out;
  };

  it('prints the dashboard filtered by a pillar in Arabic: the words in order, the figures, the charts', async () => {
    const { exported, content } = await exportAndWait(office, 'PDF', 'ar', { pillarId: pillar.p1 });
    expect(exported.title).toBe('لوحة القيادة: محور التنمية الاقتصادية');
    expect(exported.params.dashboard).toEqual({ cohortId: null, pillarId: pillar.p1, agencyId: null });
    expect(content.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdfText(content, 'ar.pdf');
    const text = normalize(raw);
    for (const words of [
      'لوحة القيادة',
      'فرق المسرّعات كلها',
      'محور التنمية الاقتصادية',
      'الدفعات في لمحة',
      'دفعة المئة يوم الأولى',
      'التنفيذ',
      'تحقيق المؤشرات',
      'النتائج حسب المحور',
      'النتائج حسب الجهة',
      'وزارة الاقتصاد',
      'هيئة الإسكان',
      'الفرق حسب الحالة في كل دفعة',
      'خارج المسار',
      'على المسار',
      'النتائج والاستدامة',
    ])
      expect(text).toContain(normalize(words));
    // Filtered by the first pillar: the other pillar's team and its agency are not counted.
    expect(text).not.toContain(normalize('وزارة الصحة'));
    expect(text).not.toContain(normalize('محور جودة الحياة'));
    // Day 50 of the cohort, two teams counted, one of them off track.
    for (const n of ['50', '100', '2', '1']) expect(raw).toContain(n);
    // Mean attainment of the two teams: (0.55 + 0.1) / 2 = 32.5 %, shown rounded.
    expect(text).toContain('33%');
    // Nothing of the English names.
    expect(text).not.toContain('Economicdevelopment');
  }, 90_000);

  it('writes the workbook right to left with typed numbers and dates under a frozen header', async () => {
    const { content } = await exportAndWait(office, 'XLSX', 'ar', { pillarId: pillar.p1, cohortId });
    const book = await workbook(content);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'الدفعات في لمحة',
      'تحقيق المؤشرات',
      'النتائج حسب المحور',
      'النتائج حسب الجهة',
      'الحالة أسبوعاً بأسبوع',
      'النتائج والاستدامة',
    ]);
    for (const sheet of book.worksheets)
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, rightToLeft: true });
    const [cohorts, attainment, pillars, agencies, trend] = book.worksheets as ExcelJS.Worksheet[];
    expect(cohorts!.getRow(1).getCell(1).value).toBe('الدفعة');
    // Cohort, phase, day, green, amber, red, grey, withdrawn, stopped, total, overdue, attainment.
    expect(rows(cohorts!)).toEqual([['دفعة المئة يوم الأولى', 'التنفيذ', 50, 1, 0, 1, 0, 0, 0, 2, 0, 0.325]]);
    expect(cohorts!.getRow(2).getCell(12).numFmt).toBe('0%');
    // 0.1 in the first band, 0.55 in the third.
    expect(rows(attainment!).map((r) => r[3])).toEqual([1, 0, 1, 0, 0]);
    expect(rows(pillars!)).toEqual([['محور التنمية الاقتصادية', 1, 0, 1, 0, 0, 0, 2, 0.325]]);
    const byAgency = new Map(rows(agencies!).map((r) => [r[0], r]));
    expect([...byAgency.keys()].sort()).toEqual(['هيئة الإسكان', 'وزارة الاقتصاد'].sort());
    // Ministry of Economy leads the green team and is a partner of the red one.
    expect(byAgency.get('وزارة الاقتصاد')!.slice(1, 9)).toEqual([1, 0, 0, 0, 0, 0, 1, 1]);
    // The trend of the chosen cohort: eight weeks (day 50), each ending on a date (a date cell).
    const weeks = rows(trend!);
    expect(weeks.map((w) => w[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(weeks[0]![1]).toBeInstanceOf(Date);
    expect((weeks[0]![1] as Date).toISOString().slice(0, 10)).toBe(localDate(now, -43));
  }, 90_000);

  it("gives a focal point only their agency's part, and nobody else the file", async () => {
    const focal = await app.signedIn(['FOCAL_POINT'], { agencyId: agency.b });
    const { exported, content } = await exportAndWait(focal.client, 'XLSX', 'en', {});
    expect(exported.title).toBe('Leadership dashboard');
    const book = await workbook(content);
    const [cohorts, , pillars, agencies] = book.worksheets as ExcelJS.Worksheet[];
    expect(book.worksheets[0]!.views[0]).toMatchObject({ rightToLeft: false });
    // Only the red team Housing Authority leads: not the other two of the cohort.
    expect(rows(cohorts!)).toEqual([['First hundred days', 'Execution', 50, 0, 0, 1, 0, 0, 0, 1, 0, 0.1]]);
    expect(rows(pillars!).map((r) => r[0])).toEqual(['Economic development']);
    expect(
      rows(agencies!)
        .map((r) => r[0])
        .sort(),
    ).toEqual(['Housing Authority', 'Ministry of Economy']);

    const { content: pdf } = await exportAndWait(focal.client, 'PDF', 'en', {});
    const text = normalize(pdfText(pdf, 'focal.pdf'));
    expect(text).toContain(normalize("The teams you may see: your agency's and your own"));
    expect(text).not.toContain('MinistryofHealth');
    expect(text).not.toContain('Qualityoflife');

    // Someone else, even leadership, is answered as for an export that does not exist.
    const other = await app.signedIn(['LEADERSHIP']);
    expect((await other.client.get(exported.downloadPath!)).status).toBe(404);
    expect(codeOf(await other.client.request(READ, { id: exported.id }))).toBe('FORBIDDEN');
    expect((await app.client().get(exported.downloadPath!)).status).toBe(401);

    // The file holds the part of the agency the focal point saw: no longer one, they may not read it.
    await app.dataSource.query(`UPDATE app_user SET roles = '{}' WHERE id = $1`, [focal.user.id]);
    expect((await focal.client.get(exported.downloadPath!)).status).toBe(404);
    expect(codeOf(await focal.client.request(READ, { id: exported.id }))).toBe('FORBIDDEN');
  }, 120_000);

  it('refuses a filter that is not a UUID, and one naming a pillar that does not exist', async () => {
    const bad = await office.request(REQUEST, {
      input: { kind: 'DASHBOARD', format: 'PDF', params: { dashboard: { pillarId: 'pillar-1' } } },
    });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    const missing = await office.request(REQUEST, {
      input: {
        kind: 'DASHBOARD',
        format: 'PDF',
        params: { dashboard: { pillarId: '00000000-0000-4000-8000-000000000000' } },
      },
    });
    expect(codeOf(missing)).toBe('FORBIDDEN');
  });
});
