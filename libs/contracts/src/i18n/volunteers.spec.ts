import { formatMessage } from './translate';

/** The volunteers service's texts: English as it always was, Chinese for residents. */
describe('volunteers messages', () => {
  it('sign-in refusals, in both languages', () => {
    expect(formatMessage('en', 'volunteers.signIn.wrongCredentials')).toBe(
      'Wrong login or password',
    );
    expect(formatMessage('zh-CN', 'volunteers.signIn.wrongCredentials')).toBe(
      '账号或密码不对，请检查后再试',
    );
    expect(formatMessage('en', 'volunteers.signIn.suspended')).toBe(
      'This account is suspended: ask your community coordinator',
    );
    expect(formatMessage('en', 'volunteers.signIn.tooManyAttempts')).toBe(
      'Too many failed sign-in attempts: wait before trying again',
    );
    expect(formatMessage('zh-CN', 'volunteers.signIn.tooManyAttempts')).toBe(
      '登录失败的次数太多了，请稍等一会儿再试',
    );
  });

  it('keeps numbers as they were written (no thousands separator)', () => {
    const params = {
      maxMinutes: 1440,
      servedOn: '2026-05-03',
      loggedMinutes: 1200,
      remainingMinutes: 240,
    };
    expect(formatMessage('en', 'volunteers.hours.dailyLimit', params)).toBe(
      'At most 1440 minutes can be logged for 2026-05-03: 1200 already are, 240 left',
    );
    expect(formatMessage('zh-CN', 'volunteers.hours.dailyLimit', params)).toBe(
      '2026-05-03 这一天最多登记 1440 分钟，已经登记了 1200 分钟，还可以登记 240 分钟',
    );
  });

  it('says which review was refused and why', () => {
    expect(
      formatMessage('en', 'volunteers.hours.notPending', { action: 'approve', status: 'rejected' }),
    ).toBe('Only pending hours can be approved; these are rejected');
    expect(
      formatMessage('en', 'volunteers.hours.notPending', { action: 'reject', status: 'approved' }),
    ).toBe('Only pending hours can be rejected; these are approved');
    expect(
      formatMessage('zh-CN', 'volunteers.hours.notPending', {
        action: 'reject',
        status: 'approved',
      }),
    ).toBe('只有待审核的时长才能退回，这条已经审核通过了');
  });

  it('names the field that is already registered', () => {
    expect(formatMessage('en', 'volunteers.members.alreadyRegistered', { field: 'phone' })).toBe(
      'This phone is already registered',
    );
    expect(formatMessage('zh-CN', 'volunteers.members.alreadyRegistered', { field: 'phone' })).toBe(
      '这个手机号已经注册过了',
    );
    expect(
      formatMessage('en', 'volunteers.communities.gridUnitCodeRepeated', { code: 'g1', first: 0 }),
    ).toBe('code "g1" repeats gridUnits[0].code');
  });
});
