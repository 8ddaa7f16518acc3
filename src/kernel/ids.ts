import { randomFillSync } from 'node:crypto';
import { V7Generator } from 'uuidv7';

// uuidv7's default source asks the operating system for 32 random bytes at a time — a call per three ids
// or so, a tenth of a FEC import's JavaScript time for its 1.4 million ids. The same cryptographic
// source, drawn 8 KB at a time.
const random = {
  buffer: new Uint32Array(2048),
  cursor: 2048,
  nextUint32(): number {
    if (this.cursor >= this.buffer.length) {
      randomFillSync(this.buffer);
      this.cursor = 0;
    }
    return this.buffer[this.cursor++]!;
  },
};
const generator = new V7Generator(random);

/** Ids are made by the application (time-ordered UUIDv7) so an organisation copies with plain INSERT…SELECT. */
export function newId(): string {
  return generator.generate().toString();
}
