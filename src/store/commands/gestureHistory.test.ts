/**
 * One gesture, one undo step: a drop or click-add edits resources and moves/resizes boxes, and the
 * store's `gesture` records all of it as one step, resources and layout together.
 */
import { describe, expect, it } from 'vitest'
import { testStore } from '../testing'
import { createFromPalette } from './gestures'
import { isEditError } from './result'

async function openStore() {
  const store = testStore({ elkLayout: false })
  await store.getState().settled()
  return store
}

/** What a namespace drop does: the command, then the box where the pointer was, then room around it. */
function dropNamespace(store: Awaited<ReturnType<typeof openStore>>, x: number) {
  store.getState().gesture(() => {
    const s = store.getState()
    const after = createFromPalette(s.resources, 'namespace', { namespace: 'foo' }, s.options.profile)
    if (isEditError(after)) throw new Error(after.message)
    s.applyEdit(() => after, 'canvas')
    const name = after.find((o) => o.kind === 'Namespace' && !s.resources.includes(o))?.metadata.name ?? ''
    store.getState().resizeNamespace(name, { x, y: 600, width: 300, height: 200 })
    store.getState().resizeNamespace('foo', { ...store.getState().layout.namespaces.foo!, x: -400 })
  })
}

describe('gesture', () => {
  it('N gestures, N undos: back to the exact start, resources and positions; N redos: the end again', async () => {
    const store = await openStore()
    const start = { resources: store.getState().resources, layout: store.getState().layout }
    const steps = store.temporal.getState().pastStates.length
    for (let i = 0; i < 3; i++) dropNamespace(store, 1000 + i * 400)
    expect(store.temporal.getState().pastStates.length).toBe(steps + 3)
    const end = { resources: store.getState().resources, layout: store.getState().layout }
    for (let i = 0; i < 3; i++) store.getState().undo()
    expect(store.getState().resources).toEqual(start.resources)
    expect(store.getState().layout).toEqual(start.layout)
    for (let i = 0; i < 3; i++) store.getState().redo()
    expect(store.getState().resources).toEqual(end.resources)
    expect(store.getState().layout).toEqual(end.layout)
    await store.getState().settled()
  })

  it('records nothing when the gesture changes nothing, and a move after it is a step of its own', async () => {
    const store = await openStore()
    const steps = store.temporal.getState().pastStates.length
    store.getState().gesture(() => undefined)
    expect(store.temporal.getState().pastStates.length).toBe(steps)
    dropNamespace(store, 1200)
    store.getState().moveNode('Deployment/foo/sleep', { x: 5, y: 50 })
    expect(store.temporal.getState().pastStates.length).toBe(steps + 2)
    await store.getState().settled()
  })
})
