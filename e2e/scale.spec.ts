import { expect, test, type Page } from '@playwright/test'
import LZString from 'lz-string'

/**
 * A design at the size of a real mesh (issue 12): the grid draws only the rows and columns on
 * screen, keeps its headers in view and its keyboard navigation; the canvas draws namespaces as
 * boxes with counts when zoomed out.
 */

/** `apps` servers (web, web-1, ...) and as many clients in each of `namespaces` namespaces, all with sidecars. */
function mesh(namespaces: number, apps: number): object[] {
  const out: object[] = []
  for (let i = 0; i < namespaces; i++) {
    const namespace = `ns-${i}`
    out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: { 'istio-injection': 'enabled' } } })
    for (let a = 0; a < apps; a++) {
      const [web, client] = a === 0 ? ['web', 'client'] : [`web-${a}`, `client-${a}`]
      const deployment = (name: string, ports: object[]) => ({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, namespace },
        spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'img', ports }] } } },
      })
      out.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: web, namespace }, spec: { selector: { app: web }, ports: [{ name: 'http', port: 8000 }] } })
      out.push(deployment(web, [{ containerPort: 8000 }]), deployment(client, []))
    }
  }
  return out
}

function designLink(namespaces: number, apps: number): string {
  const envelope = { v: 1, resources: mesh(namespaces, apps), layout: { positions: {}, namespaces: {} }, options: { profile: '1.0', r11: 'documented' } }
  return `/#design=${LZString.compressToEncodedURIComponent(JSON.stringify(envelope))}`
}

async function openBig(page: Page): Promise<void> {
  await page.goto(designLink(40, 2))
  await expect(page.getByText('80 clients × 80 ports')).toBeVisible({ timeout: 30_000 })
}

test.describe('At scale', () => {
  test.use({ viewport: { width: 1600, height: 1000 } })

  test('the grid draws only the visible columns and keeps keyboard navigation and sticky headers', async ({ page }) => {
    test.setTimeout(120_000)
    await openBig(page)
    const table = page.getByRole('table', { name: 'Connectivity' })
    await expect(table).toHaveAttribute('aria-colcount', '81')
    await expect(table).toHaveAttribute('aria-rowcount', '81')
    const headers = table.getByRole('columnheader')
    const drawn = await headers.count()
    expect(drawn).toBeGreaterThan(2)
    expect(drawn).toBeLessThan(30)

    // Keyboard: End goes to the last column (drawn on demand), Home back to the first.
    const first = table.locator('[data-cell="0:0"]')
    await first.focus()
    await page.keyboard.press('End')
    const last = table.locator('[data-cell="0:79"]')
    await expect(last).toBeFocused()
    await expect(last).toHaveAccessibleName(/^client\.ns-0 to web-1\.ns-39:8000: /)
    await expect(table.getByRole('columnheader', { name: 'web-1.ns-39:8000' })).toBeVisible()
    await expect(table.locator('[data-cell="0:79"]').locator('xpath=..')).toHaveAttribute('aria-colindex', '81')
    await page.keyboard.press('Control+End')
    await expect(table.locator('[data-cell="79:79"]')).toBeFocused()

    // Scrolled to the far right and bottom, the row and column headers are still in view.
    const rowHeader = table.getByRole('rowheader', { name: /client-1\.ns-39/ })
    await expect(rowHeader).toBeVisible()
    const scroller = await page.locator('.grid-scroll').boundingBox()
    const rowBox = await rowHeader.boundingBox()
    expect(rowBox && scroller && rowBox.x - scroller.x).toBeLessThan(20)
    const colBox = await table.getByRole('columnheader', { name: 'web-1.ns-39:8000' }).boundingBox()
    expect(colBox && scroller && colBox.y - scroller.y).toBeLessThan(10)

    await page.keyboard.press('Control+Home')
    await expect(first).toBeFocused()
    await expect(first).toHaveAccessibleName(/^client\.ns-0 to web\.ns-0:8000: /)
  })
  test('the canvas draws namespaces as boxes with counts when zoomed out, and only what is on screen when zoomed in', async ({ page }) => {
    test.setTimeout(120_000)
    await openBig(page)
    await page.getByRole('button', { name: 'Fit View' }).click()
    const box = page.getByTestId('canvas.namespace.ns-3')
    await expect(box).toHaveAttribute('aria-label', 'Namespace ns-3: 4 apps, 0 policies, 0 rules')
    await expect(page.locator('[data-testid^="canvas.app."]')).toHaveCount(0)
    await expect(box.getByText('4 apps')).toBeVisible()
    const zoomIn = page.getByRole('button', { name: 'Zoom In' })
    for (let i = 0; i < 8 && (await page.locator('[data-testid^="canvas.app."]').count()) === 0; i++) await zoomIn.click()
    const drawn = await page.locator('[data-testid^="canvas.app."]').count()
    expect(drawn).toBeGreaterThan(0)
    expect(drawn).toBeLessThan(160)
    // Zoomed in, the boxes on screen are the full ones again (no counts).
    await expect(page.locator('[data-testid^="canvas.namespace."]').first()).toHaveAttribute('aria-label', /^Namespace ns-\d+$/)
  })
})
