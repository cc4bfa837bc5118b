import { describe, expect, it } from 'vitest'
import { didYouMean, editDistance } from './didYouMean'
import { hostProblem, isDns1123Label, isIanaServiceName, snakeCase } from './names'

describe('Name rules', () => {
  it.each([
    ['*', undefined],
    ['*.local', undefined],
    ['httpbin', undefined],
    ['httpbin.bar', undefined],
    ['*-canary.example.com', undefined],
    ['', 'it is empty'],
    ['foo.*', 'label "*" is not valid'],
    ['a..b', 'label "" is not valid'],
    ['host.123', 'the last label "123" is all digits'],
  ])('host %j: %s', (host, problem) => {
    expect(hostProblem(host)).toBe(problem)
  })

  it.each([
    ['httpbin', true],
    ['httpbin.foo', false],
    ['Httpbin', false],
    ['-a', false],
    ['a'.repeat(64), false],
  ])('DNS-1123 label %j: %s', (value, ok) => {
    expect(isDns1123Label(value)).toBe(ok)
  })

  it.each([
    ['http', true],
    ['http-web', true],
    ['8080', false],
    ['a--b', false],
    ['abcdefghijklmnop', false],
  ])('Kubernetes port name %j: %s', (value, ok) => {
    expect(isIanaServiceName(value)).toBe(ok)
  })

  it('spells JSON names the proto way', () => {
    expect(['jwksUri', 'triggerRules', 'mtls'].map(snakeCase)).toEqual(['jwks_uri', 'trigger_rules', 'mtls'])
  })
})

describe('did you mean', () => {
  it('counts edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
  })

  it.each([
    ['mTLS', ['mtls', 'jwt'], 'mtls'],
    ['principleBinding', ['principalBinding', 'peers'], 'principalBinding'],
    ['jwks_url', ['jwksUri', 'jwks_uri'], 'jwks_uri'],
    ['zzz', ['mtls', 'jwt'], undefined],
  ])('suggests for %j', (word, candidates, expected) => {
    expect(didYouMean(word, candidates)).toBe(expected)
  })
})
