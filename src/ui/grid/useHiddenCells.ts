import { useMemo } from 'react'
import { hiddenCellsText, useWorkshopStore } from '../../store/workshop'

const NONE: ReadonlySet<string> = new Set()

/** The cells (`row|column`) whose code stays hidden until the lesson step is revealed; see isHiddenCell. */
export function useHiddenCells(): ReadonlySet<string> {
  const text = useWorkshopStore(hiddenCellsText)
  return useMemo(() => (text ? new Set(text.split('\n')) : NONE), [text])
}
