import { Injectable } from '@nestjs/common';
import { NormalisedLogin } from '../members/phone';
import { VolunteersConfig } from '../volunteers.config';
import { SignInAttemptsRepository } from './sign-in-attempts.repository';
import {
  bucketsOf,
  BucketCount,
  Ceilings,
  tooManyAttempts,
  waitBeforeRetry,
} from './sign-in-limit-rules';

/** An attempt counted as a failure until its password proves right. */
export interface CountedAttempt {
  counts: BucketCount[];
}

/**
 * Limits failed sign-ins per account and address, per account and per
 * address, in PostgreSQL: every copy of every service sees the same counts.
 */
@Injectable()
export class SignInLimitsService {
  constructor(
    private readonly attempts: SignInAttemptsRepository,
    private readonly config: VolunteersConfig,
  ) {}

  private get ceilings(): Ceilings {
    return {
      account_address: this.config.SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS,
      account: this.config.SIGN_IN_FAILURES_PER_ACCOUNT,
      address: this.config.SIGN_IN_FAILURES_PER_ADDRESS,
    };
  }

  /**
   * Counts the attempt before its password is checked — so concurrent guesses
   * cannot all slip under a ceiling while their hashes are computed — or
   * refuses it (RATE_LIMITED with the wait) without counting it. Whether the
   * account exists plays no part.
   */
  async begin(login: NormalisedLogin, clientAddress: string): Promise<CountedAttempt> {
    const buckets = bucketsOf(login, clientAddress);
    const counts = await this.attempts.transaction(async (attempts) => {
      const counted = await attempts.count(buckets, this.config.SIGN_IN_WINDOW_SECONDS);
      const wait = waitBeforeRetry(counted, this.ceilings);
      // Thrown inside the transaction: a refused attempt is not counted.
      if (wait !== null) throw tooManyAttempts(wait);
      return counted;
    });
    await this.attempts.pruneExpired();
    return { counts };
  }

  /**
   * The password was right: the attempt was no failure. The address's earlier
   * failures on this account are forgotten too, since whoever is there knows
   * the password; the account's and the address's other counts stay, so a
   * guesser gains nothing by signing in to an account of their own.
   */
  async succeeded({ counts }: CountedAttempt): Promise<void> {
    const accountAddress = counts.find((count) => count.kind === 'account_address');
    if (accountAddress) await this.attempts.forget(accountAddress);
    await this.attempts.uncount(counts.filter((count) => count.kind !== 'account_address'));
  }
}
