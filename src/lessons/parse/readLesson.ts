/**
 * The shape check of a lesson file: fields, types, enums, identifiers. What the fields mean against
 * the mesh (do the clients exist, does the grid name every probe) is checked in checkSteps.ts.
 */
import type { IstioProfile, R11Behaviour } from '../../engine'
import { ISTIO_PROFILES } from '../../engine/profile'
import { CELL_CODES, EXTERNAL_CLIENT, type CellCode, type LessonStep, type LoopSpec, type ObjectRef, type StepExpect, type StepRequest, type TokenSpec } from '../types'
import type { Path } from './positions'
import { isRecord, readEnum, readFields, readInteger, readList, readString, readStringList, report, type Problems } from './shape'

export const ID = { re: /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, hint: 'an id (lowercase letters, digits and dashes)' }
const CLIENT = { re: /^(?:external|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)$/, hint: 'a client: `external` or `name.namespace` (e.g. sleep.foo)' }
const TARGET = { re: /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?:\d{1,5}$/, hint: 'a target `service.namespace:port` (e.g. httpbin.foo:8000)' }
const PATH = { re: /^\/\S*$/, hint: 'a request path starting with `/`' }
const SEED_STATE = { re: /^S\d+$/, hint: 'a seed state id (S0 ... S13)' }
const SEED_TABLE = { re: /^T\d+a?$/, hint: 'a seed table id (T0a, T0 ... T16)' }
const TLS_CHECK_ROW = /^(?:OK|CONFLICT) (?:mTLS|HTTP|HTTP\/mTLS) (?:mTLS|HTTP) \S+ \S+$/
const SHORTCODE = /\{\{<|@[A-Za-z0-9_./-]+@/

/** The lesson with `base` as written (a base name or inline YAML). */
export interface LessonDraft {
  id: string
  title: string
  summary: string
  profile: IstioProfile
  r11?: R11Behaviour
  base: string
  steps: LessonStep[]
}

const LESSON_FIELDS = ['id', 'title', 'summary', 'profile', 'base', 'steps'] as const
const STEP_FIELDS = ['id', 'title', 'section', 'explanation', 'request', 'expect', 'commands'] as const
const STEP_OPTIONAL = ['outcome', 'apply', 'delete', 'note', 'seedState', 'seedTable'] as const

function readToken(problems: Problems, value: unknown, path: Path): TokenSpec | undefined {
  if (value === undefined || value === null) return undefined
  if (!isRecord(value)) return readEnum(problems, value, path, ['none', 'demo', 'serviceaccount'] as const)
  const outer = readFields(problems, value, path, ['generate'], [])
  const inner = outer && readFields(problems, outer.generate, [...path, 'generate'], ['expireSeconds'], ['issuedAtOffset'])
  if (!inner) return undefined
  const expireSeconds = readInteger(problems, inner.expireSeconds, [...path, 'generate', 'expireSeconds'], 0)
  const issuedAtOffset = readInteger(problems, inner.issuedAtOffset, [...path, 'generate', 'issuedAtOffset'], -Number.MAX_SAFE_INTEGER)
  if (expireSeconds === undefined) return undefined
  return { generate: { expireSeconds, ...(issuedAtOffset === undefined ? {} : { issuedAtOffset }) } }
}

function readLoop(problems: Problems, value: unknown, path: Path): LoopSpec | undefined {
  if (value === undefined || value === null) return undefined
  const fields = readFields(problems, value, path, ['count', 'intervalSeconds'], [])
  if (!fields) return undefined
  const count = readInteger(problems, fields.count, [...path, 'count'], 1, 1000)
  const intervalSeconds = readInteger(problems, fields.intervalSeconds, [...path, 'intervalSeconds'], 0)
  return count === undefined || intervalSeconds === undefined ? undefined : { count, intervalSeconds }
}

function readRequest(problems: Problems, value: unknown, path: Path): StepRequest | undefined {
  const fields = readFields(problems, value, path, [], ['clients', 'targets', 'path', 'token', 'at', 'loop'])
  if (!fields) return undefined
  const request: StepRequest = {}
  const clients = readStringList(problems, fields.clients, [...path, 'clients'], CLIENT)
  const targets = readStringList(problems, fields.targets, [...path, 'targets'], TARGET)
  const requestPath = readString(problems, fields.path, [...path, 'path'], PATH)
  const token = readToken(problems, fields.token, [...path, 'token'])
  const at = readInteger(problems, fields.at, [...path, 'at'], 0)
  const loop = readLoop(problems, fields.loop, [...path, 'loop'])
  if (clients?.includes(EXTERNAL_CLIENT) && clients.length > 1) {
    report(problems, { path: [...path, 'clients'], message: '`external` reaches only the ingress gateway: give it a step of its own' })
  }
  if (clients) request.clients = clients
  if (targets) request.targets = targets
  if (requestPath) request.path = requestPath
  if (token) request.token = token
  if (at !== undefined) request.at = at
  if (loop) request.loop = loop
  return request
}

function readCells<T extends string>(problems: Problems, value: unknown, path: Path, read: (v: unknown, p: Path, key: string) => T | undefined): Record<string, T> | undefined {
  if (value === undefined || value === null) return undefined
  if (!isRecord(value) || Object.keys(value).length === 0) return report(problems, { path, message: 'expected a non-empty mapping of "client -> target" to a result', target: 'value' })
  const out: Record<string, T> = {}
  for (const [key, cell] of Object.entries(value)) {
    const read1 = read(cell, [...path, key], key)
    if (read1 !== undefined) out[key] = read1
  }
  return out
}

function readExpect(problems: Problems, value: unknown, path: Path): StepExpect | undefined {
  const fields = readFields(problems, value, path, ['grid'], ['tlsCheck'])
  if (!fields) return undefined
  const gridPath = [...path, 'grid']
  const grid = readCells(problems, fields.grid, gridPath, (cell, at, key) => {
    const text = typeof cell === 'number' ? String(cell) : cell
    if (typeof text === 'string' && (CELL_CODES as readonly string[]).includes(text)) return text as CellCode
    return report(problems, { path: at, shown: gridPath, target: 'value', message: `"${key}": expected one of ${CELL_CODES.join(', ')}, got ${JSON.stringify(cell)}` })
  })
  const tlsPath = [...path, 'tlsCheck']
  const tlsCheck = readCells(problems, fields.tlsCheck, tlsPath, (cell, at, key) => {
    if (typeof cell === 'string' && TLS_CHECK_ROW.test(cell)) return cell
    return report(problems, { path: at, shown: tlsPath, target: 'value', message: `"${key}": expected "STATUS SERVER CLIENT POLICY RULE" as istioctl prints it (e.g. "OK HTTP/mTLS mTLS default/foo default/foo"), got ${JSON.stringify(cell)}` })
  })
  if (!grid) return undefined
  return tlsCheck ? { grid, tlsCheck } : { grid }
}

function readDeletes(problems: Problems, value: unknown, path: Path): ObjectRef[] | undefined {
  const list = readList(problems, value, path, true)
  if (!list) return undefined
  const out: ObjectRef[] = []
  list.forEach((item, i) => {
    const fields = readFields(problems, item, [...path, i], ['kind', 'name'], ['namespace'])
    if (!fields) return
    const kind = readString(problems, fields.kind, [...path, i, 'kind'], { re: /^[A-Z][A-Za-z]+$/, hint: 'a kind (e.g. DestinationRule)' })
    const name = readString(problems, fields.name, [...path, i, 'name'])
    const namespace = readString(problems, fields.namespace, [...path, i, 'namespace'], ID)
    if (kind && name) out.push(namespace ? { kind, name, namespace } : { kind, name })
  })
  return out
}

function readCommands(problems: Problems, value: unknown, path: Path): string[] | undefined {
  const commands = readStringList(problems, value, path)
  commands?.forEach((command, i) => {
    const hit = SHORTCODE.exec(command)
    if (hit) report(problems, { path: [...path, i], target: 'value', message: `contains the documentation shortcode \`${hit[0]}\`; write the real URL or path instead` })
  })
  return commands
}

function readStep(problems: Problems, value: unknown, path: Path): LessonStep | undefined {
  const fields = readFields(problems, value, path, STEP_FIELDS, STEP_OPTIONAL)
  if (!fields) return undefined
  const at = (key: string): Path => [...path, key]
  const id = readString(problems, fields.id, at('id'), ID)
  const title = readString(problems, fields.title, at('title'))
  const section = readString(problems, fields.section, at('section'))
  const explanation = readString(problems, fields.explanation, at('explanation'))
  const outcome = readString(problems, fields.outcome, at('outcome'))
  const apply = readString(problems, fields.apply, at('apply'))
  const deletes = readDeletes(problems, fields.delete, at('delete'))
  const request = readRequest(problems, fields.request, at('request'))
  const expect = readExpect(problems, fields.expect, at('expect'))
  const commands = readCommands(problems, fields.commands, at('commands'))
  const note = readString(problems, fields.note, at('note'))
  const seedState = readString(problems, fields.seedState, at('seedState'), SEED_STATE)
  const seedTable = readString(problems, fields.seedTable, at('seedTable'), SEED_TABLE)
  if (!id || !title || !section || !explanation || !request || !expect || !commands) return undefined
  return {
    id,
    title,
    section,
    explanation,
    ...(outcome === undefined ? {} : { outcome }),
    ...(apply === undefined ? {} : { apply }),
    ...(deletes === undefined ? {} : { delete: deletes }),
    request,
    expect,
    commands,
    ...(note === undefined ? {} : { note }),
    ...(seedState === undefined ? {} : { seedState }),
    ...(seedTable === undefined ? {} : { seedTable }),
  }
}

/** Reads the whole file's value; undefined when a problem was found (all of them are in `problems`). */
export function readLesson(problems: Problems, value: unknown): LessonDraft | undefined {
  const fields = readFields(problems, value, [], LESSON_FIELDS, ['r11'])
  if (!fields) return undefined
  const id = readString(problems, fields.id, ['id'], ID)
  const title = readString(problems, fields.title, ['title'])
  const summary = readString(problems, fields.summary, ['summary'])
  // An unquoted `1.0` is a number in YAML: read it back as the version it was written as.
  const profileValue = typeof fields.profile === 'number' ? fields.profile.toFixed(1) : fields.profile
  const profile = readEnum(problems, profileValue, ['profile'], ISTIO_PROFILES)
  const r11 = readEnum(problems, fields.r11, ['r11'], ['documented', 'implemented'] as const)
  const base = readString(problems, fields.base, ['base'])
  const list = readList(problems, fields.steps, ['steps'], true) ?? []
  const steps = list.map((s, i) => readStep(problems, s, ['steps', i]))
  const seen = new Map<string, number>()
  list.forEach((raw, i) => {
    const id = isRecord(raw) ? raw.id : undefined
    if (typeof id !== 'string') return
    const first = seen.get(id)
    if (first !== undefined) report(problems, { path: ['steps', i, 'id'], target: 'value', message: `duplicate step id "${id}" (also steps[${first}])` })
    else seen.set(id, i)
  })
  if (problems.list.length > 0 || !id || !title || !summary || !profile || !base) return undefined
  return { id, title, summary, profile, ...(r11 ? { r11 } : {}), base, steps: steps as LessonStep[] }
}
