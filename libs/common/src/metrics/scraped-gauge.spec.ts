import { Logger } from '@nestjs/common';
import { metricsRegistry } from './registry';
import { ScrapedGauge } from './scraped-gauge';

async function samples(name: string): Promise<Array<{ labels: object; value: number }>> {
  const metric = metricsRegistry.getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  return (await metric.get()).values.map(({ labels, value }) => ({ labels, value }));
}

describe('ScrapedGauge', () => {
  it('reads every source at each scrape, and no longer one that was removed', async () => {
    const gauge = new ScrapedGauge('timebank_test_rows', 'rows', ['consumer']);
    let rows = 3;
    gauge.addSource(() => Promise.resolve([{ labels: { consumer: 'a' }, value: rows }]));
    const removeB = gauge.addSource(() =>
      Promise.resolve([{ labels: { consumer: 'b' }, value: 1 }]),
    );
    expect(await samples('timebank_test_rows')).toEqual([
      { labels: { consumer: 'a' }, value: 3 },
      { labels: { consumer: 'b' }, value: 1 },
    ]);
    rows = 0;
    removeB();
    expect(await samples('timebank_test_rows')).toEqual([{ labels: { consumer: 'a' }, value: 0 }]);
  });

  it('is exported only by a process that gave it a source', () => {
    const gauge = new ScrapedGauge('timebank_test_unsourced', 'nothing reads it yet');
    expect(metricsRegistry.getSingleMetric('timebank_test_unsourced')).toBeUndefined();
    gauge.addSource(() => Promise.resolve([{ value: 1 }]));
    expect(metricsRegistry.getSingleMetric('timebank_test_unsourced')).toBeDefined();
  });

  it('leaves out a source that fails, not the others', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const gauge = new ScrapedGauge('timebank_test_backlog', 'backlog');
    gauge.addSource(() => Promise.reject(new Error('database unreachable')));
    gauge.addSource(() => Promise.resolve([{ value: 7 }]));
    expect(await samples('timebank_test_backlog')).toEqual([{ labels: {}, value: 7 }]);
    expect(warn).toHaveBeenCalledWith('timebank_test_backlog: database unreachable');
    warn.mockRestore();
  });
});
