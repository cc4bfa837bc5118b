import { describe, expect, it } from 'vitest'
import { builtinLessons } from '../../lessons'
import { cellName, cellTable, parseCellKey } from './cellTable'
import { isIngressStep, markOf, nextPrediction, predictionMatches, scoreStep, scoreText, totalScore, type Prediction } from './predictions'

describe('cycling a prediction', () => {
  it('goes 200 → 503 → 401 → 000 and round again, from nothing', () => {
    const seen: Prediction[] = []
    let p: Prediction | undefined
    for (let i = 0; i < 6; i++) seen.push((p = nextPrediction(p, false)))
    expect(seen).toEqual(['200', '503', '401', '000', '200', '503'])
  })

  it('adds 404 on ingress steps only', () => {
    expect(nextPrediction('000', true)).toBe('404')
    expect(nextPrediction('404', true)).toBe('200')
    expect(nextPrediction('000', false)).toBe('200')
    // A 404 saved on an ingress step, seen on a pod step, starts the cycle again.
    expect(nextPrediction('404', false)).toBe('200')
  })

  it('knows an ingress step by its external client', () => {
    const [seed] = builtinLessons()
    const kinds = seed?.steps.map(isIngressStep) ?? []
    expect(kinds.filter(Boolean).length).toBeGreaterThan(0)
    expect(kinds[0]).toBe(false)
  })
})

describe('scoring', () => {
  const expected = { a: '200', b: '503', c: '000 (56)', d: '401' }

  it('counts a 000 prediction right for any curl exit code', () => {
    expect(predictionMatches('000', '000 (56)')).toBe(true)
    expect(predictionMatches('000', '000 (35)')).toBe(true)
    expect(predictionMatches('503', '000 (56)')).toBe(false)
    expect(predictionMatches(undefined, '200')).toBe(false)
  })

  it('scores every expected cell; blanks are not correct', () => {
    const score = scoreStep(expected, { a: '200', b: '401', c: '000' })
    expect(score).toEqual({ correct: 2, total: 4 })
    expect(scoreText(score)).toBe('2 / 4 correct')
    expect(markOf('200', '200')).toBe('correct')
    expect(markOf('401', '503')).toBe('wrong')
    expect(markOf(undefined, '401')).toBe('unanswered')
  })

  it('ignores predictions for cells the step does not have', () => {
    expect(scoreStep({ a: '200' }, { a: '200', zz: '503' })).toEqual({ correct: 1, total: 1 })
  })

  it('adds up the steps that were scored', () => {
    expect(totalScore([{ correct: 2, total: 4 }, undefined, { correct: 9, total: 9 }])).toEqual({ correct: 11, total: 13 })
  })
})

describe('the prediction table', () => {
  it('lays pairs out as clients by targets, in the lesson order', () => {
    const table = cellTable(['sleep.foo -> httpbin.foo:8000', 'sleep.foo -> httpbin.bar:8000', 'sleep.bar -> httpbin.foo:8000', 'sleep.bar -> httpbin.bar:8000'])
    expect(table.rows).toEqual(['sleep.foo', 'sleep.bar'])
    expect(table.columns).toEqual(['httpbin.foo:8000', 'httpbin.bar:8000'])
    expect(table.cells[1]?.[0]?.key).toBe('sleep.bar -> httpbin.foo:8000')
    expect(table.loop).toBe(false)
  })

  it('leaves a hole where the step sends no request', () => {
    const table = cellTable(['sleep.legacy -> httpbin.foo:8000', 'sleep.foo -> httpbin.bar:8000'])
    expect(table.cells[0]?.[1]).toBeUndefined()
  })

  it('gives a loop one row per instant', () => {
    const keys = [0, 1, 2].map((t) => `external -> istio-ingressgateway.istio-system:80 @t+${t}`)
    const table = cellTable(keys)
    expect(table.loop).toBe(true)
    expect(table.rows).toEqual(['t+0 s', 't+1 s', 't+2 s'])
    expect(table.columns).toEqual(['istio-ingressgateway.istio-system:80'])
    const cell = table.cells[2]?.[0]
    expect(cell && cellName(cell)).toBe('external to istio-ingressgateway.istio-system:80 at t+2 s')
  })

  it('reads every key of the built-in lessons', () => {
    for (const lesson of builtinLessons()) {
      for (const step of lesson.steps) {
        const keys = Object.keys(step.expect.grid)
        expect(keys.every((k) => parseCellKey(k) !== undefined)).toBe(true)
        const table = cellTable(keys)
        expect(table.cells.flat().filter(Boolean)).toHaveLength(keys.length)
      }
    }
  })
})
