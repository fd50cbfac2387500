import { ConfigError, loadConfig } from '@app/common';
import { VolunteersConfig } from './volunteers.config';

describe('VolunteersConfig', () => {
  it('runs on development defaults', () => {
    const config = loadConfig(VolunteersConfig, {});
    expect(config.BOOTSTRAP_ADMIN_LOGIN).toBe('admin@timebank.local');
    expect(config.DEFAULT_PHONE_REGION).toBe('CN');
  });

  it('refuses production with the default or a missing admin password', () => {
    expect(() => loadConfig(VolunteersConfig, { NODE_ENV: 'production' })).toThrow(
      /BOOTSTRAP_ADMIN_PASSWORD/,
    );
    expect(() =>
      loadConfig(VolunteersConfig, { NODE_ENV: 'production', BOOTSTRAP_ADMIN_PASSWORD: '' }),
    ).toThrow(ConfigError);
    expect(
      loadConfig(VolunteersConfig, {
        NODE_ENV: 'production',
        BOOTSTRAP_ADMIN_PASSWORD: 'a long real secret',
        CHECK_IN_SECRET: 'a real check-in secret of 32 characters or more',
      }).BOOTSTRAP_ADMIN_PASSWORD,
    ).toBe('a long real secret');
  });

  it('refuses production with the default check-in secret, and a short one anywhere', () => {
    const production = { NODE_ENV: 'production', BOOTSTRAP_ADMIN_PASSWORD: 'a long real secret' };
    expect(() => loadConfig(VolunteersConfig, production)).toThrow(/CHECK_IN_SECRET/);
    expect(() => loadConfig(VolunteersConfig, { CHECK_IN_SECRET: 'short' })).toThrow(
      /CHECK_IN_SECRET/,
    );
  });

  it('takes a phone number as the admin login, and refuses what is neither', () => {
    expect(loadConfig(VolunteersConfig, { BOOTSTRAP_ADMIN_LOGIN: '13800138000' })).toBeDefined();
    expect(() => loadConfig(VolunteersConfig, { BOOTSTRAP_ADMIN_LOGIN: 'admin' })).toThrow(
      /BOOTSTRAP_ADMIN_LOGIN/,
    );
    expect(() => loadConfig(VolunteersConfig, { DEFAULT_PHONE_REGION: 'XX' })).toThrow(
      /DEFAULT_PHONE_REGION/,
    );
  });

  it("reads tier thresholds and the city's time zone, refusing bad ones by name", () => {
    const config = loadConfig(VolunteersConfig, {});
    expect(config.TIER_THRESHOLDS_HOURS).toBe('100,300,600,1000,1500');
    expect(config.CITY_TIME_ZONE).toBe('Asia/Shanghai');
    expect(loadConfig(VolunteersConfig, { TIER_THRESHOLDS_HOURS: '1, 2,3' })).toBeDefined();
    for (const bad of ['100,50', 'ten', '0,5', '1.5']) {
      expect(() => loadConfig(VolunteersConfig, { TIER_THRESHOLDS_HOURS: bad })).toThrow(
        /TIER_THRESHOLDS_HOURS/,
      );
    }
    expect(() => loadConfig(VolunteersConfig, { CITY_TIME_ZONE: 'Mars/Olympus' })).toThrow(
      /CITY_TIME_ZONE/,
    );
  });
});
