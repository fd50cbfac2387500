/**
 * `npm run bench:members`: how fast the member directory (GET /members?q=)
 * answers through the gateway on a city of 100,000 members, as a coordinator
 * (two communities of ten) and as an admin (all), for each kind of query a
 * coordinator types: part of a name, one character, a whole name, a phone's
 * last digits, a whole phone, a card number, part of an e-mail, and a name
 * nobody has. The members are written straight into PostgreSQL (realistic
 * Chinese names, phones, e-mails and card numbers); the volunteers service and
 * the gateway run from dist/ (npm run build) on a database and NATS prefix of
 * their own, stopped and dropped at the end, also on failure or Ctrl-C.
 *
 * Options: --members N (default 100000), --queries N (per kind and caller,
 * default 200), --warmup N (default 20).
 */
import os from 'node:os';
import { Pool } from 'pg';
import { luhnCheckDigit } from '../libs/contracts/src/volunteers/card-number';
import { randomSuffix } from './support/env';
import { runBench } from './support/clean-up';
import { BenchRun, intOption, say } from './support/run';
import { percentile, round } from './support/stats';
import { http, signIn } from './support/http';

const SETTINGS = {
  members: intOption('members', 100_000, 100, 1_000_000),
  queries: intOption('queries', 200, 10, 10_000),
  warmup: intOption('warmup', 20, 0, 1000),
  communities: 10,
  batch: 10_000,
  targetP50Ms: 20,
};

// ---- a city of members ----

// Common surnames (by frequency, roughly) and given names, so name parts repeat as in a real city.
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = (
  '秀英 桂英 秀兰 玉兰 桂兰 秀珍 凤英 玉珍 玉英 兰英 伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 涛 明 超 ' +
  '霞 平 刚 建华 建国 建军 志强 志明 海燕 小红 小明 国庆 文 华 红 斌 辉 鹏 宇 浩 欣怡 子涵 梓涵 一诺 ' +
  '淑珍 淑兰 丽华 丽娟 春梅 美玲 晓燕 佳怡 思琪 雨轩 浩然 俊杰 子轩 宇航 嘉怡 明辉 德明 振华 国强 文杰'
).split(' ');

interface SeededMember {
  displayName: string;
  phone: string;
  email: string | null;
  cardNumber: string;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

/** `count` distinct random ten-digit card numbers. */
function cardNumbers(count: number): string[] {
  const seen = new Set<string>();
  while (seen.size < count) {
    const payload = String(100_000_000 + Math.floor(Math.random() * 900_000_000));
    seen.add(`${payload}${luhnCheckDigit(payload)}`);
  }
  return [...seen];
}

/** Members straight into volunteers.members, in batches of unnest()ed arrays. */
async function seedMembers(
  pool: Pool,
  communities: Array<{ id: string; gridUnits: string[] }>,
): Promise<SeededMember[]> {
  const cards = cardNumbers(SETTINGS.members);
  // Distinct mobile numbers: a random offset and a stride coprime to 10^8.
  const offset = Math.floor(Math.random() * 1e8);
  const members: SeededMember[] = [];
  for (let i = 0; i < SETTINGS.members; i++) {
    const phoneDigits = String((offset + i * 7_919_773) % 100_000_000).padStart(8, '0');
    members.push({
      displayName: `${pick(SURNAMES)}${pick(GIVEN)}`,
      phone: `+86${pick(['135', '136', '137', '138', '139', '150', '186', '188'])}${phoneDigits}`,
      email: i % 3 === 0 ? `member${i}.${randomSuffix()}@example.cn` : null,
      cardNumber: cards[i],
    });
  }
  for (let start = 0; start < members.length; start += SETTINGS.batch) {
    const batch = members.slice(start, start + SETTINGS.batch);
    const where = batch.map((_, i) => communities[(start + i) % communities.length]);
    await pool.query(
      `INSERT INTO volunteers.members
         (email, phone, password_hash, display_name, roles, community_id, grid_unit_id, card_number)
       SELECT e, p, 'not-a-password-hash', n, CASE WHEN v THEN '{resident,volunteer}' ELSE '{resident}' END::text[], c, g, k
         FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::uuid[], $6::uuid[], $7::text[])
           AS s (e, p, n, v, c, g, k)`,
      [
        batch.map((m) => m.email),
        batch.map((m) => m.phone),
        batch.map((m) => m.displayName),
        batch.map((_, i) => (start + i) % 4 === 0),
        where.map((c) => c.id),
        where.map((c, i) => c.gridUnits[i % c.gridUnits.length]),
        batch.map((m) => m.cardNumber),
      ],
    );
  }
  await pool.query('ANALYZE volunteers.members');
  return members;
}

// ---- the query kinds ----

/** GET /me: the same round trip (gateway, NATS, volunteers, one row by id) without a search. */
const FLOOR = 'floor: GET /me';

type QueryKind = { kind: string; next: () => string };

function queryKinds(members: SeededMember[]): QueryKind[] {
  const any = () => pick(members);
  const national = (phone: string) => phone.slice(3);
  return [
    { kind: FLOOR, next: () => '' },
    { kind: 'name part (2 chars)', next: () => pick(GIVEN.filter((g) => g.length === 2)) },
    { kind: 'one character', next: () => pick(SURNAMES) },
    { kind: 'whole name', next: () => any().displayName },
    { kind: 'phone tail (4)', next: () => any().phone.slice(-4) },
    {
      kind: 'whole phone',
      next: () => {
        const n = national(any().phone);
        return `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
      },
    },
    {
      kind: 'card number',
      next: () => {
        const c = any().cardNumber;
        return `${c.slice(0, 4)} ${c.slice(4, 8)} ${c.slice(8)}`;
      },
    },
    {
      kind: 'e-mail part',
      next: () => {
        let m = any();
        while (!m.email) m = any();
        return m.email.split('.')[0];
      },
    },
    { kind: 'nobody (2 chars)', next: () => '鑫淼' },
  ];
}

interface KindResult {
  kind: string;
  as: string;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  meanItems: number;
}

async function measure(
  baseUrl: string,
  token: string,
  as: string,
  kind: QueryKind,
): Promise<KindResult> {
  const once = async () => {
    const route = kind.kind === FLOOR ? '/me' : `/members?q=${encodeURIComponent(kind.next())}`;
    const begin = performance.now();
    const body = await http<{ items?: unknown[] }>(baseUrl, 'GET', route, undefined, token);
    return { ms: performance.now() - begin, items: body.items?.length ?? 1 };
  };
  for (let i = 0; i < SETTINGS.warmup; i++) await once();
  const latencies = new Float64Array(SETTINGS.queries);
  let items = 0;
  for (let i = 0; i < SETTINGS.queries; i++) {
    const r = await once();
    latencies[i] = r.ms;
    items += r.items;
  }
  latencies.sort();
  return {
    kind: kind.kind,
    as,
    p50Ms: round(percentile(latencies, 50), 2),
    p95Ms: round(percentile(latencies, 95), 2),
    maxMs: round(latencies[latencies.length - 1], 2),
    meanItems: round(items / SETTINGS.queries, 1),
  };
}

// ---- the run ----

/** Ten communities of eight grid units each, made by the admin. */
async function makeCommunities(
  baseUrl: string,
  runId: string,
  adminToken: string,
): Promise<Array<{ id: string; gridUnits: string[] }>> {
  const communities: Array<{ id: string; gridUnits: string[] }> = [];
  for (let i = 0; i < SETTINGS.communities; i++) {
    const code = `bench-${runId}-${i}`;
    const made = await http<{ id: string; gridUnits: Array<{ id: string }> }>(
      baseUrl,
      'POST',
      '/communities',
      {
        code,
        name: `社区 ${i + 1}`,
        gridUnits: Array.from({ length: 8 }, (_, g) => ({
          code: `G${g + 1}`,
          name: `第${g + 1}网格`,
        })),
      },
      adminToken,
    );
    communities.push({ id: made.id, gridUnits: made.gridUnits.map((g) => g.id) });
  }
  return communities;
}

/** A coordinator of the first two communities, signed in: the caller who sees part of the city. */
async function coordinatorToken(
  baseUrl: string,
  runId: string,
  adminToken: string,
  communities: Array<{ id: string }>,
): Promise<string> {
  const coordinator = { login: `coordinator-${runId}@example.cn`, password: 'bench-password-123' };
  await http(
    baseUrl,
    'POST',
    '/members',
    {
      email: coordinator.login,
      password: coordinator.password,
      displayName: '张主任',
      communityId: communities[0].id,
      roles: ['coordinator'],
      coordinatorOf: [communities[0].id, communities[1].id],
    },
    adminToken,
  );
  return (await http<{ accessToken: string }>(baseUrl, 'POST', '/auth/login', coordinator))
    .accessToken;
}

/** Every kind of query, as the coordinator and as the admin. */
async function measureAll(
  baseUrl: string,
  members: Awaited<ReturnType<typeof seedMembers>>,
  callers: ReadonlyArray<readonly [string, string]>,
): Promise<KindResult[]> {
  const results: KindResult[] = [];
  for (const kind of queryKinds(members)) {
    for (const [as, token] of callers) {
      const r = await measure(baseUrl, token, as, kind);
      results.push(r);
      say(
        `${r.kind.padEnd(20)} ${as.padEnd(11)} p50 ${String(r.p50Ms).padStart(6)} ms  ` +
          `p95 ${String(r.p95Ms).padStart(6)} ms  max ${String(r.maxMs).padStart(7)} ms  ` +
          `items ${r.meanItems}`,
      );
    }
  }
  return results;
}

async function main(): Promise<void> {
  const run = new BenchRun('members', 'at the start: other work skews the figures');
  say(`members bench ${run.runId}: database ${new URL(run.databaseUrl).pathname.slice(1)}`);
  await run.createDatabase();
  const suite = await run.startServices(['volunteers', 'gateway'], {
    log: (line, service) => say(`  [${service}] ${line}`),
  });
  const { pool, postgres } = await run.openPool();

  const adminToken = await signIn(suite.baseUrl, run.admin);
  const communities = await makeCommunities(suite.baseUrl, run.runId, adminToken);
  const coordinator = await coordinatorToken(suite.baseUrl, run.runId, adminToken, communities);

  say(`writing ${SETTINGS.members.toLocaleString('en')} members into PostgreSQL`);
  const seedStart = performance.now();
  const members = await seedMembers(pool, communities);
  const seedMs = Math.round(performance.now() - seedStart);
  say(`written in ${seedMs} ms`);

  const results = await measureAll(suite.baseUrl, members, [
    ['coordinator', coordinator],
    ['admin', adminToken],
  ]);
  const worstP50 = Math.max(...results.filter((r) => r.kind !== FLOOR).map((r) => r.p50Ms));
  const result = {
    ...run.facts({ cpus: os.cpus().length, node: process.version, postgres }),
    settings: SETTINGS,
    seedMs,
    results,
    targets: { allP50Under20Ms: worstP50 < SETTINGS.targetP50Ms, worstP50Ms: worstP50 },
  };
  say(
    `\nworst p50 ${worstP50} ms (target under ${SETTINGS.targetP50Ms} ms); ` +
      `load average at the end ${result.machine.loadAverageAtEnd.join(' ')}`,
  );
  run.writeResult(result);
}

runBench('members', main);
