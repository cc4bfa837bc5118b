/** Conversions between form text and Istio field shapes, shared by the form models. */
import { asRecord, type Json } from '../objects'

/** `8000` is a port number, anything else a port name (PortSelector is a oneof). */
export function portSelectorFromText(text: string): Json {
  const trimmed = text.trim()
  return /^\d+$/.test(trimmed) ? { number: Number(trimmed) } : { name: trimmed }
}

export function portSelectorText(selector: unknown): string {
  const sel = asRecord(selector)
  if (sel.number !== undefined) return String(sel.number)
  return typeof sel.name === 'string' ? sel.name : ''
}

export const STRING_MATCH_KINDS = ['exact', 'prefix', 'suffix', 'regex'] as const

/** A 1.1 StringMatch as one line of text: `prefix:/api`, `exact:/health` (bare text = exact). */
export function stringMatchText(match: unknown): string {
  const m = asRecord(match)
  const kind = STRING_MATCH_KINDS.find((k) => typeof m[k] === 'string')
  return kind ? `${kind}:${String(m[kind])}` : ''
}

export function stringMatchFromText(text: string): Json {
  const found = /^(exact|prefix|suffix|regex):(.*)$/.exec(text.trim())
  return found ? { [found[1] as string]: found[2] } : { exact: text.trim() }
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : String(v))) : []
}

/** Sets `key` to `value`, or removes it when `keep` is false (absent fields keep YAML small). */
export function setOrDelete(owner: Json, key: string, value: unknown, keep: boolean): void {
  if (keep) owner[key] = value
  else delete owner[key]
}
