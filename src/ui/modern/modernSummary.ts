/** One-line faces of the modern kinds on canvas nodes, read through the form models. */
import type { KubeObject } from '../../engine'
import { isModernKind, noRulesSentence, readAuthzForm, readPeerAuthForm, readRequestAuthForm, ruleSentence } from '../../store/commands'

export function modernSummary(object: KubeObject): string | undefined {
  if (!isModernKind(object.kind)) return undefined
  if (object.kind === 'PeerAuthentication') {
    const form = readPeerAuthForm(object)
    const ports = form.portLevel.map((p) => `:${p.port} ${p.mode}`).join(' ')
    return [form.mode === 'UNSET' && ports ? '' : form.mode, ports].filter(Boolean).join(' · ')
  }
  if (object.kind === 'RequestAuthentication') {
    const issuers = readRequestAuthForm(object).rules.map((r) => r.issuer || r.jwksUri || '?')
    return issuers.length === 0 ? 'no JWT rules' : `JWT ${issuers.join(', ')}`
  }
  const form = readAuthzForm(object)
  if (!form.rules || form.rules.length === 0) return noRulesSentence(form.action)
  const first = ruleSentence(form.action, form.rules[0]!)
  return form.rules.length > 1 ? `${first} (+${form.rules.length - 1})` : first
}
