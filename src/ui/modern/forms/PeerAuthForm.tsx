import type { KubeObject } from '../../../engine'
import { keyOf, PEER_MODES, readPeerAuthForm, writePeerAuthForm, type PeerAuthForm as Form, type PeerMode } from '../../../store/commands'
import { FieldProblems, problemsAt, SelectField, TextField } from '../../inspector/fields'
import { renameObject } from '../../inspector/renames'
import { Section, SmallButton } from '../../inspector/Section'
import { useDiagnostics, writeObject } from '../../inspector/useSelected'
import { ScopeField } from './ScopeField'

const MODE_LABEL: Record<PeerMode, string> = {
  UNSET: 'UNSET (inherit; PERMISSIVE at the top)',
  DISABLE: 'DISABLE (plaintext only)',
  PERMISSIVE: 'PERMISSIVE (mTLS or plaintext)',
  STRICT: 'STRICT (mTLS only)',
}
const MODES = PEER_MODES.map((value) => ({ value, label: MODE_LABEL[value] }))

/** PeerAuthentication: scope, mode, port-level modes (keys are workload ports, M4). */
export function PeerAuthForm({ object }: { object: KubeObject }) {
  const key = keyOf(object)
  const diagnostics = useDiagnostics(key)
  const form = readPeerAuthForm(object)
  const write = (next: Partial<Form>) => writeObject(writePeerAuthForm(object, { ...form, ...next }))
  const at = (...path: (string | number)[]) => problemsAt(diagnostics, ['spec', ...path])
  return (
    <>
      <TextField label="Name" value={object.metadata.name} commitOnBlur onCommit={(to) => renameObject(key, to)} problems={problemsAt(diagnostics, ['metadata'])} />
      <ScopeField namespace={object.metadata.namespace ?? 'default'} selector={form.selector} kind={object.kind} onChange={(selector) => write({ selector, ...(selector ? {} : { portLevel: [] }) })} />
      <Section title="Mutual TLS">
        <SelectField label="Mode" value={form.mode} options={MODES} onChange={(mode) => write({ mode })} problems={at('mtls')} />
      </Section>
      {form.selector && (
        <Section title="Port-level modes" action={<SmallButton label="Add port-level mode" onClick={() => write({ portLevel: [...form.portLevel, { port: '', mode: 'DISABLE' }] })}>+ Add</SmallButton>}>
          <p className="field__hint">Workload (container) ports, not Service ports: httpbin&apos;s Service port 8000 is workload port 8080 in the 1.21+ sample.</p>
          {form.portLevel.map((p, i) => (
            <div className="row-fields" key={i}>
              <TextField label={`Port ${i + 1}`} value={p.port} mono onCommit={(port) => write({ portLevel: form.portLevel.map((x, j) => (j === i ? { ...x, port } : x)) })} />
              <SelectField label={`Port ${i + 1} mode`} value={p.mode} options={MODES} onChange={(mode) => write({ portLevel: form.portLevel.map((x, j) => (j === i ? { ...x, mode } : x)) })} />
              <SmallButton label={`Remove port-level mode ${i + 1}`} onClick={() => write({ portLevel: form.portLevel.filter((_, j) => j !== i) })}>
                ×
              </SmallButton>
            </div>
          ))}
        </Section>
      )}
      <FieldProblems diagnostics={diagnostics.filter((d) => d.path?.[0] !== 'metadata' && !(d.path?.[1] === 'mtls'))} />
    </>
  )
}
