import { useCallback, useEffect, useState } from 'react'
import { useDesignerStore } from '../../store'
import { Banner } from '../components'
import { MigrationDialog, MigrationPanel } from '../migrate'
import { ProfileNotice } from '../modern'
import { AuthToolsDrawer, RequestBar } from '../request'
import { importNotice, isYamlFile, readFiles, Toolbar, type Notice } from '../toolbar'
import { useWorkshopActive, WorkshopLayer, WorkshopPanel } from '../workshop'
import { SaveNotices } from './SaveNotices'
import { StatusBar } from './StatusBar'
import { useFileDrop } from './useFileDrop'
import { useEscapeLayers } from './useEscapeLayers'
import { useHistoryShortcuts } from './useHistoryShortcuts'
import { useShareLink } from './useShareLink'
import { Workspace, type CellRef } from './Workspace'
import './App.css'

/** Quiet messages go away on their own; errors stay until dismissed. */
const NOTICE_MS = 7000

export default function App() {
  const [notice, setNotice] = useState<Notice>()
  const [explained, setExplained] = useState<CellRef>()
  const notify = useCallback((n: Notice) => setNotice(n), [])
  const workshop = useWorkshopActive()

  useShareLink(notify)
  useHistoryShortcuts()

  useEffect(() => {
    if (!notice || notice.tone === 'error') return
    const timer = setTimeout(() => setNotice(undefined), NOTICE_MS)
    return () => clearTimeout(timer)
  }, [notice])

  const onDroppedFiles = useCallback(
    async (files: File[]) => {
      const yaml = files.filter(isYamlFile)
      if (yaml.length === 0) return notify({ tone: 'error', text: 'Only .yaml and .yml files can be imported.' })
      const result = await useDesignerStore.getState().importYaml(await readFiles(yaml), 'replace')
      const skipped = files.length - yaml.length
      notify(importNotice(result, skipped ? ` ${skipped} other ${skipped === 1 ? 'file was' : 'files were'} skipped.` : ''))
    },
    [notify],
  )
  const dropping = useFileDrop(onDroppedFiles)

  const explain = useCallback((cell: CellRef) => {
    setExplained(cell)
    useDesignerStore.getState().select({ kind: 'cell', ...cell })
  }, [])

  const closeExplain = useCallback(() => {
    setExplained((cell) => {
      if (cell) queueMicrotask(() => document.querySelector<HTMLElement>(`[data-cell="${cell.row}:${cell.column}"]`)?.focus())
      return undefined
    })
    const store = useDesignerStore.getState()
    if (store.selection.kind === 'cell') store.select({ kind: 'none' })
  }, [])

  useEscapeLayers(explained !== undefined, closeExplain)

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#pane-grid"
        onClick={(e) => {
          e.preventDefault()
          document.querySelector<HTMLElement>('#pane-grid [data-cell][tabindex="0"], #pane-grid [data-cell]')?.focus()
        }}
      >
        Skip to the grid
      </a>
      <Toolbar notify={notify} />
      <RequestBar />
      <SaveNotices />
      {notice && (
        <Banner tone={notice.tone} onDismiss={() => setNotice(undefined)}>
          {notice.text}
        </Banner>
      )}
      <ProfileNotice />
      <MigrationPanel />
      <Workspace explained={explained} onExplain={explain} onCloseExplain={closeExplain} lead={workshop ? <WorkshopPanel /> : undefined} />
      <WorkshopLayer notify={notify} />
      <AuthToolsDrawer />
      <MigrationDialog />
      <StatusBar />
      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-card">Drop .yaml files to import them</div>
        </div>
      )}
    </div>
  )
}
