import { expect, test } from '@playwright/test'
import { applyMeshPolicy, cell, grid, setExpectations, summary } from './intentJourney.js'

/**
 * Design by intent (issue 14): set expectations by clicking, see violations, get and apply the
 * smallest fix, undo it, and compare with a saved version.
 */
test.describe('Intent', () => {
  // Whole journeys with Monaco and workers; generous for a loaded 2-core machine.
  test.describe.configure({ timeout: 300_000 })
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

  test('expectations by clicking, violations, the smallest fix, undo, compare with a saved version', async ({ page }) => {
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto('/')
    await expect(grid(page).getByRole('button', { name: /: 200$/ })).toHaveCount(9)
    await applyMeshPolicy(page)
    await setExpectations(page)

    // Violations are marked on the cells (and say so to screen readers); holding ones too.
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAttribute('aria-description', /expected allow, violated/)
    await expect(cell(page, 'sleep.legacy', 'httpbin.foo:8000')).toHaveAttribute('aria-description', /expected deny, holds/)
    await expect(cell(page, 'sleep.legacy', 'httpbin.legacy:8000')).not.toHaveAttribute('aria-description', /expected/)

    // The expectations are intent.yaml in the Intent tab.
    await page.getByRole('tab', { name: 'Intent' }).click()
    const intentEditor = page.getByRole('tabpanel', { name: 'Intent' }).locator('.monaco-editor .view-lines')
    await expect(intentEditor).toContainText('from: sleep.legacy')
    await expect(intentEditor).toContainText('expect: deny')

    // Step to the first violation: its explanation names the expectation that applied.
    await page.getByRole('button', { name: 'Expect', exact: true }).click()
    await page.getByRole('button', { name: 'Next violation' }).click()
    await expect(summary(page)).toContainText('1/3: sleep.foo → httpbin.foo:8000, expected allow, got 503')
    await expect(page.getByRole('note', { name: 'Expectation' })).toContainText('Violates its expectation: expected allow')

    // The smallest fix: the *.local ISTIO_MUTUAL DestinationRule, with its YAML and grid diffs.
    await page.getByRole('button', { name: 'Suggest fixes' }).click()
    const fixes = page.getByRole('dialog', { name: 'Smallest fixes' })
    const first = fixes.getByRole('listitem', { name: 'Fix 1' })
    // The search runs in a worker; a loaded machine makes it slower.
    await expect(first).toContainText('DestinationRule default in default for every service (*.local): TLS ISTIO_MUTUAL', { timeout: 60_000 })
    await expect(first.getByLabel('YAML diff of DestinationRule default (default)')).toContainText('+ host: "*.local"')
    await expect(first.getByRole('table', { name: 'Cells fix 1 changes' })).toContainText('503 → 200')

    // Preview in the grid before applying: the cell shows what it would become.
    await first.getByRole('button', { name: 'Preview in grid' }).click()
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAttribute('aria-description', /would become 200/)
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 503')

    // Apply: one click, every expectation holds; one undo brings the violations back.
    await first.getByRole('button', { name: 'Apply fix 1' }).click()
    await expect(summary(page)).toContainText('All 4 expectations hold')
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 200')
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(summary(page)).toContainText('3 of 4 expectations violated')
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 503')
    await fixes.getByRole('button', { name: 'Close smallest fixes' }).click()

    // Save this version, redo the fix, compare: the changed cells with before -> after and the cause.
    await page.getByRole('button', { name: 'Compare…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Compare with another version' })
    await dialog.getByLabel('Save the current design as').fill('mesh STRICT')
    await dialog.getByRole('button', { name: 'Save version' }).click()
    await expect(dialog.getByRole('list', { name: 'Saved versions' })).toContainText('mesh STRICT')
    await dialog.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('button', { name: 'Redo' }).click()
    await expect(summary(page)).toContainText('All 4 expectations hold')
    await page.getByRole('button', { name: 'Compare…' }).click()
    await dialog.getByRole('button', { name: 'Compare with mesh STRICT' }).click()
    const changes = page.getByRole('dialog', { name: 'Changes' }).getByRole('table', { name: 'Changed cells' })
    await expect(changes.getByRole('row', { name: /sleep\.foo httpbin\.foo:8000 503 → 200 DestinationRule default \(default\)/ })).toBeVisible()
    await expect(changes.getByRole('row')).toHaveCount(1 + 6)
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAttribute('aria-description', /was 503/)
    expect(errors).toEqual([])
  })
  test('previews an edit in the grid before it is committed', async ({ page }) => {
    await page.goto('/')
    await applyMeshPolicy(page)
    await page.getByRole('button', { name: 'Preview an edit' }).click()
    const panel = page.getByRole('dialog', { name: 'Preview an edit' })
    await panel.getByLabel(/Objects to apply/).fill('apiVersion: networking.istio.io/v1alpha3\nkind: DestinationRule\nmetadata:\n  name: default\n  namespace: default\nspec:\n  host: "*.local"\n  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL\n')
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAttribute('aria-description', /would become 200/)
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 503')
    await expect(panel.getByRole('table', { name: 'Cells the edit changes' }).getByRole('row')).toHaveCount(1 + 6)
    await panel.getByRole('button', { name: 'Apply edit' }).click()
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 200')
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 503')
  })
})
