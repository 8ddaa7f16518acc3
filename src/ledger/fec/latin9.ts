// ISO 8859-15 (Latin-9), the encoding the FEC regulation names. It differs from Latin-1 in eight places,
// among them € and œ, which French labels do use.
const SPECIAL_TO_BYTE = new Map<string, number>([
  ['€', 0xa4],
  ['Š', 0xa6],
  ['š', 0xa8],
  ['Ž', 0xb4],
  ['ž', 0xb8],
  ['Œ', 0xbc],
  ['œ', 0xbd],
  ['Ÿ', 0xbe],
]);
const BYTE_TO_SPECIAL = new Map([...SPECIAL_TO_BYTE].map(([c, b]) => [b, c]));

// What Latin-1 and Latin-9 encode differently: the eight replaced code points, and all beyond U+00FF.
const SAME_IN_BOTH = /[\u00a4\u00a6\u00a8\u00b4\u00b8\u00bc-\u00be\u{100}-\u{10ffff}]/gu;
const DIFFERS = /[\u00a4\u00a6\u00a8\u00b4\u00b8\u00bc-\u00be\u0100-\uffff]/;

/** Text → Latin-9 bytes; a character outside Latin-9 (’, emoji…) becomes its nearest ASCII or '?'. */
export function encodeLatin9(text: string): Buffer {
  // Most chunks of an export hold none of them: one search, no rebuilt string (a surrogate pair is two
  // code units above U+00FF, so this test, without the u flag, finds those too).
  if (!DIFFERS.test(text)) return Buffer.from(text, 'latin1');
  // One native pass: map the few characters that differ to the Latin-1 character of their Latin-9 byte.
  const mapped = text.replace(SAME_IN_BOTH, (char) => {
    const special = SPECIAL_TO_BYTE.get(char);
    return String.fromCharCode(special ?? asciiFallback(char).charCodeAt(0));
  });
  return Buffer.from(mapped, 'latin1');
}

function asciiFallback(char: string): string {
  if (char === '’' || char === '‘') return "'";
  if (char === '“' || char === '”' || char === '«' || char === '»') return '"';
  if (char === '–' || char === '—') return '-';
  if (char === '\u202f' || char === '\u2009') return ' ';
  const stripped = char.normalize('NFD').replace(/\p{Diacritic}/gu, '');
  return stripped.length === 1 && stripped.charCodeAt(0) < 0x80 ? stripped : '?';
}

export function decodeLatin9(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += BYTE_TO_SPECIAL.get(byte) ?? String.fromCharCode(byte);
  return text;
}

/** A FEC from another software may be UTF-8 (with or without BOM) or Latin-9: read either. */
export function decodeFecBytes(bytes: Uint8Array): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return decodeLatin9(body);
  }
}

const LATIN9_SPECIAL_BYTES = /[\u00a4\u00a6\u00a8\u00b4\u00b8\u00bc-\u00be]/g;

/** Latin-9 bytes → text in one native pass (the import reads files of 100 MB and more this way). */
export function decodeLatin9Fast(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(LATIN9_SPECIAL_BYTES, (c) => BYTE_TO_SPECIAL.get(c.charCodeAt(0))!);
}
