import LZString from 'lz-string'
import { describe, expect, it } from 'vitest'
import { keyOf } from './keys'
import { decompressUriSafeBounded } from './lzBounded'
import { decodeShareLink, encodeShareLink, shareLinkProblem } from './share'
import { testStore } from './testing'

/**
 * A "decompression bomb" in lz-string's format: one literal, then codes that each name the entry
 * being created (previous + its first character), so k codes expand to about k²/2 characters.
 */
function bombLink(codes: number): string {
  const bits: number[] = []
  const write = (value: number, width: number) => {
    for (let i = 0; i < width; i++) bits.push((value >> i) & 1)
  }
  write(0, 2)
  write('a'.charCodeAt(0), 8)
  let [dictionary, width, budget] = [4, 3, 4]
  for (let k = 0; k < codes; k++) {
    write(dictionary++, width)
    if (--budget === 0) [budget, width] = [2 ** width, width + 1]
  }
  write(2, width)
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'
  let out = ''
  for (let i = 0; i < bits.length; i += 6) {
    let digit = 0
    for (let j = 0; j < 6; j++) digit |= (bits[i + j] ?? 0) << (5 - j)
    out += alphabet[digit]
  }
  return `#design=${out}`
}

function link(value: unknown): string {
  return `#design=${LZString.compressToEncodedURIComponent(JSON.stringify(value))}`
}

const POLICY = { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy', metadata: { name: 'default', namespace: 'foo' }, spec: { peers: [{ mtls: {} }] } }

describe('A share link', () => {
  it('carries resources, layout and options through a round trip', async () => {
    const from = testStore()
    await from.getState().settled()
    from.getState().upsertResource(POLICY, 'inspector')
    from.getState().setOptions({ profile: '1.1' })
    from.getState().moveNode('Deployment/foo/httpbin', { x: 7, y: 9 })
    const hash = encodeShareLink(from.getState())
    expect(hash.startsWith('#design=')).toBe(true)

    const to = testStore({ elkLayout: false })
    expect(to.getState().openShareLink(hash)).toEqual({ ok: true })
    const state = to.getState()
    expect(state.lastOrigin).toBe('share')
    expect(state.resources).toEqual(from.getState().resources)
    expect(state.options).toEqual({ profile: '1.1', r11: 'documented' })
    expect(state.layout.positions['Deployment/foo/httpbin']).toEqual({ x: 7, y: 9 })
    await state.settled()
  })

  it('is found among other hash parameters', () => {
    const hash = encodeShareLink({ resources: [POLICY], layout: { positions: {}, namespaces: {} }, options: { profile: '1.0', r11: 'documented' } })
    const decoded = decodeShareLink(`#tab=grid&${hash.slice(1)}`)
    expect(decoded.ok && decoded.design.resources.map(keyOf)).toEqual(['Policy/foo/default'])
  })
})

describe('A malformed or hostile share link', () => {
  const cases: [string, string][] = [
    ['no design at all', '#tab=grid'],
    ['characters outside the alphabet', '#design=<script>'],
    ['garbage that is not lz-string', '#design=AAAAAAAAAAAAAAAA'],
    ['JSON that is not an object', link([1, 2, 3])],
    ['an unknown version', link({ v: 2, resources: [] })],
    ['a resource without kind', link({ v: 1, resources: [{ metadata: { name: 'x' } }] })],
    ['a resource without metadata.name', link({ v: 1, resources: [{ kind: 'Policy', metadata: {} }] })],
    ['a namespace that is not a string', link({ v: 1, resources: [{ kind: 'Policy', metadata: { name: 'x', namespace: 3 } }] })],
    ['a __proto__ key', `#design=${LZString.compressToEncodedURIComponent('{"v":1,"resources":[{"kind":"Policy","metadata":{"name":"x","__proto__":{"polluted":true}}}]}')}`],
    ['a constructor position that is not a position', link({ v: 1, resources: [], layout: { positions: { constructor: 'x' }, namespaces: {} } })],
    ['a position that is not a number', link({ v: 1, resources: [], layout: { positions: { a: { x: 'left', y: 1 } }, namespaces: {} } })],
    ['an unknown profile', link({ v: 1, resources: [], options: { profile: '1.9', r11: 'documented' } })],
    ['absurd nesting', link({ v: 1, resources: [{ kind: 'K', metadata: { name: 'n' }, spec: JSON.parse('['.repeat(500) + ']'.repeat(500)) }] })],
  ]
  for (const [what, hash] of cases) {
    it(`is refused with a message when it has ${what}`, () => {
      const decoded = decodeShareLink(hash)
      expect(decoded.ok).toBe(false)
      if (!decoded.ok) expect(decoded.message.length).toBeGreaterThan(10)
    })
  }

  it('accepts Object.prototype member names as layout keys (a namespace may be called "constructor"), as own keys only', () => {
    const decoded = decodeShareLink(link({ v: 1, resources: [], layout: { positions: { constructor: { x: 1, y: 1 } }, namespaces: { toString: { x: 0, y: 0, width: 10, height: 10 } } } }))
    expect(decoded.ok).toBe(true)
    if (!decoded.ok) return
    expect(Object.getOwnPropertyDescriptor(decoded.design.layout.positions, 'constructor')?.value).toEqual({ x: 1, y: 1 })
    expect(Object.hasOwn(decoded.design.layout.namespaces, 'toString')).toBe(true)
    expect(Object.getPrototypeOf(decoded.design.layout.positions)).toBe(Object.prototype)
  })

  it('is refused when a few kilobytes would decompress to gigabytes', () => {
    const bomb = bombLink(100_000) // about 5 * 10^9 characters once expanded
    expect(bomb.length).toBeLessThan(400_000)
    expect(decompressUriSafeBounded(bombLink(100).slice('#design='.length), 1e6)).toBe('a'.repeat(5151))
    expect(decodeShareLink(bomb)).toMatchObject({ ok: false })
  })

  it('changes nothing in the store', async () => {
    const store = testStore()
    await store.getState().settled()
    const before = store.getState()
    const steps = store.temporal.getState().pastStates.length
    const result = store.getState().openShareLink(link({ v: 1, resources: [{ kind: 'Policy', metadata: { name: 'x', __proto__: 1 } }, 'oops'] }))
    expect(result.ok).toBe(false)
    expect(store.getState().resources).toBe(before.resources)
    expect(store.getState().layout).toBe(before.layout)
    expect(store.temporal.getState().pastStates.length).toBe(steps)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('The bounded lz-string decoder', () => {
  it('decodes what lz-string encodes', () => {
    let seed = 7
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    for (let n = 0; n < 300; n++) {
      const alphabet = ['ab', 'abcdefghij {}":,[]', 'aé€😀\u0000xyz'][n % 3] as string
      let text = ''
      for (let i = Math.floor(random() * 2000); i > 0; i--) text += alphabet[Math.floor(random() * alphabet.length)]
      expect(decompressUriSafeBounded(LZString.compressToEncodedURIComponent(text), 1e7)).toBe(text)
    }
  })

  it('stops at the limit', () => {
    const encoded = LZString.compressToEncodedURIComponent('x'.repeat(100_000))
    expect(decompressUriSafeBounded(encoded, 99_999)).toBeUndefined()
    expect(decompressUriSafeBounded(encoded, 100_000)).toHaveLength(100_000)
  })
})

describe('A link that would be too long', () => {
  it('says so and points to the file instead; ordinary designs fit', () => {
    const layout = { positions: {}, namespaces: {} }
    const options = { profile: '1.0', r11: 'documented' } as const
    expect(shareLinkProblem(encodeShareLink({ resources: [POLICY], layout, options }))).toBeUndefined()
    // What lz-string makes of about 2.5 MB of incompressible JSON.
    const problem = shareLinkProblem(`#design=${'Q'.repeat(2_200_000)}`)
    expect(problem).toContain('too large for a link')
    expect(problem).toContain('Download everything')
  })
})
