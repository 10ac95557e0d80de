/**
 * Set similarity for tags and other multi-valued fields.
 *
 * Jaccard index |A ∩ B| / |A ∪ B| (P. Jaccard, "Étude comparative de la distribution florale
 * dans une portion des Alpes et du Jura", Bull. Soc. Vaudoise Sci. Nat. 37, 1901).
 * Overlap (Szymkiewicz-Simpson) coefficient |A ∩ B| / min(|A|, |B|): 1 when one set contains
 * the other, which is what a display that shows only some of the source's tags produces.
 *
 * Both are undefined when the denominator is 0 (both sets empty / one set empty): they
 * return NaN, and comparisons put such pairs in the `missing` level before asking.
 *
 * @example
 * jaccard(['摄影', '旅行', '美食'], ['摄影', '旅行'])            // => 0.6667
 * overlapCoefficient(['摄影', '旅行', '美食'], ['摄影', '旅行']) // => 1
 */
function toSet<T>(xs: Iterable<T>): Set<T> {
  return xs instanceof Set ? (xs as Set<T>) : new Set(xs);
}

function intersectionSize<T>(a: Set<T>, b: Set<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let k = 0;
  for (const x of small) if (large.has(x)) k++;
  return k;
}

/** Jaccard index of two collections (duplicates ignored); NaN when both are empty. */
export function jaccard<T>(a: Iterable<T>, b: Iterable<T>): number {
  const sa = toSet(a);
  const sb = toSet(b);
  const inter = intersectionSize(sa, sb);
  const union = sa.size + sb.size - inter;
  return union === 0 ? NaN : inter / union;
}

/** Overlap coefficient |A ∩ B| / min(|A|, |B|); NaN when either is empty. */
export function overlapCoefficient<T>(a: Iterable<T>, b: Iterable<T>): number {
  const sa = toSet(a);
  const sb = toSet(b);
  const min = Math.min(sa.size, sb.size);
  return min === 0 ? NaN : intersectionSize(sa, sb) / min;
}
