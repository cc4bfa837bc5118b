import { expect, test, type Page } from '@playwright/test'
import LZString from 'lz-string'
import { DEFAULT_OPTIONS } from '../src/engine'
import { syntheticMesh } from '../src/scenarios/synthetic/syntheticMesh'

/**
 * A design at the size of a real mesh (issue 12): the grid draws only the rows and columns on
 * screen, keeps its headers in view and its keyboard navigation; the canvas draws namespaces as
 * boxes with counts when zoomed out.
 */

function designLink(namespaces: number, apps: number): string {
  const envelope = { v: 1, resources: syntheticMesh(namespaces, apps), layout: { positions: {}, namespaces: {} }, options: DEFAULT_OPTIONS }
  return `/#design=${LZString.compressToEncodedURIComponent(JSON.stringify(envelope))}`
}

async function openBig(page: Page): Promise<void> {
  await page.goto(designLink(30, 2))
  await expect(page.getByText('60 clients × 60 ports')).toBeVisible({ timeout: 30_000 })
}

test.describe('At scale', () => {
  test.use({ viewport: { width: 1600, height: 1000 } })

  test('the grid draws only the visible columns and keeps keyboard navigation and sticky headers', async ({ page }) => {
    test.setTimeout(120_000)
    await openBig(page)
    const table = page.getByRole('table', { name: 'Connectivity' })
    await expect(table).toHaveAttribute('aria-colcount', '61')
    await expect(table).toHaveAttribute('aria-rowcount', '61')
    const headers = table.getByRole('columnheader')
    const drawn = await headers.count()
    expect(drawn).toBeGreaterThan(2)
    expect(drawn).toBeLessThan(30)

    // Keyboard: End goes to the last column (drawn on demand), Home back to the first.
    const first = table.locator('[data-cell="0:0"]')
    await first.focus()
    await page.keyboard.press('End')
    const last = table.locator('[data-cell="0:59"]')
    await expect(last).toBeFocused()
    await expect(last).toHaveAccessibleName(/^client\.ns-0 to web-1\.ns-29:8000: /)
    await expect(table.getByRole('columnheader', { name: 'web-1.ns-29:8000' })).toBeVisible()
    await expect(table.locator('[data-cell="0:59"]').locator('xpath=..')).toHaveAttribute('aria-colindex', '61')
    await page.keyboard.press('Control+End')
    await expect(table.locator('[data-cell="59:59"]')).toBeFocused()

    // Scrolled to the far right and bottom, the row and column headers are still in view.
    const rowHeader = table.getByRole('rowheader', { name: /client-1\.ns-29/ })
    await expect(rowHeader).toBeVisible()
    const scroller = await page.locator('.grid-scroll').boundingBox()
    const rowBox = await rowHeader.boundingBox()
    expect(rowBox && scroller && rowBox.x - scroller.x).toBeLessThan(20)
    const colBox = await table.getByRole('columnheader', { name: 'web-1.ns-29:8000' }).boundingBox()
    expect(colBox && scroller && colBox.y - scroller.y).toBeLessThan(10)

    await page.keyboard.press('Control+Home')
    await expect(first).toBeFocused()
    await expect(first).toHaveAccessibleName(/^client\.ns-0 to web\.ns-0:8000: /)
  })
})
