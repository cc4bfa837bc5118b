/**
 * Command-line options of `npm run -s grid`, parsed without a dependency: the set is small and fixed.
 */
import { describeProfiles, parseIstioProfile } from '../engine/profile'
import type { IstioProfile, R11Behaviour } from '../engine/types'

export interface GridArgs {
  files: string[]
  from?: string[]
  to?: string[]
  path: string
  tokenFile?: string
  jwks: { uri: string; file: string }[]
  at?: number
  profile: IstioProfile
  r11: R11Behaviour
  tlsCheck: boolean
  json: boolean
  help: boolean
  /** HTTP method (modern AuthorizationPolicy `methods`); absent: GET. */
  method?: string
  /** `--header 'Name: value'`, in order (repeatable). */
  headers: [string, string][]
  /** `--from external` only: the client address the ingress gateway sees. */
  sourceIp?: string
}

export const USAGE = `usage: npm run -s grid -- [options] FILE...

Prints what curl would print for every client and service port, the way the Istio
authentication task's loops print it.

  FILE             YAML files (Kubernetes and Istio objects, multi-document or kind: List); - reads stdin
  --from LIST      comma-separated clients: DEPLOYMENT.NAMESPACE, or external (through the ingress
                   gateway); default: every Deployment
  --to LIST        comma-separated targets: SERVICE.NAMESPACE or SERVICE.NAMESPACE:PORT (no port: the
                   service's first port); default: every service port a workload listens on
  --path P         request path, default /ip
  --token FILE     sends Authorization: Bearer <file contents, trimmed>
  --jwks URI=FILE  the key set for a jwksUri (repeatable); Istio's sample key set is built in
  --at SECONDS     the clock, in Unix seconds; default now
  --istio VERSION  semantics profile: 1.0, 1.1, or 1.5 ... 1.30 (any minor takes the rules of its
                   release; 1.5+ reads PeerAuthentication, RequestAuthentication and
                   AuthorizationPolicy); default 1.0
  --method M       HTTP method of the request, default GET (curl -X M)
  --header 'N: V'  adds a request header (repeatable; curl -H)
  --source-ip IP   address of the external client as the ingress gateway sees it (--from external)
  --behaviour documented|implemented   R11: the task's printed 401, or Istio's real reset; default documented
  --tls-check      print the istioctl authn tls-check table of the profile instead of the probes
                   (1.0/1.1 only: the command was removed in Istio 1.5)
  --json           one JSON object per probe, with the explanation

Exit status: 0 when the input is valid, 2 when it is not (messages name file and line).`

export class UsageError extends Error {}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

export function parseGridArgs(argv: readonly string[]): GridArgs {
  const args: GridArgs = { files: [], path: '/ip', jwks: [], profile: '1.0', r11: 'documented', tlsCheck: false, json: false, help: false, headers: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined) throw new UsageError(`${arg} needs a value`)
      return v
    }
    switch (arg) {
      case '--from':
        args.from = list(value())
        break
      case '--to':
        args.to = list(value())
        break
      case '--path': {
        const p = value()
        args.path = p.startsWith('/') ? p : `/${p}`
        break
      }
      case '--token':
        args.tokenFile = value()
        break
      case '--jwks': {
        const v = value()
        const eq = v.lastIndexOf('=')
        if (eq <= 0) throw new UsageError(`--jwks wants URI=FILE, got "${v}"`)
        args.jwks.push({ uri: v.slice(0, eq), file: v.slice(eq + 1) })
        break
      }
      case '--at': {
        const v = Number(value())
        if (!Number.isFinite(v)) throw new UsageError('--at wants Unix seconds')
        args.at = v
        break
      }
      case '--istio': {
        const v = value()
        const profile = parseIstioProfile(v)
        if (!profile) throw new UsageError(`--istio wants 1.0 or 1.1, or a modern release 1.5 ... 1.30 (any minor; profiles ${describeProfiles()}), got "${v}"`)
        args.profile = profile
        break
      }
      case '--method': {
        const v = value()
        if (!/^[A-Za-z]+$/.test(v)) throw new UsageError(`--method wants an HTTP method such as GET or POST, got "${v}"`)
        args.method = v
        break
      }
      case '--header':
      case '-H': {
        const v = value()
        const colon = v.indexOf(':')
        if (colon <= 0) throw new UsageError(`--header wants 'Name: value', got "${v}"`)
        args.headers.push([v.slice(0, colon).trim(), v.slice(colon + 1).trim()])
        break
      }
      case '--source-ip': {
        const v = value()
        if (!/^[0-9a-fA-F:.]+$/.test(v)) throw new UsageError(`--source-ip wants an IP address, got "${v}"`)
        args.sourceIp = v
        break
      }
      case '--behaviour':
      case '--behavior': {
        const v = value()
        if (v !== 'documented' && v !== 'implemented') throw new UsageError(`--behaviour wants documented or implemented, got "${v}"`)
        args.r11 = v
        break
      }
      case '--tls-check':
        args.tlsCheck = true
        break
      case '--json':
        args.json = true
        break
      case '-h':
      case '--help':
        args.help = true
        break
      default:
        if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`)
        args.files.push(arg)
    }
  }
  if (!args.help && args.files.length === 0) throw new UsageError('no FILE given')
  return args
}
