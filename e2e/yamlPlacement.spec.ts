/// <reference lib="dom" />
import { expect, test, type Page } from '@playwright/test'
import { cell } from './modernPage.js'

/**
 * YAML that parses into the wrong place: `spec:` at the indentation of `name:` ends up inside
 * metadata. It is an error on that line (kubectl's strict validation refuses it), not a MeshPolicy
 * that silently has no spec.
 */

const SPEC_IN_METADATA = `apiVersion: authentication.istio.io/v1alpha1
kind: MeshPolicy
metadata:
  name: default
  spec:
    peers:
    - mtls: {}
`

/** The Istio config editor's visible lines, top to bottom (Monaco positions them; DOM order is not line order). */
async function editorLines(page: Page): Promise<string[]> {
  return page
    .getByRole('tabpanel', { name: 'Istio config' })
    .locator('.view-line')
    .evaluateAll((lines) =>
      lines
        .map((l) => ({ top: parseFloat((l as HTMLElement).style.top), text: (l.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text),
    )
}

async function pasteIstioConfig(page: Page, text: string) {
  const editor = page.getByRole('tabpanel', { name: 'Istio config' }).locator('.monaco-editor .view-lines')
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  await page.keyboard.press('ControlOrMeta+V')
}

test.describe('YAML in the wrong place', () => {
  test.describe.configure({ timeout: 120_000 })
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

  test('spec inside metadata is an error that says to move the block out one level', async ({ page }) => {
    await page.goto('/')
    const editor = page.getByRole('tabpanel', { name: 'Istio config' }).locator('.monaco-editor .view-lines')
    await editor.click()
    await page.keyboard.press('ControlOrMeta+A')
    await page.evaluate((t) => navigator.clipboard.writeText(t), SPEC_IN_METADATA)
    await page.keyboard.press('ControlOrMeta+V')
    const problems = page.getByRole('region', { name: 'Problems' })
    await expect(problems).toContainText('K8S107')
    await expect(problems).toContainText('unknown field "metadata.spec"')
    await expect(problems).toContainText('move the block out one level')
    await expect(problems).toContainText(/line 5/)
    await expect(problems).not.toContainText('None')
  })

  test('the quick fix in Problems moves spec out of metadata: one step, the grid follows, Ctrl+Z restores', async ({ page }) => {
    await page.goto('/')
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 200')
    await pasteIstioConfig(page, SPEC_IN_METADATA)
    const problems = page.getByRole('region', { name: 'Problems' })
    await expect(problems).toContainText('K8S107')
    expect((await editorLines(page)).slice(3, 5)).toEqual(['  name: default', '  spec:'])
    // The MeshPolicy is rejected: the grid is the seed's.
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 200')

    await problems.getByRole('button', { name: 'Quick fix: Move `spec:` out of metadata' }).click()
    await expect(problems).not.toContainText('K8S107')
    // Mesh-wide STRICT without DestinationRules: the sidecars' plaintext is refused.
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 503')
    await expect.poll(async () => (await editorLines(page)).slice(2, 7)).toEqual(['metadata:', '  name: default', 'spec:', '  peers:', '  - mtls: {}'])

    await page.keyboard.press('ControlOrMeta+Z')
    await expect(problems).toContainText('K8S107')
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 200')
    await expect.poll(async () => (await editorLines(page)).slice(3, 5)).toEqual(['  name: default', '  spec:'])
  })

  test('the same fix is a code action on the marker (Ctrl+.)', async ({ page }) => {
    await page.goto('/')
    await pasteIstioConfig(page, SPEC_IN_METADATA)
    const problems = page.getByRole('region', { name: 'Problems' })
    await expect(problems).toContainText('K8S107')
    // Put the cursor on line 5 (the marker) and ask for the quick fixes.
    await page.keyboard.press('ControlOrMeta+Home')
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('End')
    await page.keyboard.press('ControlOrMeta+Period')
    const action = page.getByText('Move `spec:` out of metadata')
    await expect(action.first()).toBeVisible()
    await page.screenshot({ path: test.info().outputPath('code-action.png') })
    if (process.env.QUICKFIX_SCREENSHOTS === '1') await page.screenshot({ path: 'docs/screenshots/quickfix-metadata.png' })
    await page.keyboard.press('Enter')
    await expect(problems).not.toContainText('K8S107')
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 503')
    await expect.poll(async () => (await editorLines(page)).slice(2, 5)).toEqual(['metadata:', '  name: default', 'spec:'])
  })
})
