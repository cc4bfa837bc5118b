/**
 * Name rules shared by the checks: DNS-1123 labels and subdomains, Istio hosts, port names, and the
 * camelCase <-> snake_case spelling of protobuf field names.
 */

const K8S_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
/** Istio's own label check also lets upper case through (host names are case-insensitive). */
const ISTIO_LABEL = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/
/** `*`, or a label whose first character is replaced by `*` / `*-`, as Istio allows in a host's first label. */
const ISTIO_WILDCARD_LABEL = /^(\*|(\*|\*-)?[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?)$/

/** Kubernetes DNS-1123 label: lower case, at most 63 characters (namespace and Service names). */
export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && K8S_LABEL.test(value)
}

/** Kubernetes DNS-1123 subdomain: dot-separated labels, at most 253 characters (most object names). */
export function isDns1123Subdomain(value: string): boolean {
  return value.length > 0 && value.length <= 253 && value.split('.').every((l) => K8S_LABEL.test(l))
}

/** Kubernetes DNS-1035 label: like a DNS-1123 label but starting with a letter (Service names). */
export function isDns1035Label(value: string): boolean {
  return isDns1123Label(value) && /^[a-z]/.test(value)
}

/** Istio's label check (targets, subset names, port names in Istio specs). */
export function isIstioLabel(value: string): boolean {
  return value.length <= 63 && ISTIO_LABEL.test(value)
}

/**
 * Why a host is not a valid Istio host (a DNS name whose first label may be a wildcard), or undefined.
 * @example hostProblem('*.foo.svc.cluster.local') // undefined
 * @example hostProblem('foo.*') // 'label "*" is not valid'
 */
export function hostProblem(host: string): string | undefined {
  if (host === '') return 'it is empty'
  if (host.length > 255) return 'it is longer than 255 characters'
  const [first = '', ...rest] = host.split('.')
  if (!(first.length <= 63 && ISTIO_WILDCARD_LABEL.test(first))) return `label "${first}" is not valid`
  const bad = rest.find((l) => !isIstioLabel(l))
  if (bad !== undefined) return `label "${bad}" is not valid`
  const top = rest[rest.length - 1]
  if (top !== undefined && /^[0-9]+$/.test(top)) return `the last label "${top}" is all digits`
  return undefined
}

/** IPv4 dotted quad; Istio accepts an IP wherever a VirtualService or Gateway host is expected. */
export function isIPv4(value: string): boolean {
  const parts = value.split('.')
  return parts.length === 4 && parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255)
}

/** Kubernetes port name (IANA service name): 1-15 characters, a letter somewhere, no `--`. */
export function isIanaServiceName(value: string): boolean {
  return value.length <= 15 && K8S_LABEL.test(value) && /[a-z]/.test(value) && !value.includes('--')
}

export function isPortNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535
}

/** The proto (snake_case) spelling of a JSON (camelCase) field name: `jwksUri` -> `jwks_uri`. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
}
