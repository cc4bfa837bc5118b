/**
 * `grid --migrate --istio 1.0 --to-istio 1.30 FILE...`: converts the design's v1alpha1 policies to the
 * modern API (M40), writes the converted YAML to stdout, and the cells whose result changes (M41), one
 * per line, to stderr. Exit 0: no cell differs; 1: some do; 2: invalid input or a policy the
 * conversion cannot handle.
 */
import { isModernProfile, honoursV1alpha1, parseIstioProfile, describeProfiles, type IstioProfile } from '../engine'
import { checkMigration, formatDifference } from '../engine/migrate'
import { stringifyManifests } from '../yaml'
import { parseGridArgs, UsageError } from './args'
import { loadInputs, type InputError } from './inputs'

export interface MigrateIo {
  read(file: string): string
  stdout(text: string): void
  stderr(text: string): void
  /** Unix seconds, when --at is not given. */
  now(): number
}

export const MIGRATE_USAGE = `usage: npm run -s grid -- --migrate --istio 1.0|1.1|1.5 --to-istio 1.5...1.30 [options] FILE...

Converts MeshPolicy and Policy objects to PeerAuthentication, RequestAuthentication and
AuthorizationPolicy as istio-ecosystem/security-policy-migrate does, prints the converted design as
YAML on standard output, and on standard error every grid cell whose result changes, one per line:
  CLIENT to SERVICE.NAMESPACE:PORT: BEFORE -> AFTER (M41 #N: why)
The request options of grid (--path, --token, --jwks, --at, --behaviour) apply to both grids.

Exit status: 0 when no cell differs, 1 when some do, 2 on invalid input.`

interface MigrateArgs {
  from: IstioProfile
  to: IstioProfile
  rest: string[]
}

function profileArg(option: string, value: string | undefined): IstioProfile {
  if (value === undefined) throw new UsageError(`${option} needs a value`)
  const profile = parseIstioProfile(value)
  if (!profile) throw new UsageError(`${option} wants one of ${describeProfiles()}, got "${value}"`)
  return profile
}

/** Takes --migrate, --istio and --to-istio out; grid's own parser reads the rest. */
export function parseMigrateArgs(argv: readonly string[]): MigrateArgs {
  let from: IstioProfile = '1.0'
  let to: IstioProfile | undefined
  const rest: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--migrate') continue
    if (arg === '--istio') from = profileArg(arg, argv[++i])
    else if (arg === '--to-istio') to = profileArg(arg, argv[++i])
    else rest.push(arg)
  }
  if (!to) throw new UsageError('--migrate needs --to-istio VERSION (1.5 ... 1.30)')
  if (!honoursV1alpha1(from)) throw new UsageError(`--istio ${from} has no v1alpha1 policies to migrate (use 1.0, 1.1 or 1.5)`)
  if (!isModernProfile(to)) throw new UsageError(`--to-istio wants a modern profile (1.5 ... 1.30), got ${to}`)
  return { from, to, rest }
}

function printErrors(io: MigrateIo, errors: readonly InputError[]): void {
  for (const e of errors) io.stderr(`${e.where}: ${e.severity} ${e.code}: ${e.message}\n`)
}

export async function runMigrate(argv: readonly string[], io: MigrateIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${MIGRATE_USAGE}\n`)
    return 0
  }
  let parsed: MigrateArgs
  let grid: ReturnType<typeof parseGridArgs>
  try {
    parsed = parseMigrateArgs(argv)
    grid = parseGridArgs(parsed.rest)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`grid: ${error.message}\n\n${MIGRATE_USAGE}\n`)
      return 2
    }
    throw error
  }
  // The alpha side is read (and admitted) under the profile the files were written for.
  const loaded = loadInputs({ ...grid, profile: parsed.from }, io.read)
  printErrors(io, loaded.warnings)
  if (!loaded.ok) {
    printErrors(io, loaded.errors)
    return 2
  }
  const now = grid.at ?? io.now()
  const headers: Record<string, string> = loaded.token !== undefined ? { Authorization: `Bearer ${loaded.token}` } : {}
  const check = await checkMigration({
    objects: loaded.model.admission.accepted.map((a) => a.object),
    from: loaded.options,
    to: parsed.to,
    request: { request: { path: grid.path, headers, now }, keySets: loaded.keySets },
  })
  if (check.migration.errors.length > 0) {
    for (const e of check.migration.errors) io.stderr(`grid: cannot convert ${e.resource}: ${e.message}\n`)
    return 2
  }
  const rejected = check.after.diagnostics.filter((d) => d.severity === 'error')
  if (rejected.length > 0) {
    for (const d of rejected) io.stderr(`grid: Istio ${parsed.to} rejects ${d.resource ?? 'an object'}: ${d.code}: ${d.message}\n`)
    return 2
  }
  io.stdout(stringifyManifests(check.migration.objects))
  for (const d of check.differences) io.stderr(`${formatDifference(d)}\n`)
  return check.differences.length > 0 ? 1 : 0
}
