import { isCamt053, parseCamt053 } from './camt053.ts';
import { isOfx, parseOfx } from './ofx.ts';
import { BankFileError, type ParsedStatement } from './statement-file.ts';

// A statement file as uploaded: its bytes decoded (OFX 1.x declares a Windows code page in its header,
// CAMT and OFX 2.x are XML, UTF-8 unless they say otherwise), its format recognised from its content.

export function parseStatementFile(bytes: Uint8Array): ParsedStatement[] {
  const text = decodeBytes(bytes);
  if (isCamt053(text)) return parseCamt053(text);
  if (isOfx(text)) return parseOfx(text);
  throw new BankFileError(
    'Format de relevé non reconnu : importez un fichier CAMT.053 (XML ISO 20022) ou OFX (format Money).',
  );
}

function decodeBytes(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 500));
  const declared =
    /CHARSET:\s*(1252|ISO-8859-1|8859-1)/i.test(head) ||
    /encoding="(windows-1252|iso-8859-1|iso-8859-15)"/i.test(head)
      ? 'windows-1252'
      : 'utf-8';
  try {
    return new TextDecoder(declared, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new BankFileError('Fichier illisible : ce n’est pas du texte UTF-8 (ni un OFX en Windows-1252).');
  }
}
