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
      }).BOOTSTRAP_ADMIN_PASSWORD,
    ).toBe('a long real secret');
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
});
