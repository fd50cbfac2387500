import { createIndexes } from '@app/common';
import { MigrationInterface, QueryRunner } from 'typeorm';

async function createMerchants(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
      CREATE TABLE rewards.merchants (
        id            uuid PRIMARY KEY,
        name          text NOT NULL,
        community_id  uuid NOT NULL,
        address       text NOT NULL,
        contact       text,
        status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active')),
        created_by    uuid NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
  await createIndexes(queryRunner, 'rewards.merchants', {
    merchants_community_idx: '(community_id)',
  });
}

async function createOffers(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
      CREATE TABLE rewards.offers (
        id                   uuid PRIMARY KEY,
        merchant_id          uuid NOT NULL REFERENCES rewards.merchants (id),
        community_id         uuid NOT NULL,
        title                text NOT NULL,
        description          text NOT NULL,
        discount             jsonb NOT NULL,
        credit_cost_minutes  int NOT NULL CHECK (credit_cost_minutes > 0),
        min_tier             int NOT NULL CHECK (min_tier >= 0),
        valid_from           timestamptz NOT NULL,
        valid_until          timestamptz NOT NULL,
        quantity             int NOT NULL CHECK (quantity > 0),
        per_member_limit     int NOT NULL CHECK (per_member_limit > 0),
        status               text NOT NULL DEFAULT 'pending_approval'
                               CHECK (status IN ('pending_approval', 'active', 'paused')),
        created_by           uuid NOT NULL,
        approved_by          uuid,
        approved_at          timestamptz,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT offers_window_check CHECK (valid_until > valid_from)
      )`);
  await createIndexes(queryRunner, 'rewards.offers', {
    offers_merchant_idx: '(merchant_id, created_at)',
    offers_community_idx: '(community_id, created_at)',
    offers_list_idx: '(created_at, id)',
  });
}

async function createVouchers(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
      CREATE TABLE rewards.vouchers (
        id                   uuid PRIMARY KEY,
        offer_id             uuid NOT NULL REFERENCES rewards.offers (id),
        merchant_id          uuid NOT NULL,
        community_id         uuid NOT NULL,
        member_id            uuid NOT NULL,
        member_display_name  text NOT NULL,
        code                 text NOT NULL,
        status               text NOT NULL DEFAULT 'issued'
                               CHECK (status IN ('issued', 'redeemed', 'cancelled', 'expired')),
        hold_id              uuid NOT NULL,
        offer_title          text NOT NULL,
        discount             jsonb NOT NULL,
        credit_cost_minutes  int NOT NULL,
        expires_at           timestamptz NOT NULL,
        created_at           timestamptz NOT NULL DEFAULT now(),
        redeemed_at          timestamptz,
        redeemed_by          uuid,
        -- the (caller-scoped) Idempotency-Key of the redemption, so its retry gets the same answer
        redeem_key           text,
        cancelled_at         timestamptz,
        expired_at           timestamptz,
        CONSTRAINT vouchers_code_key UNIQUE (code),
        CONSTRAINT vouchers_redeem_key UNIQUE (redeem_key),
        CONSTRAINT vouchers_redeemed_check CHECK (
          (status = 'redeemed') = (redeemed_at IS NOT NULL AND redeemed_by IS NOT NULL))
      )`);
  await createIndexes(queryRunner, 'rewards.vouchers', {
    vouchers_taken_idx: `(offer_id, member_id)
        WHERE status IN ('issued', 'redeemed')`,
    vouchers_member_idx: '(member_id, created_at, id)',
    vouchers_redeemed_idx: `(merchant_id, redeemed_at, id)
        WHERE status = 'redeemed'`,
    vouchers_community_redeemed_idx: `(community_id, redeemed_at)
        WHERE status = 'redeemed'`,
    vouchers_issued_expiry_idx: `(expires_at)
        WHERE status = 'issued'`,
  });
}

async function createRedemptionFailures(queryRunner: QueryRunner): Promise<void> {
  // Every refused redemption: who tried which code where, and why (guessing is counted here).
  await queryRunner.query(`
      CREATE TABLE rewards.redemption_failures (
        id            bigserial PRIMARY KEY,
        staff_id      uuid NOT NULL,
        merchant_id   uuid NOT NULL,
        code_tried    text NOT NULL,
        reason        text NOT NULL,
        attempted_at  timestamptz NOT NULL DEFAULT now()
      )`);
  await createIndexes(queryRunner, 'rewards.redemption_failures', {
    redemption_failures_staff_idx: '(staff_id, attempted_at)',
    redemption_failures_merchant_idx: '(merchant_id, attempted_at)',
  });
}

async function createSettlements(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
      CREATE TABLE rewards.settlements (
        id                 uuid PRIMARY KEY,
        merchant_id        uuid NOT NULL REFERENCES rewards.merchants (id),
        community_id       uuid NOT NULL,
        minutes            int NOT NULL CHECK (minutes > 0),
        -- what the request carried, so a retry with its Idempotency-Key is recognised
        fingerprint        text NOT NULL,
        transfer           jsonb NOT NULL,
        created_by         uuid NOT NULL,
        created_at         timestamptz NOT NULL DEFAULT now()
      )`);
  await createIndexes(queryRunner, 'rewards.settlements', {
    settlements_merchant_idx: '(merchant_id, created_at)',
  });
}

export class Rewards1764400000000 implements MigrationInterface {
  name = 'Rewards1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMerchants(queryRunner);
    await createOffers(queryRunner);
    await createVouchers(queryRunner);
    await createRedemptionFailures(queryRunner);
    await createSettlements(queryRunner);
  }

  async down(): Promise<void> {
    // The schema holds the service's data: never dropped by a migration.
  }
}
