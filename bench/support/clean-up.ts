/**
 * Undoing what a bench made, whatever happens: each thing it starts or creates
 * registers how to undo it, and the steps run in reverse order when the bench
 * ends, fails or is interrupted (Ctrl-C, SIGTERM), so no services, databases or
 * streams are left behind. A step that fails is reported; the others still run.
 */
const say = (line: string) => process.stdout.write(`${line}\n`);

const steps: Array<{ what: string; run: () => Promise<unknown> }> = [];
let cleaning: Promise<void> | null = null;

/** Registers how to undo something just made; the last registered is undone first. */
export function onCleanUp(what: string, run: () => Promise<unknown>): void {
  steps.push({ what, run });
}

/** Runs every registered step once, however often it is called. */
export function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const { what, run } of steps.splice(0).reverse()) {
      try {
        await run();
      } catch (error) {
        say(`clean-up: ${what} failed: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}

/**
 * Runs a bench's `main` and exits: 0 when it finished, 1 when it failed
 * (with the error), 130 when interrupted; cleaned up in every case.
 */
export function runBench(name: string, main: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`\n${signal}: stopping the services and dropping the bench database...`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  main()
    .then(() => cleanUp())
    .then(() => process.exit(0))
    .catch(async (error: unknown) => {
      say(
        `\n${name} bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      await cleanUp();
      process.exit(1);
    });
}
