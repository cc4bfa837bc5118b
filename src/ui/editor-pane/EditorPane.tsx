import { Suspense, useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { jsonSchemaForManifests } from '../../engine/admission'
import { useDesignerStore } from '../../store'
import type { YamlTab } from '../../store/types'
import { YamlEditor, type EditorMarker, type EditorSchema } from '../yaml-editor'
import { Icon, parsingLabel } from '../components'
import { ProblemsList, type ListedProblem } from './ProblemsList'
import { TAB_PATHS, TAB_TITLES } from './tabTitles'
import { useDebouncedEdit } from './useDebouncedEdit'
import { IntentEditor } from '../intent'
import './EditorPane.css'

const TABS: readonly YamlTab[] = ['istio', 'workloads']

/** Some line that is neither blank nor a comment. */
const hasContent = (text: string) => /^[ \t]*[^#\s]/m.test(text)

/** The two YAML tabs, their editor, and the problems list under it. */
export function EditorPane() {
  const { yaml, problems, yamlBroken, reveal, profile, editYaml, parsing } = useDesignerStore(
    useShallow((s) => ({ yaml: s.yaml, problems: s.problems, yamlBroken: s.yamlBroken, reveal: s.reveal, profile: s.options.profile, editYaml: s.editYaml, parsing: s.parsing })),
  )
  const [tab, setTab] = useState<YamlTab>('istio')
  // The Intent tab (intent.yaml) is not a manifests tab: it has its own editor and problems.
  const [intentOpen, setIntentOpen] = useState(false)
  const [revealLine, setRevealLine] = useState<{ tab: YamlTab; line: number; nonce: number }>()
  const [schemaMarkers, setSchemaMarkers] = useState<Record<YamlTab, EditorMarker[]>>({ istio: [], workloads: [] })
  const { push, flush } = useDebouncedEdit(editYaml)

  const showTab = useCallback(
    (next: YamlTab) => {
      flush()
      setIntentOpen(false)
      setTab(next)
    },
    [flush],
  )

  // The store asks for a line (canvas selection, explanation links): switch tab and reveal it.
  useEffect(() => {
    if (!reveal) return
    showTab(reveal.tab)
    setRevealLine((r) => ({ tab: reveal.tab, line: reveal.line, nonce: (r?.nonce ?? 0) + 1 }))
  }, [reveal, showTab])

  // An empty tab is not a document missing `kind`: validate only tabs that hold something.
  const filled = TABS.filter((t) => hasContent(yaml[t]))
  const filledKey = filled.join(',')
  const schemas = useMemo<EditorSchema[]>(
    () =>
      filledKey === ''
        ? []
        : [
            {
              uri: `https://mesh-auth-designer.invalid/schemas/manifests-${profile}.json`,
              fileMatch: filledKey.split(',').map((t) => `**/${TAB_PATHS[t as YamlTab].replace('file:///', '')}`),
              schema: jsonSchemaForManifests(profile),
            },
          ],
    [profile, filledKey],
  )

  const markers = useMemo<EditorMarker[]>(
    () =>
      problems
        .filter((p) => p.tab === tab)
        .map((p) => ({ line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn, severity: p.severity, message: p.message, code: p.code, ...(p.fix ? { fix: p.fix.title } : {}) })),
    [problems, tab],
  )

  // Our problems first; a schema finding on a line we already report is the same finding in other words.
  const listed = useMemo<ListedProblem[]>(() => {
    const ours: ListedProblem[] = problems.map((p) => ({ tab: p.tab, line: p.line, severity: p.severity, code: p.code, message: p.message, ...(p.fix ? { fix: p.fix.title } : {}) }))
    const taken = new Set(ours.map((p) => `${p.tab}:${p.line}`))
    const schema = filled.flatMap((t) =>
      schemaMarkers[t].filter((m) => !taken.has(`${t}:${m.line}`)).map((m): ListedProblem => ({ tab: t, line: m.line, severity: m.severity, code: 'SCHEMA', message: m.message })),
    )
    return [...ours, ...schema].sort((a, b) => TABS.indexOf(a.tab) - TABS.indexOf(b.tab) || a.line - b.line)
  }, [problems, schemaMarkers, filledKey])

  // Typing not yet sent to the store goes first: the fix is computed on the text as it is now.
  const applyQuickFix = useCallback(
    (t: YamlTab, line: number) => {
      flush()
      useDesignerStore.getState().applyQuickFix(t, line)
    },
    [flush],
  )

  const onSchemaMarkers = useCallback((list: EditorMarker[]) => setSchemaMarkers((m) => ({ ...m, [tab]: list })), [tab])

  const onTabKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
    e.preventDefault()
    const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length] ?? 'istio'
    showTab(next)
    document.getElementById(`editor-tab-${next}`)?.focus()
  }

  return (
    <section className="editor-pane" aria-label="YAML editor">
      <div className="editor-tabs" role="tablist" aria-label="YAML files" onKeyDown={onTabKeyDown}>
        {TABS.map((t) => {
          const count = listed.filter((p) => p.tab === t && p.severity === 'error').length
          return (
            <button
              key={t}
              id={`editor-tab-${t}`}
              type="button"
              role="tab"
              aria-selected={t === tab && !intentOpen}
              aria-controls="editor-tabpanel"
              tabIndex={t === tab && !intentOpen ? 0 : -1}
              className="editor-tab"
              onClick={() => showTab(t)}
            >
              {TAB_TITLES[t]}
              {count > 0 && (
                <span className="editor-tab-count" aria-label={`${count} ${count === 1 ? 'error' : 'errors'}`}>
                  {count}
                </span>
              )}
            </button>
          )
        })}
        <button
          id="editor-tab-intent"
          type="button"
          role="tab"
          aria-selected={intentOpen}
          aria-controls="editor-tabpanel"
          tabIndex={intentOpen ? 0 : -1}
          className="editor-tab"
          onClick={() => {
            flush()
            setIntentOpen(true)
          }}
        >
          Intent
        </button>
        <span className="editor-tabs-file" aria-hidden="true">
          {intentOpen ? 'intent.yaml' : TAB_PATHS[tab].replace('file:///', '')}
        </span>
      </div>
      {intentOpen && (
        <div id="editor-tabpanel" role="tabpanel" aria-labelledby="editor-tab-intent" className="editor-host">
          <IntentEditor />
        </div>
      )}
      {!intentOpen && (
        <>
      {/* While a big text is parsed, whether the previous one parsed is old news. */}
      {yamlBroken[tab] && parsing[tab] === undefined && (
        <p className="editor-broken" role="status">
          <Icon name="alert" size={14} />
          This YAML does not parse. The canvas and the grid keep the last valid design until you fix it.
        </p>
      )}
      <div id="editor-tabpanel" role="tabpanel" aria-labelledby={`editor-tab-${tab}`} className="editor-host">
        <Suspense fallback={<p className="editor-loading">Loading editor…</p>}>
          <YamlEditor
            modelPath={TAB_PATHS[tab]}
            value={yaml[tab]}
            onChange={(text) => push(tab, text)}
            schemas={schemas}
            markers={markers}
            onSchemaMarkers={onSchemaMarkers}
            onQuickFix={(line) => applyQuickFix(tab, line)}
            revealLine={revealLine?.tab === tab ? revealLine : undefined}
            ariaLabel={`${TAB_TITLES[tab]} YAML`}
          />
        </Suspense>
        {parsing[tab] !== undefined && (
          <p className="editor-parsing" role="status">
            {parsingLabel(parsing[tab])}
          </p>
        )}
        {!hasContent(yaml[tab]) && parsing[tab] === undefined && (
          <p className="editor-empty" aria-hidden="true">
            {tab === 'istio'
              ? 'No Istio config yet. Type or paste a MeshPolicy, Policy or DestinationRule, or drop one from the palette onto the canvas.'
              : 'No workloads yet. Type or paste Namespaces, Services and Deployments, or use Reset to seed.'}
          </p>
        )}
      </div>
      <p className="editor-keys">
        In the editor Tab indents. To leave it: <kbd>Ctrl</kbd>+<kbd>M</kbd>, then <kbd>Tab</kbd> (<kbd>Ctrl</kbd>+<kbd>M</kbd> again gives Tab back).
      </p>
      <ProblemsList
        problems={listed}
        onFix={applyQuickFix}
        onReveal={(t, line) => {
          showTab(t)
          setRevealLine((r) => ({ tab: t, line, nonce: (r?.nonce ?? 0) + 1 }))
        }}
      />
        </>
      )}
    </section>
  )
}
