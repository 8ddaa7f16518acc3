import cliProgress from 'cli-progress';

/** A progress bar on a terminal, silent lines elsewhere (CI logs). */
export function progressBar(label: string) {
  if (!process.stderr.isTTY) {
    let last = -1;
    return {
      update(done: number, total: number) {
        const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
        if (percent >= last + 25 || done === total) {
          last = percent;
          process.stderr.write(`${label} : ${percent} %\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage} % | {value}/{total}`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
