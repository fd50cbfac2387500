/**
 * Starts the one suite every e2e test file shares and tells the test files
 * where it is: TB_BASE_URL (e.g. http://127.0.0.1:41234/api/v1), plus
 * TB_DATABASE_URL, TB_NATS_URL and TB_NATS_SUBJECT_PREFIX for tests that look
 * behind the API. Test files run in this process (--runInBand) or in workers
 * forked after it, so they see these variables.
 */
import { resetE2eLog, startPrivateSuite, TestSuite } from './suite';

declare global {
  // The suite the global teardown stops.
  var __TB_SHARED_SUITE__: TestSuite | undefined;
}

export default async function globalSetup(): Promise<void> {
  resetE2eLog();
  const suite = await startPrivateSuite({ label: 'shared' });
  globalThis.__TB_SHARED_SUITE__ = suite;
  process.env.TB_BASE_URL = suite.baseUrl;
  process.env.TB_DATABASE_URL = suite.databaseUrl;
  process.env.TB_NATS_URL = suite.natsUrl;
  process.env.TB_NATS_SUBJECT_PREFIX = suite.prefix;
}
