/**
 * A short fingerprint of what a lesson step sets in the designer (resources, engine options, the
 * request's path, token and clock). Equal fingerprints: the learner is looking at the step as the
 * lesson has it; different: they changed it ("try it yourself"). Layout is not part of it: moving a
 * box changes nothing a request sees.
 */
import type { DesignerState } from '../types'
import { activeToken } from '../tokens/profile'

type Fingerprinted = Pick<DesignerState, 'resources' | 'options' | 'request'>

/** JSON with sorted keys and no undefined members: the same value always gives the same text. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : stableJson(v))).join(',')}]`
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(record[k])}`).join(',')}}`
}

/** Two 32-bit FNV-1a hashes with different seeds: collisions are no concern at this scale. */
function hash(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}

export function designerFingerprint(state: Fingerprinted): string {
  const { request } = state
  const seen = {
    resources: state.resources,
    options: state.options,
    path: request.path,
    ingressPath: request.ingressPath,
    headers: request.headers,
    frozenNow: request.frozenNow,
    token: activeToken(request)?.jwt,
    placement: request.tokenPlacement,
  }
  return hash(stableJson(seen))
}
