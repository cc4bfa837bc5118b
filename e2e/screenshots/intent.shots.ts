import { expect, test } from '@playwright/test'
import { applyMeshPolicy, cell, grid, setExpectations, summary } from '../intentJourney.js'

/** docs/screenshots/intent-*.png: expect mode with violations, the suggested fixes, a comparison. */
test.describe('Intent screenshots', () => {
  // Whole journeys with Monaco and workers; generous for a loaded 2-core machine.
  test.describe.configure({ timeout: 300_000 })
  test.use({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1366, height: 768 } })

  test('violations, fixes, comparison', async ({ page }) => {
    await page.goto('/')
    await expect(grid(page).getByRole('button', { name: /: 200$/ })).toHaveCount(9)
    await page.waitForTimeout(1200) // elk's layout and fitView settle
    await applyMeshPolicy(page)
    await setExpectations(page)
    await page.getByRole('tab', { name: 'Intent' }).click()
    await page.getByRole('button', { name: 'Next violation' }).click()
    await expect(page.getByRole('note', { name: 'Expectation' })).toBeVisible()
    await page.mouse.move(0, 767)
    await page.waitForTimeout(600)
    await page.screenshot({ path: 'docs/screenshots/intent-violations.png' })

    await page.getByRole('button', { name: 'Close explanation' }).click()
    await page.getByRole('button', { name: 'Suggest fixes' }).click()
    const first = page.getByRole('dialog', { name: 'Smallest fixes' }).getByRole('listitem', { name: 'Fix 1' })
    // The search and the grid diff take longer on a loaded machine.
    await expect(first.getByRole('table', { name: 'Cells fix 1 changes' })).toBeVisible({ timeout: 60_000 })
    await first.getByRole('button', { name: 'Preview in grid' }).click()
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAttribute('aria-description', /would become 200/)
    await page.mouse.move(0, 767)
    await page.waitForTimeout(400)
    await page.screenshot({ path: 'docs/screenshots/intent-fixes.png' })

    await first.getByRole('button', { name: 'Apply fix 1' }).click()
    await expect(summary(page)).toContainText('All 4 expectations hold')
    await page.getByRole('button', { name: 'Close smallest fixes' }).click()
    // Compare with the design before the fix, remembered as a named version.
    await page.getByRole('button', { name: 'Undo' }).click()
    await page.getByRole('button', { name: 'Compare…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Compare with another version' })
    await dialog.getByLabel('Save the current design as').fill('mesh STRICT')
    await dialog.getByRole('button', { name: 'Save version' }).click()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('button', { name: 'Redo' }).click()
    await page.getByRole('button', { name: 'Compare…' }).click()
    await dialog.getByRole('button', { name: 'Compare with mesh STRICT' }).click()
    await expect(page.getByRole('dialog', { name: 'Changes' }).getByRole('table', { name: 'Changed cells' })).toBeVisible()
    await page.mouse.move(0, 767)
    await page.waitForTimeout(400)
    await page.screenshot({ path: 'docs/screenshots/intent-compare.png' })
  })
})
