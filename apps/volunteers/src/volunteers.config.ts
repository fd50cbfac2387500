import { ServiceConfig, WholeSetting } from '@app/common';
import { PASSWORD_MIN_LENGTH } from '@app/contracts';
import { isEmail, IsIn, IsString, MinLength, ValidateBy } from 'class-validator';
import { getCountries } from 'libphonenumber-js/max';
import { isEmailLogin, normalisePhone } from './members/phone';

export const DEV_ADMIN_LOGIN = 'admin@timebank.local';
export const DEV_ADMIN_PASSWORD = 'admin-change-me';
export const DEV_CHECK_IN_SECRET = 'development-only-check-in-secret-change-me';

/** Settings of the volunteers service: the common ones, the first admin and phone parsing. */
export class VolunteersConfig extends ServiceConfig {
  /** E-mail or phone of the admin created at first start. */
  @IsString()
  @ValidateBy({
    name: 'login',
    validator: {
      validate: (value: string, args) =>
        isEmailLogin(value)
          ? isEmail(value)
          : normalisePhone(value, (args?.object as VolunteersConfig).DEFAULT_PHONE_REGION) !== null,
      defaultMessage: () => 'must be an e-mail address or a valid phone number',
    },
  })
  BOOTSTRAP_ADMIN_LOGIN: string = DEV_ADMIN_LOGIN;

  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @ValidateBy({
    name: 'notDefaultInProduction',
    validator: {
      validate: (value, args) =>
        (args?.object as VolunteersConfig).NODE_ENV !== 'production' ||
        value !== DEV_ADMIN_PASSWORD,
      defaultMessage: () =>
        'must be set, and not to the development default, when NODE_ENV=production',
    },
  })
  BOOTSTRAP_ADMIN_PASSWORD: string = DEV_ADMIN_PASSWORD;

  /** Region assumed for phone numbers written without a country code. */
  @IsIn(getCountries(), { message: 'must be an ISO 3166-1 alpha-2 region such as CN' })
  DEFAULT_PHONE_REGION: string = 'CN';

  /** How long a session lasts without being used (each refresh starts the count again). */
  @WholeSetting(1, 365)
  REFRESH_TOKEN_TTL_DAYS: number = 30;

  /** Failed sign-ins on one account from one client address per window. */
  @WholeSetting(1, Number.MAX_SAFE_INTEGER)
  SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS: number = 5;

  /** Failed sign-ins on one account from all addresses together per window. */
  @WholeSetting(1, Number.MAX_SAFE_INTEGER)
  SIGN_IN_FAILURES_PER_ACCOUNT: number = 20;

  /** Failed sign-ins from one client address across accounts per window (a centre may share one). */
  @WholeSetting(1, Number.MAX_SAFE_INTEGER)
  SIGN_IN_FAILURES_PER_ADDRESS: number = 100;

  /** How long a count lasts, from the first failure it holds. */
  @WholeSetting(1, 86_400)
  SIGN_IN_WINDOW_SECONDS: number = 900;

  /**
   * Signs the activities' door codes (each activity's TOTP secret is an HMAC of
   * its id under this): whoever knows it can make every code.
   */
  @IsString()
  @MinLength(32, { message: 'CHECK_IN_SECRET must be at least 32 characters' })
  @ValidateBy({
    name: 'notDefaultInProduction',
    validator: {
      validate: (value, args) =>
        (args?.object as VolunteersConfig).NODE_ENV !== 'production' ||
        value !== DEV_CHECK_IN_SECRET,
      defaultMessage: () =>
        'must be set, and not to the development default, when NODE_ENV=production',
    },
  })
  CHECK_IN_SECRET: string = DEV_CHECK_IN_SECRET;

  /** How long before an activity starts its volunteers are reminded of it. */
  @WholeSetting(1, 168)
  ACTIVITY_REMINDER_HOURS: number = 24;

  /** How often the reminder looks for activities that start soon. */
  @WholeSetting(1000, 3_600_000)
  ACTIVITY_REMINDER_INTERVAL_MS: number = 60_000;
}
