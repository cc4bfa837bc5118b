/// <reference lib="dom" />
import { expect, test, type Page } from '@playwright/test'
import { expectLive, expectStep, HIDDEN, openSeedLesson, stepNav } from './workshopPage.js'

/**
 * Predict-then-reveal: until the step is revealed, the cells the learner predicts show no code
 * anywhere (the main grid, the explanation, the grid's counts, the canvas, the exported PNG, the
 * lesson text); after the reveal everything is shown as before.
 */

const PAIRS = [
  ['sleep.foo', 'httpbin.foo:8000'],
  ['sleep.foo', 'httpbin.bar:8000'],
  ['sleep.bar', 'httpbin.foo:8000'],
  ['sleep.bar', 'httpbin.bar:8000'],
] as const

/** Every text the PNG export draws, recorded from the canvas it draws on. */
async function pngTexts(page: Page): Promise<string[]> {
  await page.evaluate(() => ((window as unknown as { drawn: string[] }).drawn = []))
  await page.getByRole('button', { name: 'Export' }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('menuitem', { name: /Save grid as PNG/ }).click()
  expect((await download).suggestedFilename()).toBe('connectivity.png')
  return page.evaluate(() => (window as unknown as { drawn: string[] }).drawn)
}

test.describe('No spoilers before the reveal', () => {
  test.describe.configure({ timeout: 120_000 })
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { drawn: string[] }
      w.drawn = []
      const fillText = CanvasRenderingContext2D.prototype.fillText
      CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, max?: number) {
        w.drawn.push(text)
        return max === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, max)
      }
    })
  })

  test('step 3 of the seed lesson: no 503 on screen or in the PNG until Reveal, then all of it', async ({ page }) => {
    await openSeedLesson(page)
    await page.getByRole('combobox', { name: 'Go to step' }).selectOption({ label: '3. A mesh-wide policy, servers only' })
    await expectStep(page, 3)
    const grid = page.getByRole('table', { name: 'Connectivity' })
    const lesson = page.getByRole('region', { name: 'Authentication Policy (Istio 1.0)' })

    for (const [row, column] of PAIRS) await expectLive(page, row, column, HIDDEN)
    // Other cells keep their codes.
    await expectLive(page, 'sleep.legacy', 'httpbin.foo:8000', '000 (56)')
    await expect(grid).not.toContainText('503')
    await expect(page.getByRole('region', { name: 'Connectivity' })).not.toContainText('changed')
    // The lesson's text (not the list of codes to choose from).
    expect((await lesson.innerText()).replace(/Click a cell to predict:[^\n]*/, '')).not.toContain('503')
    await expect(page.getByRole('contentinfo')).not.toContainText('503')
    await expect(page.getByLabel('Design canvas')).not.toContainText('503')

    // The explanation of a cell to predict waits for the reveal.
    await grid.getByRole('button', { name: `sleep.foo to httpbin.foo:8000: ${HIDDEN}` }).click()
    const explanation = page.getByRole('complementary').filter({ hasText: 'Why this code?' })
    await expect(explanation.getByRole('heading', { level: 2 })).toContainText('httpbin.foo:8000')
    await expect(explanation).toContainText('Its code and why appear when you reveal the step')
    await expect(explanation).not.toContainText('503')
    await page.getByRole('button', { name: 'Close explanation' }).click()

    // The PNG: the legend's "✕ 503" only, no cell.
    expect((await pngTexts(page)).filter((t) => t.includes('503'))).toEqual(['✕ 503'])

    await page.getByRole('button', { name: 'Reveal', exact: true }).click()
    for (const [row, column] of PAIRS) await expectLive(page, row, column, '503')
    await expect(page.getByRole('region', { name: 'What happened' })).toContainText('turns the failure into a 503')
    expect((await pngTexts(page)).filter((t) => t.includes('503'))).toHaveLength(5)
    await grid.getByRole('button', { name: 'sleep.foo to httpbin.foo:8000: 503' }).click()
    await expect(page.getByRole('complementary').filter({ hasText: 'Why this code?' })).toContainText('503')
  })

  test('the presenter view keeps step 5’s outcome (000, exit code 56) for after the reveal', async ({ page }) => {
    await openSeedLesson(page)
    await page.getByRole('combobox', { name: 'Go to step' }).selectOption({ label: '5. A client without a sidecar' })
    await page.getByRole('button', { name: 'Presenter view' }).click()
    const presenter = page.getByRole('dialog', { name: 'Presenter view' })
    await expect(presenter).toContainText('Step 5 of 22')
    await expect(presenter).not.toContainText('exit code 56')
    await expect(presenter).not.toContainText(/\b000\b/)
    await page.keyboard.press('r')
    await expect(presenter.getByRole('region', { name: 'What happened' })).toContainText('code 000 and exit code 56')
    await page.keyboard.press('Escape')
    await expect(stepNav(page)).toContainText('Step 5 of 22')
  })
})
