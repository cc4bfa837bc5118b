import { expect, test } from '@playwright/test'
import { BIG, editorParsingStatus, gridSubtitle, pasteOverIstioTab } from '../bigPaste'

/** docs/screenshots/parsing-state.png: a 290 KB paste being parsed in the worker, the last good grid still shown. */
test.use({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 720 } })

test('parsing state', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/')
  await expect(gridSubtitle(page)).toContainText('3 clients × 3 ports', { timeout: 60_000 })
  await pasteOverIstioTab(page, BIG)
  await expect(editorParsingStatus(page)).toBeVisible()
  await page.screenshot({ path: 'docs/screenshots/parsing-state.png' })
})
