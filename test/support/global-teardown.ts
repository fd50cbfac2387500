/** Stops the shared suite, drops its database and deletes its streams. */
import { closeE2eLog } from './suite';
import './global-setup';

export default async function globalTeardown(): Promise<void> {
  const suite = globalThis.__TB_SHARED_SUITE__;
  globalThis.__TB_SHARED_SUITE__ = undefined;
  try {
    if (suite) await suite.stop();
  } finally {
    await closeE2eLog();
  }
}
