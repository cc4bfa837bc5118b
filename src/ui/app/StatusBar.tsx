import { useShallow } from 'zustand/react/shallow'
import { objectsOfTab, useDesignerStore } from '../../store'

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`
}

/** One line at the bottom: what the model holds, how many problems, how long the grid took. */
export function StatusBar() {
  const s = useDesignerStore(
    useShallow((st) => ({
      objects: st.resources.length,
      // Built-in namespaces (default, istio-system, ...) have no object of the user's behind them.
      namespaces: [...st.model.mesh.namespaces.values()].filter((n) => n.key !== undefined || !n.declared).length,
      istio: objectsOfTab(st.resources, 'istio').length,
      services: st.model.mesh.services.filter((x) => !x.builtin).length,
      workloads: st.model.mesh.workloads.filter((w) => !w.builtin).length,
      rejected: st.model.admission.rejected.length,
      errors: st.problems.filter((p) => p.severity === 'error').length,
      warnings: st.problems.filter((p) => p.severity === 'warning').length,
      millis: st.gridState.millis,
      computing: st.gridState.computing,
      profile: st.options.profile,
      r11: st.options.r11,
      staged: st.staging !== undefined && (st.staging.base.resources !== st.resources || st.staging.base.layout !== st.layout),
      previewing: st.staging !== undefined,
    })),
  )
  const problems = s.errors + s.warnings
  return (
    <footer className="statusbar">
      <span>{plural(s.objects, 'object')}</span>
      <span className="statusbar-dot" aria-hidden="true" />
      <span>{plural(s.namespaces, 'namespace')}</span>
      <span className="statusbar-dot" aria-hidden="true" />
      <span>{plural(s.services, 'service')}</span>
      <span className="statusbar-dot" aria-hidden="true" />
      <span>{plural(s.workloads, 'workload')}</span>
      <span className="statusbar-dot" aria-hidden="true" />
      <span>{plural(s.istio, 'Istio object')}</span>
      {s.rejected > 0 && (
        <>
          <span className="statusbar-dot" aria-hidden="true" />
          <span className="statusbar-warn">{s.rejected} rejected by admission</span>
        </>
      )}
      <span className={`statusbar-problems${s.errors ? ' has-errors' : s.warnings ? ' has-warnings' : ''}`}>
        {problems === 0 ? 'No problems' : `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`}
      </span>
      {s.previewing && (
        // Whatever pane the user edits in, this says the edits are not committed (nor saved) yet.
        <span className="statusbar-warn" title="Preview: edits are staged; Apply (above the grid) commits them as one undo step, Discard forgets them. The browser keeps the committed design.">
          {s.staged ? 'Preview: edits staged, not saved' : 'Preview: edits will be staged'}
        </span>
      )}
      <span className="statusbar-spacer" />
      <span>
        Istio {s.profile} · R11 {s.r11}
      </span>
      <span className="statusbar-dot" aria-hidden="true" />
      <span data-testid="status.grid-time">{s.computing ? 'Grid: evaluating…' : `Grid: ${s.millis < 10 ? s.millis.toFixed(1) : Math.round(s.millis)} ms`}</span>
    </footer>
  )
}
