import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The third-party bank statement samples and their decodings (../shared/validators/bank, README there):
// the outside truth of the statement parsers. Required in CI (CI=true), skipped elsewhere when absent.

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const BANK_SAMPLES = resolve(
  process.env.AGORA_VALIDATORS_DIR ?? join(projectRoot, '..', 'shared', 'validators'),
  'bank',
);
export const BANK_SAMPLES_PRESENT = existsSync(join(BANK_SAMPLES, 'README.md'));
if (!BANK_SAMPLES_PRESENT && process.env.CI === 'true')
  throw new Error(`Les exemples de relevés bancaires (${BANK_SAMPLES}) sont obligatoires en CI (CI=true).`);
