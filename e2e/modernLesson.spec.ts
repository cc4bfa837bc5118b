import { expect, test, type Page } from '@playwright/test'
import { expectLive, prediction, stepNav } from './workshopPage.js'

/**
 * The third built-in lesson, the seed task in the modern API (Istio 1.30): opened from the picker,
 * a 403 predicted and revealed, the notes on what differs from 2018, walked to its last step with
 * the live grid showing the modern codes.
 */

const LESSON = 'Authentication Policy, the modern way (Istio 1.30)'
const STEPS = 17

async function expectStep(page: Page, n: number) {
  await expect(stepNav(page)).toContainText(new RegExp(`Step ${n} of ${STEPS} · `))
}

/** A step that asks for a prediction hides its cells until revealed (no spoilers): reveal it first. */
async function revealIfAsked(page: Page) {
  const reveal = page.getByRole('button', { name: 'Reveal', exact: true })
  if (await reveal.isVisible()) await reveal.click()
}

test.describe('The modern lesson', () => {
  test.use({ viewport: { width: 1600, height: 1000 } })

  test('walks the modern lesson from the first step to the last', async ({ page }) => {
    test.setTimeout(240_000)
    await page.goto('/')
    await page.getByRole('button', { name: 'Workshop', exact: true }).click()
    const picker = page.getByRole('dialog', { name: 'Workshop' })
    await picker.getByRole('button', { name: LESSON }).click()
    await expect(picker).toBeHidden()
    await expectStep(page, 1)
    await expect(page.getByRole('contentinfo')).toContainText('Istio 1.30')

    const checks: Record<number, () => Promise<void>> = {
      2: async () => {
        await revealIfAsked(page)
        // Mesh-wide STRICT: no 503 between sidecars (auto mTLS); the plain-text client is reset.
        await expectLive(page, 'curl.foo', 'httpbin.bar:8000', '200')
        await expectLive(page, 'curl.legacy', 'httpbin.foo:8000', '000 (56)')
        await expect(page.getByRole('complementary', { name: 'Where the task differs' })).toContainText('503')
      },
      11: async () => {
        // A missing token: predict 403 (a code only modern lessons offer), then reveal.
        const cell = prediction(page, 'external to istio-ingressgateway.istio-system:80')
        for (let i = 0; i < 4; i++) await cell.click()
        await expect(cell).toHaveAccessibleName('Your prediction for external to istio-ingressgateway.istio-system:80: 403')
        await page.getByRole('button', { name: 'Reveal', exact: true }).click()
        await expect(cell).toHaveAccessibleName('Your prediction for external to istio-ingressgateway.istio-system:80: 403, correct')
        await expectLive(page, 'external', 'httpbin.foo:8000', '403')
      },
      15: async () => {
        await revealIfAsked(page)
        await expectLive(page, 'curl.foo', 'httpbin.foo:8000', '200')
        await expectLive(page, 'curl.legacy', 'httpbin.foo:8000', '000 (56)')
      },
      16: async () => {
        await revealIfAsked(page)
        await expectLive(page, 'curl.bar', 'httpbin.foo:8000', '403')
      },
    }

    for (let n = 1; n <= STEPS; n++) {
      await expectStep(page, n)
      await checks[n]?.()
      if (n === STEPS) break
      await page.getByRole('button', { name: 'Next' }).click()
    }
    await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled()
    await revealIfAsked(page)
    await expectLive(page, 'curl.legacy', 'httpbin.foo:8000', '200')
  })
})
