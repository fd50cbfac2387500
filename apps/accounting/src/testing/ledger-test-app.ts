import { randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  loadConfig,
  Outbox,
  strictValidationPipe,
  TestDatabase,
} from '@app/common';
import { Actor, MemberSummary } from '@app/contracts';
import { Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountingConfig } from '../accounting.config';
import { LEDGER_PROVIDERS } from '../accounting.module';
import { AccountingSchema } from '../accounting.schema';
import { AccountDirectory } from '../peers/account-directory';

/** The owning services as the ledger sees them: members, communities and merchants it can be asked about. */
export class FakeDirectory extends AccountDirectory {
  readonly members = new Map<string, MemberSummary>();
  readonly communities = new Map<string, string>();
  readonly merchants = new Map<string, { id: string; name: string; communityId: string }>();
  lookups = 0;

  /** Members are only known by id here; tests of gifts by phone or card run end to end. */
  findMemberBy(): Promise<MemberSummary | null> {
    return Promise.resolve(null);
  }

  addCommunity(name = 'Qingshan'): string {
    const id = randomUUID();
    this.communities.set(id, name);
    return id;
  }

  addMember(communityId: string | null = null, displayName = 'Li Hua'): string {
    const id = randomUUID();
    this.members.set(id, {
      id,
      displayName,
      communityId,
      gridUnitId: null,
      roles: ['volunteer'],
      priorityHousehold: false,
      phone: null,
      updatedAt: new Date().toISOString(),
    });
    return id;
  }

  async findMember(memberId: string): Promise<MemberSummary | null> {
    this.lookups++;
    await new Promise((resolve) => setTimeout(resolve, 2));
    return this.members.get(memberId) ?? null;
  }

  async findCommunity(communityId: string): Promise<{ id: string; name: string } | null> {
    const name = this.communities.get(communityId);
    return name ? { id: communityId, name } : null;
  }

  addMerchant(communityId: string, name = 'Qingshan Pharmacy'): string {
    const id = randomUUID();
    this.merchants.set(id, { id, name, communityId });
    return id;
  }

  async findMerchant(
    merchantId: string,
  ): Promise<{ id: string; name: string; communityId: string } | null> {
    return this.merchants.get(merchantId) ?? null;
  }
}

export interface LedgerTestApp {
  /** The database, to attach a second copy of the service to it. */
  database: TestDatabase;
  module: TestingModule;
  dataSource: DataSource;
  directory: FakeDirectory;
  get<T>(type: Type<T>): T;
  /** Sums and reads straight from the tables. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * A fresh database per spec file with the accounting migrations applied, and
 * the ledger's real services on a real connection (no NATS: the directory is
 * a fake volunteers service and outbox rows simply stay in their table).
 */
export async function createLedgerTestApp(
  settings: Record<string, string> = {},
  /** Another copy of the service on the database of this one (which owns the database). */
  copyOf?: LedgerTestApp,
): Promise<LedgerTestApp> {
  const database = copyOf?.database ?? (await createTestDatabase());
  const options = copyOf
    ? database.options(AccountingSchema, 'accounting-test')
    : await database.migrate(AccountingSchema);
  const directory = copyOf?.directory ?? new FakeDirectory();
  const module = await Test.createTestingModule({
    imports: [TypeOrmModule.forRoot({ ...options, retryAttempts: 0 })],
    providers: [
      {
        provide: AccountingConfig,
        useValue: loadConfig(AccountingConfig, { DATABASE_URL: database.url, ...settings }),
      },
      { provide: AccountDirectory, useValue: directory },
      { provide: Outbox, useValue: new Outbox('accounting') },
      ...LEDGER_PROVIDERS,
    ],
  }).compile();
  await module.init();
  const dataSource = module.get(DataSource);
  return {
    database,
    module,
    dataSource,
    directory,
    get: (type) => module.get(type),
    query: (sql, params) => dataSource.query(sql, params),
    close: async () => {
      await module.close();
      if (!copyOf) await database.drop();
    },
  };
}

/** Validates a payload as the service's pipe does with what arrives over NATS. */
export async function validated<T>(type: Type<T>, data: unknown): Promise<T> {
  return (await strictValidationPipe().transform(data, {
    type: 'body',
    metatype: type,
    data: 'data',
  })) as T;
}

export function memberActor(memberId: string, communityId: string | null = null): Actor {
  return { memberId, roles: ['volunteer'], communityId, coordinatorOf: [], merchantId: null };
}

export function adminActor(): Actor {
  return {
    memberId: randomUUID(),
    roles: ['admin'],
    communityId: null,
    coordinatorOf: [],
    merchantId: null,
  };
}

export function coordinatorActor(...communities: string[]): Actor {
  return {
    memberId: randomUUID(),
    roles: ['coordinator'],
    communityId: communities[0] ?? null,
    coordinatorOf: communities,
    merchantId: null,
  };
}

/** The refusal a promise ended with, to compare codes. */
export async function refusal(
  promise: Promise<unknown>,
): Promise<{ code?: string; details?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; details?: Record<string, unknown> };
  }
  throw new Error('expected a refusal, but it succeeded');
}
