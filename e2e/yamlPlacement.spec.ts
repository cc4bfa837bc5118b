/// <reference lib="dom" />
import { expect, test } from '@playwright/test'

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
})
