/**
 * Text decoding of evidence files, in a fixed order so the result is reproducible and the
 * chosen encoding can be stated in the provenance manifest:
 *
 * 1. `options.encoding` given: decode with iconv-lite under that label (a BOM of the same
 *    encoding is stripped). Recorded as the label given.
 * 2. Byte-order mark: UTF-8 BOM (EF BB BF) -> 'utf-8-bom'; UTF-16 LE/BE BOM (Excel's
 *    "Unicode text" export) -> 'utf-16le-bom' / 'utf-16be-bom'. The BOM is stripped.
 * 3. Valid UTF-8 (WHATWG TextDecoder with fatal: true accepts it) -> 'utf-8'. Pure ASCII
 *    lands here too.
 * 4. Otherwise chardet's statistical detector. The bytes are decoded with iconv-lite as
 *    GB18030 (a superset of GBK and GB2312, so one decoder covers all three, including the
 *    4-byte sequences of rare Han characters such as 𠮷) -> 'gb18030' when
 *    (a) chardet's best guess is the GB family (chardet names it 'GB18030'), or
 *    (b) the bytes use a form that rules out the guesses ranked above GB18030: a 4-byte
 *        GB18030 sequence (second byte 0x30-0x39) cannot occur in EUC-KR, EUC-JP, Big5 or
 *        Shift_JIS; a GBK lead or trail byte below 0xA1 cannot occur in EUC-KR or EUC-JP.
 *        Those guesses are dropped and GB18030 must then rank first. (On short texts chardet's
 *        letter statistics often rank EUC-KR first for Chinese; the byte structure settles it.)
 *    The bytes must be well-formed GB18030 and the decoded text must contain no U+FFFD.
 * 5. Anything else: EvidenceError "cannot determine encoding", naming chardet's guesses;
 *    the user re-saves the file as UTF-8 (library callers may pass `encoding`); a guess
 *    silently turning names into mojibake would corrupt evidence.
 *
 * Before rule 3: UTF-16 WITHOUT a byte-order mark (zero bytes at every other position, which
 * UTF-8 would otherwise accept as text full of NUL characters) is refused with an explanation,
 * and so is any other text holding NUL bytes (binary data): messages say how to re-save.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { EvidenceError } from './errors';

export interface DecodedText {
  text: string;
  /** Encoding label for provenance: 'utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'gb18030' or the label given. */
  encoding: string;
}

export interface DecodeOptions {
  fileName: string;
  /** Force an encoding (any iconv-lite label, e.g. 'gbk', 'big5', 'shift_jis', 'utf-8'). */
  encoding?: string;
}

const GB_NAMES = new Set(['GB18030', 'GBK', 'GB2312']);

/** Byte structure of the input under GB18030 rules (see gbStructure). */
export type GbForm = 'invalid' | 'four-byte' | 'gbk-extension' | 'euc-compatible';

/** chardet guesses that a byte form makes impossible. */
const RULED_OUT: Record<GbForm, ReadonlySet<string>> = {
  invalid: new Set(),
  'four-byte': new Set(['EUC-KR', 'EUC-JP', 'Big5', 'Shift_JIS']),
  'gbk-extension': new Set(['EUC-KR', 'EUC-JP']),
  'euc-compatible': new Set(),
};

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Offset of the first U+FFFD in text, or -1. */
function replacementIndex(text: string): number {
  return text.indexOf('\uFFFD');
}

/** Decode evidence bytes to text; see the module comment for the order of rules. */
export function decodeText(bytes: Uint8Array, options: DecodeOptions): DecodedText {
  const { fileName } = options;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  if (options.encoding !== undefined) {
    const label = options.encoding;
    if (!iconv.encodingExists(label)) {
      throw new EvidenceError({ file: fileName, message: `unknown encoding '${label}' given in options.encoding` });
    }
    // iconv-lite strips a BOM of the decoded encoding by default (stripBOM: true).
    return { text: iconv.decode(buf, label), encoding: label.toLowerCase() };
  }

  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: strictUtf8(bytes.subarray(3), fileName, 3), encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le-bom' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be-bom' };
  }

  refuseNulBytes(bytes, fileName);

  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to detection
  }

  const guesses = chardet.analyse(bytes);
  const gbForm = gbStructure(bytes);
  const excluded = RULED_OUT[gbForm];
  const gbGuess = guesses.filter((g) => !excluded.has(g.name))[0];
  if (gbGuess && GB_NAMES.has(gbGuess.name) && gbForm !== 'invalid') {
    const text = iconv.decode(buf, 'gb18030');
    const bad = replacementIndex(text);
    if (bad < 0) return { text, encoding: 'gb18030' };
    throw new EvidenceError({
      file: fileName,
      message:
        `cannot determine encoding: chardet guessed ${gbGuess.name} (confidence ${gbGuess.confidence}) but the bytes ` +
        `are not valid GB18030 (undecodable sequence near character ${bad}); re-save the file as UTF-8 (Excel: Save As → 'CSV UTF-8 (Comma delimited)'; WPS/LibreOffice: character set UTF-8)`,
    });
  }
  const list = guesses
    .slice(0, 3)
    .map((g) => `${g.name} ${g.confidence}%`)
    .join(', ');
  throw new EvidenceError({
    file: fileName,
    message:
      `cannot determine encoding: not UTF-8 and not GBK/GB18030 (chardet guesses: ${list || 'none'}); ` +
      "re-save the file as UTF-8 (Excel: Save As → 'CSV UTF-8 (Comma delimited)'; WPS/LibreOffice: character set UTF-8)",
  });
}

/**
 * NUL bytes never occur in UTF-8 or GB18030 text. Zero bytes at mostly even (odd) positions
 * mean UTF-16 BE (LE) without a byte-order mark; anything else is binary data. Either way
 * the file is refused with the line of the first NUL and what to do.
 */
function refuseNulBytes(bytes: Uint8Array, fileName: string): void {
  const first = bytes.indexOf(0);
  if (first < 0) return;
  let even = 0;
  let odd = 0;
  const n = Math.min(bytes.length, 1 << 16);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const half = n / 2;
  let line = 1;
  for (let i = 0; i < first; i++) if (bytes[i] === 10) line++;
  if (odd > half * 0.3 && even < odd / 10) {
    throw new EvidenceError({ file: fileName, message: "looks like UTF-16 LE text without a byte-order mark (every second byte is zero); " + RESAVE_ADVICE });
  }
  if (even > half * 0.3 && odd < even / 10) {
    throw new EvidenceError({ file: fileName, message: "looks like UTF-16 BE text without a byte-order mark (every second byte is zero); " + RESAVE_ADVICE });
  }
  throw new EvidenceError({
    file: fileName,
    row: line,
    rowKind: 'line',
    message: `NUL byte (a zero byte) at byte ${first + 1}: text evidence never holds one (binary data, a damaged copy, or a UTF-16 file without byte-order mark); ${RESAVE_ADVICE}`,
  });
}

const RESAVE_ADVICE = "re-save the file as UTF-8 (Excel: Save As → 'CSV UTF-8 (Comma delimited)'; WPS/LibreOffice: character set UTF-8)";

/**
 * Byte structure under GB18030: 'invalid' if not well-formed GB18030; 'four-byte' if it holds
 * a 4-byte sequence (impossible in EUC-KR, EUC-JP, Big5, Shift_JIS); 'gbk-extension' if a
 * lead byte 0x81-0xA0 or a trail byte 0x40-0xA0 occurs (impossible in EUC-KR, EUC-JP);
 * else 'euc-compatible' (GB2312 layout, shared with EUC-KR/EUC-JP).
 */
export function gbStructure(bytes: Uint8Array): GbForm {
  let fourByte = false;
  let extension = false;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b === 0x80 || b === 0xff || i + 1 >= n) return 'invalid';
    const b2 = bytes[i + 1]!;
    if (b2 >= 0x30 && b2 <= 0x39) {
      if (i + 3 >= n) return 'invalid';
      const b3 = bytes[i + 2]!;
      const b4 = bytes[i + 3]!;
      if (b3 < 0x81 || b3 > 0xfe || b4 < 0x30 || b4 > 0x39) return 'invalid';
      fourByte = true;
      i += 4;
      continue;
    }
    if (b2 < 0x40 || b2 === 0x7f || b2 === 0xff) return 'invalid';
    if (b < 0xa1 || b2 < 0xa1) extension = true;
    i += 2;
  }
  return fourByte ? 'four-byte' : extension ? 'gbk-extension' : 'euc-compatible';
}

function strictUtf8(bytes: Uint8Array, fileName: string, offset: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new EvidenceError({
      file: fileName,
      message: `file starts with a UTF-8 byte-order mark but contains bytes that are not UTF-8 (after byte ${offset}); re-save the file as UTF-8 (Excel: Save As → 'CSV UTF-8 (Comma delimited)'; WPS/LibreOffice: character set UTF-8)`,
    });
  }
}
