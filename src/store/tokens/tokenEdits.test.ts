import { describe, expect, it } from 'vitest'
import { ISTIO_DEMO_JWT } from '../../engine/jwt'
import { audienceClaim, parseClaimsText } from './claimsText'
import { recipeProblems, signRecipe, DEFAULT_RECIPE } from './generate'
import { inspectToken } from './inspectToken'
import { makeKeyPair } from './keyPairs'
import { addedToken, renamedToken, withoutToken } from './tokenList'
import { DEMO_TOKEN_ID } from './types'

describe('inspectToken', () => {
  it('decodes the demo token, even pasted with Bearer and line breaks', () => {
    const pasted = `  Bearer ${ISTIO_DEMO_JWT.slice(0, 40)}\n${ISTIO_DEMO_JWT.slice(40)}  `
    const result = inspectToken(pasted)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.jwt).toBe(ISTIO_DEMO_JWT)
    expect(result.header).toMatchObject({ alg: 'RS256', typ: 'JWT' })
    expect(result.claims).toMatchObject({ iss: 'testing@secure.istio.io', foo: 'bar', exp: 4685989700 })
    expect(result.warning).toBeUndefined()
  })

  it('says why a text is not a JWT', () => {
    expect(inspectToken('')).toEqual({ ok: false, message: expect.stringContaining('Paste a JWT') })
    expect(inspectToken('abc.def')).toEqual({ ok: false, message: 'A JWT has three parts separated by dots; this text has 2.' })
    expect(inspectToken('!!.e30.sig')).toEqual({ ok: false, message: 'The header (part 1) is not base64url.' })
    expect(inspectToken('e30.bm90IGpzb24.sig')).toEqual({ ok: false, message: 'The payload (part 2) does not decode to JSON.' })
    expect(inspectToken('WzFd.e30.sig')).toEqual({ ok: false, message: 'The header (part 1) is not a JSON object.' })
  })

  it('keeps a token Istio would refuse, with the reason as a warning', () => {
    // {"alg":"HS256"} . {"iss":"a"} . sig
    const result = inspectToken('eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJhIn0.c2ln')
    expect(result).toMatchObject({ ok: true, warning: expect.stringContaining('HS256') })
  })
})

describe('the token list', () => {
  it('adds a token once, and the demo token not at all', () => {
    let n = 0
    const makeId = () => `id${++n}`
    const first = addedToken({}, { jwt: 'a.b.c', source: 'pasted' }, makeId)
    expect(first).toEqual({ id: 'id1', tokens: [{ id: 'id1', name: 'Pasted 1', jwt: 'a.b.c', source: 'pasted' }] })
    const again = addedToken({ tokens: first.tokens }, { jwt: 'a.b.c', source: 'pasted' }, makeId)
    expect(again.id).toBe('id1')
    expect(again.tokens).toHaveLength(1)
    expect(addedToken({ tokens: first.tokens }, { jwt: ISTIO_DEMO_JWT, source: 'pasted' }, makeId).id).toBe(DEMO_TOKEN_ID)
    const second = addedToken({ tokens: first.tokens }, { jwt: 'd.e.f', source: 'pasted' }, makeId)
    expect(second.tokens[1]?.name).toBe('Pasted 2')
  })

  it('removes a token, and requests that carried it carry none', () => {
    const tokens = [{ id: 'a', name: 'A', jwt: 'a.b.c', source: 'pasted' as const }]
    expect(withoutToken({ tokens, tokenId: 'a' }, 'a')).toEqual({ tokens: [], tokenId: undefined })
    expect(withoutToken({ tokens, tokenId: DEMO_TOKEN_ID }, 'a').tokenId).toBe(DEMO_TOKEN_ID)
    expect(renamedToken({ tokens }, 'a', '  Alice  ').tokens?.[0]?.name).toBe('Alice')
    expect(renamedToken({ tokens }, 'a', '   ').tokens?.[0]?.name).toBe('A')
  })
})

describe('the generator', () => {
  it('reads extra claims as gen-jwt.py --claims does, with JSON values where they read as JSON', () => {
    expect(parseClaimsText('foo: bar\n\n# a comment\ngroups: ["a", "b"]\nadmin: true\nlevel: 3\nurl: https://x.example/a')).toEqual({
      ok: true,
      claims: { foo: 'bar', groups: ['a', 'b'], admin: true, level: 3, url: 'https://x.example/a' },
    })
    expect(parseClaimsText('foo bar\n: x\nfoo: 1\nfoo: 2')).toEqual({
      ok: false,
      problems: [
        { line: 1, message: 'Line 1: write the claim as name: value.' },
        { line: 2, message: 'Line 2: the claim has no name.' },
        { line: 4, message: 'Line 4: the claim foo is already given above.' },
      ],
    })
    expect(audienceClaim(' a , b ')).toEqual(['a', 'b'])
    expect(audienceClaim('a')).toBe('a')
    expect(audienceClaim(' ')).toBeUndefined()
  })

  it('checks the recipe', () => {
    expect(recipeProblems({ ...DEFAULT_RECIPE, iss: ' ', expireSeconds: '5s' })).toEqual({
      iss: expect.stringContaining('issuer'),
      expireSeconds: expect.stringContaining('whole number'),
    })
    expect(recipeProblems({ ...DEFAULT_RECIPE, expireSeconds: '5' })).toEqual({})
  })

  it('signs like gen-jwt.py with the sample key: kid of the sample key set, iat = now, exp = now + N', async () => {
    const jwt = await signRecipe({ ...DEFAULT_RECIPE, aud: 'a,b', claims: 'foo: bar', expireSeconds: '5' }, { kind: 'istio-sample-key' }, 1000)
    const seen = inspectToken(jwt)
    expect(seen).toMatchObject({
      ok: true,
      header: { alg: 'RS256', kid: 'DHFbpoIUqrY8t2zpA2qXfCmr5VO5ZEr4RzHU_-envvQ' },
      claims: { iss: 'testing@secure.istio.io', sub: 'testing@secure.istio.io', aud: ['a', 'b'], foo: 'bar', iat: 1000, exp: 1005 },
    })
  })

  it('signs with a key pair made in the page, under its thumbprint', async () => {
    const pair = await makeKeyPair('ES256', [])
    expect(pair.name).toBe('ES256 key 1')
    const jwt = await signRecipe({ ...DEFAULT_RECIPE, iss: 'me@example.com', sub: 'alice' }, { kind: 'browser-key-pair', pair }, 50)
    expect(inspectToken(jwt)).toMatchObject({ ok: true, header: { alg: 'ES256', kid: pair.kid }, claims: { iss: 'me@example.com', sub: 'alice', exp: 3650 } })
    expect(pair.jwks.keys[0]).toMatchObject({ kty: 'EC', kid: pair.kid, alg: 'ES256', use: 'sig' })
    expect(pair.jwks.keys[0]).not.toHaveProperty('d')
  })
})
