import { useEffect, useMemo, useState } from 'react'
import { intent as engineIntent } from '../../engine'
import type { DesignDiff, Fix } from '../../engine/intent'
import { useDesignerStore } from '../../store'
import { currentCheckInput, useIntentStore, withFix, yamlDiffOf } from '../../store/intent'
import { Button } from '../components'
import { ChangesList } from './ChangesList'
import { splitKeyWords } from './words'

const SCOPE_WORDS = { workload: 'one service or workload', namespace: 'a namespace', mesh: 'the whole mesh' } as const

/** One suggested fix: what it edits, its YAML diff, what it changes in the grid; preview and apply. */
export function FixCard({ index, fix, from, applied }: { index: number; fix: Fix; from: KubeObjects; applied: boolean }) {
  const applyFix = useIntentStore((s) => s.applyFix)
  const previewEdit = useIntentStore((s) => s.previewEdit)
  const previewing = useIntentStore((s) => s.preview?.label === `fix ${index + 1}`)
  const [gridDiff, setGridDiff] = useState<DesignDiff>()
  const yaml = useMemo(() => yamlDiffOf(from, fix.objects, fix.touched), [from, fix])

  useEffect(() => {
    let live = true
    void engineIntent.diffDesigns(from, fix.objects, currentCheckInput()).then((d) => live && setGridDiff(d))
    return () => {
      live = false
    }
  }, [from, fix])

  const title = `Fix ${index + 1}`
  return (
    <li className={`fix-card${applied ? ' is-applied' : ''}`} aria-label={title}>
      <h3>
        {title}: {fix.edits.map((e) => e.summary).join('; ')}
      </h3>
      <p className="intent-muted">
        Touches {fix.touched.length} {fix.touched.length === 1 ? 'object' : 'objects'} ({fix.touched.map(splitKeyWords).join(', ')}); scope: {fix.edits.map((e) => SCOPE_WORDS[e.scope]).join(', ')}.
      </p>
      <details open={index === 0}>
        <summary>YAML diff</summary>
        {yaml.map((d) => (
          <pre key={d.key} className="fix-yaml" aria-label={`YAML diff of ${splitKeyWords(d.key)}`}>
            <code>
              {d.lines.map((l, i) => (
                <span key={i} className={`fix-yaml-line op-${l.op === '+' ? 'add' : l.op === '-' ? 'del' : 'same'}`}>
                  {l.op} {l.text}
                  {'\n'}
                </span>
              ))}
            </code>
          </pre>
        ))}
      </details>
      <details open={index === 0}>
        <summary>Grid diff</summary>
        <ChangesList diff={gridDiff} label={`Cells ${title.toLowerCase()} changes`} />
      </details>
      <div className="fix-actions">
        <Button
          icon="eye"
          aria-pressed={previewing}
          onClick={() => previewEdit(`fix ${index + 1}`, previewing ? undefined : withFix(useDesignerStore.getState().resources, fix.objects, fix.touched))}
        >
          {previewing ? 'Stop preview' : 'Preview in grid'}
        </Button>
        <Button variant="primary" icon="check" onClick={() => applyFix(index)} disabled={applied}>
          {applied ? 'Applied' : `Apply fix ${index + 1}`}
        </Button>
        {applied && <span className="intent-muted">Undo with Ctrl+Z.</span>}
      </div>
    </li>
  )
}

type KubeObjects = Fix['objects']
