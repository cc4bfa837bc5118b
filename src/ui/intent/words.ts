import { intent as engineIntent } from '../../engine'
import type { Expectation } from '../../engine/intent'

/** `Policy/foo/default` → `Policy default (foo)`. */
export function splitKeyWords(key: string): string {
  const [kind = '', namespace = '', ...rest] = key.split('/')
  return `${kind} ${rest.join('/')}${namespace ? ` (${namespace})` : ''}`
}

/** `line 4: with-sidecar → *.foo: allow`. */
export function describeExpectation(e: Expectation | undefined): string {
  if (!e) return 'an expectation'
  const request = e.request ? ` [${[e.request.method, e.request.path, e.request.token ? `token ${e.request.token.length > 12 ? 'given' : e.request.token}` : ''].filter(Boolean).join(' ')}]` : ''
  return `${e.line > 0 ? `line ${e.line}: ` : ''}${engineIntent.formatClientSet(e.from)} → ${engineIntent.formatTargetSet(e.to)}: ${engineIntent.formatOutcome(e.expect)}${request}`
}
