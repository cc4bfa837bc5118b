import { expect, test, type Page } from '@playwright/test'
import { expectLive, HIDDEN, openSeedLesson, prediction, stepNav } from '../workshopPage.js'

/** docs/screenshots/workshop-*.png: `npm run screenshots` (a build first). */
test.describe('Workshop screenshots', () => {
  test.describe.configure({ timeout: 120_000 })
  /** Step 3, three cells right and one wrong, revealed; in the presenter view when `present`. */
  async function shoot(page: Page, size: { width: number; height: number }, present: boolean, path: string) {
    await page.setViewportSize(size)
    await openSeedLesson(page)
    if (present) await page.getByRole('button', { name: 'Presenter view' }).click()
    const dialog = page.getByRole('dialog', { name: 'Presenter view' })
    const scope = present ? dialog : page
    for (let i = 0; i < 2; i++) await scope.getByRole('button', { name: 'Next' }).click()
    await expect(present ? dialog : stepNav(page)).toContainText('Step 3 of 22')
    await expectLive(page, 'sleep.foo', 'httpbin.foo:8000', HIDDEN)
    for (const [pair, clicks] of [['sleep.foo to httpbin.foo:8000', 2], ['sleep.foo to httpbin.bar:8000', 2], ['sleep.bar to httpbin.foo:8000', 1], ['sleep.bar to httpbin.bar:8000', 2]] as const) {
      for (let i = 0; i < clicks; i++) await prediction(scope, pair).click()
    }
    await scope.getByRole('button', { name: 'Reveal', exact: true }).click()
    await expect(scope.getByText('Decided by')).toBeVisible()
    await page.mouse.move(0, 0)
    await page.screenshot({ path })
  }

  test('step 3 of the seed lesson before and after the reveal, 1366x768', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 })
    await openSeedLesson(page)
    await page.getByRole('combobox', { name: 'Go to step' }).selectOption({ label: '3. A mesh-wide policy, servers only' })
    await expect(stepNav(page)).toContainText('Step 3 of 22')
    await expectLive(page, 'sleep.foo', 'httpbin.foo:8000', HIDDEN)
    await prediction(page, 'sleep.foo to httpbin.foo:8000').click()
    await prediction(page, 'sleep.foo to httpbin.foo:8000').click()
    await page.mouse.move(0, 0)
    await page.waitForTimeout(800)
    await page.screenshot({ path: 'docs/screenshots/workshop-step3-before-reveal.png' })
    await page.getByRole('button', { name: 'Reveal', exact: true }).click()
    await expectLive(page, 'sleep.foo', 'httpbin.foo:8000', '503')
    await expect(page.getByRole('region', { name: 'What happened' })).toBeVisible()
    await page.mouse.move(0, 0)
    await page.waitForTimeout(500)
    await page.screenshot({ path: 'docs/screenshots/workshop-step3-after-reveal.png' })
  })

  test('a lesson step beside the designer, 1366x768', ({ page }) => shoot(page, { width: 1366, height: 768 }, false, 'docs/screenshots/workshop-step.png'))
  test('presenter view, 1280x720', ({ page }) => shoot(page, { width: 1280, height: 720 }, true, 'docs/screenshots/workshop-presenter.png'))
})
