import { cityDate, cityDays, cityYear, isTimeZone, startOfCityDay } from './city-time';

const at = (iso: string) => new Date(iso);

describe('cityDate', () => {
  it("is Shanghai's date around its midnight, not UTC's", () => {
    // 07:00 in Shanghai is 23:00 UTC the day before.
    expect(cityDate(at('2026-11-29T23:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-30');
    expect(cityDate(at('2026-11-29T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-29');
    expect(cityDate(at('2026-11-29T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-30');
    expect(cityDate(at('2026-11-29T23:00:00Z'), 'UTC')).toBe('2026-11-29');
  });

  it('follows zones far from UTC both ways', () => {
    const noonUtc = at('2026-06-15T12:00:00Z');
    expect(cityDate(noonUtc, 'Pacific/Kiritimati')).toBe('2026-06-16'); // UTC+14
    expect(cityDate(at('2026-06-15T09:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-06-15');
    expect(cityDate(at('2026-06-15T11:00:00Z'), 'Etc/GMT+12')).toBe('2026-06-14'); // UTC−12
  });

  it('names the year on New Year’s night in the city', () => {
    expect(cityYear(at('2026-12-31T16:30:00Z'), 'Asia/Shanghai')).toBe(2027);
    expect(cityYear(at('2026-12-31T16:30:00Z'), 'UTC')).toBe(2026);
  });
});

describe('startOfCityDay', () => {
  it("is the city's midnight", () => {
    expect(startOfCityDay('2026-11-30', 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-29T16:00:00.000Z',
    );
    expect(startOfCityDay('2026-11-30', 'UTC').toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(startOfCityDay('2026-06-16', 'Pacific/Kiritimati').toISOString()).toBe(
      '2026-06-15T10:00:00.000Z',
    );
    expect(startOfCityDay('2026-06-15', 'Etc/GMT+12').toISOString()).toBe(
      '2026-06-15T12:00:00.000Z',
    );
  });

  it('keeps to the offset of the day itself across summer time (Berlin)', () => {
    // Clocks go forward at 02:00 on 2026-03-29 and back at 03:00 on 2026-10-25.
    expect(startOfCityDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(startOfCityDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
    expect(startOfCityDay('2026-10-25', 'Europe/Berlin').toISOString()).toBe(
      '2026-10-24T22:00:00.000Z',
    );
    expect(startOfCityDay('2026-10-26', 'Europe/Berlin').toISOString()).toBe(
      '2026-10-25T23:00:00.000Z',
    );
  });

  it('begins a day whose midnight the clocks skip when they change (Santiago)', () => {
    // Chile moves from −04 to −03 at 24:00 on 2026-09-05: 2026-09-06 begins at 01:00 local.
    expect(startOfCityDay('2026-09-06', 'America/Santiago').toISOString()).toBe(
      '2026-09-06T04:00:00.000Z',
    );
    // And back from −03 to −04 at 24:00 on 2026-04-04: 2026-04-05 begins at 00:00 −04.
    expect(startOfCityDay('2026-04-05', 'America/Santiago').toISOString()).toBe(
      '2026-04-05T04:00:00.000Z',
    );
  });

  it('is the first instant whose city date is that day, and a second before is the day before', () => {
    for (const zone of [
      'Asia/Shanghai',
      'Europe/Berlin',
      'America/Santiago',
      'Pacific/Kiritimati',
    ]) {
      for (let day = 0; day < 366; day += 1) {
        const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
        const start = startOfCityDay(date, zone);
        expect([zone, cityDate(start, zone)]).toEqual([zone, date]);
        expect([zone, cityDate(new Date(start.getTime() - 1000), zone) < date]).toEqual([
          zone,
          true,
        ]);
      }
    }
  });
});

describe('cityDays', () => {
  it('spans whole city days, both ends included', () => {
    const { start, until } = cityDays('2026-11-30', '2026-11-30', 'Asia/Shanghai');
    expect(start.toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(until.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    // A Berlin week over the change to summer time is an hour short.
    const week = cityDays('2026-03-23', '2026-03-29', 'Europe/Berlin');
    expect(week.until.getTime() - week.start.getTime()).toBe((7 * 24 - 1) * 3600_000);
  });
});

describe('isTimeZone', () => {
  it('knows IANA zones and refuses anything else', () => {
    for (const zone of ['Asia/Shanghai', 'UTC', 'Etc/GMT+12', 'Pacific/Kiritimati']) {
      expect(isTimeZone(zone)).toBe(true);
    }
    for (const bad of ['Mars/Olympus', '', 'Asia/Shanghai\u0000', 42, null, 'x'.repeat(100)]) {
      expect(isTimeZone(bad)).toBe(false);
    }
  });
});
