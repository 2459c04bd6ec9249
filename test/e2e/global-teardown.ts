/** Stops the servers global-setup.ts started and removes the test's database and Redis keys. */
const TEARDOWN = Symbol.for('hundred.e2e.teardown');

export default async function globalTeardown(): Promise<void> {
  const teardown = (globalThis as typeof globalThis & { [TEARDOWN]?: () => Promise<void> })[TEARDOWN];
  if (teardown) await teardown();
}
