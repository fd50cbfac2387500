import { nulCharacterErrors } from './stored-text';

describe('nulCharacterErrors', () => {
  it('lets any other text through, Chinese, emoji, quotes and SQL included', () => {
    expect(
      nulCharacterErrors({
        displayName: '李华 🙂 "O\'Brien"; DROP TABLE members;--',
        skills: ['陪诊', '\\n'],
        bio: undefined,
        availability: null,
      }),
    ).toEqual([]);
  });

  it('names each field holding U+0000', () => {
    expect(
      nulCharacterErrors({ displayName: 'a\u0000b', skills: ['ok', 'x\u0000'] }).map(
        (e) => e.field,
      ),
    ).toEqual(['displayName', 'skills']);
  });
});
