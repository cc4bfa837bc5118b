/**
 * Share links: the whole design in the URL hash, `#design=<lz-string URI-safe JSON>`. Decoding treats
 * the hash as hostile: bounded size before and after decompression, strict shape, never throws.
 */
import LZString from 'lz-string'
import { checkDesign, checkRequest, storableResources, type Design } from './design'
import { decompressUriSafeBounded } from './lzBounded'
import type { DesignerState, RequestSettings } from './types'

const PARAM = 'design'
/** Decoded JSON larger than this is refused (a design of a few hundred objects is ~100 KB). */
export const MAX_SHARED_CHARS = 2 * 1024 * 1024
/** lz-string output is rarely larger than its input; this bounds the work before decoding starts. */
const MAX_ENCODED_CHARS = MAX_SHARED_CHARS

/** `request` only when the link was made "with tokens" (encodeShareLink's includeRequest). */
export type DecodedShareLink = { ok: true; design: Design; request?: RequestSettings } | { ok: false; message: string }

/**
 * The request settings (tokens, key sets, profile, clock) stay out unless `includeRequest` is set:
 * tokens are credentials. Private keys are never in the state, so never in a link.
 *
 * @example location.hash = encodeShareLink(store.getState()) // '#design=N4Ig...'
 */
export function encodeShareLink(state: Pick<DesignerState, 'resources' | 'layout' | 'options'> & Partial<Pick<DesignerState, 'request' | 'intent' | 'view'>>, options: { includeRequest?: boolean } = {}): string {
  const envelope = {
    v: 1,
    resources: storableResources(state.resources),
    layout: state.layout,
    options: state.options,
    ...(state.intent ? { intent: state.intent } : {}),
    ...(state.view ? { view: state.view } : {}),
    ...(options.includeRequest && state.request ? { request: state.request } : {}),
  }
  return `#${PARAM}=${LZString.compressToEncodedURIComponent(JSON.stringify(envelope))}`
}

/**
 * Why a link made by encodeShareLink would not work, or undefined: the receiving page refuses a
 * design parameter over its bounds, and browsers cut addresses near 2 MB.
 * @example shareLinkProblem(encodeShareLink(state)) // undefined for any ordinary design
 */
export function shareLinkProblem(hash: string): string | undefined {
  const encoded = designParam(hash) ?? ''
  if (encoded.length <= MAX_ENCODED_CHARS - 8192) return undefined
  return `This design is too large for a link (${Math.round(encoded.length / 1024)} kB; links hold about ${Math.round(MAX_ENCODED_CHARS / 1024 / 1024)} MB). Use Export, "Download everything", to send it as a file instead.`
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
  const checked = checkDesign<Design & { request?: RequestSettings }>(value, (envelope, design) =>
    envelope.request === undefined ? design : { ...design, request: checkRequest(envelope.request, { path: '/ip', headers: {} }) },
  )
  if (!checked.ok) return { ok: false, message: `The shared design was refused: ${checked.message}.` }
  const { request, ...design } = checked.value
  return request ? { ok: true, design, request } : { ok: true, design }
}
