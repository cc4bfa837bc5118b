/**
 * intent.yaml -> expectations, with a line and column for every problem (FORMAT.md describes the
 * file). A broken entry is reported and skipped; the entries around it still count.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml'
import { parseClientSet, parseOutcome, parseTargetSet } from '../engine/intent/sets'
import type { ClientSet, Expectation, IntentRequest, TargetSet } from '../engine/intent/types'

export const INTENT_API_VERSION = 'mesh-auth-designer/v1'
export const INTENT_KIND = 'Intent'

export interface IntentRange {
  line: number
  column: number
  endLine: number
  endColumn: number
}

export interface IntentProblem extends IntentRange {
  severity: 'error' | 'warning'
  /** INT001 syntax, INT002 shape, INT003 unknown field, INT004 bad set, INT005 bad outcome, INT006 bad request, INT007 names nothing. */
  code: string
  message: string
}

/** Where the parts of one expectation were written, for reference checks. */
export interface ExpectationSource {
  from: IntentRange
  to: IntentRange
}

export interface ParsedIntent {
  expectations: Expectation[]
  sources: ExpectationSource[]
  problems: IntentProblem[]
}

const ENTRY_KEYS = new Set(['from', 'to', 'expect', 'request', 'note'])
const REQUEST_KEYS = new Set(['method', 'path', 'token'])
const TOP_KEYS = new Set(['apiVersion', 'kind', 'expectations'])

export function parseIntent(text: string): ParsedIntent {
  const out: ParsedIntent = { expectations: [], sources: [], problems: [] }
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const range = (node: { range?: [number, number, number?] | null } | null | undefined): IntentRange => {
    const [start = 0, end = start] = node?.range ?? [0, 0]
    const a = lines.linePos(start)
    const b = lines.linePos(Math.max(start, end))
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col }
  }
  const report = (code: string, message: string, node: Node | null | undefined | { range?: [number, number, number?] | null }, severity: 'error' | 'warning' = 'error') =>
    out.problems.push({ ...range(node ?? undefined), severity, code, message })
  for (const e of doc.errors) {
    const a = lines.linePos(e.pos[0])
    const b = lines.linePos(Math.max(e.pos[0], e.pos[1]))
    out.problems.push({ line: a.line, column: a.col, endLine: b.line, endColumn: b.col, severity: 'error', code: 'INT001', message: e.message.split('\n')[0] ?? e.message })
  }
  if (doc.errors.length > 0) return out
  const root = doc.contents
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return out
  if (!isMap(root)) {
    report('INT002', 'intent.yaml is a mapping with `expectations:` (a list)', root)
    return out
  }
  let list: Node | undefined
  for (const pair of root.items as Pair<Node, Node>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    if (!TOP_KEYS.has(key)) report('INT003', `unknown field "${key}": intent.yaml has apiVersion, kind and expectations`, pair.key)
    else if (key === 'apiVersion' && !(isScalar(pair.value) && pair.value.value === INTENT_API_VERSION)) report('INT002', `apiVersion must be ${INTENT_API_VERSION}`, pair.value)
    else if (key === 'kind' && !(isScalar(pair.value) && pair.value.value === INTENT_KIND)) report('INT002', `kind must be ${INTENT_KIND}`, pair.value)
    else if (key === 'expectations') list = pair.value ?? undefined
  }
  if (list === undefined || (isScalar(list) && list.value === null)) return out
  if (!isSeq(list)) {
    report('INT002', '`expectations` is a list of entries with from, to and expect', list)
    return out
  }
  for (const item of list.items as Node[]) readEntry(item, out, report, range)
  return out
}

type Report = (code: string, message: string, node: Node | null | undefined, severity?: 'error' | 'warning') => void

/** A set written as one string or a list of strings. */
function readSets<T>(node: Node | null | undefined, parse: (s: string) => { ok: true; value: T } | { ok: false; message: string }, field: string, report: Report, parent: Node): T[] | undefined {
  if (node === undefined || node === null) {
    report('INT002', `the entry has no \`${field}\``, parent)
    return undefined
  }
  const items = isSeq(node) ? (node.items as Node[]) : [node]
  if (items.length === 0) {
    report('INT004', `\`${field}\` is an empty list`, node)
    return undefined
  }
  const sets: T[] = []
  for (const item of items) {
    if (!isScalar(item) || typeof item.value !== 'string') {
      report('INT004', `\`${field}\` is a string (or a list of strings)${field === 'from' || field === 'to' ? '; quote sets that start with *, like "*.foo"' : ''}`, item)
      return undefined
    }
    const parsed = parse(item.value)
    if (!parsed.ok) {
      report('INT004', parsed.message, item)
      return undefined
    }
    sets.push(parsed.value)
  }
  return sets
}

function readRequest(node: Node, report: Report): IntentRequest | undefined {
  if (!isMap(node)) {
    report('INT006', '`request` is a mapping with method, path and token', node)
    return undefined
  }
  const request: IntentRequest = {}
  for (const pair of node.items as Pair<Node, Node>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    if (!REQUEST_KEYS.has(key)) {
      report('INT003', `unknown field "${key}" in request: write method, path or token`, pair.key)
      return undefined
    }
    const v = pair.value
    if (!isScalar(v) || typeof v.value !== 'string' || v.value === '') {
      report('INT006', `request.${key} is a non-empty string`, v ?? pair.key)
      return undefined
    }
    if (key === 'method' && !/^[A-Z]+$/.test(v.value)) {
      report('INT006', `request.method is an HTTP method in capitals, like GET`, v)
      return undefined
    }
    if (key === 'path' && !v.value.startsWith('/')) {
      report('INT006', 'request.path starts with /', v)
      return undefined
    }
    request[key as keyof IntentRequest] = v.value
  }
  return request
}

function readEntry(item: Node, out: ParsedIntent, report: Report, range: (n: Node | null | undefined) => IntentRange): void {
  if (!isMap(item)) {
    report('INT002', 'an expectation is a mapping with from, to and expect', item)
    return
  }
  const fields = new Map<string, Node | null>()
  for (const pair of item.items as Pair<Node, Node>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    if (!ENTRY_KEYS.has(key)) {
      report('INT003', `unknown field "${key}": an expectation has from, to, expect, request and note`, pair.key)
      return
    }
    fields.set(key, pair.value)
  }
  const from = readSets<ClientSet>(fields.get('from'), parseClientSet, 'from', report, item)
  const to = readSets<TargetSet>(fields.get('to'), parseTargetSet, 'to', report, item)
  const expectNode = fields.get('expect')
  let expect
  if (expectNode === undefined || expectNode === null) report('INT002', 'the entry has no `expect` (allow, deny, or a code such as 403 or 000/56)', item)
  else if (!isScalar(expectNode) || (typeof expectNode.value !== 'string' && typeof expectNode.value !== 'number')) report('INT005', '`expect` is allow, deny, or a code such as 403 or 000/56', expectNode)
  else {
    // An unquoted 403 is a number, and 000 would read as 0: take the digits as written.
    const written = typeof expectNode.value === 'number' ? (expectNode.source ?? String(expectNode.value)) : expectNode.value
    const parsed = parseOutcome(written)
    if (parsed.ok) expect = parsed.value
    else report('INT005', parsed.message, expectNode)
  }
  const requestNode = fields.get('request')
  const request = requestNode ? readRequest(requestNode, report) : undefined
  if (!from || !to || !expect || (requestNode && !request)) return
  const line = range(item).line
  const fromRange = range(fields.get('from'))
  const toRange = range(fields.get('to'))
  for (const f of from)
    for (const t of to) {
      out.expectations.push({ from: f, to: t, expect, line, ...(request ? { request } : {}) })
      out.sources.push({ from: fromRange, to: toRange })
    }
}
