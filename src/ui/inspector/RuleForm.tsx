import type { KubeObject } from '../../engine'
import { useDesignerStore } from '../../store'
import { keyOf, readRuleForm, TLS_MODES, writeRuleForm, type RuleForm as Form, type TlsChoice } from '../../store/commands'
import { FieldProblems, FieldRow, problemsAt, SelectField, TextField } from './fields'
import { renameObject } from './renames'
import { Section, SmallButton } from './Section'
import { useDiagnostics, writeObject } from './useSelected'

const TLS: { value: TlsChoice; label: string }[] = [...TLS_MODES.map((m) => ({ value: m as TlsChoice, label: m })), { value: 'none', label: 'no tls (plaintext)' }]

/** DestinationRule: host, top-level TLS mode, port-level overrides (and 1.1 exportTo). */
export function RuleForm({ object }: { object: KubeObject }) {
  const key = keyOf(object)
  const profile = useDesignerStore((s) => s.options.profile)
  const diagnostics = useDiagnostics(key)
  const form = readRuleForm(object)
  const write = (next: Partial<Form>) => writeObject(writeRuleForm(object, { ...form, ...next }))
  const at = (...path: (string | number)[]) => problemsAt(diagnostics, ['spec', ...path])
  const ports = form.portLevel

  return (
    <>
      <TextField label="Name" value={object.metadata.name} commitOnBlur onCommit={(to) => renameObject(key, to)} problems={problemsAt(diagnostics, ['metadata'])} />
      <TextField label="Host" value={form.host} mono onCommit={(host) => write({ host })} problems={at('host')} hint="httpbin.foo.svc.cluster.local, *.foo.svc.cluster.local or *.local" />
      <SelectField label="TLS mode" value={form.tls} options={TLS} onChange={(tls) => write({ tls })} problems={at('trafficPolicy', 'tls')} />
      <Section title="Port-level settings" action={<SmallButton label="Add port setting" onClick={() => write({ portLevel: [...ports, { port: '', tls: 'ISTIO_MUTUAL' }] })}>+ Add</SmallButton>}>
        {ports.length > 0 && <p className="field__hint">A port setting replaces the whole top-level policy for that port: without tls it is plaintext.</p>}
        {ports.map((p, i) => (
          <FieldRow key={i} id={`inspector-port-setting-${i}`} problems={at('trafficPolicy', 'portLevelSettings', i)}>
            <TextField label={`Setting ${i + 1} port`} value={p.port} mono onCommit={(port) => write({ portLevel: ports.map((x, j) => (j === i ? { ...x, port } : x)) })} problems={at('trafficPolicy', 'portLevelSettings', i, 'port')} problemsId={`inspector-port-setting-${i}`} />
            <SelectField label={`Setting ${i + 1} TLS mode`} value={p.tls} options={TLS} onChange={(tls) => write({ portLevel: ports.map((x, j) => (j === i ? { ...x, tls } : x)) })} problems={at('trafficPolicy', 'portLevelSettings', i, 'tls')} problemsId={`inspector-port-setting-${i}`} />
            <SmallButton label={`Remove port setting ${i + 1}`} onClick={() => write({ portLevel: ports.filter((_, j) => j !== i) })}>
              ×
            </SmallButton>
          </FieldRow>
        ))}
      </Section>
      {profile === '1.1' && (
        <SelectField
          label="exportTo"
          value={form.exportTo === '.' ? '.' : form.exportTo === '' ? '' : '*'}
          options={[
            { value: '', label: 'not set (public by default)' },
            { value: '*', label: '* (every namespace)' },
            { value: '.', label: '. (this namespace only)' },
          ]}
          onChange={(exportTo) => write({ exportTo })}
          problems={at('exportTo')}
        />
      )}
      <FieldProblems diagnostics={diagnostics.filter((d) => !(d.path?.[0] === 'metadata' || (d.path?.[0] === 'spec' && ['host', 'trafficPolicy', 'exportTo'].includes(String(d.path?.[1])))))} />
    </>
  )
}
