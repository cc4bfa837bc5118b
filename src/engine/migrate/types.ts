/**
 * Vocabulary of the alpha -> modern migration (spec istio-semantics-modern.md, M40 and M41).
 */
import type { KubeObject, ResourceKey } from '../types'

/** One v1alpha1 object that could not be converted, with the tool's message (M40). */
export interface ConversionError {
  resource: ResourceKey
  message: string
}

/** What became of one v1alpha1 object. */
export interface ConvertedPolicy {
  from: ResourceKey
  /** The PeerAuthentication / RequestAuthentication / AuthorizationPolicy objects it produced. */
  to: KubeObject[]
}

export interface MigrationResult {
  /**
   * The whole design after the conversion: every object that is not a v1alpha1 Policy/MeshPolicy kept
   * as it was and where it was, each converted policy replaced in place by its modern objects.
   * Policies that failed to convert are left out (they appear in `errors`).
   */
  objects: KubeObject[]
  converted: ConvertedPolicy[]
  errors: ConversionError[]
}

export interface MigrationOptions {
  /** Mesh config `rootNamespace`, where a MeshPolicy's PeerAuthentication goes. */
  rootNamespace?: string
  /** kubectl's context namespace for objects that name none. */
  defaultNamespace?: string
}

/** The annotation the conversion tool writes on every object it produces (M40). */
export const CONVERTED_ANNOTATION = 'security.istio.io/alpha-policy-convert'

export const SECURITY_API_VERSION = 'security.istio.io/v1beta1'
