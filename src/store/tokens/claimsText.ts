/**
 * The "extra claims" box of the token generator: one `name: value` per line, as gen-jwt.py's
 * `--claims name:value`. A value that reads as JSON (a number, true/false, null, a list, an object or
 * a quoted string) is used as that JSON; anything else is a string.
 */

export interface LineProblem {
  line: number
  message: string
}

export type ParsedClaims = { ok: true; claims: Record<string, unknown> } | { ok: false; problems: LineProblem[] }

const JSONISH = /^(?:-?\d|true$|false$|null$|\[|\{|")/

/**
 * @example
 * parseClaimsText('foo: bar\ngroups: ["a", "b"]') // { ok: true, claims: { foo: 'bar', groups: ['a', 'b'] } }
 */
export function parseClaimsText(text: string): ParsedClaims {
  const claims: Record<string, unknown> = {}
  const problems: LineProblem[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1
    const content = raw.trim()
    if (content === '' || content.startsWith('#')) return
    const colon = content.indexOf(':')
    if (colon < 0) return problems.push({ line, message: `Line ${line}: write the claim as name: value.` })
    const name = content.slice(0, colon).trim()
    if (name === '') return problems.push({ line, message: `Line ${line}: the claim has no name.` })
    if (['__proto__', 'constructor', 'prototype'].includes(name)) return problems.push({ line, message: `Line ${line}: "${name}" cannot be a claim name here.` })
    if (Object.hasOwn(claims, name)) return problems.push({ line, message: `Line ${line}: the claim ${name} is already given above.` })
    claims[name] = claimValue(content.slice(colon + 1).trim())
  })
  return problems.length > 0 ? { ok: false, problems } : { ok: true, claims }
}

function claimValue(text: string): unknown {
  if (!JSONISH.test(text)) return text
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/**
 * gen-jwt.py's `--aud`: a comma-separated list gives an array, a single audience a string, none
 * leaves the claim out.
 */
export function audienceClaim(text: string): string | string[] | undefined {
  const list = text
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '')
  if (list.length === 0) return undefined
  return list.length === 1 ? list[0] : list
}
