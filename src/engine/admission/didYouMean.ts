/** Suggests the name a typo was probably meant to be. */

/** Levenshtein distance, two rows at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

/**
 * The candidate closest to `word`: a case-insensitive equal first (the `mTLS` trap), else the nearest
 * by edit distance if it is close enough to be a typo (about a third of the word).
 * @example didYouMean('mTLS', ['mtls', 'jwt']) // 'mtls'
 * @example didYouMean('jwks_url', ['jwksUri', 'jwks_uri']) // 'jwks_uri'
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase()
  const sameLetters = candidates.find((c) => c.toLowerCase() === lower)
  if (sameLetters !== undefined) return sameLetters
  let best: string | undefined
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best
}

/** `; did you mean "x"?` or nothing. */
export function didYouMeanSuffix(word: string, candidates: readonly string[]): string {
  const s = didYouMean(word, candidates)
  return s === undefined ? '' : `; did you mean "${s}"?`
}
