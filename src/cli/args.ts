/**
 * Command-line options of `mesh-auth grid` (and `npm run -s grid`), declared once in GRID_OPTIONS:
 * the parser, `--help` and the error for an unknown option all read that table. To add an option,
 * add a field to GridArgs (and its default to defaultGridArgs) and one entry to the table.
 */
import { describeProfiles, parseIstioProfile } from '../engine/profile'
import type { IstioProfile, R11Behaviour } from '../engine/types'
import { DEFAULT_LIMITS, parseLimit, type Limits } from './limits'

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
  limits: Limits
}

export function defaultGridArgs(): GridArgs {
  return { files: [], path: '/ip', jwks: [], profile: '1.0', r11: 'documented', tlsCheck: false, json: false, help: false, headers: [], limits: { ...DEFAULT_LIMITS } }
}

/** One option: its spelling(s), the value it takes (absent for a switch), one line of help, its effect. */
export interface OptionSpec {
  name: `--${string}`
  aliases?: readonly string[]
  /** Placeholder shown in --help (`LIST`, `FILE`); absent: a switch without value. */
  value?: string
  help: string
  apply(args: GridArgs, value: string): void
}

export class UsageError extends Error {}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

export const GRID_OPTIONS: OptionSpec[] = [
  {
    name: '--from',
    value: 'LIST',
    help: 'clients, comma-separated: WORKLOAD.NAMESPACE or external (the ingress gateway); default every workload',
    apply: (a, v) => void (a.from = list(v)),
  },
  {
    name: '--to',
    value: 'LIST',
    help: 'targets, comma-separated: SERVICE.NAMESPACE[:PORT] (no port: the first), printed as written; default every Service port',
    apply: (a, v) => void (a.to = list(v)),
  },
  { name: '--path', value: 'P', help: 'request path, default /ip', apply: (a, v) => void (a.path = v.startsWith('/') ? v : `/${v}`) },
  { name: '--token', value: 'FILE', help: 'send Authorization: Bearer <contents of FILE, trimmed>', apply: (a, v) => void (a.tokenFile = v) },
  {
    name: '--jwks',
    value: 'URI=FILE',
    help: "key set for a jwksUri (repeatable); Istio's sample key set is built in",
    apply(a, v) {
      const eq = v.lastIndexOf('=')
      if (eq <= 0) throw new UsageError(`--jwks wants URI=FILE, got "${v}"`)
      a.jwks.push({ uri: v.slice(0, eq), file: v.slice(eq + 1) })
    },
  },
  {
    name: '--at',
    value: 'SECONDS',
    help: 'the clock in Unix seconds (token expiry); default now',
    apply(a, v) {
      const n = Number(v)
      if (v.trim() === '' || !Number.isFinite(n)) throw new UsageError('--at wants Unix seconds')
      a.at = n
    },
  },
  {
    name: '--istio',
    value: 'VERSION',
    help: 'semantics profile: 1.0, 1.1, or 1.5 ... 1.30 (any minor takes the rules of its release; 1.5+ reads PeerAuthentication, RequestAuthentication, AuthorizationPolicy); default 1.0',
    apply(a, v) {
      const profile = parseIstioProfile(v)
      if (!profile) throw new UsageError(`--istio wants one of ${describeProfiles()}, got "${v}"`)
      a.profile = profile
    },
  },
  {
    name: '--method',
    value: 'M',
    help: 'HTTP method of the request, default GET (curl -X M)',
    apply(a, v) {
      if (!/^[A-Za-z]+$/.test(v)) throw new UsageError(`--method wants an HTTP method such as GET or POST, got "${v}"`)
      a.method = v
    },
  },
  {
    name: '--header',
    aliases: ['-H'],
    value: "'NAME: VALUE'",
    help: 'adds a request header (repeatable; curl -H)',
    apply(a, v) {
      const colon = v.indexOf(':')
      if (colon <= 0) throw new UsageError(`--header wants 'Name: value', got "${v}"`)
      a.headers.push([v.slice(0, colon).trim(), v.slice(colon + 1).trim()])
    },
  },
  {
    name: '--source-ip',
    value: 'IP',
    help: 'address of the external client as the ingress gateway sees it (--from external)',
    apply(a, v) {
      if (!/^[0-9a-fA-F:.]+$/.test(v)) throw new UsageError(`--source-ip wants an IP address, got "${v}"`)
      a.sourceIp = v
    },
  },
  {
    name: '--behaviour',
    aliases: ['--behavior'],
    value: 'documented|implemented',
    help: "R11: the task's printed 401 (documented) or Istio's real reset (implemented); default documented",
    apply(a, v) {
      if (v !== 'documented' && v !== 'implemented') throw new UsageError(`--behaviour wants documented or implemented, got "${v}"`)
      a.r11 = v
    },
  },
  { name: '--tls-check', help: "print istioctl authn tls-check as the profile's istioctl does, instead of the probes (1.0/1.1 only: removed in Istio 1.5)", apply: (a) => void (a.tlsCheck = true) },
  { name: '--json', help: 'one JSON object per probe, with its explanation', apply: (a) => void (a.json = true) },
  {
    name: '--max-bytes',
    value: 'N',
    help: `stop with error LIMIT001 when the input is over N bytes; default ${DEFAULT_LIMITS.maxBytes} (64 MiB)`,
    apply(a, v) {
      const n = parseLimit(v)
      if (n === undefined) throw new UsageError(`--max-bytes wants a positive whole number, got "${v}"`)
      a.limits.maxBytes = n
    },
  },
  {
    name: '--max-objects',
    value: 'N',
    help: `stop with error LIMIT002 when the input has over N objects; default ${DEFAULT_LIMITS.maxObjects}`,
    apply(a, v) {
      const n = parseLimit(v)
      if (n === undefined) throw new UsageError(`--max-objects wants a positive whole number, got "${v}"`)
      a.limits.maxObjects = n
    },
  },
  { name: '--help', aliases: ['-h'], help: 'print this help and exit', apply: (a) => void (a.help = true) },
]

function optionTable(): Map<string, OptionSpec> {
  const byName = new Map<string, OptionSpec>()
  for (const option of GRID_OPTIONS) for (const name of [option.name, ...(option.aliases ?? [])]) byName.set(name, option)
  return byName
}

/** `--help`: one line per option, generated from the table. */
export function usage(command = 'mesh-auth grid'): string {
  const heads = GRID_OPTIONS.map((o) => `${[o.name, ...(o.aliases ?? [])].join(', ')}${o.value ? ` ${o.value}` : ''}`)
  const width = Math.max(...heads.map((h) => h.length), 'FILE...'.length) + 2
  const lines = GRID_OPTIONS.map((o, i) => `  ${(heads[i] as string).padEnd(width)}${o.help}`)
  return [
    `usage: ${command} [options] FILE...`,
    '',
    'Prints what curl would print for every client and Service port, the way the Istio authentication',
    "task's loops print it: `FROM to TO: CODE`.",
    '',
    `  ${'FILE...'.padEnd(width)}YAML files (kubectl get -o yaml output, multi-document, kind: List); - reads stdin`,
    ...lines,
    '',
    'Exit status: 0 when every object was admitted; 2 when some input was rejected (the grid of the',
    'admitted objects is still printed, the errors go to stderr as FILE:LINE:COLUMN) or on a usage error.',
  ].join('\n')
}

export function parseGridArgs(argv: readonly string[]): GridArgs {
  const args = defaultGridArgs()
  const table = optionTable()
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string
    if (raw === '--') {
      args.files.push(...argv.slice(i + 1))
      break
    }
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1
    const arg = eq > 0 ? raw.slice(0, eq) : raw
    const option = table.get(arg)
    if (!option) {
      if (arg.startsWith('-') && arg !== '-') {
        const names = GRID_OPTIONS.map((o) => o.name).join(', ')
        throw new UsageError(`unknown option ${arg}; the options are ${names}`)
      }
      args.files.push(raw)
      continue
    }
    let value = ''
    if (option.value) {
      if (eq > 0) value = raw.slice(eq + 1)
      else {
        const next = argv[++i]
        if (next === undefined) throw new UsageError(`${arg} needs a value (${option.value})`)
        value = next
      }
    } else if (eq > 0) throw new UsageError(`${arg} takes no value`)
    option.apply(args, value)
  }
  if (!args.help && args.files.length === 0) throw new UsageError('no FILE given')
  return args
}
