/// <reference lib="dom" />
// page.evaluate callbacks run in the browser: they use navigator, DataTransfer, File.
import { expect, test, type Page } from '@playwright/test'

/**
 * Product screenshots for docs/screenshots/, kept out of `npm test` so ordinary runs do not rewrite
 * the pictures: `npm run screenshots` (after `npm run build`).
 */

const ISTIO = `apiVersion: authentication.istio.io/v1alpha1
kind: MeshPolicy
metadata:
  name: default
spec:
  peers:
  - mtls: {}
---
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata:
  name: default
  namespace: istio-system
spec:
  host: "*.local"
  trafficPolicy:
    tls:
      mode: ISTIO_MUTUAL
---
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata:
  name: jwt-example
  namespace: foo
spec:
  targets:
  - name: httpbin
  peers:
  - mtls: {}
  origins:
  - jwt:
      issuer: "testing@secure.istio.io"
      jwksUri: "https://raw.githubusercontent.com/istio/istio/release-1.0/security/tools/jwt/samples/jwks.json"
  principalBinding: USE_ORIGIN
`

const SIZES = [
  { width: 1366, height: 768, suffix: '' },
  { width: 1920, height: 1080, suffix: '-1920' },
]

async function pasteIstio(page: Page, text: string) {
  const editor = page.getByRole('tabpanel', { name: 'Istio config' }).locator('.monaco-editor .view-lines')
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  await page.keyboard.press('ControlOrMeta+V')
  await expect(editor).toContainText('jwt-example')
}

test.describe('Screenshots', () => {
  // Each test is a whole journey (Monaco, workers, reloads); 30 s is tight on a busy 2-core machine.
  test.describe.configure({ timeout: 120_000 })
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

  test('the app at 1280x720 with the inspector open', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.goto('/')
    const grid = page.getByRole('table', { name: 'Connectivity' })
    await expect(grid.getByRole('button', { name: /: 200$/ })).toHaveCount(9)
    await page.waitForTimeout(1200) // elk's layout and fitView settle
    await page.getByTestId('canvas.app.httpbin.foo').getByText('httpbin', { exact: true }).click()
    await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible()
    await page.mouse.move(0, 719)
    await page.waitForTimeout(500)
    await page.screenshot({ path: 'docs/screenshots/designer-1280x720-inspector.png' })
  })

  for (const size of SIZES) {
    test(`seed and explanation at ${size.width}x${size.height}`, async ({ page }) => {
      await page.setViewportSize({ width: size.width, height: size.height })
      await page.goto('/')
      const grid = page.getByRole('table', { name: 'Connectivity' })
      await expect(grid.getByRole('button', { name: /: 200$/ })).toHaveCount(9)
      await expect(page.locator('.react-flow__node').first()).toBeVisible()
      await page.waitForTimeout(1200) // elk's layout and fitView settle
      await page.screenshot({ path: `docs/screenshots/designer-seed${size.suffix}.png` })

      await pasteIstio(page, ISTIO)
      const cell = grid.getByRole('button', { name: 'sleep.legacy to httpbin.foo:8000: 401' })
      await expect(cell).toBeVisible()
      await cell.click()
      await expect(page.getByRole('complementary', { name: 'sleep.legacy to httpbin.foo:8000' })).toContainText('Real Istio differs')
      await page.mouse.move(0, size.height - 1)
      await page.waitForTimeout(800)
      await page.screenshot({ path: `docs/screenshots/designer-explain${size.suffix}.png` })
    })
  }
})
