/**
 * Reading a pasted JWT for the token workbench: its header and claims, or a sentence saying why it is
 * not a JWT. A token Istio would refuse (HS256, no exp, ...) is still shown, with that warning: it is
 * useful to see the 401 it gets.
 */
import { base64url } from 'jose'
import { decodeJwt } from '../../engine/jwt'

export type InspectedToken =
  | { ok: true; jwt: string; header: Record<string, unknown>; claims: Record<string, unknown>; warning?: string }
  | { ok: false; message: string }

/**
 * Accepts what people paste: surrounding spaces, line breaks inside, a leading `Bearer `.
 *
 * @example
 * inspectToken('abc') // { ok: false, message: 'A JWT has three parts separated by dots; this text has 1.' }
 */
export function inspectToken(text: string): InspectedToken {
  const jwt = normalizeTokenText(text)
  if (jwt === '') return { ok: false, message: 'Paste a JWT: three base64url parts separated by dots.' }
  const parts = jwt.split('.')
  if (parts.length !== 3) return { ok: false, message: `A JWT has three parts separated by dots; this text has ${parts.length}.` }
  const header = jsonPart(parts[0] as string, 'header (part 1)')
  if (typeof header === 'string') return { ok: false, message: header }
  const claims = jsonPart(parts[1] as string, 'payload (part 2)')
  if (typeof claims === 'string') return { ok: false, message: claims }
  const signature = parts[2] as string
  if (!/^[A-Za-z0-9_-]*$/.test(signature)) return { ok: false, message: 'The signature (part 3) is not base64url.' }
  const istio = decodeJwt(jwt)
  const warning = istio.ok ? (signature === '' ? 'The token is unsigned.' : undefined) : `Istio would refuse it: ${istio.detail}.`
  return { ok: true, jwt, header, claims, ...(warning ? { warning } : {}) }
}

export function normalizeTokenText(text: string): string {
  return text.trim().replace(/^bearer\s+/i, '').replace(/\s+/g, '')
}

function jsonPart(part: string, name: string): Record<string, unknown> | string {
  if (part === '') return `The ${name} is empty.`
  let bytes: Uint8Array
  try {
    bytes = base64url.decode(part)
  } catch {
    return `The ${name} is not base64url.`
  }
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return `The ${name} does not decode to JSON.`
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `The ${name} is not a JSON object.`
  return value as Record<string, unknown>
}
