/**
 * The suites' only ways to wait. What a call did may reach another service's view a
 * moment later (events): poll for it, never sleep a fixed time. Both pollers return as
 * soon as what they wait for holds, and fail saying what they waited for and last saw.
 */

const EVERY_MS = 200;

/** A fixed wait, for the one thing a poll cannot show: that nothing more arrives. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Reads until `ready` holds of what was read, and returns it. */
export async function until<T>(
  what: string,
  read: () => T | Promise<T>,
  ready: (value: T) => boolean,
  ms = 45_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ready(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await pause(EVERY_MS);
  }
}

/** Runs `check` (its expectations) until it passes, and returns what it returned; else its last failure. */
export async function eventually<T>(check: () => Promise<T>, ms = 45_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await pause(EVERY_MS);
    }
  }
}
