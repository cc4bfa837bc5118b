/**
 * Which fields of the modern kinds each profile has (istio-semantics-modern.md section 0, API-FIELDS):
 * the forms offer only these, so a form never writes a field the profile's admission would reject.
 */
import { profileMinor, type IstioProfile } from '../../../engine'

export const SOURCE_FIELDS = [
  'principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals', 'namespaces', 'notNamespaces',
  'ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks', 'serviceAccounts', 'notServiceAccounts', 'trustDomains', 'notTrustDomains',
] as const
export type SourceField = (typeof SOURCE_FIELDS)[number]

export const OPERATION_FIELDS = ['methods', 'notMethods', 'paths', 'notPaths', 'ports', 'notPorts', 'hosts', 'notHosts'] as const
export type OperationField = (typeof OPERATION_FIELDS)[number]

export type AuthzActionName = 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM'

/** Minor release a field or value first exists in (1.4 fields count as 1.5, the first modern profile). */
const SINCE: Record<string, number> = {
  remoteIpBlocks: 8, notRemoteIpBlocks: 8, serviceAccounts: 25, notServiceAccounts: 25, trustDomains: 30, notTrustDomains: 30,
  AUDIT: 8, CUSTOM: 8,
  fromCookies: 21, outputClaimToHeaders: 17, timeout: 22, spaceDelimitedClaims: 28,
}

export function hasField(profile: IstioProfile, field: string): boolean {
  return profileMinor(profile) >= (SINCE[field] ?? 5)
}

export function sourceFields(profile: IstioProfile): SourceField[] {
  return SOURCE_FIELDS.filter((f) => hasField(profile, f))
}

export function actions(profile: IstioProfile): AuthzActionName[] {
  return (['ALLOW', 'DENY', 'AUDIT', 'CUSTOM'] as const).filter((a) => hasField(profile, a))
}

/** `when` keys a profile accepts (M30); the bracketed ones take a name. */
export function conditionKeys(profile: IstioProfile): string[] {
  const keys = ['request.headers[]', 'source.ip', 'source.namespace', 'source.principal', 'request.auth.principal', 'request.auth.audiences', 'request.auth.presenter', 'request.auth.claims[]', 'destination.ip', 'destination.port', 'connection.sni']
  if (hasField(profile, 'remoteIpBlocks')) keys.push('remote.ip')
  if (hasField(profile, 'serviceAccounts')) keys.push('source.serviceAccount')
  if (hasField(profile, 'trustDomains')) keys.push('source.trustDomain')
  return keys
}

/** JWT rule fields beyond issuer / jwksUri / jwks / audiences / fromHeaders / fromParams / forwardOriginalToken. */
export function hasJwtField(profile: IstioProfile, field: 'fromCookies' | 'outputClaimToHeaders' | 'timeout' | 'spaceDelimitedClaims'): boolean {
  return hasField(profile, field)
}

/** Issuer may be left out from 1.27 when jwksUri is set (M37). */
export function issuerOptional(profile: IstioProfile): boolean {
  return profileMinor(profile) >= 27
}
