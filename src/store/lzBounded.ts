/**
 * Decodes lz-string's URI-safe format (what `compressToEncodedURIComponent` writes) with a limit on
 * the output. lz-string's own decoder has none, and a link of a few hundred kilobytes can be crafted
 * to expand into gigabytes (each dictionary entry can be one character longer than the last), so a
 * shared link is decoded here instead, stopping as soon as the output passes the limit.
 * Written from the format's description: a bit stream (6 bits per character, most significant
 * first within each character, read least significant first into each code), codes 0/1 introduce an
 * 8/16-bit literal, 2 ends the stream, higher codes name dictionary entries.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'
const VALUE_OF = new Map([...ALPHABET].map((c, i) => [c, i]))

class BitReader {
  private index = 0
  private value = 0
  private mask = 0

  constructor(private readonly digits: readonly number[]) {}

  /** Reads `count` bits into a number, first bit lowest; undefined past the end of the input. */
  read(count: number): number | undefined {
    let out = 0
    for (let bit = 0; bit < count; bit++) {
      if (this.mask === 0) {
        if (this.index >= this.digits.length) return undefined
        this.value = this.digits[this.index++] as number
        this.mask = 32
      }
      if (this.value & this.mask) out |= 1 << bit
      this.mask >>= 1
    }
    return out
  }
}

/** undefined: not lz-string data, or longer than `maxChars` once decoded. */
export function decompressUriSafeBounded(input: string, maxChars: number): string | undefined {
  const digits: number[] = []
  for (const c of input.replace(/ /g, '+')) {
    const v = VALUE_OF.get(c)
    if (v === undefined) return undefined
    digits.push(v)
  }
  const reader = new BitReader(digits)
  const dictionary: string[] = ['', '', '']
  let width = 2
  const literal = (code: number): string | undefined => {
    const bits = reader.read(code === 0 ? 8 : 16)
    return bits === undefined ? undefined : String.fromCharCode(bits)
  }
  const first = reader.read(width)
  if (first === undefined || first === 2) return first === 2 ? '' : undefined
  if (first > 1) return undefined
  const start = literal(first)
  if (start === undefined) return undefined
  dictionary.push(start)
  width = 3
  let budget = 4 // codes left before the code width grows
  const out: string[] = [start]
  let length = start.length
  let previous = start
  for (;;) {
    let code = reader.read(width)
    if (code === undefined) return undefined
    if (code === 2) return out.join('')
    if (code < 2) {
      const c = literal(code)
      if (c === undefined) return undefined
      dictionary.push(c)
      code = dictionary.length - 1
      if (--budget === 0) [budget, width] = [2 ** width, width + 1]
    }
    let entry: string
    if (code < dictionary.length && code > 2) entry = dictionary[code] as string
    else if (code === dictionary.length) entry = previous + previous.charAt(0)
    else return undefined
    length += entry.length
    if (length > maxChars) return undefined
    out.push(entry)
    dictionary.push(previous + entry.charAt(0))
    previous = entry
    if (--budget === 0) [budget, width] = [2 ** width, width + 1]
  }
}
