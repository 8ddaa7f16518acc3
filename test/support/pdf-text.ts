import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The text of a PDF as pdftotext (poppler) reads it, runs of spaces collapsed. */
export function pdfText(pdf: Uint8Array, layout = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'agora-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], {
      encoding: 'utf8',
    }).replace(/[ \u00a0\u202f]+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
