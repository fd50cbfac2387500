import { cityDate, isCalendarDate } from '@app/contracts';
import {
  certificateNumber,
  isCertificateCode,
  newCertificateCode,
  serviceDetailsProblems,
  summarize,
  touchesServiceRecords,
  volunteerNumber,
} from './service-record-rules';

const V = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const details = {
  source: 'hours' as const,
  sourceId: '33333333-3333-4333-8333-333333333333',
  volunteerId: V,
  description: '陪诊',
  communityId: '11111111-1111-4111-8111-111111111111',
  servedOn: '2026-03-09',
  minutes: 90,
  verifiedBy: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
  verifiedAt: '2026-03-10T08:00:00.000Z',
};

describe('certificate codes', () => {
  it('are 32 URL-safe characters (192 random bits), different every time', () => {
    const codes = new Set(Array.from({ length: 1000 }, newCertificateCode));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(isCertificateCode(code)).toBe(true);
  });

  it('refuse anything else', () => {
    expect(isCertificateCode('short')).toBe(false);
    expect(isCertificateCode(`${newCertificateCode().slice(1)}/`)).toBe(false);
  });
});

describe('numbers on a record', () => {
  it('reads like an official record', () => {
    expect(volunteerNumber('42')).toBe('V00000042');
    expect(certificateNumber('7', new Date('2026-05-01T00:00:00Z'), 'UTC')).toBe(
      'TB-2026-00000007',
    );
    // 2026-12-31T16:30Z is already New Year's Day in Shanghai.
    const newYearsNight = new Date('2026-12-31T16:30:00Z');
    expect(certificateNumber('8', newYearsNight, 'Asia/Shanghai')).toBe('TB-2027-00000008');
    expect(certificateNumber('8', newYearsNight, 'UTC')).toBe('TB-2026-00000008');
  });
});

describe('serviceDetailsProblems', () => {
  it('accepts details that match the credited member', () => {
    expect(serviceDetailsProblems(details, V)).toEqual([]);
  });

  it('names what is wrong, including a credit to someone else', () => {
    expect(
      serviceDetailsProblems({ ...details, servedOn: '2026-02-30', minutes: 0 }, 'other'),
    ).toEqual(['servedOn', 'minutes', 'volunteerId (not the credited member)']);
  });
});

describe('touchesServiceRecords', () => {
  it('takes service credits and reversals, and lets every other posted transfer pass', () => {
    const reversed = '44444444-4444-4444-8444-444444444444';
    expect(touchesServiceRecords({ kind: 'service', reversesTransferId: null })).toBe(true);
    expect(touchesServiceRecords({ kind: 'reversal', reversesTransferId: reversed })).toBe(true);
    for (const kind of ['gift', 'allocation', 'adjustment', 'redemption', 'settlement'] as const) {
      expect(touchesServiceRecords({ kind, reversesTransferId: null })).toBe(false);
    }
    expect(touchesServiceRecords({ kind: 'reversal', reversesTransferId: null })).toBe(false);
  });
});

describe('dates', () => {
  it('knows calendar days and today in a time zone', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-3-1')).toBe(false);
    const now = new Date('2026-03-09T17:30:00Z');
    expect(cityDate(now, 'Asia/Shanghai')).toBe('2026-03-10');
    expect(cityDate(now, 'UTC')).toBe('2026-03-09');
  });
});

describe('summarize', () => {
  it('counts what was not reversed, from the entries themselves', () => {
    const entries = [
      { minutes: 90, servedOn: '2026-03-09', reversedAt: null },
      { minutes: '30', servedOn: '2026-02-01', reversedAt: null },
      { minutes: 60, servedOn: '2026-01-15', reversedAt: new Date() },
    ];
    expect(summarize(entries)).toEqual({
      totalMinutes: 120,
      serviceCount: 2,
      firstServedOn: '2026-02-01',
      lastServedOn: '2026-03-09',
    });
    expect(summarize([])).toEqual({
      totalMinutes: 0,
      serviceCount: 0,
      firstServedOn: null,
      lastServedOn: null,
    });
  });
});
