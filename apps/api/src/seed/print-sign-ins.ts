import { DEMO_PASSWORD, DEMO_USERS } from './demo-data.js';

/** Prints where to open the app and the demo sign-ins (used by the run command). */
const url = process.argv[2] ?? 'http://localhost:5173';
const roleNames: Record<string, string> = {
  ADMIN: 'accelerator office / مكتب المسرّعات',
  LEADERSHIP: 'leadership / القيادة',
  FOCAL_POINT: 'focal point / ضابط الارتباط',
  REVIEWER: 'reviewer / المراجع',
};
const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
console.log(`\nHundred is running: open ${url}\n`);
console.log(`Demo sign-ins (password for all: ${DEMO_PASSWORD})`);
for (const u of DEMO_USERS) {
  console.log(`  ${u.email.padEnd(width)}  ${u.roles.map((r) => roleNames[r] ?? r).join(', ')}`);
}
console.log('  lead.permits@hundred.example  team leader / قائد الفريق (building permits)');
console.log('  lead.inspection@hundred.example  team leader / قائد الفريق (cohort 3: told to course-correct)');
console.log(
  '  reviewer@hundred.example has an assessment to do: cohort 3, hospital discharge (reviewer.pmo@, reviewer.moi@ … review too)',
);
console.log('  coach@hundred.example         coach / المدرّب (every team of the first cohort)');
console.log('');
console.log('Day 100 and after (a team\'s page → "Results and the whole story"):');
console.log('  lead.renewals@hundred.example    team leader: a day-100 report to finish and submit');
console.log('  sponsor.customs@hundred.example  sponsor: a changed sustainment plan to sign again');
console.log('  focal.health@hundred.example     focal point: the day-190 checkpoint of the clinics team is open');
console.log('  office@hundred.example           office: outcomes to record, sustainment to start and close');
console.log('');
