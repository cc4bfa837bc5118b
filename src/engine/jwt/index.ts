/**
 * JWT origin authentication for Istio 1.0/1.1 (section 6 and rules 16-19 of istio-semantics.md).
 * Pure TypeScript over WebCrypto (through jose): runs in Node 20 and browsers, never reads a clock.
 */
export {
  ISTIO_DEMO_JWT,
  ISTIO_SAMPLE_ISSUER,
  ISTIO_SAMPLE_JWKS,
  ISTIO_SAMPLE_JWKS_URI,
  ISTIO_SAMPLE_KID,
  isIstioSampleJwksUri,
} from './samples'
export { NO_KEY_SETS, jsonSyntaxErrorOffset, parseJwks, resolveKeySet } from './keySets'
export type { JwkJson, JwksJson, KeySets, ParseJwksResult } from './keySets'
export {
  describeAllowedLocations,
  describeLocation,
  extractToken,
  locationAllowedFor,
  parseQueryParameters,
  usesDefaultLocations,
} from './extractToken'
export type { ExtractedToken, TokenLocation, TokenRequest } from './extractToken'
export { matchString, originTriggered, triggerRuleMatches } from './triggerRules'
export { decodeJwt, sanitizeAudience, verifyJwtForSpec } from './verifyToken'
export type { DecodeResult, DecodedJwt, JwtCheck, JwtClaims, JwtFailed, JwtFailure, SupportedAlg } from './verifyToken'
export { checkJwtPeer, checkOrigins, policyJwtSpecs } from './originCheck'
export type { OriginCheck, OriginPolicy, OriginResult } from './originCheck'
export { canonicalJson, genJwtLikeIstio, generateKeyPair, pkcs1PemToPkcs8Pem, signJwt } from './signToken'
export type { GenJwtOptions, GeneratedKeyPair, SignJwtInput } from './signToken'
