/// <reference lib="dom" />
import { expect, test, type Locator, type Page } from '@playwright/test'

/** Overlays must not bury the work: Escape order, the canvas's width next to panels, the Mesh marker. */

function inspector(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Inspector' })
}

function explanation(page: Page): Locator {
  return page.getByRole('complementary').filter({ hasText: 'Why this code?' })
}

function tokensDrawer(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Tokens' })
}

/** How much of the canvas's width no panel covers. */
async function uncoveredWidth(page: Page): Promise<{ free: number; total: number }> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.designer-canvas')?.getBoundingClientRect()
    if (!canvas) return { free: 0, total: 0 }
    let left = canvas.left
    let right = canvas.right
    for (const panel of document.querySelectorAll('.inspector, .explain-drawer, .auth-drawer')) {
      const r = panel.getBoundingClientRect()
      if (r.right <= canvas.left || r.left >= canvas.right || r.width === 0) continue
      if (r.left - canvas.left < canvas.right - r.right) left = Math.max(left, r.right)
      else right = Math.min(right, r.left)
    }
    return { free: Math.max(0, right - left), total: canvas.width }
  })
}

test.describe('Overlays', () => {
  // Whole journeys on a busy 2-core machine: more than the default 30 s.
  test.describe.configure({ timeout: 120_000 })
  test('Escape closes the inspector, then the explanation, then the drawer, one per press', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 1000 })
    await page.goto('/')
    await page.getByRole('button', { name: 'Tokens', exact: true }).click()
    await expect(tokensDrawer(page)).toBeVisible()
    await page.getByRole('table', { name: 'Connectivity' }).getByRole('button', { name: 'sleep.foo to httpbin.foo:8000: 200' }).click()
    await expect(explanation(page)).toBeVisible()
    // A namespace at the left of the canvas: the explanation covers the right.
    await page.getByTestId('canvas.namespace.foo').getByText('foo', { exact: true }).first().click()
    await expect(inspector(page)).toBeVisible()

    await page.keyboard.press('Escape')
    await expect(inspector(page)).toBeHidden()
    await expect(explanation(page)).toBeVisible()
    await expect(tokensDrawer(page)).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(explanation(page)).toBeHidden()
    await expect(tokensDrawer(page)).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(tokensDrawer(page)).toBeHidden()
  })

  test('at 1920 px, with the Tokens drawer and the inspector open, the canvas keeps at least half its width', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.goto('/')
    await page.getByRole('button', { name: 'Tokens', exact: true }).click()
    await expect(tokensDrawer(page)).toBeVisible()
    await page.getByTestId('canvas.app.httpbin.foo').click()
    await expect(inspector(page)).toBeVisible()
    // Polled: the drawer and the inspector slide in, so one early reading can catch them mid-way.
    await expect.poll(async () => {
      const { free, total } = await uncoveredWidth(page)
      return free / total
    }).toBeGreaterThanOrEqual(0.5)
    // The grid stays in view beside the drawer.
    await expect(page.getByRole('table', { name: 'Connectivity' })).toBeInViewport()
  })

  test('the Mesh marker stays visible when a namespace box is dragged over it', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 1000 })
    await page.goto('/')
    const mesh = page.getByTestId('canvas.mesh')
    await expect(mesh).toBeVisible()
    await page.waitForTimeout(1200) // elk's first layout settles
    const header = page.getByTestId('canvas.namespace.foo').getByText('foo', { exact: true }).first()
    const from = await header.boundingBox()
    const to = await mesh.boundingBox()
    if (!from || !to) throw new Error('not on screen')
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(to.x + 20, to.y + 10, { steps: 12 })
    await page.mouse.up()
    await page.getByRole('button', { name: 'Fit View' }).click()
    await page.waitForTimeout(300)
    const visible = await mesh.evaluate((el) => {
      const r = el.getBoundingClientRect()
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
      return hit !== null && el.contains(hit)
    })
    expect(visible).toBe(true)
  })
})
