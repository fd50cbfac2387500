/**
 * Checks recorded e2e traffic against the committed API document (the one the
 * gateway serves; test/openapi.e2e-spec.ts holds them equal):
 *
 *   TB_RECORD_EXCHANGES=test/logs/exchanges.log npx jest test/x.e2e-spec.ts …
 *   npx tsx test/support/check-exchanges.ts test/logs/exchanges.log [document.json]
 *
 * Prints each mismatch by operation and the operations never reached; exits 1
 * on any mismatch.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Exchange } from './http';
import { OpenApiConformance, Violation } from './openapi-conformance';

const DOCUMENT = path.resolve(__dirname, '..', '..', 'apps/web/src/api/openapi.json');

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tsx test/support/check-exchanges.ts <exchanges.jsonl>');
  const exchanges = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Exchange);
  const document = process.argv[3] ?? DOCUMENT;
  const conformance = await OpenApiConformance.of(JSON.parse(readFileSync(document, 'utf8')));
  const violations = exchanges.flatMap((exchange) => conformance.check(exchange));
  const byOperation = new Map<string, Violation[]>();
  for (const v of violations)
    byOperation.set(v.operation, [...(byOperation.get(v.operation) ?? []), v]);
  for (const [operation, found] of byOperation) {
    process.stdout.write(`${operation}\n`);
    for (const v of found)
      process.stdout.write(`  ${v.kind}: ${v.call}: ${v.detail.slice(0, 400)}\n`);
  }
  const unseen = conformance.unseen();
  process.stdout.write(
    `${exchanges.length} answers checked, ${conformance.documented.size - unseen.length} of ` +
      `${conformance.documented.size} documented operations seen, ${violations.length} mismatches ` +
      `on ${byOperation.size} operations\n`,
  );
  if (violations.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
