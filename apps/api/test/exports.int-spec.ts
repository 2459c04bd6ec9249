// Exports through GraphQL and the worker: a cohort report asked for in Arabic and English, as PDF
// and as a spreadsheet, built in the background and downloaded over HTTP with the session; the
// PDF's text read back with pdftotext, the workbook with exceljs; and who may see which export.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import ExcelJS from 'exceljs';

import { startTestApp, type TestApp } from './support/app.js';
import { clockNow, createCohort, dateFromNow, eventually } from './support/cohorts.js';
import { codeOf, type GqlClient, type GqlResponse } from './support/gql.js';
import { addMember, insertTeam } from './support/teams.js';

const EXPORT_FIELDS = `id kind format state progress language title fileName byteSize downloadPath failure
  params { cohortId } createdAt startedAt finishedAt`;
const REQUEST = `mutation ($input: RequestExportInput!) { requestExport(input: $input) { ${EXPORT_FIELDS} } }`;
const READ = `query ($id: UUID!) { export(id: $id) { ${EXPORT_FIELDS} } }`;
const MINE = `{ myExports { id format language state } }`;

interface ExportView {
  id: string;
  kind: string;
  format: 'PDF' | 'XLSX';
  state: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  progress: number;
  language: string;
  title: string;
  fileName: string | null;
  byteSize: number | null;
  downloadPath: string | null;
  failure: string | null;
  params: { cohortId: string | null };
}

/**
 * Text as compared: pdftotext puts spaces inside Arabic words and bidi marks around runs of
 * another direction, and writes a few vowel signs in another order; none of them are compared.
 */
const normalize = (s: string) =>
  s.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069\u0640]/g, '').replace(/\p{Mn}/gu, '');

const missingId = '00000000-0000-4000-8000-000000000000';

describe('exports: a cohort report as PDF and spreadsheet, built by the worker', () => {
  let app: TestApp;
  let office: GqlClient;
  let officeId: string;
  let cohortId: string;
  let kpiDays: string;
  let dir: string;
  const day1Plus = (day1: string, days: number) =>
    new Date(Date.parse(`${day1}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    app = await startTestApp({ role: 'all' });
    dir = mkdtempSync(path.join(tmpdir(), 'hundred-exports-'));
    const signedIn = await app.signedIn(['ADMIN']);
    office = signedIn.client;
    officeId = signedIn.user.id;
    const cohort = await createCohort(office, await dateFromNow(office, -40));
    cohortId = cohort.id;
    await app.dataSource.query(
      `UPDATE cohort SET state = 'EXECUTION', name_ar = 'الدفعة الأولى للاختبار', name_en = 'First test cohort' WHERE id = $1`,
      [cohortId],
    );
    const agency = await app.createAgency();
    const member = await app.createUser([], { agencyId: agency.id });

    // A team through its 100 days and after: a moved target, check-ins, a final report, decisions.
    const permits = await insertTeam(app, cohortId, agency.id, 'فريق رخص البناء');
    await addMember(app, permits, member.id, 'TEAM_MEMBER');
    await app.dataSource.query(
      `UPDATE team SET name_en = 'Building permits team', state = 'CLOSED', goals_frozen_at = now(),
              midpoint_decision = 'COURSE_CORRECT', midpoint_corrections = 'تسريع الربط الإلكتروني', midpoint_decided_at = now(),
              outcome = 'PARTIALLY_ACHIEVED', proposed_outcome = 'PARTIALLY_ACHIEVED', outcome_recorded_at = now(),
              sustainment_status = 'SUSTAINED', sustainment_closed_at = now()
        WHERE id = $1`,
      [permits],
    );
    const [goal] = (await app.dataSource.query(
      `INSERT INTO goal (team_id, title_ar, title_en) VALUES ($1, 'تسريع إصدار الرخص', 'Faster permits') RETURNING id`,
      [permits],
    )) as { id: string }[];
    // Days to a permit, 30 → 10 (the target moved from 7 by a change request); online share 20 → 60 %.
    const [days] = (await app.dataSource.query(
      `INSERT INTO kpi (goal_id, team_id, name_ar, name_en, unit, direction, baseline, target, original_baseline, original_target, data_source, frozen_at, sort)
       VALUES ($1, $2, 'مدة إصدار رخصة البناء', 'Days to issue a building permit', 'DAYS', 'DECREASE', 30, 10, 30, 7, 'النظام', now(), 0) RETURNING id`,
      [goal!.id, permits],
    )) as { id: string }[];
    const [share] = (await app.dataSource.query(
      `INSERT INTO kpi (goal_id, team_id, name_ar, name_en, unit, direction, baseline, target, original_baseline, original_target, data_source, frozen_at, sort)
       VALUES ($1, $2, 'نسبة الطلبات الإلكترونية', 'Share of online applications', 'PERCENT', 'INCREASE', 20, 60, 20, 60, 'النظام', now(), 1) RETURNING id`,
      [goal!.id, permits],
    )) as { id: string }[];
    kpiDays = days!.id;
    for (const [week, asOfDay, daysValue, shareValue] of [
      [2, 10, 26, 28],
      [5, 34, 18.5, 35],
    ] as const) {
      const [checkIn] = (await app.dataSource.query(
        `INSERT INTO check_in (team_id, week, submitted_by, submitted_at, late, narrative, confidence)
         VALUES ($1, $2, $3, now(), false, 'تقدم', 'MEDIUM') RETURNING id`,
        [permits, week, member.id],
      )) as { id: string }[];
      for (const [kpi, value] of [
        [days!.id, daysValue],
        [share!.id, shareValue],
      ] as const)
        await app.dataSource.query(
          `INSERT INTO check_in_value (check_in_id, kpi_id, value, as_of, evidence) VALUES ($1, $2, $3, $4, 'سجل النظام')`,
          [checkIn!.id, kpi, value, day1Plus(cohort.day1, asOfDay)],
        );
    }
    await app.dataSource.query(
      `INSERT INTO final_report (team_id, kpi_values, narrative, submitted_at) VALUES ($1, $2::jsonb, 'اختصرنا الدورة', now())`,
      [
        permits,
        JSON.stringify([
          { kpiId: days!.id, value: 12, asOf: day1Plus(cohort.day1, 38), evidence: 'تقرير النظام' },
          { kpiId: share!.id, value: 50, asOf: day1Plus(cohort.day1, 38), evidence: 'تقرير النظام' },
        ]),
      ],
    );
    // A second team, still active, without goals yet.
    const employment = await insertTeam(app, cohortId, agency.id, 'فريق التوظيف');
    await app.dataSource.query(`UPDATE team SET name_en = 'Employment team', state = 'ACTIVE' WHERE id = $1`, [
      employment,
    ]);
  }, 60_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await app.close();
  });

  /** Asks for an export and follows its progress until it is done, as the web polls it. */
  const exportAndWait = (client: GqlClient, format: 'PDF' | 'XLSX', lang: 'ar' | 'en') =>
    exportAndWaitFor(client, format, lang, { kind: 'COHORT_REPORT', params: { cohortId } });

  async function exportAndWaitFor(
    client: GqlClient,
    format: 'PDF' | 'XLSX',
    lang: 'ar' | 'en',
    what: { kind: string; params: Record<string, unknown> },
  ) {
    client.lang = lang;
    const { requestExport } = await client.data<{ requestExport: ExportView }>(REQUEST, {
      input: { ...what, format },
    });
    // The request answers before the worker has built anything.
    expect(requestExport).toMatchObject({ state: 'QUEUED', progress: 0, downloadPath: null, language: lang });
    const seen: number[] = [];
    const done = await eventually(
      async () => {
        const { export: e } = await client.data<{ export: ExportView }>(READ, { id: requestExport.id });
        seen.push(e.progress);
        if (e.state === 'FAILED') throw new Error(`the export failed: ${e.failure}`);
        return e.state === 'DONE' ? e : null;
      },
      60_000,
      `${format} ${lang} export done`,
    );
    // Progress only moves forward, and ends at 100.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(done.progress).toBe(100);
    expect(done.downloadPath).toBe(`/exports/${done.id}/file`);
    const res = await client.get(done.downloadPath!);
    expect(res.status).toBe(200);
    const content = Buffer.from(await res.arrayBuffer());
    expect(content.length).toBe(done.byteSize);
    return { exported: done, res, content };
  }

  function pdfText(content: Buffer, name: string): string {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  }

  it('prints the Arabic report right to left: the words in order, the numbers, the decisions', async () => {
    const { exported, res, content } = await exportAndWait(office, 'PDF', 'ar');
    expect(exported.title).toBe('تقرير الدفعة: الدفعة الأولى للاختبار');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="export-${exported.id.slice(0, 8)}.pdf"; filename*=UTF-8''${encodeURIComponent('تقرير الدفعة الدفعة الأولى للاختبار.pdf')}`,
    );
    expect(content.subarray(0, 5).toString()).toBe('%PDF-');
    const text = normalize(pdfText(content, 'ar.pdf'));
    for (const words of [
      'تقرير الدفعة',
      'الدفعة الأولى للاختبار',
      'الفرق في لمحة',
      'فريق رخص البناء',
      'فريق التوظيف',
      'مدة إصدار رخصة البناء',
      'نسبة الطلبات الإلكترونية',
      'قرار المراجعة النصفية',
      'تصحيح المسار',
      'تسريع الربط الإلكتروني',
      'تحقق جزئياً',
      'استمرت النتائج',
      'المستهدف الأصلي',
      'المستهدف الحالي',
      'المسار المتوقع',
      'لم تُحدَّد أهداف بعد',
    ])
      expect(text).toContain(normalize(words));
    // The table's figures (baseline, targets, latest and final values); the week-2 value is in the workbook only.
    for (const n of ['18.5', '30', '12', '35']) expect(text).toContain(n);
    // Only the team's values are printed where its KPI is: nothing in English here.
    expect(text).not.toContain('Buildingpermitsteam');
  }, 90_000);

  it('prints the English report when the requester works in English', async () => {
    const { exported, content } = await exportAndWait(office, 'PDF', 'en');
    expect(exported.title).toBe('Cohort report: First test cohort');
    const text = normalize(pdfText(content, 'en.pdf'));
    for (const words of [
      'Cohort report',
      'First test cohort',
      'Teams at a glance',
      'Building permits team',
      'Employment team',
      'Days to issue a building permit',
      'Course-correct',
      'Partially achieved',
      'Sustained',
      'Original target',
      // Arabic text someone wrote stays whole and in order inside the English report.
      'تسريع الربط الإلكتروني',
    ])
      expect(text).toContain(normalize(words));
    for (const n of ['18.5', '30', '12']) expect(text).toContain(n);
    expect(text).not.toContain(normalize('فريق رخص البناء'));
  }, 90_000);

  it('writes the Arabic workbook right to left, a sheet per section, typed cells under a frozen header', async () => {
    const { res, content } = await exportAndWait(office, 'XLSX', 'ar');
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(content as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'الفرق في لمحة',
      'الأهداف ومؤشرات الأداء الرئيسية',
      'قيم المؤشرات',
    ]);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, rightToLeft: true });
      expect(sheet.getRow(1).font?.bold).toBe(true);
    }
    const [teams, kpis, values] = book.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet];

    expect(teams.getRow(1).getCell(1).value).toBe('الفريق');
    const rowOf = (sheet: ExcelJS.Worksheet, col: number, value: string) => {
      const found: ExcelJS.Row[] = [];
      sheet.eachRow((row) => {
        if (row.getCell(col).value === value) found.push(row);
      });
      return found;
    };
    const [permits] = rowOf(teams, 1, 'فريق رخص البناء');
    expect(permits!.getCell(3).value).toBe('مغلق');
    expect(permits!.getCell(5).value).toBe('تصحيح المسار');
    expect(permits!.getCell(6).value).toBeInstanceOf(Date);
    expect(permits!.getCell(8).value).toBe('تحقق جزئياً');
    expect(permits!.getCell(11).value).toBe('استمرت النتائج');
    expect(rowOf(teams, 1, 'فريق التوظيف')[0]!.getCell(3).value).toBe('نشط');

    // Numbers are numbers, dates are dates, the original target beside the current one.
    const [kpi] = rowOf(kpis, 3, 'مدة إصدار رخصة البناء');
    const cells = (row: ExcelJS.Row, from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => row.getCell(from + i).value);
    expect(cells(kpi!, 6, 9)).toEqual([30, 7, 10, 18.5]);
    expect(kpi!.getCell(10).value).toEqual(new Date(`${await lastAsOf()}T00:00:00Z`));
    expect(kpi!.getCell(10).numFmt).toBe('yyyy-mm-dd');
    expect(kpi!.getCell(11).value).toBe(12);
    expect(kpi!.getCell(12).value).toBeCloseTo(0.9, 6);
    expect(kpi!.getCell(12).numFmt).toBe('0%');
    expect(kpi!.getCell(13).value).toBe('على المسار');

    const trajectory = rowOf(values, 2, 'مدة إصدار رخصة البناء');
    expect(trajectory.map((r) => [r.getCell(4).value, r.getCell(5).value, r.getCell(7).value])).toEqual([
      [11, 26, 'التحديث الأسبوعي'],
      [35, 18.5, 'التحديث الأسبوعي'],
      [39, 12, 'تقرير اليوم المئة'],
    ]);
    for (const r of trajectory) {
      expect(r.getCell(3).value).toBeInstanceOf(Date);
      expect(typeof r.getCell(6).value).toBe('number');
    }
  }, 90_000);

  const lastAsOf = async () =>
    (
      (await app.dataSource.query(`SELECT max(as_of)::text AS d FROM check_in_value WHERE kpi_id = $1`, [kpiDays])) as {
        d: string;
      }[]
    )[0]!.d;

  it('writes the English workbook left to right', async () => {
    const { content } = await exportAndWait(office, 'XLSX', 'en');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(content as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Teams at a glance', 'Goals and KPIs', 'KPI values']);
    expect(book.worksheets[0]!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, rightToLeft: false });
    expect(book.worksheets[1]!.getRow(1).getCell(7).value).toBe('Original target');
    const { myExports } = await office.data<{ myExports: { format: string; language: string; state: string }[] }>(MINE);
    expect(myExports.map((e) => `${e.format} ${e.language} ${e.state}`)).toEqual([
      'XLSX en DONE',
      'XLSX ar DONE',
      'PDF en DONE',
      'PDF ar DONE',
    ]);
  }, 90_000);

  it('exports the audit trail the office searched, as a workbook (the office only)', async () => {
    const { exported, content } = await exportAndWaitFor(office, 'XLSX', 'ar', {
      kind: 'AUDIT_TRAIL',
      params: { audit: { subjectType: 'export', action: 'export.*' } },
    });
    expect(exported.title).toBe('سجل التدقيق');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(content as unknown as ArrayBuffer);
    const [events] = book.worksheets;
    expect(events!.name).toBe('الأحداث');
    expect(events!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, rightToLeft: true });
    expect(events!.getRow(1).getCell(3).value).toBe('الإجراء');
    // The four cohort reports asked for above, newest first, each with its time as a date.
    const rows = events!.getRows(2, events!.rowCount - 1)!;
    expect(rows.map((r) => r.getCell(3).value)).toEqual(Array(rows.length).fill('export.requested'));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows[0]!.getCell(1).value).toBeInstanceOf(Date);
    // Leadership may read the cohort report, not search the audit trail.
    const minister = (await app.signedIn(['LEADERSHIP'])).client;
    const refused = await minister.request(REQUEST, {
      input: { kind: 'AUDIT_TRAIL', format: 'PDF', params: { audit: {} } },
    });
    expect(codeOf(refused)).toBe('FORBIDDEN');
  }, 90_000);

  it('builds an export whose job Redis lost: the sweep gives it its job again', async () => {
    // An export committed whose job never reached Redis (or was lost with it): no outbox row, no job.
    const [lost] = (await app.dataSource.query(
      `INSERT INTO export (requester_id, kind, format, params, language, title, created_at)
       VALUES ($1, 'COHORT_REPORT', 'XLSX', $2::jsonb, 'ar', 'تقرير الدفعة: الدفعة الأولى للاختبار', $3) RETURNING id`,
      [officeId, JSON.stringify({ cohortId }), new Date((await clockNow(office)).getTime() - 60_000)],
    )) as { id: string }[];
    const done = await eventually(
      async () => {
        const { export: e } = await office.data<{ export: ExportView }>(READ, { id: lost!.id });
        return e.state === 'DONE' ? e : null;
      },
      60_000,
      'the lost export done',
    );
    const res = await office.get(done.downloadPath!);
    expect(res.status).toBe(200);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  }, 90_000);

  it('deletes exports and their files some days after they were finished (EXPORT_RETENTION_DAYS, 7)', async () => {
    const now = (await clockNow(office)).getTime();
    const insert = async (finishedDaysAgo: number) => {
      const [row] = (await app.dataSource.query(
        `INSERT INTO export (requester_id, kind, format, params, language, title, state, progress, file_name, content_type, byte_size, created_at, finished_at)
         VALUES ($1, 'COHORT_REPORT', 'PDF', $2::jsonb, 'ar', 'تقرير قديم', 'DONE', 100, 'old.pdf', 'application/pdf', 4, $3, $3) RETURNING id`,
        [officeId, JSON.stringify({ cohortId }), new Date(now - finishedDaysAgo * 86_400_000)],
      )) as { id: string }[];
      await app.dataSource.query(`INSERT INTO export_file (export_id, content) VALUES ($1, '%PDF')`, [row!.id]);
      return row!.id;
    };
    const old = await insert(8);
    const recent = await insert(6);
    await eventually(
      async () => codeOf(await office.request(READ, { id: old })) === 'FORBIDDEN',
      60_000,
      'the old export deleted',
    );
    const files = (await app.dataSource.query(`SELECT export_id FROM export_file WHERE export_id = ANY($1::uuid[])`, [
      [old, recent],
    ])) as { export_id: string }[];
    expect(files.map((f) => f.export_id)).toEqual([recent]);
    expect((await office.get(`/exports/${recent}/file`)).status).toBe(200);
    await app.dataSource.query(`DELETE FROM export WHERE id = $1`, [recent]);
  }, 90_000);

  it("answers another person's export, one no longer readable and a missing one alike", async () => {
    const gist = (res: GqlResponse<unknown>) => ({ code: codeOf(res), message: res.errors?.[0]?.message });
    const [theirs] = (await office.data<{ myExports: { id: string }[] }>(MINE)).myExports;
    const other = await app.createAgency();
    const focal = (await app.signedIn(['FOCAL_POINT'], { agencyId: other.id })).client;
    const minister = await app.signedIn(['LEADERSHIP'], { agencyId: other.id });
    for (const client of [focal, minister.client]) {
      client.lang = 'ar';
      const missing = await client.request(READ, { id: missingId });
      expect(gist(missing)).toEqual({ code: 'FORBIDDEN', message: 'لا تملك صلاحية القيام بهذا الإجراء.' });
      expect(gist(await client.request(READ, { id: theirs!.id }))).toEqual(gist(missing));
      const nowhere = await client.get(`/exports/${missingId}/file`);
      const forbidden = await client.get(`/exports/${theirs!.id}/file`);
      expect([forbidden.status, await forbidden.text()]).toEqual([nowhere.status, await nowhere.text()]);
      expect(nowhere.status).toBe(404);
    }
    // A focal point may not read the cohort report, so may not ask for it.
    const refused = await focal.request(REQUEST, {
      input: { kind: 'COHORT_REPORT', format: 'PDF', params: { cohortId } },
    });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    // Leadership may; the file is theirs while they may still read the report.
    const { res } = await exportAndWait(minister.client, 'XLSX', 'ar');
    expect(res.status).toBe(200);
    const [own] = (await minister.client.data<{ myExports: { id: string }[] }>(MINE)).myExports;
    await app.dataSource.query(`UPDATE app_user SET roles = '{}' WHERE id = $1`, [minister.user.id]);
    expect(gist(await minister.client.request(READ, { id: own!.id }))).toEqual(
      gist(await minister.client.request(READ, { id: missingId })),
    );
    const gone = await minister.client.get(`/exports/${own!.id}/file`);
    expect(gone.status).toBe(404);
    // No session: no file.
    const anonymous = await app.client().get(`/exports/${own!.id}/file`);
    expect(anonymous.status).toBe(401);
    // The cohort report needs its cohort.
    const noCohort = await office.request(REQUEST, { input: { kind: 'COHORT_REPORT', format: 'PDF', params: {} } });
    expect(codeOf(noCohort)).toBe('BAD_USER_INPUT');
    expect(noCohort.errors![0]!.extensions!.fields).toEqual([
      { field: 'params.cohortId', message: expect.any(String) },
    ]);
    expect(
      codeOf(
        await office.request(REQUEST, {
          input: { kind: 'COHORT_REPORT', format: 'PDF', params: { cohortId: missingId } },
        }),
      ),
    ).toBe('FORBIDDEN');
  }, 120_000);
});
