/// <reference lib="dom" />
import { expect, test, type Locator, type Page } from '@playwright/test'
import { toolbarAction } from './toolbarPage.js'
import { openSeedLesson } from './workshopPage.js'

/** The small things a finished tool has: keyboard, request loop, grid marks, export, workshop. */

const MESH_POLICY = `apiVersion: authentication.istio.io/v1alpha1
kind: MeshPolicy
metadata:
  name: default
spec:
  peers:
  - mtls: {}
`

const JWT_POLICY = `apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata:
  name: jwt-example
  namespace: foo
spec:
  targets:
  - name: httpbin
  origins:
  - jwt:
      issuer: "testing@secure.istio.io"
      jwksUri: "https://raw.githubusercontent.com/istio/istio/release-1.0/security/tools/jwt/samples/jwks.json"
  principalBinding: USE_ORIGIN
`

function grid(page: Page): Locator {
  return page.getByRole('table', { name: 'Connectivity' })
}

function istioEditor(page: Page): Locator {
  return page.getByRole('tabpanel', { name: 'Istio config' }).locator('.monaco-editor .view-lines')
}

/** Replaces the Istio tab's text with a paste (Monaco re-indents typed text). */
async function pasteIstio(page: Page, text: string) {
  await istioEditor(page).click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  await page.keyboard.press('ControlOrMeta+V')
}

test.describe('Minor items', () => {
  test.describe.configure({ timeout: 120_000 })
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

  test('keyboard: the first Tab stop skips to the grid', async ({ page }) => {
    await page.goto('/')
    await expect(grid(page).getByRole('button', { name: /: 200$/ })).toHaveCount(9)
    await page.keyboard.press('Tab')
    await expect(page.getByRole('link', { name: 'Skip to the grid' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(grid(page).getByRole('button', { name: 'sleep.foo to httpbin.foo:8000: 200' })).toBeFocused()
  })

  test('keyboard: the editor says how to leave it', async ({ page }) => {
    await page.goto('/')
    const hint = page.getByText('To leave it:')
    await expect(hint).toBeHidden()
    await istioEditor(page).click()
    await expect(hint).toBeVisible()
    await expect(hint).toContainText('Ctrl+M, then Tab')
  })

  test('keyboard: the selected object has a visible Delete', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 1000 })
    await page.goto('/')
    await page.getByTestId('canvas.app.sleep.legacy').getByText('sleep', { exact: true }).click()
    const bar = page.getByRole('toolbar', { name: 'Selected object' })
    await bar.getByRole('button', { name: 'Delete' }).click()
    await expect(page.getByTestId('canvas.app.sleep.legacy')).toBeHidden()
    await expect(grid(page).getByRole('rowheader', { name: /sleep\.legacy/ })).toBeHidden()
  })

  test('request loop: one time zone, and reasons said once', async ({ page }) => {
    await page.goto('/')
    await pasteIstio(page, JWT_POLICY)
    await expect(grid(page).getByRole('button', { name: 'sleep.foo to httpbin.foo:8000: 401' })).toBeVisible()
    await page.getByRole('button', { name: 'Request loop', exact: true }).click()
    const drawer = page.getByRole('complementary', { name: 'Request loop' })
    await drawer.getByLabel('From', { exact: true }).selectOption({ label: 'sleep.foo' })
    await drawer.getByLabel('To', { exact: true }).selectOption({ label: 'httpbin.foo:8000' })
    await drawer.getByRole('button', { name: 'Run loop' }).click()
    const table = drawer.getByRole('table', { name: 'Requests and reasons' })
    await expect(table.getByRole('row')).toHaveCount(11)
    await expect(table.getByRole('columnheader', { name: /^Time \(UTC[+-]\d\d:\d\d\)$/ })).toBeVisible()
    await expect(drawer.getByText(/local time \(UTC[+-]\d\d:\d\d\) on the simulated clock/)).toBeVisible()
    const reasons = await table.locator('td.loop-reason').allInnerTexts()
    expect(reasons[0]).not.toMatch(/^origin:/i)
    expect(reasons.slice(1).every((r) => r === 'same as above')).toBe(true)
  })

  test('grid: loading a design (Reset to seed) marks nothing as changed', async ({ page }) => {
    await page.goto('/')
    await pasteIstio(page, MESH_POLICY)
    await expect(grid(page).getByRole('button', { name: 'sleep.foo to httpbin.foo:8000: 503' })).toHaveAttribute('aria-description', 'changed')
    await toolbarAction(page, 'Reset to seed')
    await expect(grid(page).getByRole('button', { name: /: 200$/ })).toHaveCount(9)
    await expect(grid(page).locator('[aria-description="changed"]')).toHaveCount(0)
    await expect(page.getByRole('region', { name: 'Connectivity' })).not.toContainText('changed')
  })

  test('export: the PNG has no change marks, and Copy Istio YAML copies the config', async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { drawn: string[] }
      w.drawn = []
      const fillText = CanvasRenderingContext2D.prototype.fillText
      CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number) {
        w.drawn.push(text)
        return fillText.call(this, text, x, y)
      }
    })
    await page.goto('/')
    await pasteIstio(page, MESH_POLICY)
    await expect(grid(page).getByRole('button', { name: 'sleep.foo to httpbin.foo:8000: 503' })).toHaveAttribute('aria-description', 'changed')
    await page.getByRole('button', { name: 'Export' }).click()
    const download = page.waitForEvent('download')
    await page.getByRole('menuitem', { name: /Save grid as PNG/ }).click()
    await download
    const drawn = await page.evaluate(() => (window as unknown as { drawn: string[] }).drawn)
    expect(drawn).toContain('✕ 503')
    expect(drawn).not.toContain('Changed by the last edit')

    await page.getByRole('button', { name: 'Export' }).click()
    await page.getByRole('menuitem', { name: /Copy Istio YAML/ }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Copied the Istio YAML' })).toBeVisible()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('kind: MeshPolicy')
  })

  test('workshop: the Copy buttons never cover the command text', async ({ page }) => {
    await openSeedLesson(page)
    for (const i of [1, 2, 3]) {
      const command = page.getByRole('group', { name: `Command ${i}`, exact: true })
      const text = await command.locator('pre').boundingBox()
      const button = await command.getByRole('button', { name: 'Copy' }).boundingBox()
      if (!text || !button) throw new Error('command not on screen')
      const overlaps = button.x < text.x + text.width && text.x < button.x + button.width && button.y < text.y + text.height && text.y < button.y + button.height
      expect(overlaps).toBe(false)
    }
  })
})
