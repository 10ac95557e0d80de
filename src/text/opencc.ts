/**
 * Traditional -> Simplified Chinese through OpenCC (Open Chinese Convert, BYVoid et al.,
 * https://github.com/BYVoid/OpenCC), via the `opencc-js` port.
 *
 * The converter is built once, lazily, on first use (building it parses the dictionaries,
 * which takes tens of milliseconds): importing `src/text` costs nothing until a conversion
 * is asked for.
 *
 * Preset: from `hk` to `cn`. The Hong Kong preset first maps HK variant characters (衞, 着/著
 * kept as in standard usage) to OpenCC standard traditional, then converts to mainland
 * simplified; it also converts Taiwan-style and standard traditional text (臺灣 -> 台湾,
 * 裡 -> 里). Character-level only: no phrase substitution (軟體 stays 软体, not 软件), so a
 * conversion never changes what a field means.
 *
 * @example
 * toSimplified('北京大學')   // => '北京大学'
 * toSimplified('張偉 鄧麗君') // => '张伟 邓丽君'
 */
import * as OpenCC from 'opencc-js/t2cn';

let converter: ((s: string) => string) | undefined;

function getConverter(): (s: string) => string {
  if (converter) return converter;
  const built: (s: string) => string = OpenCC.Converter({ from: 'hk', to: 'cn' });
  converter = built;
  return built;
}

/** Convert traditional (standard, Hong Kong or Taiwan variants) characters to simplified. */
export function toSimplified(s: string): string {
  if (s === '') return s;
  return getConverter()(s);
}
