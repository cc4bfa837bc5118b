/**
 * Istio's published JWT demo material (security/tools/jwt/samples at 1.0.0; the same blobs in 1.1.0
 * and master), bundled so the engine runs offline. See shared/istio-samples/PROVENANCE.md. These are
 * data, not secrets: the private demo key is kept only as a test fixture (fixtures/key.pem).
 */
import type { JwksJson } from './keySets'

/** The issuer of the demo token and the default of gen-jwt.py. */
export const ISTIO_SAMPLE_ISSUER = 'testing@secure.istio.io'

/** The RFC 7638 thumbprint of the sample key, used as its `kid`. */
export const ISTIO_SAMPLE_KID = 'DHFbpoIUqrY8t2zpA2qXfCmr5VO5ZEr4RzHU_-envvQ'

/**
 * `jwks.json`: one 2048-bit RSA key, no `alg`, no `use`. Frozen because every policy that names the
 * sample URI shares this one object (and the key cache is keyed by it).
 */
export const ISTIO_SAMPLE_JWKS: JwksJson = Object.freeze({
  keys: Object.freeze([
    Object.freeze({
      e: 'AQAB',
      kid: ISTIO_SAMPLE_KID,
      kty: 'RSA',
      n:
        'xAE7eB6qugXyCAG3yhh7pkDkT65pHymX-P7KfIupjf59vsdo91bSP9C8H07pSAGQO1MV_xFj9VswgsCg4R6otmg5PV2He95lZdHtOcU5DXIg_pbhLdKXbi66GlVeK6ABZOUW3WYtnNHD-91gVuoeJT_DwtGGcp4ignkgXfkiEm4sw-4sfb4qdt5oLbyVpmW6x9cfa7vs2WTfURiCrBoUqgBo_-4WTiULmmHSGZHOjzwa8WtrtOQGsAFjIbno85jp6MnGGGZPYZbDAa_b3y5u-YpW7ypZrvD8BgtKVjgtQgZhLAGezMt0ua3DRrWnKqTZ0BJ_EyxOGuHJrLsn00fnMQ',
    }),
  ]),
})

/**
 * `demo.jwt` without its trailing newline (the seed reads it with `TOKEN=$(curl ...)`, which strips
 * it). Claims: iss = sub = testing@secure.istio.io, foo = bar, iat 1532389700, exp 4685989700
 * (2118-06-29T23:48:20Z); no aud, no nbf.
 */
export const ISTIO_DEMO_JWT =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6IkRIRmJwb0lVcXJZOHQyenBBMnFYZkNtcjVWTzVaRXI0UnpIVV8tZW52dlEiLCJ0eXAiOiJKV1QifQ' +
  '.eyJleHAiOjQ2ODU5ODk3MDAsImZvbyI6ImJhciIsImlhdCI6MTUzMjM4OTcwMCwiaXNzIjoidGVzdGluZ0BzZWN1cmUuaXN0aW8uaW8iLCJzdWIiOiJ0ZXN0aW5nQHNlY3VyZS5pc3Rpby5pbyJ9' +
  '.CfNnxWP2tcnR9q0vxyxweaF3ovQYHYZl82hAUsn21bwQd9zP7c-LS9qd_vpdLG4Tn1A15NxfCjp5f7QNBUo-KC9PJqYpgGbaXhaGx7bEdFWjcwv3nZzvc7M__ZpaCERdwU7igUmJqYGBYQ51vr2njU9ZimyKkfDe3axcyiBZde7G6dabliUosJvvKOPcKIWPccCgefSj_GNfwIip3-SsFdlR7BtbVUcqR-yv-XOxJ3Uc1MI0tz3uMiiZcyPV7sNCU4KRnemRIMHVOfuvHsU60_GhGbiSFzgPTAa9WTltbnarTbxudb_YEOx12JiwYToeX0DCPb43W1tzIBxgm8NxUg'

/** The seed's `{{< github_file >}}` expansion, as written in its jwt-example policy. */
export const ISTIO_SAMPLE_JWKS_URI =
  'https://raw.githubusercontent.com/istio/istio/release-1.0/security/tools/jwt/samples/jwks.json'

const SAMPLE_PATH = 'security/tools/jwt/samples/jwks.json'

/*
 * <ref> is one or more path segments, because branch names may contain slashes and GitHub also serves
 * `refs/heads/<branch>`. Host names are case-insensitive, paths are not.
 */
const SAMPLE_URI_FORMS: readonly RegExp[] = [
  new RegExp(`^https?://raw\\.githubusercontent\\.com/istio/istio/(?:[^/?#\\s]+/)+${escapeRegExp(SAMPLE_PATH)}$`),
  new RegExp(`^https?://github\\.com/istio/istio/(?:blob|raw)/(?:[^/?#\\s]+/)+${escapeRegExp(SAMPLE_PATH)}$`),
]

/**
 * Whether `uri` names Istio's sample `jwks.json` at any branch, tag or commit, so that it can be
 * resolved to {@link ISTIO_SAMPLE_JWKS} without a network fetch.
 *
 * @example
 * isIstioSampleJwksUri('https://raw.githubusercontent.com/istio/istio/release-1.1/security/tools/jwt/samples/jwks.json') // true
 */
export function isIstioSampleJwksUri(uri: string): boolean {
  const normalised = lowerCaseSchemeAndHost(uri)
  return SAMPLE_URI_FORMS.some((form) => form.test(normalised))
}

function lowerCaseSchemeAndHost(uri: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(.*)$/i.exec(uri)
  return match ? match[1]!.toLowerCase() + match[2]! : uri
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
