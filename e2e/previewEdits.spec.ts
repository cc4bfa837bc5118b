import { expect, test, type Page } from '@playwright/test'
import { applyMeshPolicy, cell, grid } from './intentJourney.js'

/**
 * Preview mode (issue 14): with "Preview" on, every edit is staged; the grid shows before -> after on
 * each cell it changes, nothing is committed until Apply, Apply is one undo step, Discard changes nothing.
 */

const staged = (page: Page) => page.getByRole('region', { name: 'Staged edits' })
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' })

/** Opens the MeshPolicy's form from its canvas node. */
async function openMeshPolicy(page: Page) {
  const node = page.getByTestId('canvas.node.MeshPolicy//default')
  await node.click()
  if (!(await inspector(page).isVisible())) await node.dblclick()
  await expect(inspector(page).getByLabel('Mutual TLS mode')).toHaveValue('STRICT')
}

test.describe('Preview edits', () => {
  test.describe.configure({ timeout: 180_000 })
  test.use({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 720 } })

  test('an inspector edit and a sidecar switch are staged: before -> after in the grid, nothing committed, Apply is one undo step', async ({ page, context }) => {
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto('/')
    await expect(grid(page).getByRole('button', { name: /: 200$/ })).toHaveCount(9)
    await applyMeshPolicy(page)
    const foo = cell(page, 'sleep.foo', 'httpbin.foo:8000')
    const legacy = cell(page, 'sleep.legacy', 'httpbin.foo:8000')
    await expect(legacy).toHaveAccessibleName('sleep.legacy to httpbin.foo:8000: 000 (56)')

    await page.getByRole('button', { name: 'Preview edits', exact: true }).click()
    // The strip takes the button's place until Apply or Discard.
    await expect(staged(page)).toContainText('Edits are staged here')
    await expect(page.getByRole('button', { name: 'Preview edits', exact: true })).toBeHidden()

    // Inspector: the mesh goes PERMISSIVE. The grid shows the staged outcome and what it was.
    await openMeshPolicy(page)
    await inspector(page).getByLabel('Mutual TLS mode').selectOption('PERMISSIVE')
    await expect(legacy).toHaveAccessibleName('sleep.legacy to httpbin.foo:8000: 200')
    await expect(legacy).toHaveAttribute('aria-description', /was 000 \(56\)/)
    await expect(legacy).toContainText('000 (56) →')
    await expect(foo).toHaveAttribute('aria-description', /was 503/)
    await expect(staged(page).getByRole('status')).toContainText('cells change · MeshPolicy default')

    // Canvas: a sidecar switch, staged as well.
    await page.getByRole('button', { name: 'Close inspector' }).click()
    await page.getByRole('switch', { name: 'Sidecar for sleep.legacy' }).check()
    await expect(staged(page).getByRole('status')).toContainText('2 objects')

    // The list of changed cells, with the objects whose edit moves each.
    await staged(page).getByRole('button', { name: /cells change · 2 objects/ }).click()
    const table = page.getByRole('dialog', { name: 'Staged changes' }).getByRole('table', { name: 'Cells the staged edits change' })
    await expect(table.getByRole('row', { name: /sleep\.foo httpbin\.foo:8000 503 → 200 MeshPolicy default/ })).toBeVisible()
    await page.getByRole('button', { name: 'Close staged changes' }).click()

    // Nothing is committed yet: the saved design, opened in another tab, is still mesh-wide STRICT.
    const other = await context.newPage()
    await other.goto('/')
    await expect(cell(other, 'sleep.foo', 'httpbin.foo:8000')).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 503')
    await other.close()

    // Apply: both edits are committed, the marks go; ONE Ctrl+Z takes both back.
    await staged(page).getByRole('button', { name: 'Apply' }).click()
    await expect(staged(page)).toBeHidden()
    await expect(foo).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 200')
    await expect(foo).not.toHaveAttribute('aria-description', /was/)
    await expect(page.getByRole('switch', { name: 'Sidecar for sleep.legacy' })).toBeChecked()
    await page.getByRole('table', { name: 'Connectivity' }).click({ position: { x: 2, y: 2 } })
    await page.keyboard.press('ControlOrMeta+Z')
    await expect(foo).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 503')
    await expect(legacy).toHaveAccessibleName('sleep.legacy to httpbin.foo:8000: 000 (56)')
    await expect(page.getByRole('switch', { name: 'Sidecar for sleep.legacy' })).not.toBeChecked()
    // ...and the step before is the MeshPolicy itself.
    await page.keyboard.press('ControlOrMeta+Z')
    await expect(foo).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 200')
    expect(errors).toEqual([])
  })

  test('Discard leaves the design, its YAML and its history unchanged', async ({ page }) => {
    await page.goto('/')
    await applyMeshPolicy(page)
    const foo = cell(page, 'sleep.foo', 'httpbin.foo:8000')
    await page.getByRole('button', { name: 'Preview edits', exact: true }).click()
    await openMeshPolicy(page)
    await inspector(page).getByLabel('Mutual TLS mode').selectOption('PERMISSIVE')
    await expect(foo).toHaveAttribute('aria-description', /was 503/)
    await expect(page.getByRole('tabpanel', { name: 'Istio config' }).locator('.monaco-editor .view-lines')).toContainText('PERMISSIVE')

    await staged(page).getByRole('button', { name: 'Discard' }).click()
    await expect(staged(page)).toBeHidden()
    await expect(foo).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 503')
    await expect(foo).not.toHaveAttribute('aria-description', /was/)
    await expect(inspector(page).getByLabel('Mutual TLS mode')).toHaveValue('STRICT')
    await expect(page.getByRole('tabpanel', { name: 'Istio config' }).locator('.monaco-editor .view-lines')).not.toContainText('PERMISSIVE')
    // The history is the design's: one undo takes back the MeshPolicy, nothing staged is left to undo.
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(foo).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 200')
  })
})
