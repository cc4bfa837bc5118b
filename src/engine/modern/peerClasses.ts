/**
 * Which sidecar clients one column's AuthorizationPolicies can tell apart, so the grid computes one
 * cell per class of clients instead of one per client (M24-M33 decide the same for every member).
 *
 * A connection-dependent rule (decide.ts: the residual `from` and connection `when`) reads a grid
 * client through three strings only: its principal, its namespace and `namespace/serviceAccount`.
 * The trust domain is the same for every grid client, grid clients carry no addresses (identityOf),
 * and the SNI only says that a peer certificate exists. So every value of such a rule is a test on
 * one of the three strings (a probe), and clients that pass the same probes get the same verdict.
 * A rule field this file does not know makes the column unclassified: every client is its own class.
 */
import type { CompiledRule, ColumnAuthz } from '../authz/decide'
import { matchStarGlob } from '../authz/glob'
import { matchValue } from '../authz/match'
import type { AuthzRule } from '../security'

/** The client strings a rule value is tested against. */
const PRINCIPAL = 0
const NAMESPACE = 1
const SERVICE_ACCOUNT = 2
type Attribute = typeof PRINCIPAL | typeof NAMESPACE | typeof SERVICE_ACCOUNT

/** How a value is tested: matchValue (M25 general), the `namespaces` star glob, or plain equality. */
type Test = 'value' | 'glob' | 'exact'

export interface Probe {
  attribute: Attribute
  test: Test
  pattern: string
}

export interface PeerIdentityStrings {
  principal: string
  namespace: string
  serviceAccount: string
}

/** The grid's distinct sidecar clients (by namespace and service account), indexed for probes. */
export interface PeerTable {
  size: number
  /** Per attribute, per client: the string a probe tests. */
  values: readonly (readonly string[])[]
  /** Per attribute, built on first use: client indices sorted by that string, and by exact string. */
  indexes: (AttributeIndex | undefined)[]
  /** Members of each probe already looked up in this grid: by attribute and test (memoSlot), then pattern. */
  members: Map<string, readonly number[]>[]
}

interface AttributeIndex {
  sorted: readonly number[]
  byValue: ReadonlyMap<string, readonly number[]>
}

export function buildPeerTable(peers: readonly PeerIdentityStrings[]): PeerTable {
  const values = [peers.map((p) => p.principal), peers.map((p) => p.namespace), peers.map((p) => `${p.namespace}/${p.serviceAccount}`)]
  return { size: peers.length, values, indexes: [undefined, undefined, undefined], members: [] }
}

const TESTS: readonly Test[] = ['value', 'glob', 'exact']

function memoSlot(probe: Probe): number {
  return probe.attribute * TESTS.length + TESTS.indexOf(probe.test)
}

function indexOf(table: PeerTable, attribute: Attribute): AttributeIndex {
  let index = table.indexes[attribute]
  if (!index) {
    const list = table.values[attribute] as readonly string[]
    const byValue = new Map<string, number[]>()
    list.forEach((v, i) => {
      const ids = byValue.get(v)
      if (ids) ids.push(i)
      else byValue.set(v, [i])
    })
    index = { sorted: list.map((_, i) => i).sort((a, b) => compare(list[a] as string, list[b] as string)), byValue }
    table.indexes[attribute] = index
  }
  return index
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function passes(test: Test, pattern: string, value: string): boolean {
  return test === 'value' ? matchValue(pattern, value) : test === 'glob' ? matchStarGlob(pattern, value) : pattern === value
}

/**
 * The clients that pass a probe. Every string a pattern can match starts with the pattern's text
 * before its first `*` (the whole pattern when it has none), so only that sorted range is tested.
 */
export function probeMembers(table: PeerTable, probe: Probe): readonly number[] {
  const slot = memoSlot(probe)
  const memo = (table.members[slot] ??= new Map())
  const known = memo.get(probe.pattern)
  if (known) return known
  const values = table.values[probe.attribute] as readonly string[]
  const star = probe.pattern.indexOf('*')
  const out: number[] = []
  const index = indexOf(table, probe.attribute)
  if (star < 0 || probe.test === 'exact') {
    for (const i of index.byValue.get(probe.pattern) ?? []) if (passes(probe.test, probe.pattern, values[i] as string)) out.push(i)
  } else {
    const prefix = probe.pattern.slice(0, star)
    const order = index.sorted
    for (let k = lowerBound(order, values, prefix); k < order.length; k++) {
      const i = order[k] as number
      const value = values[i] as string
      if (!value.startsWith(prefix)) break
      if (passes(probe.test, probe.pattern, value)) out.push(i)
    }
  }
  memo.set(probe.pattern, out)
  return out
}

/** First position in `order` whose string is >= `prefix`. */
function lowerBound(order: readonly number[], values: readonly string[], prefix: string): number {
  let lo = 0
  let hi = order.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((values[order[mid] as number] as string) < prefix) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The probes of one residual rule; false when it reads something this file does not know. */
function addRuleProbes(rule: AuthzRule, policyNamespace: string, out: Probe[]): boolean {
  for (const source of rule.from ?? []) {
    for (const key in source) {
      const list = source[key as keyof typeof source]
      if (list === undefined) continue
      switch (key) {
        case 'principals':
        case 'notPrincipals':
          for (const pattern of list) out.push({ attribute: PRINCIPAL, test: 'value', pattern })
          break
        case 'namespaces':
        case 'notNamespaces':
          for (const pattern of list) out.push({ attribute: NAMESPACE, test: 'glob', pattern })
          break
        case 'serviceAccounts':
        case 'notServiceAccounts':
          // M25: a name without `ns/` means the policy's namespace (match.ts serviceAccountMatches).
          for (const pattern of list) out.push({ attribute: SERVICE_ACCOUNT, test: 'exact', pattern: pattern.includes('/') ? pattern : `${policyNamespace}/${pattern}` })
          break
        case 'trustDomains':
        case 'notTrustDomains':
        case 'ipBlocks':
        case 'notIpBlocks':
        case 'remoteIpBlocks':
        case 'notRemoteIpBlocks':
        case 'requestPrincipals':
        case 'notRequestPrincipals':
          break // the same for every grid client (see the top of this file)
        default:
          return false
      }
    }
  }
  for (const condition of rule.when ?? []) {
    const attribute = CONDITION_ATTRIBUTE[condition.key]
    if (attribute === undefined) return false
    if (attribute === null) continue
    for (const pattern of [...(condition.values ?? []), ...(condition.notValues ?? [])]) out.push({ attribute, test: 'value', pattern })
  }
  return true
}

/** Connection keys of `when` (match.ts conditionValues): the string they read, or null = the same for every grid client. */
const CONDITION_ATTRIBUTE: Readonly<Record<string, Attribute | null | undefined>> = Object.assign(Object.create(null) as Record<string, Attribute | null>, {
  'source.principal': PRINCIPAL,
  'source.namespace': NAMESPACE,
  'source.serviceAccount': SERVICE_ACCOUNT,
  'source.trustDomain': null,
  'source.ip': null,
  'remote.ip': null,
  'connection.sni': null,
})

/** Every probe of a column's CUSTOM, DENY and ALLOW rules; undefined when a rule cannot be classified. */
export function columnProbes(authz: ColumnAuthz): Probe[] | undefined {
  const out: Probe[] = []
  const lists: readonly (readonly CompiledRule[])[] = [authz.custom, authz.deny, authz.allow]
  for (const rules of lists) for (const r of rules) if (!addRuleProbes(r.residual, r.request.policyNamespace, out)) return undefined
  return out
}

export interface PeerClasses {
  /** Class of each client of the table. */
  of: Int32Array
  count: number
}

/**
 * Partition refinement: start with one class, and split every class by each probe (members of the
 * probe move to a new class, one per old class). Clients in one class passed the same probes.
 * Without probes (unclassified column) every client is its own class. `of` may be a buffer reused
 * between columns (overwritten).
 */
export function peerClasses(table: PeerTable, probes: readonly Probe[] | undefined, of = new Int32Array(table.size)): PeerClasses {
  of.fill(0)
  if (probes === undefined) {
    for (let i = 0; i < of.length; i++) of[i] = i
    return { of, count: table.size }
  }
  let count = 1
  const seen = new Set<readonly number[]>()
  for (const probe of probes) {
    const members = probeMembers(table, probe)
    // A probe listed twice (one cached member list) splits nothing the second time.
    if (members.length === 0 || seen.has(members)) continue
    seen.add(members)
    const split = new Map<number, number>()
    for (const i of members) {
      const old = of[i] as number
      let next = split.get(old)
      if (next === undefined) {
        next = count++
        split.set(old, next)
      }
      of[i] = next
    }
  }
  return { of, count }
}
