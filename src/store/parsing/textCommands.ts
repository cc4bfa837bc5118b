/**
 * The store's two text commands, typing in a tab and importing, and where their parse runs: in this
 * thread under PARSE_WORKER_THRESHOLD characters (inside the edit, one update), else through the
 * parser port (a worker) while `parsing` says so and the last good model stays on the canvas.
 *
 * Every request takes a sequence number; an answer is applied only if it is still the newest for its
 * target, and (for a tab) if the store's text of the tab is still the one the edit started from: an
 * undo, an import or a canvas edit that rewrote the tab meanwhile wins over a late answer (as it wins
 * over a synchronous edit made before it). The store's text of the tab changes only with the answer:
 * the editor already shows the new text, and a commit meanwhile must not parse it here again
 * (deriveDocuments parses a tab's kept text for its problems).
 */
import { commit, type StoreContext } from '../commit'
import { ALL_VIEW, selectRows, TASK_VIEW } from '../gridFilter'
import { rememberDocuments } from '../generatedText'
import { importYamlText, type ImportedText } from '../io'
import { replaceTabResources } from '../mergeTab'
import { parseTab, rememberParse } from '../parseCache'
import { EMPTY_LAYOUT } from '../placeNodes'
import { measureTiming } from '../timing'
import { isBroken } from '../problems'
import { TAB_FILES } from '../tabs'
import type { DesignerActions, DesignerState, ParseTarget, YamlTab } from '../types'
import { joinIntentTexts } from '../../intent/joinIntent'
import { composeImport, mergeObjects, MAX_IMPORT_CHARS, splitSources, tooLarge, type SplitSource } from '../importSources'
import type { ParserPort } from './parserPort'

/** The design has workloads but the grid's view selects none of them as rows (the task's view on an app of servers). */
function showsNoRow(s: DesignerState): boolean {
  return s.model.mesh.workloads.some((w) => !w.builtin && !w.isIngressGateway) && selectRows(s.model.mesh, (s.view ?? TASK_VIEW).rows).length === 0
}

export interface TextCommandDeps {
  /** Parses big texts elsewhere; absent: everything is parsed in this thread. */
  parser: ParserPort | undefined
  /** Texts of at least this many characters go to `parser`. */
  threshold: number
}

function without(parsing: DesignerState['parsing'], target: ParseTarget): DesignerState['parsing'] {
  if (parsing[target] === undefined) return parsing
  const { [target]: _gone, ...rest } = parsing
  return rest
}

export interface TextCommands {
  commands: Pick<DesignerActions, 'editYaml' | 'importYaml'>
  /** Resolves once every parse sent so far has been answered (and applied or dropped). */
  settled(): Promise<void>
}

export function createTextCommands(ctx: StoreContext, deps: TextCommandDeps): TextCommands {
  const { get, set } = ctx
  let sequence = 0
  const inFlight = new Set<Promise<unknown>>()
  /** NOTE mutates inFlight: `work` is tracked until it settles, for settled(). */
  function track<T>(work: Promise<T>): Promise<T> {
    inFlight.add(work)
    const drop = () => void inFlight.delete(work)
    work.then(drop, drop)
    return work
  }
  const latest: Record<ParseTarget, number> = { istio: 0, workloads: 0, import: 0 }
  const offThread = (text: string) => deps.parser !== undefined && text.length >= deps.threshold

  /** The parsed text replaces the tab's objects; a text that does not parse keeps the last good resources. */
  function applyTab(tab: YamlTab, text: string, gridOffThread: boolean): void {
    const started = performance.now()
    const parsed = parseTab(tab, text)
    const resources = isBroken(parsed) ? get().resources : replaceTabResources(get().resources, tab, parsed.objects)
    set({ parsing: without(get().parsing, tab) })
    commit(ctx, { resources, typed: { tab, text }, ...(gridOffThread ? { gridOffThread } : {}) }, 'yaml')
    measureTiming('mad:yaml-edit', started, { chars: text.length, parsedInWorker: gridOffThread })
  }

  function editYaml(tab: YamlTab, text: string): void {
    const mine = ++sequence
    latest[tab] = mine
    const parser = deps.parser
    if (!parser || !offThread(text)) return applyTab(tab, text, false)
    const base = get().yaml[tab]
    set({ parsing: { ...get().parsing, [tab]: text.length } })
    void track(parser.parse({ kind: 'tab', text, file: TAB_FILES[tab] })).then(
      (answer) => {
        if (latest[tab] !== mine) return // newer text for this tab: it owns the status and the result
        if (!answer || answer.kind !== 'tab' || get().yaml[tab] !== base) return set({ parsing: without(get().parsing, tab) })
        rememberParse(tab, text, answer.parsed)
        rememberDocuments(answer.parsed.objects, answer.documents)
        applyTab(tab, text, true)
      },
      (error: unknown) => {
        if (latest[tab] !== mine) return
        console.error('Parsing the editor text failed:', error)
        set({ parsing: without(get().parsing, tab) })
      },
    )
  }

  /** Each source's object text read here or in the worker (undefined: expectations only); undefined when a newer import won. */
  async function readObjects(split: readonly SplitSource[], mine: number): Promise<(ImportedText | undefined)[] | undefined> {
    const parser = deps.parser
    const read: (ImportedText | undefined)[] = []
    for (const { source, objects } of split) {
      if (objects === undefined) {
        read.push(undefined)
        continue
      }
      if (!parser || !offThread(objects)) {
        read.push(importYamlText(objects, source.name))
        continue
      }
      const answer = await track(parser.parse({ kind: 'import', text: objects, file: source.name }))
      if (latest.import !== mine) return undefined
      if (!answer || answer.kind !== 'import') return undefined
      rememberDocuments(answer.imported.objects, answer.documents)
      read.push(answer.imported)
    }
    return read
  }

  async function importYaml(sources: Parameters<DesignerActions['importYaml']>[0], mode: 'replace' | 'add'): ReturnType<DesignerActions['importYaml']> {
    const mine = ++sequence
    latest.import = mine
    const big = sources.find(tooLarge)
    if (big) return { ok: false, message: `${big.name} is larger than ${MAX_IMPORT_CHARS / 1024 / 1024} MB. Nothing was imported.` }
    // Intent documents are cut out first (with their lines): only the objects' text goes to the reader.
    const split = splitSources(sources)
    const chars = split.reduce((n, s) => n + (s.objects?.length ?? 0), 0)
    const away = split.some((s) => s.objects !== undefined && offThread(s.objects))
    if (away) set({ parsing: { ...get().parsing, import: chars } })
    let read: (ImportedText | undefined)[] | undefined
    try {
      read = await readObjects(split, mine)
    } finally {
      if (latest.import === mine && away) set({ parsing: without(get().parsing, 'import') })
    }
    if (!read) return { ok: false, message: 'A newer import replaced this one. Nothing was imported from it.' }
    const outcome = composeImport(split, read)
    if (!outcome.ok) return outcome
    const gridOffThread = away ? { gridOffThread: true } : {}
    let summary = outcome.summary
    if (outcome.objects.length > 0) {
      if (mode === 'replace') {
        commit(ctx, { resources: [...outcome.objects], layout: EMPTY_LAYOUT, ...gridOffThread }, 'import')
        // Without a layout of its own, a design gets elk's arrangement once it is ready.
        ctx.refineLayout()
        if (showsNoRow(get())) {
          // An application whose every workload serves a port (rule 25: each is still a client).
          get().setGridView(ALL_VIEW)
          summary += ' Every workload serves a port, so the grid shows all workloads as rows.'
        }
      } else commit(ctx, { resources: mergeObjects(get().resources, outcome.objects), ...gridOffThread }, 'import')
    }
    // Expectations are not in the undo history: they replace the design's, or join them.
    if (outcome.intent) set({ intent: mode === 'add' ? joinIntentTexts([get().intent, outcome.intent.text]) : outcome.intent.text })
    return { ...outcome, summary }
  }

  return {
    commands: { editYaml, importYaml },
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight])
    },
  }
}
