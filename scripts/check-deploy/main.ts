/**
 * `npm run lint:deploy`: renders deploy/kubernetes with kubectl's kustomize and
 * checks it offline (scripts/check-deploy/check.ts); exits 1 naming every problem.
 */
import path from 'node:path';
import { checkTree } from './check';

const dir = path.join(__dirname, '..', '..', 'deploy', 'kubernetes');
try {
  const { objects, problems } = checkTree(dir);
  if (problems.length > 0) {
    process.stderr.write(
      `deploy/kubernetes: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}\n`).join('')}`,
    );
    process.exit(1);
  }
  process.stdout.write(`deploy/kubernetes: ${objects.length} objects rendered and valid\n`);
} catch (error) {
  process.stderr.write(
    `deploy/kubernetes: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
