/**
 * Strings as arrays of Unicode code points. JavaScript strings index UTF-16 code units, so a
 * character outside the Basic Multilingual Plane (CJK Extension B and later, used in some
 * personal names, e.g. 𠮷; emoji) counts as two. All string metrics in `src/text` work on
 * code points instead.
 */
export function codePoints(s: string): Int32Array {
  const out = new Int32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out[n++] = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
        continue;
      }
    }
    out[n++] = c;
  }
  return n === out.length ? out : out.slice(0, n);
}
