/// <reference lib="dom" />
// page.evaluate callbacks run in the browser: they use navigator, DataTransfer, File.
import { expect, test, type Page } from '@playwright/test'

/** Records what must not happen in a client-only app: off-host requests and console errors. */
function watch(page: Page, baseURL: string) {
  const origin = new URL(baseURL).origin
  const offHost: string[] = []
  const errors: string[] = []
  const workers: string[] = []
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) offHost.push(r.url())
  })
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('worker', (w) => workers.push(w.url()))
  return { origin, offHost, errors, workers }
}

const dev = process.env.E2E_DEV === '1'

const POLICY_WITH_TYPO = `apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata:
  name: default
  namespace: foo
spec:
  peers:
  - mtls: {}
  colour: red
`

test.describe('Smoke', () => {
  // Each test is a whole journey (Monaco, workers, reloads); 30 s is tight on a busy 2-core machine.
  test.describe.configure({ timeout: 120_000 })
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

  test('edits YAML with schema checks, offline and under the CSP', async ({ page, baseURL }, testInfo) => {
    const seen = watch(page, baseURL ?? 'http://127.0.0.1:4173')
    await page.goto('/')

    await expect(page.getByRole('heading', { name: 'Mesh Auth Designer' })).toBeVisible()
    if (!dev) {
      await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1)
    }

    // The seed's workloads are in their tab.
    await page.getByRole('tab', { name: 'Workloads' }).click()
    const panel = page.getByRole('tabpanel', { name: 'Workloads' })
    const lines = panel.locator('.monaco-editor .view-lines')
    await expect(lines).toContainText('kind: Namespace')

    // A Policy with an unknown field, pasted into the Istio tab (typing would auto-indent, P15).
    await page.getByRole('tab', { name: 'Istio config' }).click()
    const istio = page.getByRole('tabpanel', { name: 'Istio config' }).locator('.monaco-editor .view-lines')
    await istio.click()
    await page.keyboard.press('ControlOrMeta+A')
    await page.evaluate((t) => navigator.clipboard.writeText(t), POLICY_WITH_TYPO)
    await page.keyboard.press('ControlOrMeta+V')
    await expect(istio).toContainText('colour: red')

    // Our admission finding in the problems list, with its line...
    const problems = page.getByRole('region', { name: 'Problems' })
    await expect(problems.getByRole('button', { name: /IST0101.*colour.*line 9/ })).toBeVisible()
    // ...and monaco-yaml's schema marker on the same word, from its worker (P6b), in the hover.
    const hover = page.getByRole('tooltip').filter({ hasText: 'Property colour is not allowed.' })
    // At 1280x720 the editor shows a few lines only: bring the typo's line into view first.
    await page.keyboard.press('ControlOrMeta+End')
    await expect(async () => {
      await page.mouse.move(0, 0)
      await istio.getByText('colour', { exact: true }).hover()
      await expect(hover).toBeVisible({ timeout: 2000 })
    }).toPass({ timeout: 20_000 })

    // An outside change (undo from the toolbar) rewrites the editor's text without an echo.
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(istio).not.toContainText('colour')
    await expect(problems).toContainText('None')

    // Both Monaco workers run, each from its own same-origin file (no blob: or CDN URL).
    const kinds = () => [...new Set(seen.workers.map((u) => /(editor|yaml)\.worker/.exec(u)?.[0]).filter(Boolean))].sort()
    await expect.poll(kinds).toEqual(['editor.worker', 'yaml.worker'])
    for (const url of seen.workers) {
      expect(new URL(url).origin).toBe(seen.origin)
      if (!dev) expect(new URL(url).pathname).toMatch(/^\/assets\/[\w.-]+\.js$/)
    }

    await page.screenshot({ path: testInfo.outputPath('smoke.png') })
    expect(seen.offHost).toEqual([])
    expect(seen.errors).toEqual([])
  })
})
