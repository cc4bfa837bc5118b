/**
 * Share links: the whole design in the URL hash, `#design=<lz-string URI-safe JSON>`. Decoding treats
 * the hash as hostile: bounded size before and after decompression, strict shape, never throws.
 */
import LZString from 'lz-string'
import { checkDesign, type Design } from './design'
import { decompressUriSafeBounded } from './lzBounded'
import type { DesignerState } from './types'

const PARAM = 'design'
/** Decoded JSON larger than this is refused (a design of a few hundred objects is ~100 KB). */
export const MAX_SHARED_CHARS = 2 * 1024 * 1024
/** lz-string output is rarely larger than its input; this bounds the work before decoding starts. */
const MAX_ENCODED_CHARS = MAX_SHARED_CHARS

export type DecodedShareLink = { ok: true; design: Design } | { ok: false; message: string }

/**
 * @example location.hash = encodeShareLink(store.getState()) // '#design=N4Ig...'
 */
export function encodeShareLink(state: Pick<DesignerState, 'resources' | 'layout' | 'options'>): string {
  const envelope = { v: 1, resources: state.resources, layout: state.layout, options: state.options }
  return `#${PARAM}=${LZString.compressToEncodedURIComponent(JSON.stringify(envelope))}`
}

/** The `design` parameter of a hash like `#design=...` or `#a=b&design=...`. */
function designParam(hash: string): string | undefined {
  const body = hash.startsWith('#') ? hash.slice(1) : hash
  for (const part of body.split('&')) {
    if (part.startsWith(`${PARAM}=`)) return part.slice(PARAM.length + 1)
  }
  return undefined
}

export function decodeShareLink(hash: string): DecodedShareLink {
  if (typeof hash !== 'string') return { ok: false, message: 'The link has no design in it.' }
  const encoded = designParam(hash)
  if (encoded === undefined || encoded === '') return { ok: false, message: 'The link has no design in it.' }
  if (encoded.length > MAX_ENCODED_CHARS) return { ok: false, message: 'The shared design is too large.' }
  const json = decompressUriSafeBounded(encoded, MAX_SHARED_CHARS)
  if (json === undefined || json === '') return { ok: false, message: 'The link is damaged or too large: its design cannot be decoded.' }
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return { ok: false, message: 'The link is damaged: its design is not valid JSON.' }
  }
  const checked = checkDesign(value)
  return checked.ok ? { ok: true, design: checked.value } : { ok: false, message: `The shared design was refused: ${checked.message}.` }
}
