import { declaredMessages, event, message, NoPayload, reply } from '.';
import { EVENTS_BY_PRODUCER } from './events';

describe('message declarations', () => {
  it('name every subject <service>.<noun>.<verb> of a backend service, once each', () => {
    const subjects = declaredMessages().map(({ subject }) => subject);
    expect(subjects.length).toBeGreaterThan(0);
    for (const subject of subjects) {
      expect(subject).toMatch(/^(volunteers|accounting|requests|rewards)\.[a-z-]+\.[a-z-]+$/);
    }
    expect(new Set(subjects).size).toBe(subjects.length);
  });

  it('refuse a subject declared twice, or shaped otherwise', () => {
    const [first] = declaredMessages();
    expect(() => message(first.subject, NoPayload, reply<null>())).toThrow(/declared twice/);
    expect(() => message('accounting.account.limit.set', NoPayload, reply<null>())).toThrow(
      /<service>\.<noun>\.<verb>/,
    );
    expect(() => message('ledger.account.get', NoPayload, reply<null>())).toThrow(
      /backend service/,
    );
    expect(() => event('volunteers.member.created')).toThrow(/declared twice/);
  });

  it('carry each event on its producer’s stream', () => {
    for (const [producer, events] of Object.entries(EVENTS_BY_PRODUCER)) {
      for (const declared of events) expect(declared.producer).toBe(producer);
    }
  });
});
