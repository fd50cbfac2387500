import { DataSource } from 'typeorm';
import { ServiceSchema } from '../database/data-source-options';
import { createTestDatabase, TestDatabase } from './test-database';

/**
 * Several copies of one service, each with its own pool, on a fresh migrated
 * test database: for races against the real PostgreSQL. `open` in beforeAll,
 * `close` in afterAll.
 */
export class ServiceCopies {
  private database?: TestDatabase;
  all: DataSource[] = [];

  constructor(
    private readonly schema: ServiceSchema,
    private readonly count: number,
  ) {}

  get first(): DataSource {
    return this.all[0];
  }

  async open(): Promise<void> {
    this.database = await createTestDatabase();
    const options = await this.database.migrate(this.schema);
    this.all = await Promise.all(
      Array.from({ length: this.count }, () => new DataSource(options).initialize()),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((copy) => copy.destroy()));
    await this.database?.drop();
  }

  /**
   * Every copy runs `rounds` rounds of its work at once with the others (a
   * sweep, say, answering how many rows it took); the total over all copies.
   */
  async race(rounds: number, workOf: (copy: DataSource) => () => Promise<number>): Promise<number> {
    const totals = await Promise.all(
      this.all.map(async (copy) => {
        const work = workOf(copy);
        let total = 0;
        for (let round = 0; round < rounds; round++) total += await work();
        return total;
      }),
    );
    return totals.reduce((a, b) => a + b, 0);
  }
}
