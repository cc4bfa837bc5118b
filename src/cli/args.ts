/**
 * Command-line options of `npm run -s grid`, parsed without a dependency: the set is small and fixed.
 */
import type { IstioProfile, R11Behaviour } from '../engine/types'
import { DEFAULT_LIMITS, LIMITS_USAGE, parseLimit, type Limits } from './limits'

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
  limits: Limits
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
  --istio 1.0|1.1  semantics profile, default 1.0
  --behaviour documented|implemented   R11: the task's printed 401, or Istio's real reset; default documented
  --tls-check      print the istioctl authn tls-check table of the profile instead of the probes
  --json           one JSON object per probe, with the explanation
${LIMITS_USAGE}

Exit status: 0 when the input is valid, 2 when it is not (messages name file and line).`

export class UsageError extends Error {}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

export function parseGridArgs(argv: readonly string[]): GridArgs {
  const args: GridArgs = { files: [], path: '/ip', jwks: [], profile: '1.0', r11: 'documented', tlsCheck: false, json: false, help: false, limits: { ...DEFAULT_LIMITS } }
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
        if (v !== '1.0' && v !== '1.1') throw new UsageError(`--istio wants 1.0 or 1.1, got "${v}"`)
        args.profile = v
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
      case '--max-bytes':
      case '--max-objects': {
        const v = value()
        const n = parseLimit(v)
        if (n === undefined) throw new UsageError(`${arg} wants a positive whole number, got "${v}"`)
        if (arg === '--max-bytes') args.limits.maxBytes = n
        else args.limits.maxObjects = n
        break
      }
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
