/// <reference lib="dom" />
import { expect, test, type Page } from '@playwright/test'
import { addYaml } from './modernPage.js'

/**
 * Projectors and laptops: at 1280x720 and 1024x768 every toolbar action is on screen or in the
 * "More actions" menu, nothing scrolls sideways and the grid's columns are not cut; at 1366 the
 * labelled buttons keep their words as tooltips (with the shortcut where there is one).
 */

/** In the compact toolbar (1300 px and below) these are items of "More actions", not buttons of the row. */
const IN_THE_ROW = ['Workshop', 'Undo', 'Redo', 'Import', 'Export', 'More actions']
const IN_THE_MENU = ['New empty design', 'Reset to seed', 'Share']

function sidewaysScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => (document.scrollingElement as Element).scrollWidth > window.innerWidth)
}

async function offScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    return [...document.querySelectorAll<HTMLElement>('header.toolbar button, .reqbar button, .reqbar select, .reqbar input')]
      .filter((b) => {
        const r = b.getBoundingClientRect()
        return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)
      })
      .map((b) => b.getAttribute('aria-label') ?? b.textContent ?? b.tagName)
  })
}

test.describe('Small screens', () => {
  test.describe.configure({ timeout: 120_000 })

  for (const size of [
    { width: 1280, height: 720 },
    { width: 1024, height: 768 },
  ]) {
    test(`${size.width}x${size.height}: every action reachable, no sideways scroll, grid columns whole`, async ({ page }) => {
      await page.setViewportSize(size)
      await page.goto('/')
      const grid = page.getByRole('table', { name: 'Connectivity' })
      await expect(grid.getByRole('button', { name: /: 200$/ })).toHaveCount(9)
      expect(await offScreen(page)).toEqual([])
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true)
      for (const name of IN_THE_ROW) {
        await expect(page.getByRole('banner').getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 })
      }
      await page.getByRole('banner').getByRole('button', { name: 'More actions', exact: true }).click()
      const menu = page.getByRole('menu', { name: 'More actions' })
      for (const name of IN_THE_MENU) await expect(menu.getByRole('menuitem', { name: new RegExp(`^${name}`) })).toBeInViewport({ ratio: 1 })
      await page.keyboard.press('Escape')
      // Every column header lies wholly inside the grid's pane.
      const pane = await page.getByRole('region', { name: 'Connectivity' }).boundingBox()
      if (!pane) throw new Error('no grid pane')
      for (const header of await grid.getByRole('columnheader').all()) {
        const box = await header.boundingBox()
        expect(box && box.x + box.width <= pane.x + pane.width + 0.5).toBe(true)
        expect(await header.evaluate((h) => [...h.querySelectorAll('span')].every((s) => s.scrollWidth <= s.clientWidth))).toBe(true)
      }
    })
  }

  test('1366x768: buttons without their words show them as tooltips, with shortcuts', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto('/')
    const toolbar = page.getByRole('banner')
    for (const name of ['Workshop', 'New empty design', 'Reset to seed', 'Undo', 'Redo', 'Import', 'Export', 'Share']) {
      const button = toolbar.getByRole('button', { name, exact: true })
      await expect(button).toBeInViewport({ ratio: 1 })
      const shown = (await button.innerText()).trim()
      const title = (await button.getAttribute('title')) ?? ''
      const word = name.split(' ')[0] as string
      expect(`${name}: ${shown.includes(word) || title.startsWith(word)}`).toBe(`${name}: true`)
    }
    await expect(toolbar.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', /Undo \((Ctrl|⌘)/)
  })

  test('1024x768: the overflow menu is a keyboard menu and each of its actions works', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 })
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto('/')
    const grid = page.getByRole('table', { name: 'Connectivity' })
    await expect(grid.getByRole('button', { name: /: 200$/ })).toHaveCount(9)
    // An alpha policy, so that Migrate… is among the actions too.
    await addYaml(page, 'apiVersion: authentication.istio.io/v1alpha1\nkind: MeshPolicy\nmetadata:\n  name: default\nspec:\n  peers:\n  - mtls: {}\n')
    await expect(grid.getByRole('button', { name: /: 503$/ })).not.toHaveCount(0)
    const toolbar = page.getByRole('banner')
    for (const name of [...IN_THE_MENU, 'Migrate…']) await expect(toolbar.getByRole('button', { name, exact: true })).toHaveCount(0)

    const more = toolbar.getByRole('button', { name: 'More actions', exact: true })
    const menu = page.getByRole('menu', { name: 'More actions' })
    const item = (name: string) => menu.getByRole('menuitem', { name: new RegExp(`^${name}`) })
    const status = page.getByRole('status').filter({ hasText: /./ })
    await expect(more).toHaveAttribute('aria-haspopup', 'menu')

    // Keyboard: ArrowDown opens with the first item focused, arrows move, Enter picks, Escape closes.
    await more.focus()
    await page.keyboard.press('ArrowDown')
    await expect(menu).toBeVisible()
    await expect(more).toHaveAttribute('aria-expanded', 'true')
    await expect(menu.getByRole('menuitem')).toHaveText([/^New empty design/, /^Reset to seed/, /^Share/, /^Migrate…/])
    await expect(item('New empty design')).toBeFocused()
    expect(await sidewaysScroll(page)).toBe(false)
    if (process.env.TOOLBAR_SCREENSHOTS === '1') await page.screenshot({ path: 'docs/screenshots/toolbar-overflow-1024.png' })
    await page.keyboard.press('Escape')
    await expect(menu).toBeHidden()
    await expect(more).toBeFocused()

    // Share: the link is copied.
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect(item('Share')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(status.filter({ hasText: 'Copied a link to this design' })).toBeVisible()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('#design=')

    // Migrate…: the comparison dialog.
    await more.click()
    await item('Migrate…').click()
    await expect(page.getByRole('dialog', { name: 'Migrate to the modern API' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog', { name: 'Migrate to the modern API' })).toBeHidden()

    // New empty design: the grid empties.
    await more.click()
    await item('New empty design').click()
    await expect(status.filter({ hasText: 'Started an empty design' })).toBeVisible()
    await expect(grid.getByRole('button', { name: /: \d{3}/ })).toHaveCount(0)

    // Reset to seed: the seed's nine 200s again.
    await more.click()
    await item('Reset to seed').click()
    await expect(status.filter({ hasText: 'Reset to the seed design' })).toBeVisible()
    await expect(grid.getByRole('button', { name: /: 200$/ })).toHaveCount(9)
    expect(await sidewaysScroll(page)).toBe(false)
  })
})
