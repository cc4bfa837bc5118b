/**
 * Making tokens: for tests (expired, wrong issuer, wrong audience, signed by Istio's demo key) and for
 * the designer's "generate a key pair and a token in the browser". WebCrypto through jose, so it runs
 * in Node and in browsers. Time is always an argument.
 */
import {
  CompactSign,
  calculateJwkThumbprint,
  exportJWK,
  importPKCS8,
  generateKeyPair as joseGenerateKeyPair,
  base64url,
} from 'jose'
import type { CryptoKey, KeyInput } from 'jose'
import type { JwkJson, JwksJson } from './keySets'
import { ISTIO_SAMPLE_ISSUER } from './samples'
import type { SupportedAlg } from './verifyToken'

export interface SignJwtInput {
  privateKey: KeyInput
  alg: SupportedAlg
  claims: Readonly<Record<string, unknown>>
  /** Omitted: no `kid` in the header, so verifiers try every key. */
  kid?: string
  /** Extra header members (e.g. `typ`); `alg` and `kid` always come from the fields above. */
  header?: Readonly<Record<string, unknown>>
}

/**
 * Signs `claims` as a compact JWS. Header and payload are serialised with sorted keys and no spaces,
 * as jwcrypto (behind gen-jwt.py) does, so the output is byte-for-byte what Istio's tool would make.
 *
 * @example
 * await signJwt({ privateKey, kid, alg: 'ES256', claims: { iss: 'me', sub: 'me', exp: now + 60 } })
 */
export async function signJwt(input: SignJwtInput): Promise<string> {
  const header = { typ: 'JWT', ...input.header, alg: input.alg, ...(input.kid === undefined ? {} : { kid: input.kid }) }
  const payload = new TextEncoder().encode(canonicalJson(input.claims))
  return new CompactSign(payload).setProtectedHeader(JSON.parse(canonicalJson(header))).sign(input.privateKey)
}

export interface GenJwtOptions {
  /** PEM text: PKCS#1 (`BEGIN RSA PRIVATE KEY`, like Istio's key.pem) or PKCS#8 (`BEGIN PRIVATE KEY`). */
  privateKeyPem: string
  iss?: string
  /** Defaults to the issuer. */
  sub?: string
  /** gen-jwt.py's `--aud a,b` gives an array, `--aud a` a string; passed through as given. */
  aud?: string[] | string
  /** Extra claims, applied last (gen-jwt.py's `--claims k:v`). */
  claims?: Readonly<Record<string, unknown>>
  /** Lifetime in seconds (`--expire`); default 3600. */
  expireSeconds?: number
  /** Issue time, Unix seconds. */
  now: number
}

/**
 * What `gen-jwt.py key.pem [--iss] [--sub] [--aud] [--claims] [--expire N]` prints at time `now`:
 * iss testing@secure.istio.io, sub = iss, iat = now, exp = now + 3600 (or + N), RS256, kid = the key's
 * RFC 7638 thumbprint.
 *
 * @example
 * await genJwtLikeIstio({ privateKeyPem: keyPem, expireSeconds: 5, now: 0 }) // valid at 0..4, expired from 5
 */
export async function genJwtLikeIstio(options: GenJwtOptions): Promise<string> {
  const { privateKey, kid } = await importIstioStyleKey(options.privateKeyPem)
  const iss = options.iss ?? ISTIO_SAMPLE_ISSUER
  const claims = {
    exp: options.now + (options.expireSeconds ?? 3600),
    iat: options.now,
    iss,
    sub: options.sub ?? iss,
    ...(options.aud === undefined ? {} : { aud: options.aud }),
    ...options.claims,
  }
  return signJwt({ privateKey, kid, alg: 'RS256', claims })
}

export interface GeneratedKeyPair {
  /** Non-extractable unless asked for: the designer signs with it but never needs its bytes. */
  privateKey: CryptoKey
  /** The public key with `kid` (its thumbprint), `alg` and `use: 'sig'`. */
  publicJwk: JwkJson
  /** `{ keys: [publicJwk] }`, ready to register under a jwksUri. */
  jwks: JwksJson
}

/**
 * A fresh key pair for the designer's "generate a key pair in the browser".
 *
 * @example
 * const { privateKey, publicJwk, jwks } = await generateKeyPair('ES256')
 */
export async function generateKeyPair(alg: SupportedAlg, options: { extractable?: boolean } = {}): Promise<GeneratedKeyPair> {
  const pair = await joseGenerateKeyPair(alg, { extractable: options.extractable ?? false })
  const jwk = await exportJWK(pair.publicKey)
  const publicJwk: JwkJson = { ...jwk, kty: jwk.kty ?? '', kid: await calculateJwkThumbprint(jwk), alg, use: 'sig' }
  return { privateKey: pair.privateKey, publicJwk, jwks: { keys: [publicJwk] } }
}

// ---- PEM import ------------------------------------------------------------------------------------

const importedPems = new Map<string, Promise<{ privateKey: CryptoKey; kid: string }>>()

function importIstioStyleKey(pem: string): Promise<{ privateKey: CryptoKey; kid: string }> {
  let imported = importedPems.get(pem)
  if (imported === undefined) {
    imported = importRsaPem(pem)
    importedPems.set(pem, imported)
    // A failed import is not cached, so a corrected paste under the same text is retried.
    imported.catch(() => importedPems.delete(pem))
  }
  return imported
}

async function importRsaPem(pem: string): Promise<{ privateKey: CryptoKey; kid: string }> {
  const pkcs8Pem = pem.includes('-----BEGIN RSA PRIVATE KEY-----') ? pkcs1PemToPkcs8Pem(pem) : pem.trim()
  // Extractable only so that the thumbprint (the kid) can be computed from the public members.
  const privateKey = await importPKCS8(pkcs8Pem, 'RS256', { extractable: true })
  // The thumbprint uses only the required public members (kty, n, e), so the private JWK will do.
  const kid = await calculateJwkThumbprint(await exportJWK(privateKey))
  return { privateKey, kid }
}

/**
 * WebCrypto (hence jose) imports only PKCS#8, and Istio's key.pem is PKCS#1. A PKCS#8 PrivateKeyInfo
 * is the PKCS#1 key wrapped with a version and the rsaEncryption algorithm identifier (RFC 5208):
 *
 *   PrivateKeyInfo ::= SEQUENCE {
 *     version              INTEGER 0,
 *     privateKeyAlgorithm  SEQUENCE { OID 1.2.840.113549.1.1.1, NULL },
 *     privateKey           OCTET STRING  -- the PKCS#1 RSAPrivateKey DER
 *   }
 */
export function pkcs1PemToPkcs8Pem(pkcs1Pem: string): string {
  const pkcs1 = pemBody(pkcs1Pem, 'RSA PRIVATE KEY')
  const version = Uint8Array.of(0x02, 0x01, 0x00)
  const rsaEncryption = Uint8Array.of(
    ...[0x30, 0x0d], // SEQUENCE, 13 bytes
    ...[0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01], // OID 1.2.840.113549.1.1.1
    ...[0x05, 0x00], // NULL parameters
  )
  const privateKeyInfo = derElement(0x30, concatBytes(version, rsaEncryption, derElement(0x04, pkcs1)))
  return toPem(privateKeyInfo, 'PRIVATE KEY')
}

/** A DER TLV: tag, definite length (short form below 128, else 0x80 | byte count, big-endian), content. */
function derElement(tag: number, content: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(tag, ...derLength(content.length)), content)
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length]
  const bytes: number[] = []
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256)
  return [0x80 | bytes.length, ...bytes]
}

function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

function pemBody(pem: string, label: string): Uint8Array {
  const match = new RegExp(`-----BEGIN ${label}-----([^-]*)-----END ${label}-----`).exec(pem)
  if (match === null) throw new TypeError(`expected a PEM block "${label}"`)
  const base64 = match[1]!.replace(/\s+/g, '')
  // jose decodes base64url only: map the two differing digits and drop the padding.
  return base64url.decode(base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''))
}

function toPem(der: Uint8Array, label: string): string {
  const encoded = base64url.encode(der).replace(/-/g, '+').replace(/_/g, '/')
  const padded = encoded + '='.repeat((4 - (encoded.length % 4)) % 4)
  const lines = padded.match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}

/**
 * JSON with object keys sorted at every level, no spaces, and non-ASCII escaped as \uXXXX: Python's
 * json.dumps(sort_keys=True, separators=(',', ':')) as jwcrypto calls it.
 */
export function canonicalJson(value: unknown): string {
  const sorted = JSON.stringify(value, (_key, member: unknown) => (isPlainObject(member) ? sortedKeys(member) : member))
  return sorted.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function sortedKeys(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(object).sort().map((key) => [key, object[key]]))
}
