import type { KubeObject } from '../../engine'
import { useDesignerStore } from '../../store'
import { emptyOrigin, keyOf, readPolicyForm, writePolicyForm, type MtlsChoice, type PolicyForm as Form } from '../../store/commands'
import { CheckField, FieldProblems, FieldRow, listText, problemsAt, SelectField, TextField, textList } from './fields'
import { OriginFields } from './OriginFields'
import { renameObject } from './renames'
import { Section, SmallButton } from './Section'
import { useDiagnostics, writeObject } from './useSelected'

const MTLS: { value: MtlsChoice; label: string }[] = [
  { value: 'STRICT', label: 'STRICT (mutual TLS only)' },
  { value: 'PERMISSIVE', label: 'PERMISSIVE (mutual TLS or plaintext)' },
  { value: 'none', label: 'none (no peer authentication)' },
]

/** Policy / MeshPolicy: targets, peers (mTLS), origins (JWT), principal binding. */
export function PolicyForm({ object }: { object: KubeObject }) {
  const key = keyOf(object)
  const profile = useDesignerStore((s) => s.options.profile)
  const diagnostics = useDiagnostics(key)
  const form = readPolicyForm(object)
  const write = (next: Partial<Form>) => writeObject(writePolicyForm(object, { ...form, ...next }))
  const at = (...path: (string | number)[]) => problemsAt(diagnostics, ['spec', ...path])
  const shown = ['targets', 'peers', 'peerIsOptional', 'origins', 'originIsOptional', 'principalBinding']

  return (
    <>
      <TextField label="Name" value={object.metadata.name} commitOnBlur onCommit={(to) => renameObject(key, to)} problems={problemsAt(diagnostics, ['metadata'])} />
      {object.kind === 'Policy' && (
        <Section title="Targets" action={<SmallButton label="Add target" onClick={() => write({ targets: [...form.targets, { name: '', ports: [] }] })}>+ Add</SmallButton>}>
          {form.targets.length === 0 && <p className="field__hint">No targets: the policy applies to every service in its namespace (it must be named default).</p>}
          {form.targets.map((t, i) => (
            <FieldRow key={i} id={`inspector-target-${i}`} problems={at('targets', i)}>
              <TextField label={`Target ${i + 1} service`} value={t.name} mono onCommit={(name) => write({ targets: form.targets.map((x, j) => (j === i ? { ...x, name } : x)) })} problems={at('targets', i, 'name')} problemsId={`inspector-target-${i}`} />
              <TextField label={`Target ${i + 1} ports`} value={listText(t.ports)} placeholder="all ports" mono onCommit={(p) => write({ targets: form.targets.map((x, j) => (j === i ? { ...x, ports: textList(p) } : x)) })} problems={at('targets', i, 'ports')} problemsId={`inspector-target-${i}`} />
              <SmallButton label={`Remove target ${i + 1}`} onClick={() => write({ targets: form.targets.filter((_, j) => j !== i) })}>
                ×
              </SmallButton>
            </FieldRow>
          ))}
        </Section>
      )}
      <Section title="Peers">
        <SelectField label="Mutual TLS mode" value={form.mtls} options={MTLS} onChange={(mtls) => write({ mtls })} problems={at('peers')} />
        {profile === '1.0' && form.mtls !== 'none' && (
          <CheckField label="allowTls (accept TLS without a client certificate)" checked={form.allowTls} onChange={(allowTls) => write({ allowTls })} />
        )}
        <CheckField label="peerIsOptional" checked={form.peerIsOptional} onChange={(peerIsOptional) => write({ peerIsOptional })} problems={at('peerIsOptional')} />
      </Section>
      <Section title="Origins" action={<SmallButton label="Add origin" onClick={() => write({ origins: [...form.origins, emptyOrigin()] })}>+ Add</SmallButton>}>
        {form.origins.map((origin, i) => (
          <OriginFields
            key={i}
            index={i}
            origin={origin}
            profile={profile}
            diagnostics={diagnostics}
            onChange={(o) => write({ origins: form.origins.map((x, j) => (j === i ? o : x)) })}
            onRemove={() => write({ origins: form.origins.filter((_, j) => j !== i) })}
          />
        ))}
        <CheckField label="originIsOptional" checked={form.originIsOptional} onChange={(originIsOptional) => write({ originIsOptional })} problems={at('originIsOptional')} />
        <SelectField
          label="principalBinding"
          value={form.principalBinding}
          options={[
            { value: 'USE_PEER', label: 'USE_PEER' },
            { value: 'USE_ORIGIN', label: 'USE_ORIGIN' },
          ]}
          onChange={(principalBinding) => write({ principalBinding })}
          problems={at('principalBinding')}
        />
      </Section>
      <FieldProblems diagnostics={diagnostics.filter((d) => !(d.path?.[0] === 'metadata' || (d.path?.[0] === 'spec' && shown.includes(String(d.path?.[1])))))} />
    </>
  )
}
