import { createHmac } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { CHECK_IN_CODE_DIGITS, CHECK_IN_STEP_SECONDS } from '@app/contracts';

const STEP_MS = CHECK_IN_STEP_SECONDS * 1000;

/**
 * The door code of an activity: TOTP (RFC 6238, SHA-256, 8 digits, 30-second
 * steps) over a secret derived from the service's CHECK_IN_SECRET and the
 * activity's id, so checking a scan needs no lookup of the secret, and a code
 * of one activity says nothing of another's.
 */
export function doorCodeGenerator(checkInSecret: string, activityId: string): TOTP {
  const key = createHmac('sha256', checkInSecret).update(activityId).digest();
  return new TOTP({
    algorithm: 'SHA256',
    digits: CHECK_IN_CODE_DIGITS,
    period: CHECK_IN_STEP_SECONDS,
    secret: new Secret({ buffer: new Uint8Array(key).buffer }),
  });
}

/** The code shown at `at`, and when it stops being the current one. */
export function doorCodeAt(
  checkInSecret: string,
  activityId: string,
  at: Date,
): { code: string; expiresAt: Date } {
  const code = doorCodeGenerator(checkInSecret, activityId).generate({ timestamp: at.getTime() });
  const stepEnds = (Math.floor(at.getTime() / STEP_MS) + 1) * STEP_MS;
  return { code, expiresAt: new Date(stepEnds) };
}

/** The current step's code and the previous one's are taken; a photo of an older one is not. */
export function isDoorCode(
  checkInSecret: string,
  activityId: string,
  code: string,
  at: Date,
): boolean {
  const delta = doorCodeGenerator(checkInSecret, activityId).validate({
    token: code,
    timestamp: at.getTime(),
    window: 1,
  });
  return delta === 0 || delta === -1;
}
