import { MemberRights } from '@app/contracts';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { RightsCache } from './rights-cache';

const MEMBER = '11111111-1111-4111-8111-111111111111';

function rights(version: number): MemberRights {
  return {
    memberId: MEMBER,
    rightsVersion: version,
    status: 'active',
    roles: ['resident'],
    communityId: null,
    coordinatorOf: [],
    merchantId: null,
    mustChangePassword: false,
    endedSessions: [],
  };
}

const TTL = 1000;

/** A cache over a lookup the test steers, on a clock the test moves. */
function setUp() {
  let now = 1_000_000;
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  const answers: Array<() => Promise<MemberRights | null>> = [];
  const lookup = jest.fn((): Promise<MemberRights | null> => {
    const next = answers.shift();
    if (!next) throw new Error('unexpected lookup');
    return next();
  });
  const cache = new RightsCache(
    { servers: [], prefix: 'p', name: 't', ttlMs: TTL, maxEntries: 10 },
    lookup,
  );
  return {
    cache,
    lookup,
    answer: (value: MemberRights | null) => answers.push(() => Promise.resolve(value)),
    outage: () =>
      answers.push(() =>
        Promise.reject(new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'volunteers is down')),
      ),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

afterEach(() => jest.restoreAllMocks());

describe('RightsCache', () => {
  it('asks once while an entry is fresh', async () => {
    const { cache, lookup, answer } = setUp();
    answer(rights(1));
    expect(await cache.get(MEMBER)).toEqual(rights(1));
    expect(await cache.get(MEMBER)).toEqual(rights(1));
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('asks again once told the rights changed', async () => {
    const { cache, answer } = setUp();
    answer(rights(1));
    answer(rights(2));
    await cache.get(MEMBER);
    cache.forget(MEMBER);
    expect(await cache.get(MEMBER)).toEqual(rights(2));
  });

  it('does not keep an answer that was under way when a change was announced', async () => {
    const { cache, lookup, answer } = setUp();
    answer(rights(1));
    answer(rights(2));
    const inFlight = cache.get(MEMBER);
    cache.forget(MEMBER);
    expect(await inFlight).toEqual(rights(1));
    expect(await cache.get(MEMBER)).toEqual(rights(2));
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it('asks again after its time to live', async () => {
    const { cache, answer, advance } = setUp();
    answer(rights(1));
    answer(rights(2));
    await cache.get(MEMBER);
    advance(TTL + 1);
    expect(await cache.get(MEMBER)).toEqual(rights(2));
  });

  it('bridges an outage with what no broadcast has changed, and keeps asking', async () => {
    const { cache, lookup, answer, outage, advance } = setUp();
    answer(rights(1));
    await cache.get(MEMBER);
    advance(TTL + 1);
    outage();
    expect(await cache.get(MEMBER)).toEqual(rights(1));
    answer(rights(3));
    expect(await cache.get(MEMBER)).toEqual(rights(3));
    expect(lookup).toHaveBeenCalledTimes(3);
  });

  it('never bridges an outage with rights a broadcast said had changed', async () => {
    const { cache, answer, outage } = setUp();
    answer(rights(1));
    await cache.get(MEMBER);
    cache.forget(MEMBER);
    outage();
    await expect(cache.get(MEMBER)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('bridges an outage no longer than an access token lives', async () => {
    const { cache, answer, outage, advance } = setUp();
    answer(rights(1));
    await cache.get(MEMBER);
    advance(15 * 60 * 1000 + 1);
    outage();
    await expect(cache.get(MEMBER)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('does not bridge what is not an outage', async () => {
    const { cache, lookup, answer, advance } = setUp();
    answer(rights(1));
    await cache.get(MEMBER);
    advance(TTL + 1);
    lookup.mockImplementationOnce(() => Promise.reject(new Error('a bug')));
    await expect(cache.get(MEMBER)).rejects.toThrow('a bug');
  });
});
