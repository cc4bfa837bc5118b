import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../engine'
import { readAuthzForm, writeAuthzForm, type AuthzRuleForm } from './forms'
import { isCompleteCondition, newRule, removeCondition, removeOperation, removeSource, setCondition, setOperation, setSource } from './ruleEdits'
import { ruleSentence } from './ruleSentence'

const policy: KubeObject = {
  apiVersion: 'security.istio.io/v1',
  kind: 'AuthorizationPolicy',
  metadata: { name: 'httpbin', namespace: 'foo' },
  spec: { action: 'ALLOW', rules: [{ from: [{ source: { requestPrincipals: ['*'] } }] }] },
}

const rule0 = (o: KubeObject): AuthzRuleForm => readAuthzForm(o).rules![0]!

/** What the form writes after one edit of rule 1. */
function edited(edit: (rule: AuthzRuleForm) => AuthzRuleForm, object = policy): KubeObject {
  const form = readAuthzForm(object)
  return writeAuthzForm(object, { ...form, rules: form.rules!.map((r, i) => (i === 0 ? edit(r) : r)) })
}

describe('editing every source, operation and condition of a rule', () => {
  it('a second source is appended and written as a second from entry (an alternative)', () => {
    const next = edited((r) => setSource(r, 1, { namespaces: ['bar'] }))
    expect(next.spec).toEqual({ action: 'ALLOW', rules: [{ from: [{ source: { requestPrincipals: ['*'] } }, { source: { namespaces: ['bar'] } }] }] })
    expect(ruleSentence('ALLOW', rule0(next))).toBe('ALLOW any request from any request principal or namespace bar')
  })

  it('editing the second source leaves the first as it was; removing the first keeps the second', () => {
    const two = edited((r) => setSource(r, 1, { namespaces: ['bar'] }))
    const changed = edited((r) => setSource(r, 1, { namespaces: ['bar'], principals: ['cluster.local/ns/bar/sa/sleep'] }), two)
    expect(rule0(changed).from).toEqual([{ requestPrincipals: ['*'] }, { namespaces: ['bar'], principals: ['cluster.local/ns/bar/sa/sleep'] }])
    const first = edited((r) => removeSource(r, 0), changed)
    expect(rule0(first).from).toEqual([{ namespaces: ['bar'], principals: ['cluster.local/ns/bar/sa/sleep'] }])
  })

  it('a source emptied of values goes (Istio rejects an empty source); no source left is no from at all', () => {
    const next = edited((r) => setSource(r, 0, { requestPrincipals: [] }))
    expect(next.spec).toEqual({ action: 'ALLOW', rules: [{}] })
    expect(rule0(next).from).toBeUndefined()
    expect(setSource(newRule(), 3, {}).from).toBeUndefined()
  })

  it('operations: added, edited, removed one by one', () => {
    let next = edited((r) => setOperation(r, 0, { methods: ['GET'], paths: ['/ip'] }))
    next = edited((r) => setOperation(r, 1, { paths: ['/headers'] }), next)
    expect(rule0(next).to).toEqual([{ methods: ['GET'], paths: ['/ip'] }, { paths: ['/headers'] }])
    expect(ruleSentence('ALLOW', rule0(next))).toBe('ALLOW (GET /ip) or /headers from any request principal')
    next = edited((r) => removeOperation(r, 0), next)
    expect((next.spec as { rules: unknown[] }).rules).toEqual([{ from: [{ source: { requestPrincipals: ['*'] } }], to: [{ operation: { paths: ['/headers'] } }] }])
    next = edited((r) => removeOperation(r, 0), next)
    expect(rule0(next).to).toBeUndefined()
  })

  it('conditions: a condition counts once it has a key and a value; each is edited and removed on its own', () => {
    expect(isCompleteCondition({ key: 'request.headers[x-token]', values: [], notValues: [] })).toBe(false)
    expect(isCompleteCondition({ key: '', values: ['a'], notValues: [] })).toBe(false)
    expect(isCompleteCondition({ key: 'source.ip', values: [], notValues: ['10.0.0.1'] })).toBe(true)
    let next = edited((r) => setCondition(r, 0, { key: 'request.headers[x-token]', values: ['admin'], notValues: [] }))
    next = edited((r) => setCondition(r, 1, { key: 'source.namespace', values: ['foo'], notValues: [] }), next)
    expect(ruleSentence('ALLOW', rule0(next))).toBe('ALLOW any request from any request principal when request.headers[x-token] is admin and source.namespace is foo')
    next = edited((r) => removeCondition(r, 0), next)
    expect((next.spec as { rules: { when: unknown }[] }).rules[0]!.when).toEqual([{ key: 'source.namespace', values: ['foo'] }])
  })
})
