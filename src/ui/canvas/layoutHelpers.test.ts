import { describe, expect, it } from 'vitest'
import { freeSpot } from './freeSpot'
import { separateBoxes } from './separateBoxes'

describe('freeSpot', () => {
  it('keeps a free spot and lines up under an occupied one', () => {
    expect(freeSpot({ x: 300, y: 300 }, [{ x: 24, y: 44 }])).toEqual({ x: 300, y: 300 })
    expect(freeSpot({ x: 24, y: 44 }, [{ x: 24, y: 44 }], { x: 12, y: 44 })).toEqual({ x: 24, y: 132 })
  })
})

describe('separateBoxes', () => {
  it('pushes a covered box down or right, whichever is the smaller move, and cascades', () => {
    const moved = separateBoxes(
      {
        foo: { x: 0, y: 0, width: 228, height: 400 },
        lower: { x: 0, y: 300, width: 228, height: 128 },
        right: { x: 240, y: 0, width: 228, height: 128 },
      },
      'foo',
    )
    expect(moved.lower).toEqual({ x: 0, y: 432, width: 228, height: 128 })
    expect(moved.right).toEqual({ x: 260, y: 0, width: 228, height: 128 })
    expect(separateBoxes({ a: { x: 0, y: 0, width: 100, height: 100 }, b: { x: 500, y: 0, width: 100, height: 100 } })).toEqual({})
  })
})
