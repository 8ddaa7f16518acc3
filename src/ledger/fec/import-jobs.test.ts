import { describe, expect, it } from 'vitest';
import { invalid } from '../../kernel/errors/domain-error.ts';
import { IMPORT_FAILED, IMPORT_RUNNING, importJobs } from './import-jobs.ts';

const HOUR = 60 * 60 * 1000;

/** A job that runs until told to end, reporting what it is given. */
function controlled() {
  let progress: (done: number, total: number) => void = () => {};
  let finish: (report: string) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const run = (onProgress: (done: number, total: number) => void) =>
    new Promise<string>((resolve, reject) => {
      progress = onProgress;
      finish = resolve;
      fail = reject;
    });
  return {
    run,
    progress: (d: number, t: number) => progress(d, t),
    finish: (r: string) => finish(r),
    fail: (e: unknown) => fail(e),
  };
}

describe('FEC import jobs in memory', () => {
  it('follows a job from running to done, cleaning up before it reads as ended', async () => {
    const jobs = importJobs<string>();
    const job = controlled();
    let cleaned = false;
    const id = jobs.start('org-a', 300, job.run, async () => {
      cleaned = true;
    });
    expect(jobs.get('org-a', id)).toEqual({ status: 'running', done: 0, total: 300 });
    job.progress(100, 300);
    expect(jobs.get('org-a', id)).toEqual({ status: 'running', done: 100, total: 300 });
    job.finish('rapport');
    await jobs.settled('org-a', id);
    expect(cleaned).toBe(true);
    expect(jobs.get('org-a', id)).toEqual({ status: 'done', done: 100, total: 300, report: 'rapport' });
  });

  it('one running job per organisation; others are not held up; a stranger’s id is not found', async () => {
    const jobs = importJobs<string>();
    const first = controlled();
    const id = jobs.start('org-a', 10, first.run, async () => {});
    expect(() => jobs.start('org-a', 10, controlled().run, async () => {})).toThrow(IMPORT_RUNNING);
    const other = jobs.start('org-b', 10, controlled().run, async () => {});
    expect(() => jobs.get('org-b', id)).toThrow('Import FEC introuvable.');
    expect(() => jobs.get('org-a', other)).toThrow('Import FEC introuvable.');
    first.finish('ok');
    await jobs.settled('org-a', id);
    expect(jobs.start('org-a', 10, controlled().run, async () => {})).not.toBe(id);
  });

  it('a domain error gives its French message; anything else a generic one, and goes to the log', async () => {
    const logged: unknown[] = [];
    const jobs = importJobs<string>({ onUnexpected: (e) => logged.push(e) });
    const a = controlled();
    const first = jobs.start('org-a', 10, a.run, async () => {});
    a.fail(invalid('L’en-tête du fichier ne contient pas toutes les colonnes du FEC.'));
    await jobs.settled('org-a', first);
    expect(jobs.get('org-a', first)).toMatchObject({
      status: 'failed',
      error: 'L’en-tête du fichier ne contient pas toutes les colonnes du FEC.',
    });
    expect(logged).toEqual([]);
    const b = controlled();
    const second = jobs.start('org-a', 10, b.run, async () => {});
    const crash = new Error('disk I/O error');
    b.fail(crash);
    await jobs.settled('org-a', second);
    expect(jobs.get('org-a', second)).toMatchObject({ status: 'failed', error: IMPORT_FAILED });
    expect(logged).toEqual([crash]);
  });

  it('forgets finished jobs after an hour, and the oldest beyond the number kept; never a running one', async () => {
    let now = 0;
    const jobs = importJobs<string>({ now: () => now, keepPerOrg: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const job = controlled();
      const id = jobs.start('org-a', 10, job.run, async () => {});
      job.finish(`rapport ${i}`);
      await jobs.settled('org-a', id);
      ids.push(id);
      now += 1000;
    }
    const running = jobs.start('org-a', 10, controlled().run, async () => {});
    // Three finished, two kept: the first is gone.
    expect(() => jobs.get('org-a', ids[0]!)).toThrow('Import FEC introuvable.');
    expect(jobs.get('org-a', ids[1]!).report).toBe('rapport 1');
    // An hour after the third ended (at 2 s): the second (at 1 s) is forgotten, the third not yet.
    now = 2000 + HOUR;
    expect(jobs.get('org-a', ids[2]!).report).toBe('rapport 2');
    expect(() => jobs.get('org-a', ids[1]!)).toThrow('Import FEC introuvable.');
    now += 1;
    expect(() => jobs.get('org-a', ids[2]!)).toThrow('Import FEC introuvable.');
    expect(jobs.get('org-a', running).status).toBe('running');
  });

  it('on stop, a running job gives up at its next progress and new ones are refused', async () => {
    const jobs = importJobs<string>();
    const job = controlled();
    const id = jobs.start('org-a', 10, job.run, async () => {});
    const stopped = jobs.stop();
    // The import's reading loop calls back: the throw is what rolls its transaction back.
    let thrown: unknown;
    try {
      job.progress(5, 10);
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).toMatch(/arrêt du serveur/);
    job.fail(thrown);
    await stopped;
    expect(jobs.get('org-a', id)).toMatchObject({ status: 'failed', done: 0 });
    expect(() => jobs.start('org-b', 10, controlled().run, async () => {})).toThrow(/arrêt du serveur/);
  });
});
