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

test.describe('Smoke', () => {
  test('edits YAML with schema checks, offline and under the CSP', async ({ page, baseURL }, testInfo) => {
    const seen = watch(page, baseURL ?? 'http://127.0.0.1:4173')
    await page.goto('/')

    await expect(page.getByRole('heading', { name: 'Mesh Auth Designer' })).toBeVisible()
    if (!dev) {
      await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1)
    }

    const lines = page.locator('.monaco-editor .view-lines')
    await expect(lines).toContainText('kind: Policy')
    await expect(page.getByTestId('app.problem-count')).toHaveText('0 problems')

    // Type an unknown top-level key on a new first line (toolchain.md P15).
    await lines.click()
    await page.keyboard.press('ControlOrMeta+Home')
    await page.keyboard.press('Enter')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.type('colour: red')
    await expect(lines).toContainText('colour: red')
    await expect(page.getByTestId('app.problem-count')).toHaveText('1 problem', { timeout: 15_000 })
    await expect(page.getByTestId('app.status')).toContainText('Property colour is not allowed.')

    // An outside change lands above the cursor: the cursor moves with its text, and no onChange echo.
    const edits = await page.getByTestId('app.edit-count').textContent()
    await page.getByRole('button', { name: 'Add comment from outside' }).click()
    await expect(lines).toContainText('# edited outside')
    await expect(page.getByTestId('app.edit-count')).toHaveText(edits ?? '')
    await page.keyboard.press('Tab') // into the editor without clicking (a click would move the cursor)
    await page.keyboard.type('Z')
    await expect(lines).toContainText('colour: redZ')
    // Schema markers are re-reported with their new position after the outside change.
    await expect(page.getByTestId('app.status')).toContainText('Line 2: Property colour is not allowed.')

    // Both Monaco workers run, each from its own same-origin file (no blob: or CDN URL).
    const kinds = () => seen.workers.map((u) => /(editor|yaml)\.worker/.exec(u)?.[0] ?? u).sort()
    await expect.poll(kinds).toEqual(['editor.worker', 'yaml.worker'])
    for (const url of seen.workers) {
      expect(new URL(url).origin).toBe(seen.origin)
      if (!dev) expect(new URL(url).pathname).toMatch(/^\/assets\/(editor|yaml)\.worker-[\w-]+\.js$/)
    }

    await page.screenshot({ path: testInfo.outputPath('smoke.png') })
    expect(seen.offHost).toEqual([])
    expect(seen.errors).toEqual([])
  })
})
