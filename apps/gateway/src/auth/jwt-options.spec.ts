import { KeyObject } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { jwtOptions } from './jwt-options';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const MEMBER = '11111111-1111-4111-8111-111111111111';

/** As the gateway registered it before: the secret as a string. */
const withString = () =>
  new JwtService({
    secret: SECRET,
    signOptions: { expiresIn: 900, issuer: 'timebank', algorithm: 'HS256' },
    verifyOptions: { issuer: 'timebank', algorithms: ['HS256'] },
  });

describe('the gateway signs and checks tokens with a secret key made once', () => {
  const options = jwtOptions(SECRET);
  const jwt = new JwtService(options);

  it('holds the secret as a secret KeyObject of the same bytes', () => {
    expect(options.secret).toBeInstanceOf(KeyObject);
    const key = options.secret as KeyObject;
    expect(key.type).toBe('secret');
    expect(key.export().toString('utf8')).toBe(SECRET);
  });

  it('takes tokens signed with the string secret, and its tokens check with it', () => {
    const old = withString().sign({ sub: MEMBER });
    expect(jwt.verify<{ sub: string }>(old).sub).toBe(MEMBER);
    const made = jwt.sign({ sub: MEMBER });
    expect(withString().verify<{ sub: string; iss: string }>(made)).toMatchObject({
      sub: MEMBER,
      iss: 'timebank',
    });
    const { header } = jwt.decode<{ header: { alg: string } }>(made, { complete: true });
    expect(header.alg).toBe('HS256');
  });

  it('still refuses another secret, another issuer, another algorithm and no signature', () => {
    const check = (token: string) => () => {
      jwt.verify(token);
    };
    const other = new JwtService({ secret: `${SECRET}-other` });
    expect(check(other.sign({ sub: MEMBER }, { issuer: 'timebank' }))).toThrow();
    expect(check(jwt.sign({ sub: MEMBER }, { issuer: 'elsewhere' }))).toThrow();
    const hs512 = new JwtService({ secret: SECRET }).sign(
      { sub: MEMBER },
      { issuer: 'timebank', algorithm: 'HS512' },
    );
    expect(check(hs512)).toThrow();
    const body = jwt.sign({ sub: MEMBER }).split('.')[1];
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${body}.`;
    expect(check(none)).toThrow();
  });
});
