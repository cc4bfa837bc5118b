import { useDesignerStore } from '../../../store'
import type { KubeObject } from '../../../engine'
import { emptyJwtRule, hasJwtField, keyOf, readRequestAuthForm, SAMPLE_ISSUER, sampleJwksUri, writeRequestAuthForm, type JwtRuleForm, type RequestAuthForm as Form } from '../../../store/commands'
import { CheckField, FieldProblems, problemsAt, TextField } from '../../inspector/fields'
import { renameObject } from '../../inspector/renames'
import { Section, SmallButton } from '../../inspector/Section'
import { useDiagnostics, writeObject } from '../../inspector/useSelected'
import { ListField } from './ListField'
import { ScopeField } from './ScopeField'

const headerText = (h: JwtRuleForm['fromHeaders']) => h.map((x) => (x.prefix ? `${x.name}:${x.prefix}` : x.name))
const headerList = (values: string[]) => values.map((v) => (v.includes(':') ? { name: v.slice(0, v.indexOf(':')), prefix: v.slice(v.indexOf(':') + 1) } : { name: v, prefix: '' }))

/** RequestAuthentication: scope and JWT rules (issuer, key set, locations, audiences, M15-M20). */
export function RequestAuthForm({ object }: { object: KubeObject }) {
  const key = keyOf(object)
  const profile = useDesignerStore((s) => s.options.profile)
  const diagnostics = useDiagnostics(key)
  const form = readRequestAuthForm(object)
  const write = (next: Partial<Form>) => writeObject(writeRequestAuthForm(object, { ...form, ...next }))
  const setRule = (i: number, rule: Partial<JwtRuleForm>) => write({ rules: form.rules.map((r, j) => (j === i ? { ...r, ...rule } : r)) })
  const at = (...path: (string | number)[]) => problemsAt(diagnostics, ['spec', ...path])
  return (
    <>
      <TextField label="Name" value={object.metadata.name} commitOnBlur onCommit={(to) => renameObject(key, to)} problems={problemsAt(diagnostics, ['metadata'])} />
      <ScopeField namespace={object.metadata.namespace ?? 'default'} selector={form.selector} kind={object.kind} onChange={(selector) => write({ selector })} />
      <Section title="JWT rules" action={<SmallButton label="Add JWT rule" onClick={() => write({ rules: [...form.rules, { ...emptyJwtRule(), issuer: SAMPLE_ISSUER, jwksUri: sampleJwksUri(profile) }] })}>+ Add</SmallButton>}>
        <p className="field__hint">A request without a token passes; an invalid token gets 401. Require a token with an AuthorizationPolicy.</p>
        {form.rules.map((rule, i) => (
          <fieldset className="inspector-fieldset" key={i}>
            <legend>
              JWT rule {i + 1}{' '}
              <SmallButton label={`Remove JWT rule ${i + 1}`} onClick={() => write({ rules: form.rules.filter((_, j) => j !== i) })}>
                ×
              </SmallButton>
            </legend>
            <TextField label="Issuer" value={rule.issuer} mono onCommit={(issuer) => setRule(i, { issuer })} problems={at('jwtRules', i, 'issuer')} />
            <TextField label="Key set URI (jwksUri)" value={rule.jwksUri} mono onCommit={(jwksUri) => setRule(i, { jwksUri })} problems={at('jwtRules', i, 'jwksUri')} />
            <TextField label="Inline key set (jwks)" value={rule.jwks} mono placeholder="JSON, instead of jwksUri" onCommit={(jwks) => setRule(i, { jwks })} problems={at('jwtRules', i, 'jwks')} />
            <ListField label="Audiences" values={rule.audiences} placeholder="any" onCommit={(audiences) => setRule(i, { audiences })} />
            <ListField label="From headers (name or name:prefix)" values={headerText(rule.fromHeaders)} placeholder="Authorization:Bearer " suggestions={['Authorization:Bearer ', 'x-jwt-assertion']} onCommit={(v) => setRule(i, { fromHeaders: headerList(v) })} />
            <ListField label="From query parameters" values={rule.fromParams} placeholder="access_token" suggestions={['access_token', 'token']} onCommit={(fromParams) => setRule(i, { fromParams })} />
            {hasJwtField(profile, 'fromCookies') && <ListField label="From cookies" values={rule.fromCookies} onCommit={(fromCookies) => setRule(i, { fromCookies })} />}
            <CheckField label="forwardOriginalToken" checked={rule.forwardOriginalToken} onChange={(forwardOriginalToken) => setRule(i, { forwardOriginalToken })} />
          </fieldset>
        ))}
      </Section>
      <FieldProblems diagnostics={diagnostics.filter((d) => d.path?.[0] !== 'metadata' && d.path?.[1] !== 'jwtRules')} />
    </>
  )
}
