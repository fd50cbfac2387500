import { periodicTaskFailures } from '../metrics/suite-metrics';
import { PeriodicTask } from './periodic-task';

class Counting extends PeriodicTask {
  rounds = 0;
  release?: () => void;

  constructor(
    runAtStart: boolean,
    private readonly fail = false,
  ) {
    super({ name: `counting-${runAtStart}-${fail}`, intervalMs: 10, runAtStart });
  }

  protected round(): Promise<void> {
    this.rounds++;
    if (this.fail) return Promise.reject(new Error('boom'));
    return new Promise((resolve) => (this.release = resolve));
  }
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PeriodicTask', () => {
  it('runs one round at a time and waits for it at shutdown', async () => {
    const task = new Counting(true);
    task.onApplicationBootstrap();
    await tick(50);
    expect(task.rounds).toBe(1);
    let stopped = false;
    const stopping = task.onApplicationShutdown().then(() => (stopped = true));
    await tick(20);
    expect(stopped).toBe(false);
    task.release?.();
    await stopping;
    expect(task.rounds).toBe(1);
  });

  it('waits one interval for the first round unless told to run at start', async () => {
    const task = new Counting(false);
    task.onApplicationBootstrap();
    expect(task.rounds).toBe(0);
    await tick(30);
    expect(task.rounds).toBe(1);
    task.release?.();
    await task.onApplicationShutdown();
  });

  it('counts a failed round and keeps going', async () => {
    const task = new Counting(true, true);
    task.onApplicationBootstrap();
    await tick(50);
    await task.onApplicationShutdown();
    expect(task.rounds).toBeGreaterThan(1);
    const failures = await periodicTaskFailures.get();
    const counted = failures.values.find((v) => v.labels.task === 'counting-true-true');
    expect(counted?.value).toBe(task.rounds);
  });
});
