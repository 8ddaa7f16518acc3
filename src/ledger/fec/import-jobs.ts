import { conflict, DomainError, isDomainError, notFound } from '../../kernel/errors/domain-error.ts';
import { newId } from '../../kernel/ids.ts';

// FEC imports that run after their request has been answered, so the page can show how far the file has
// been read (decision 0026). They live in this process's memory only: an import is one transaction, so a
// restart rolls it back and the job — which has nothing left to report — is gone with it.

export type ImportJobStatus = 'running' | 'done' | 'failed';

/** What GET …/fec/imports/:id answers: bytes read out of the file's size, then the report or the error. */
export type ImportJobView<R> = {
  status: ImportJobStatus;
  done: number;
  total: number;
  report?: R;
  error?: string;
};

type Job<R> = ImportJobView<R> & { id: string; endedAt: number | null; settled: Promise<void> };

/** Reads the file into the organisation, telling how many bytes are read; throws to give up. */
export type ImportRun<R> = (onProgress: (done: number, total: number) => void) => Promise<R>;

export type ImportJobsOptions = {
  /** How long a finished job can still be read (default 1 hour). */
  keepMs?: number;
  /** Finished jobs kept per organisation beyond which the oldest are forgotten (default 10). */
  keepPerOrg?: number;
  now?: () => number;
  /** A failure that is not a domain error: the user gets a generic sentence, the log gets the error. */
  onUnexpected?: (error: unknown) => void;
};

export const IMPORT_RUNNING =
  'Un import FEC est déjà en cours pour cette organisation : attendez qu’il soit terminé avant d’en lancer un autre.';
export const IMPORT_FAILED =
  'L’import a échoué à cause d’une erreur inattendue : rien n’a été enregistré. Réessayez ou contactez l’administrateur.';
export const IMPORT_STOPPED =
  'L’import a été interrompu par l’arrêt du serveur : rien n’a été enregistré. Relancez-le.';

export type ImportJobs<R> = ReturnType<typeof importJobs<R>>;

export function importJobs<R>(options: ImportJobsOptions = {}) {
  const keepMs = options.keepMs ?? 60 * 60 * 1000;
  const keepPerOrg = options.keepPerOrg ?? 10;
  const now = options.now ?? Date.now;
  // Per organisation: a job id from another organisation is simply not there.
  const byOrg = new Map<string, Map<string, Job<R>>>();
  let stopping = false;

  /** Drops the jobs finished for too long, and the oldest finished ones beyond keepPerOrg. */
  const forget = () => {
    const limit = now() - keepMs;
    for (const [orgId, jobs] of byOrg) {
      // In the order they were started: the first ones are the oldest.
      const finished = [...jobs.values()].filter((j) => j.endedAt !== null);
      const excess = finished.length - keepPerOrg;
      finished.forEach((job, i) => {
        if (i < excess || job.endedAt! < limit) jobs.delete(job.id);
      });
      if (jobs.size === 0) byOrg.delete(orgId);
    }
  };

  return {
    /**
     * Starts an import for the organisation, refused while another one runs there. `cleanup` (the
     * temporary file's removal) runs when the job ends, whatever the outcome, before it reads as ended.
     */
    start(orgId: string, total: number, run: ImportRun<R>, cleanup: () => Promise<void>): string {
      forget();
      if (stopping) throw new DomainError('conflict', IMPORT_STOPPED);
      const jobs = byOrg.get(orgId) ?? new Map<string, Job<R>>();
      if ([...jobs.values()].some((j) => j.status === 'running')) throw conflict(IMPORT_RUNNING);
      const job: Job<R> = {
        id: newId(),
        status: 'running',
        done: 0,
        total,
        endedAt: null,
        settled: Promise.resolve(),
      };
      jobs.set(job.id, job);
      byOrg.set(orgId, jobs);
      const onProgress = (done: number, size: number) => {
        // Thrown inside the import's reading loop: the transaction rolls back.
        if (stopping) throw new DomainError('conflict', IMPORT_STOPPED);
        job.done = done;
        job.total = size;
      };
      job.settled = (async () => {
        let outcome: Pick<ImportJobView<R>, 'status' | 'report' | 'error'>;
        try {
          outcome = { status: 'done', report: await run(onProgress) };
        } catch (error) {
          if (!isDomainError(error)) options.onUnexpected?.(error);
          outcome = { status: 'failed', error: isDomainError(error) ? error.message : IMPORT_FAILED };
        }
        try {
          await cleanup();
        } catch (error) {
          options.onUnexpected?.(error);
        }
        Object.assign(job, outcome, { endedAt: now() });
      })();
      return job.id;
    },

    /** The job as the page polls it; 404 for an unknown id, one of another organisation, or a forgotten one. */
    get(orgId: string, id: string): ImportJobView<R> {
      forget();
      const job = byOrg.get(orgId)?.get(id);
      if (!job) throw notFound('Import FEC');
      const { status, done, total, report, error } = job;
      return {
        status,
        done,
        total,
        ...(report === undefined ? {} : { report }),
        ...(error ? { error } : {}),
      };
    },

    /** Waits for a job to end (tests, shutdown). */
    async settled(orgId: string, id: string): Promise<void> {
      await byOrg.get(orgId)?.get(id)?.settled;
    },

    /** Server shutdown: running imports give up at their next chunk and roll back; waits for them. */
    async stop(): Promise<void> {
      stopping = true;
      const running = [...byOrg.values()].flatMap((jobs) => [...jobs.values()].map((j) => j.settled));
      await Promise.all(running);
    },
  };
}
