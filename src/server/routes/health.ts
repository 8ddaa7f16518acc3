import { sql } from 'kysely';
import { z } from 'zod';
import type { App, Deps } from '../types.ts';

export function healthRoutes(app: App, { store }: Deps) {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['système'],
        summary: 'État du service et de sa base de données',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
      },
    },
    async () => {
      await sql`select 1`.execute(store.db);
      return { status: 'ok' as const, database: store.dialect };
    },
  );
}
