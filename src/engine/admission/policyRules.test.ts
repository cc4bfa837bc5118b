import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../types'
import { admitOne, jwt, meshPolicy, policy } from './fixtures/objects'

const MTLS = [{ mtls: {} }]

type Case = [rule: string, accepted: KubeObject, rejected: KubeObject, code: string]

const cases: Case[] = [
  ['a Policy without targets must be named default',
    policy('default', { peers: MTLS }, 'foo'), policy('foo-wide', { peers: MTLS }, 'foo'), 'IST0110'],
  ['a Policy named default must not have targets',
    policy('httpbin', { targets: [{ name: 'httpbin' }] }), policy('default', { targets: [{ name: 'httpbin' }] }), 'IST0111'],
  ['a MeshPolicy must be named default',
    meshPolicy({ peers: MTLS }), meshPolicy({ peers: MTLS }, 'mesh'), 'IST0112'],
  ['a MeshPolicy must not have targets',
    meshPolicy({ peers: MTLS }), meshPolicy({ targets: [{ name: 'httpbin' }], peers: MTLS }), 'IST0113'],
  ['a target name must be a DNS-1123 label',
    policy('p', { targets: [{ name: 'httpbin' }] }), policy('p', { targets: [{ name: 'httpbin.foo.svc.cluster.local' }] }), 'IST0114'],
  ['a target needs a name',
    policy('p', { targets: [{ name: 'httpbin' }] }), policy('p', { targets: [{ ports: [{ number: 8000 }] }] }), 'IST0114'],
  ['a port selector number must be in 1-65535',
    policy('p', { targets: [{ name: 'httpbin', ports: [{ number: 8000 }] }] }), policy('p', { targets: [{ name: 'httpbin', ports: [{ number: 70000 }] }] }), 'IST0115'],
  ['a port selector name must be a valid name',
    policy('p', { targets: [{ name: 'httpbin', ports: [{ name: 'http' }] }] }), policy('p', { targets: [{ name: 'httpbin', ports: [{ name: 'http_1' }] }] }), 'IST0115'],
  ['a port selector needs a number or a name',
    policy('p', { targets: [{ name: 'httpbin', ports: [{ number: 1234 }] }] }), policy('p', { targets: [{ name: 'httpbin', ports: [{}] }] }), 'IST0115'],
  ['an origin method needs a jwt',
    meshPolicy({ origins: [{ jwt: jwt() }] }), meshPolicy({ origins: [{}] }), 'IST0118'],
  ['a JWT needs an issuer',
    meshPolicy({ origins: [{ jwt: jwt() }] }), meshPolicy({ origins: [{ jwt: jwt({ issuer: '' }) }] }), 'IST0120'],
  ['a JWT audience must not be empty',
    meshPolicy({ origins: [{ jwt: jwt({ audiences: ['bookstore'] }) }] }), meshPolicy({ origins: [{ jwt: jwt({ audiences: [''] }) }] }), 'IST0121'],
  ['jwksUri must be an http(s) URL',
    meshPolicy({ origins: [{ jwt: jwt({ jwksUri: 'http://keys.local/jwks.json' }) }] }), meshPolicy({ origins: [{ jwt: jwt({ jwksUri: 'file:///jwks.json' }) }] }), 'IST0122'],
  ['a JWT header name must not be empty',
    meshPolicy({ origins: [{ jwt: jwt({ jwtHeaders: ['x-jwt'] }) }] }), meshPolicy({ origins: [{ jwt: jwt({ jwtHeaders: [''] }) }] }), 'IST0123'],
  ['a JWT query parameter name must not be empty',
    meshPolicy({ origins: [{ jwt: jwt({ jwtParams: ['token'] }) }] }), meshPolicy({ origins: [{ jwt: jwt({ jwtParams: [''] }) }] }), 'IST0123'],
  ['the same issuer may not appear twice in a policy',
    meshPolicy({ origins: [{ jwt: jwt() }, { jwt: jwt({ issuer: 'other' }) }] }), meshPolicy({ origins: [{ jwt: jwt() }, { jwt: jwt() }] }), 'IST0124'],
  ['the same issuer may not appear in a peer jwt and an origin jwt',
    meshPolicy({ peers: [{ jwt: jwt({ issuer: 'peer' }) }], origins: [{ jwt: jwt() }] }), meshPolicy({ peers: [{ jwt: jwt() }], origins: [{ jwt: jwt() }] }), 'IST0124'],
]

describe('Policy and MeshPolicy admission rules', () => {
  it.each(cases)('%s: accepts the good form', (_rule, good) => {
    expect(admitOne(good)).toMatchObject({ accepted: true, codes: [] })
  })

  it.each(cases)('%s: rejects the bad form', (_rule, _good, bad, code) => {
    const r = admitOne(bad)
    expect(r.accepted).toBe(false)
    expect(r.codes).toEqual([code])
  })

  it('hints at the short name and namespace for an FQDN target', () => {
    const r = admitOne(policy('p', { targets: [{ name: 'httpbin.foo.svc.cluster.local' }] }))
    expect(r.diagnostics[0]?.message).toContain('write "httpbin" and put the policy in namespace "foo"')
    expect(r.diagnostics[0]?.path).toEqual(['spec', 'targets', 0, 'name'])
  })

  it('reports the rule path in the spelling the user wrote', () => {
    const r = admitOne(meshPolicy({ origins: [{ jwt: { issuer: 'i', jwks_uri: 'ftp://x' } }] }))
    expect(r.diagnostics[0]?.path).toEqual(['spec', 'origins', 0, 'jwt', 'jwks_uri'])
  })
})

describe('Warnings that do not reject a policy', () => {
  it('accepts `mtls: null` as STRICT with a warning', () => {
    const r = admitOne(meshPolicy({ peers: [{ mtls: null }] }))
    expect(r).toMatchObject({ accepted: true, codes: ['IST0116'] })
    expect(r.diagnostics[0]).toMatchObject({ severity: 'warning', path: ['spec', 'peers', 0, 'mtls'] })
  })

  it('accepts an empty peer method with a warning that Pilot ignores it', () => {
    expect(admitOne(meshPolicy({ peers: [{}] }))).toMatchObject({ accepted: true, codes: ['IST0117'] })
  })

  it('accepts an empty trigger-rule match with a warning under 1.1', () => {
    const p = policy('p', { targets: [{ name: 'httpbin' }], origins: [{ jwt: jwt({ triggerRules: [{ includedPaths: [{}] }] }) }] })
    expect(admitOne(p, '1.1')).toMatchObject({ accepted: true, codes: ['IST0125'] })
  })
})
