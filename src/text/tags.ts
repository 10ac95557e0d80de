/**
 * Split a tag field into normalised tags. Accepts the common serialisations of a tag list:
 * separators `,` `，` `、` `;` `；` `|` `/` `#` and whitespace between tags, or a JSON array
 * string (`["摄影","旅行"]`). Each tag goes through `normalizeText` (so 攝影 = 摄影,
 * `ＩＴ` = `it`); empty tags are dropped and duplicates removed, first occurrence kept.
 *
 * Note: whitespace separates tags, so a Latin multi-word tag (`machine learning`) splits in
 * two; pass `{ splitOnSpace: false }` when the source uses explicit separators.
 *
 * @example
 * tokenizeTags('摄影，旅行、美食 #互联网#')   // => ['摄影', '旅行', '美食', '互联网']
 * tokenizeTags('["攝影","旅行","摄影"]')      // => ['摄影', '旅行']
 */
import { normalizeText } from './normalize';

export interface TokenizeTagsOptions {
  /** Treat whitespace as a separator (default true). */
  splitOnSpace?: boolean;
}

const SEP_WITH_SPACE = /[,，、;；|/#＃\s]+/u;
const SEP_NO_SPACE = /[,，、;；|/#＃\n\r\t]+/u;

export function tokenizeTags(s: string | readonly string[] | null | undefined, options: TokenizeTagsOptions = {}): string[] {
  if (s == null) return [];
  let parts: string[];
  if (Array.isArray(s)) {
    parts = s.map(String);
  } else {
    const str = String(s).trim();
    parts = [];
    if (str.startsWith('[') && str.endsWith(']')) {
      try {
        const parsed: unknown = JSON.parse(str);
        if (Array.isArray(parsed)) parts = parsed.map((x) => String(x));
      } catch {
        parts = [];
      }
    }
    if (parts.length === 0) parts = str.split(options.splitOnSpace === false ? SEP_NO_SPACE : SEP_WITH_SPACE);
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of parts) {
    const t = normalizeText(p);
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out;
}
