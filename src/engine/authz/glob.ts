/**
 * Wildcard matching for AuthorizationPolicy values, in time linear in the input for each part of
 * the pattern. A policy comes from a design (a share link, a pasted file): building a JavaScript
 * RegExp from it would let a pattern such as `*a*a*a*a*a*b` backtrack for a very long time, which is
 * what issue 13 forbids for every pattern the engine runs.
 */

/**
 * `*` stands for any run of characters (also empty), everything else is literal; used for the
 * `namespaces` field, where Istio turns `*` inside a value into `.*` (M25). Greedy leftmost
 * placement of the middle parts is exact for patterns whose only wildcard is `*`.
 * @example matchStarGlob('team-*-prod', 'team-a-prod') // true
 */
export function matchStarGlob(pattern: string, text: string): boolean {
  if (!pattern.includes('*')) return pattern === text // most namespace values: no array to split into
  const parts = pattern.split('*')
  const first = parts[0] as string
  const last = parts[parts.length - 1] as string
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false
  let at = first.length
  const end = text.length - last.length
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i] as string
    const found = text.indexOf(part, at)
    if (found < 0 || found + part.length > end) return false
    at = found + part.length
  }
  return true
}

type PathToken = { kind: 'literal'; text: string } | { kind: 'segment' } | { kind: 'segments' }

function pathTokens(pattern: string): PathToken[] {
  const tokens: PathToken[] = []
  let rest = pattern
  while (rest !== '') {
    const one = rest.indexOf('{*}')
    const many = rest.indexOf('{**}')
    const next = [one, many].filter((i) => i >= 0).sort((a, b) => a - b)[0]
    if (next === undefined) {
      tokens.push({ kind: 'literal', text: rest })
      break
    }
    if (next > 0) tokens.push({ kind: 'literal', text: rest.slice(0, next) })
    const isMany = next === many
    tokens.push(isMany ? { kind: 'segments' } : { kind: 'segment' })
    rest = rest.slice(next + (isMany ? 4 : 3))
  }
  return tokens
}

/**
 * Istio's path templates (1.19+ `{*}`: one or more characters of one segment, `{**}`: one or more
 * characters of any segments), matched against the whole path by one pass per token over the
 * positions the previous tokens can end at.
 * @example matchPathTemplate('/api/{*}/status', '/api/v1/status') // true
 * @example matchPathTemplate('/api/{*}', '/api/v1/x') // false
 */
export function matchPathTemplate(pattern: string, path: string): boolean {
  const n = path.length
  let reach = new Uint8Array(n + 1)
  reach[0] = 1
  for (const token of pathTokens(pattern)) {
    const next = new Uint8Array(n + 1)
    if (token.kind === 'literal') {
      const len = token.text.length
      for (let i = 0; i + len <= n; i++) if (reach[i] && path.startsWith(token.text, i)) next[i + len] = 1
    } else {
      // active: some reachable start lies before j with at least one character (and, for {*}, no '/') up to j.
      let active = false
      for (let j = 1; j <= n; j++) {
        const slash = path.charCodeAt(j - 1) === 47
        if (token.kind === 'segment' && slash) active = false
        else active = active || reach[j - 1] === 1
        if (active) next[j] = 1
      }
    }
    reach = next
  }
  return reach[n] === 1
}
