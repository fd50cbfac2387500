import { loadConfig } from './load-config';
import { ServiceConfig } from './service-config';

describe('loadConfig', () => {
  it('fills in the documented defaults', () => {
    const config = loadConfig(ServiceConfig, {});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/timebank');
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(config.NATS_SUBJECT_PREFIX).toBe('timebank');
  });

  it('reads and converts settings from the environment', () => {
    const config = loadConfig(ServiceConfig, {
      NATS_SUBJECT_PREFIX: 'city_b',
      SHUTDOWN_GRACE_MS: '2500',
    });
    expect(config.NATS_SUBJECT_PREFIX).toBe('city_b');
    expect(config.SHUTDOWN_GRACE_MS).toBe(2500);
  });

  it('names every bad setting', () => {
    expect(() =>
      loadConfig(ServiceConfig, { DATABASE_URL: 'mysql://x', NATS_SUBJECT_PREFIX: 'a.b' }),
    ).toThrow(/invalid settings: DATABASE_URL .*; NATS_SUBJECT_PREFIX /);
  });

  it('reads NATS_URL as a list of servers, and names the entry that is not one', () => {
    expect(loadConfig(ServiceConfig, {}).natsServers).toEqual(['nats://127.0.0.1:4222']);
    expect(
      loadConfig(ServiceConfig, {
        NATS_URL: 'nats://n1.city:4222, nats://n2.city:4222,tls://n3.city:4222',
      }).natsServers,
    ).toEqual(['nats://n1.city:4222', 'nats://n2.city:4222', 'tls://n3.city:4222']);
    expect(() =>
      loadConfig(ServiceConfig, { NATS_URL: 'nats://n1.city:4222,n2.city:4222' }),
    ).toThrow(/invalid settings: NATS_URL \(.*"n2\.city:4222" is not one\)/);
    expect(() => loadConfig(ServiceConfig, { NATS_URL: 'nats://n1.city:4222,' })).toThrow(
      /invalid settings: NATS_URL /,
    );
  });

  it('keeps event streams on one server unless told how many', () => {
    expect(loadConfig(ServiceConfig, {}).NATS_STREAM_REPLICAS).toBe(1);
    expect(loadConfig(ServiceConfig, { NATS_STREAM_REPLICAS: '3' }).NATS_STREAM_REPLICAS).toBe(3);
    expect(() => loadConfig(ServiceConfig, { NATS_STREAM_REPLICAS: '6' })).toThrow(
      /invalid settings: NATS_STREAM_REPLICAS /,
    );
  });

  it('sends traces only to an http(s) collector address, and none by default', () => {
    expect(loadConfig(ServiceConfig, {}).OTEL_EXPORTER_OTLP_ENDPOINT).toBe('');
    const endpoint = 'http://collector:4318';
    expect(
      loadConfig(ServiceConfig, { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint })
        .OTEL_EXPORTER_OTLP_ENDPOINT,
    ).toBe(endpoint);
    expect(() =>
      loadConfig(ServiceConfig, {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4317',
        OTEL_BSP_SCHEDULE_DELAY: '0',
      }),
    ).toThrow(/invalid settings: OTEL_EXPORTER_OTLP_ENDPOINT .*; OTEL_BSP_SCHEDULE_DELAY /);
  });
});
