import { expect, test } from '@playwright/test'
import { applyMeshPolicy, cell, summary } from './intentJourney.js'

/** Import recognises intent files (issue 14): their documents become the design's expectations. */

const INTENT = `apiVersion: mesh-auth-designer/v1
kind: Intent
expectations:
- from: with-sidecar
  to: ["httpbin.foo:8000", "httpbin.bar:8000"]
  expect: allow
- from: sleep.legacy
  to: httpbin.foo:8000
  expect: deny
`

const MIXED = `apiVersion: v1
kind: Namespace
metadata:
  name: extra
---
kind: Intent
expectations:
- from: sleep.foo
  to: "nowhere"
  expect: allow
- from: external
  to: "*"
  expect: deny
`

async function openFile(page: import('@playwright/test').Page, name: string, text: string) {
  await page.getByRole('button', { name: 'Import' }).click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('menuitem', { name: /Open YAML files/ }).click()
  await (await chooser).setFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) })
}

test.describe('Import an intent file', () => {
  test.describe.configure({ timeout: 180_000 })
  test.use({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 720 } })

  test('by the file picker: the expectations are loaded, the objects stay, violations show', async ({ page }) => {
    await page.goto('/')
    await applyMeshPolicy(page)
    await openFile(page, 'intent.yaml', INTENT)
    await expect(page.getByText("Loaded 3 expectations from intent.yaml into the Intent tab. The design's objects are unchanged.")).toBeVisible()
    // sleep.foo and sleep.bar to httpbin.foo and httpbin.bar: 503 under the mesh-wide STRICT policy.
    await expect(summary(page)).toContainText('4 of 5 expectations violated')
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAttribute('aria-description', /expected allow, violated/)
    await expect(cell(page, 'sleep.legacy', 'httpbin.foo:8000')).toHaveAttribute('aria-description', /expected deny, holds/)
    await expect(cell(page, 'sleep.foo', 'httpbin.foo:8000')).toHaveAccessibleName('sleep.foo to httpbin.foo:8000: 503')
    await page.getByRole('tab', { name: 'Intent' }).click()
    await expect(page.getByRole('tabpanel', { name: 'Intent' }).locator('.monaco-editor .view-lines')).toContainText('from: sleep.legacy')
    // Nothing was added as a Kubernetes object.
    await page.getByRole('tab', { name: 'Istio config' }).click()
    await expect(page.getByRole('tabpanel', { name: 'Istio config' }).locator('.monaco-editor .view-lines')).not.toContainText('Intent')
  })

  test('a mixed file is split: objects imported, expectations loaded, problems at their line and column', async ({ page }) => {
    await page.goto('/')
    await openFile(page, 'mixed.yaml', MIXED)
    await expect(page.getByText(/mixed\.yaml holds objects and expectations: imported 1 object from mixed\.yaml and loaded 1 expectation/)).toBeVisible()
    await expect(page.getByText(/mixed\.yaml:9:7 INT004 "nowhere" is not a target set/)).toBeVisible()
    await expect(page.getByTestId('canvas.namespace.extra')).toBeVisible()
    await page.getByRole('tab', { name: 'Intent' }).click()
    await expect(page.getByRole('list', { name: 'Intent problems' })).toContainText('intent.yaml:4:7 INT004')
  })

  test('dropped on the window, then more pasted with "Add to design": the expectations join', async ({ page }) => {
    await page.goto('/')
    await applyMeshPolicy(page)
    await page.evaluate((text) => {
      const data = new DataTransfer()
      data.items.add(new File([text], 'intent.yml', { type: 'text/yaml' }))
      for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }))
    }, INTENT)
    await expect(page.getByText('Loaded 3 expectations from intent.yml into the Intent tab.')).toBeVisible()
    await expect(summary(page)).toContainText('4 of 5 expectations violated')

    await page.getByRole('button', { name: 'Import' }).click()
    await page.getByRole('menuitem', { name: /Paste YAML/ }).click()
    await page.getByLabel(/Kubernetes and Istio objects/).fill('kind: Intent\nexpectations:\n- {from: sleep.legacy, to: httpbin.legacy:8000, expect: deny}\n')
    await page.getByRole('button', { name: 'Add to design' }).click()
    await expect(page.getByText('Loaded 1 expectation from the pasted YAML into the Intent tab.')).toBeVisible()
    // sleep.legacy -> httpbin.legacy is a 200: one more expectation, and it is violated.
    await expect(summary(page)).toContainText('5 of 6 expectations violated')
    await expect(cell(page, 'sleep.legacy', 'httpbin.legacy:8000')).toHaveAttribute('aria-description', /expected deny, violated/)
  })
})
