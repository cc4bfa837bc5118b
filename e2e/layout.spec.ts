/// <reference lib="dom" />
import { expect, test, type Page } from '@playwright/test'

/**
 * Projectors and laptops: at 1280x720 and 1024x768 every toolbar action is on screen, nothing scrolls
 * sideways and the grid's columns are not cut; at 1366 the labelled buttons keep their words as
 * tooltips (with the shortcut where there is one).
 */

async function offScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    return [...document.querySelectorAll<HTMLElement>('header.toolbar button, .reqbar button, .reqbar select, .reqbar input')]
      .filter((b) => {
        const r = b.getBoundingClientRect()
        return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)
      })
      .map((b) => b.getAttribute('aria-label') ?? b.textContent ?? b.tagName)
  })
}

test.describe('Small screens', () => {
  test.describe.configure({ timeout: 120_000 })

  for (const size of [
    { width: 1280, height: 720 },
    { width: 1024, height: 768 },
  ]) {
    test(`${size.width}x${size.height}: every action reachable, no sideways scroll, grid columns whole`, async ({ page }) => {
      await page.setViewportSize(size)
      await page.goto('/')
      const grid = page.getByRole('table', { name: 'Connectivity' })
      await expect(grid.getByRole('button', { name: /: 200$/ })).toHaveCount(9)
      expect(await offScreen(page)).toEqual([])
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true)
      for (const name of ['Workshop', 'New empty design', 'Reset to seed', 'Undo', 'Redo', 'Import', 'Export', 'Share']) {
        await expect(page.getByRole('banner').getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 })
      }
      // Every column header lies wholly inside the grid's pane.
      const pane = await page.getByRole('region', { name: 'Connectivity' }).boundingBox()
      if (!pane) throw new Error('no grid pane')
      for (const header of await grid.getByRole('columnheader').all()) {
        const box = await header.boundingBox()
        expect(box && box.x + box.width <= pane.x + pane.width + 0.5).toBe(true)
        expect(await header.evaluate((h) => [...h.querySelectorAll('span')].every((s) => s.scrollWidth <= s.clientWidth))).toBe(true)
      }
    })
  }

  test('1366x768: buttons without their words show them as tooltips, with shortcuts', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto('/')
    const toolbar = page.getByRole('banner')
    for (const name of ['Workshop', 'New empty design', 'Reset to seed', 'Undo', 'Redo', 'Import', 'Export', 'Share']) {
      const button = toolbar.getByRole('button', { name, exact: true })
      await expect(button).toBeInViewport({ ratio: 1 })
      const shown = (await button.innerText()).trim()
      const title = (await button.getAttribute('title')) ?? ''
      const word = name.split(' ')[0] as string
      expect(`${name}: ${shown.includes(word) || title.startsWith(word)}`).toBe(`${name}: true`)
    }
    await expect(toolbar.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', /Undo \((Ctrl|⌘)/)
  })
})
