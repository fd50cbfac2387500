/**
 * `npm run seed`: fills a running suite (`npm start` in another terminal) with
 * a believable demo city, through the public API only.
 *
 *   SEED_URL      the suite's API (default http://127.0.0.1:${PORT:-3000}/api/v1)
 *   BOOTSTRAP_ADMIN_LOGIN / BOOTSTRAP_ADMIN_PASSWORD   the admin (development defaults)
 *   SEED_TAG      build another city beside an existing one (codes qingshan-<tag>, …)
 *   SEED_EXPIRY_WAIT_SECONDS   how long to wait for the expiry sweep at the end (default 75)
 */
import { runSeed, SeedError, SeedResult } from './seed';

function table(rows: string[][]): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => width(row[col]))));
  return rows
    .map((row) =>
      row
        .map((cell, col) => cell + ' '.repeat(widths[col] - width(cell)))
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `  ${line}`)
    .join('\n');
}

/** Columns a string takes in a terminal: CJK characters take two. */
function width(text: string): number {
  let columns = 0;
  for (const char of text) columns += /[\u2E80-\uFFEF]/.test(char) ? 2 : 1;
  return columns;
}

function report(result: SeedResult, baseUrl: string): void {
  const out = (line = '') => console.log(line);
  out();
  out(
    result.status === 'created'
      ? `Demo city ready in ${(result.elapsedMs / 1000).toFixed(1)} s (${result.calls} API calls).`
      : 'Demo city (already seeded earlier):',
  );
  out();
  out(table([['what', 'count'], ...result.counts.map(([kind, n]) => [kind, String(n)])]));
  out();
  const { ledger } = result;
  out(
    `Ledger check: balanced=${ledger.balanced}, totalMinutes=${ledger.totalMinutes}, ` +
      `accounts=${ledger.accounts}, transfers=${ledger.transfers}, violations=${ledger.violations.length}`,
  );
  for (const note of result.notes) out(`Note: ${note}`);
  out();
  out(`Logins (password for every demo account: ${result.password}; the admin keeps its own):`);
  out(
    table([
      ['role', 'name', 'login', 'where', 'shows'],
      ...result.logins.map((l) => [l.role, l.name, l.login, l.where, l.shows]),
    ]),
  );
  const volunteer = result.logins.find((l) => l.role === 'volunteer');
  const coordinator = result.logins.find((l) => l.role === 'coordinator');
  const community = result.communities[0];
  const origin = baseUrl.replace(/\/api\/v1\/?$/, '');
  out();
  out('What to try next:');
  out(`  open ${origin}/ and sign in with a login above (the app is made for a phone's screen)`);
  out(`  open ${origin}/api/docs  (Authorize with a token from /auth/login)`);
  out(`  B=${baseUrl}`);
  out(
    `  T=$(curl -s -X POST $B/auth/login -H 'content-type: application/json' ` +
      `-d '{"login":"${volunteer?.login}","password":"${result.password}"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).accessToken')`,
  );
  out(`  curl -s $B/accounts/me -H "authorization: Bearer $T"            # balance, tier`);
  out(`  curl -s "$B/requests?status=open&limit=5" -H "authorization: Bearer $T"   # help wanted`);
  if (result.certificateCode) {
    out(
      `  curl -s $B/certificates/${result.certificateCode}                  # a volunteer's certificate, no sign-in`,
    );
  }
  const staff = result.logins.find((l) => l.role === 'merchant');
  if (staff && result.voucher) {
    out(
      `  # at ${result.voucher.merchant}'s counter, signed in as ${staff.login} (S=…): ` +
        `curl -s -X POST $B/vouchers/redeem -H "authorization: Bearer $S" -H 'content-type: application/json' -d '{"code":"${result.voucher.code}"}'`,
    );
  }
  if (coordinator && community) {
    out(
      `  C=$(curl -s -X POST $B/auth/login -H 'content-type: application/json' ` +
        `-d '{"login":"${coordinator.login}","password":"${result.password}"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).accessToken')`,
    );
    out(`  curl -s "$B/hours?status=pending" -H "authorization: Bearer $C"     # hours to verify`);
    out(
      `  curl -s $B/reports/communities/${community.id} -H "authorization: Bearer $C"   # ${community.name}'s report`,
    );
  }
}

async function main(): Promise<void> {
  const baseUrl = process.env.SEED_URL || `http://127.0.0.1:${process.env.PORT || '3000'}/api/v1`;
  const waitSeconds = Number(process.env.SEED_EXPIRY_WAIT_SECONDS ?? '75');
  console.log(`Seeding a demo city into ${baseUrl}`);
  const result = await runSeed({
    baseUrl,
    admin: {
      login: process.env.BOOTSTRAP_ADMIN_LOGIN || 'admin@timebank.local',
      password: process.env.BOOTSTRAP_ADMIN_PASSWORD || 'admin-change-me',
    },
    tag: process.env.SEED_TAG,
    expiryWaitMs: Number.isFinite(waitSeconds) ? waitSeconds * 1000 : 75_000,
    log: (line) => console.log(`  ${line}`),
  });
  report(result, baseUrl);
}

main().catch((error: unknown) => {
  if (error instanceof SeedError) {
    console.error(`\nSeed stopped: ${error.message}`);
  } else {
    console.error('\nSeed stopped by an unexpected error:', error);
  }
  process.exit(1);
});
