/**
 * Polls until `ready` holds: what a page or a call did may reach another service's
 * view a moment later (events). Never a fixed sleep: it returns as soon as it holds,
 * and fails naming what it waited for and what it last saw.
 */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  ready: (value: T) => boolean,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ready(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
