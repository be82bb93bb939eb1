/**
 * @module memo
 * A bounded memo for pure functions of a string. Parsing asks the same questions of the same
 * names and lines again and again (every document of one province repeats its issuer, its
 * units, its signature block), so answers are kept, up to a cap that bounds memory.
 */
export function memoize<T>(fn: (key: string) => T, cap: number): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const value = fn(key);
    if (cache.size < cap) cache.set(key, value);
    return value;
  };
}
