import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { decodeLatin9Fast } from './latin9.ts';

// Reading a FEC as a stream of lines, so a file of any size is imported in bounded memory.

/** Where the bytes of a FEC come from; opened twice (the encoding is known only after a full read). */
export type FecSource = { open: () => AsyncIterable<Uint8Array>; size: number };

// 64 KB at a time: the lines and entries parsed from one chunk then die young instead of being promoted
// to the old generation (1 MB chunks kept ~100 MB more of garbage alive between full collections).
const CHUNK = 1 << 16;

export function bytesSource(bytes: Uint8Array): FecSource {
  return {
    size: bytes.byteLength,
    async *open() {
      for (let i = 0; i < bytes.byteLength; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
    },
  };
}

export async function fileSource(path: string): Promise<FecSource> {
  const { size } = await stat(path);
  return { size, open: () => createReadStream(path, { highWaterMark: CHUNK }) };
}

/**
 * UTF-8 (with or without BOM) when every byte of the file decodes as such, Latin-9 otherwise, as
 * decodeFecBytes decides for a file in memory: one pass that keeps nothing.
 */
export async function isUtf8Source(source: FecSource): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of source.open()) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** The lines of the file (without their end of line), decoded, a chunk's worth at a time. */
export async function* fecLines(
  source: FecSource,
  utf8: boolean,
  onBytes?: (done: number, total: number) => void,
): AsyncGenerator<string[]> {
  // The default TextDecoder drops a leading BOM, as decodeFecBytes does.
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let done = 0;
  for await (const chunk of source.open()) {
    done += chunk.byteLength;
    let text = rest + (utf8 ? decoder.decode(chunk, { stream: true }) : decodeLatin9Fast(chunk));
    // A \r at the end of a chunk may be the first half of a \r\n.
    rest = text.endsWith('\r') ? '\r' : '';
    if (rest) text = text.slice(0, -1);
    const lines = text.split(/\r\n|\n|\r/);
    rest = lines.pop()! + rest;
    yield lines;
    onBytes?.(done, source.size);
  }
  rest += utf8 ? decoder.decode() : '';
  yield rest.split(/\r\n|\n|\r/);
}
