import { expect, test } from '@playwright/test'
import { applyMeshPolicy, cell, grid, summary } from '../intentJourney.js'

/** docs/screenshots/preview-edit.png and intent-import.png at 1280x720 (issue 14). */
test.describe('Preview and intent import screenshots', () => {
  test.describe.configure({ timeout: 300_000 })
  test.use({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 720 } })

  test('an inspector edit previewed in the grid', async ({ page }) => {
    await page.goto('/')
    await expect(grid(page).getByRole('button', { name: /: 200$/ })).toHaveCount(9)
    await page.waitForTimeout(1200) // elk's layout and fitView settle
    await applyMeshPolicy(page)
    // Room for every row of the grid above the YAML (the splitter a user would drag).
    const splitter = page.getByRole('separator', { name: 'Resize connectivity grid' })
    await splitter.focus()
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowDown')
    await page.getByRole('button', { name: 'Preview edits', exact: true }).click()
    const node = page.getByTestId('canvas.node.MeshPolicy//default')
    await node.click()
    const inspector = page.getByRole('complementary', { name: 'Inspector' })
    if (!(await inspector.isVisible())) await node.dblclick()
    await inspector.getByLabel('Mutual TLS mode').selectOption('PERMISSIVE')
    await expect(cell(page, 'sleep.legacy', 'httpbin.foo:8000')).toHaveAttribute('aria-description', /was 000 \(56\)/)
    await expect(page.getByRole('region', { name: 'Staged edits' }).getByRole('status')).toContainText('cells change')
    await page.getByRole('button', { name: 'Close inspector' }).click()
    await page.getByRole('switch', { name: 'Sidecar for sleep.legacy' }).check()
    await expect(page.getByRole('region', { name: 'Staged edits' }).getByRole('status')).toContainText('2 objects')
    await page.getByRole('region', { name: 'Staged edits' }).getByRole('button', { name: /cells change/ }).click()
    await page.mouse.move(0, 719)
    await page.waitForTimeout(400)
    await page.screenshot({ path: 'docs/screenshots/preview-edit.png' })
  })

  test('an intent file opened from the Import menu', async ({ page }) => {
    await page.goto('/')
    await expect(grid(page).getByRole('button', { name: /: 200$/ })).toHaveCount(9)
    await page.waitForTimeout(1200)
    await applyMeshPolicy(page)
    const splitter = page.getByRole('separator', { name: 'Resize connectivity grid' })
    await splitter.focus()
    for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowDown')
    await page.getByRole('button', { name: 'Import' }).click()
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('menuitem', { name: /Open YAML files/ }).click()
    const text = `apiVersion: mesh-auth-designer/v1
kind: Intent
expectations:
- from: with-sidecar
  to: ["*.foo", "*.bar"]
  expect: allow
- from: sleep.legacy
  to: "*.foo"
  expect: deny
- from: sleep.legacy
  to: httpbin.bar:http
  expect: allow
`
    await (await chooser).setFiles({ name: 'intent.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) })
    await expect(summary(page)).toContainText('expectations violated')
    await page.getByRole('tab', { name: 'Intent' }).click()
    await page.mouse.move(0, 719)
    await page.waitForTimeout(600)
    await page.screenshot({ path: 'docs/screenshots/intent-import.png' })
  })
})
