import { KeyedTurns } from './offer-turns';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedTurns', () => {
  it('runs the work of one key one at a time, in arrival order, even after a failure', async () => {
    const turns = new KeyedTurns();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const step = (name: string, fail = false) =>
      turns.run('offer', async () => {
        running += 1;
        most = Math.max(most, running);
        log.push(`start ${name}`);
        await tick();
        await tick();
        log.push(`end ${name}`);
        running -= 1;
        if (fail) throw new Error(name);
        return name;
      });
    const outcomes = await Promise.allSettled([step('a'), step('b', true), step('c')]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(most).toBe(1);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('lets the work of different keys run side by side', async () => {
    const turns = new KeyedTurns();
    let running = 0;
    let most = 0;
    const step = (key: string) =>
      turns.run(key, async () => {
        running += 1;
        most = Math.max(most, running);
        await tick();
        running -= 1;
      });
    await Promise.all([step('one'), step('two'), step('three')]);
    expect(most).toBe(3);
  });
});
