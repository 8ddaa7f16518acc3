import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSecretKey } from '../kernel/mail/secret-box.ts';

export type Config = {
  databaseUrl: string;
  dataDir: string;
  documentsDir: string;
  webDir: string;
  port: number;
  host: string;
  secureCookies: boolean;
  secretKey: Buffer;
};

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Reads the environment once: DATABASE_URL (postgres://… or a SQLite file), AGORA_DATA_DIR, PORT, HOST. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.AGORA_DATA_DIR ?? join(projectRoot, 'var'));
  mkdirSync(dataDir, { recursive: true });
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT invalide : ${env.PORT}`);
  return {
    databaseUrl: env.DATABASE_URL || join(dataDir, 'agora.sqlite'),
    dataDir,
    documentsDir: join(dataDir, 'documents'),
    webDir: join(projectRoot, 'web', 'dist'),
    port,
    host: env.HOST ?? 'localhost',
    secureCookies: env.AGORA_SECURE_COOKIES === '1',
    secretKey: loadSecretKey(env, dataDir),
  };
}
