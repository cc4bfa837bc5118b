import { expect, test, type Locator, type Page } from '@playwright/test'

/**
 * Workshop mode against the built app: the seed lesson from its first step to its last (the live grid
 * shows the task's codes), predict then reveal, the learner's own edits and Back to the lesson,
 * presenter view, progress across a reload, and lesson links. Selectors are roles and names only.
 */

import { expectLive, expectStep, HIDDEN, liveCell, openSeedLesson, prediction, stepNav, STEPS } from './workshopPage.js'

test.describe('Workshop mode', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

  test('walks the seed lesson from the first step to the last, the live grid showing the task’s codes', async ({ page }) => {
    // 22 steps, three of them revealed: longer than one interaction on a busy machine.
    test.slow()
    await openSeedLesson(page)
    await expect(page.getByRole('heading', { name: 'Three namespaces, one request' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Previous' })).toBeDisabled()

    const checks: Record<number, () => Promise<void>> = {
      3: async () => {
        // T1: the MeshPolicy alone, clients still plain: 503 between the sidecars, once revealed.
        for (const row of ['sleep.foo', 'sleep.bar']) for (const column of ['httpbin.foo:8000', 'httpbin.bar:8000']) await expectLive(page, row, column, HIDDEN)
        await page.getByRole('button', { name: 'Reveal', exact: true }).click()
        for (const row of ['sleep.foo', 'sleep.bar']) for (const column of ['httpbin.foo:8000', 'httpbin.bar:8000']) await expectLive(page, row, column, '503')
        await expect(stepNav(page)).toContainText('Step 3 of 22 · Globally enabling Istio mutual TLS')
      },
      11: async () => {
        // T7: namespace foo STRICT; the client without a sidecar is reset.
        await page.getByRole('button', { name: 'Reveal', exact: true }).click()
        await expectLive(page, 'sleep.legacy', 'httpbin.foo:8000', '000 (56)')
        await expectLive(page, 'sleep.legacy', 'httpbin.bar:8000', '200')
      },
      21: async () => {
        // T16: the task's 401 (R11 as documented), with the note on what real Istio prints.
        await expect(page.getByRole('complementary', { name: 'Where the task differs' })).toBeHidden()
        await page.getByRole('button', { name: 'Reveal', exact: true }).click()
        await expectLive(page, 'sleep.legacy', 'httpbin.foo:8000', '401')
        await expect(page.getByRole('complementary', { name: 'Where the task differs' })).toBeVisible()
      },
    }

    for (let n = 1; n <= STEPS; n++) {
      await expectStep(page, n)
      await checks[n]?.()
      if (n === STEPS) break
      // Both ways of moving on: the button, and the keyboard with the focus outside any input.
      if (n % 3 === 0) await page.keyboard.press('ArrowRight')
      else if (n % 3 === 1) await page.getByRole('button', { name: 'Next' }).click()
      else await page.keyboard.press('Space')
    }
    await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled()
    // The step's commands copy with one click.
    const command = page.getByRole('group', { name: 'Command 1' })
    await command.getByRole('button', { name: 'Copy' }).click()
    await expect(command.getByRole('button', { name: 'Copied' })).toBeVisible()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('kubectl')

    await page.keyboard.press('ArrowLeft')
    await expectStep(page, 21)
  })

  test('predict, then reveal: marks, score and why; progress survives a reload', async ({ page }) => {
    await openSeedLesson(page)
    await page.getByRole('combobox', { name: 'Go to step' }).selectOption({ label: '3. A mesh-wide policy, servers only' })
    await expectStep(page, 3)

    const right = prediction(page, 'sleep.foo to httpbin.foo:8000')
    await right.click()
    await right.click()
    await expect(right).toHaveAccessibleName('Your prediction for sleep.foo to httpbin.foo:8000: 503')
    const wrong = prediction(page, 'sleep.bar to httpbin.bar:8000')
    await wrong.click()
    await expect(wrong).toHaveAccessibleName('Your prediction for sleep.bar to httpbin.bar:8000: 200')

    await page.getByRole('button', { name: 'Reveal', exact: true }).click()
    await expect(right).toHaveAccessibleName('Your prediction for sleep.foo to httpbin.foo:8000: 503, correct')
    await expect(wrong).toHaveAccessibleName('Your prediction for sleep.bar to httpbin.bar:8000: 200, wrong: the result is 503')
    await expect(prediction(page, 'sleep.foo to httpbin.bar:8000')).toHaveAccessibleName('Your prediction for sleep.foo to httpbin.bar:8000: none, not answered: the result is 503')
    await expect(page.getByRole('status').filter({ hasText: '1 / 4 correct' })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Why these results' })).toContainText(/sleep\.bar to httpbin\.bar:8000\s*you said 200[\s\S]*Decided by R12/)

    await page.reload()
    await expectStep(page, 3)
    await expect(prediction(page, 'sleep.bar to httpbin.bar:8000')).toHaveAccessibleName('Your prediction for sleep.bar to httpbin.bar:8000: 200, wrong: the result is 503')
    await expectLive(page, 'sleep.foo', 'httpbin.foo:8000', '503')
  })

  test('free editing shows a banner, and Back to the lesson restores the step', async ({ page }) => {
    await openSeedLesson(page)
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expectStep(page, 3)
    await expectLive(page, 'sleep.foo', 'httpbin.foo:8000', HIDDEN)
    await page.getByRole('button', { name: 'Reveal', exact: true }).click()
    await expectLive(page, 'sleep.foo', 'httpbin.foo:8000', '503')

    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(page.getByText('You changed the step.')).toBeVisible()
    await expectLive(page, 'sleep.foo', 'httpbin.foo:8000', '200')

    await page.getByRole('button', { name: 'Back to the lesson' }).click()
    await expect(page.getByText('You changed the step.')).toBeHidden()
    await expectLive(page, 'sleep.foo', 'httpbin.foo:8000', '503')
  })

  test('presenter view: large, keyboard-driven, Escape leaves', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 })
    await openSeedLesson(page)
    await page.getByRole('button', { name: 'Presenter view' }).click()
    const presenter = page.getByRole('dialog', { name: 'Presenter view' })
    await expect(presenter).toBeVisible()
    await expect(presenter).toContainText('Step 1 of 22 · Setup')
    await expect(presenter.getByRole('heading', { name: 'Three namespaces, one request' })).toBeVisible()

    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Space')
    await expect(presenter).toContainText('Step 3 of 22 · Globally enabling Istio mutual TLS')
    await prediction(presenter, 'sleep.foo to httpbin.foo:8000').click()
    await page.keyboard.press('r')
    await expect(prediction(presenter, 'sleep.foo to httpbin.foo:8000')).toHaveAccessibleName('Your prediction for sleep.foo to httpbin.foo:8000: 200, wrong: the result is 503')
    await page.keyboard.press('ArrowLeft')
    await expect(presenter).toContainText('Step 2 of 22 · Setup')

    // Readable from the back: the explanation is set large, and the page fits the projector.
    const size = await presenter.getByRole('heading', { level: 2 }).evaluate((h) => parseFloat(getComputedStyle(h).fontSize))
    expect(size).toBeGreaterThanOrEqual(28)
    expect(await presenter.evaluate((d) => d.scrollHeight <= window.innerHeight && d.scrollWidth <= window.innerWidth)).toBe(true)

    await page.keyboard.press('Escape')
    await expect(presenter).toBeHidden()
    await expectStep(page, 2)
  })

  test('a lesson link opens its step; a malformed one changes nothing and says why', async ({ page }) => {
    await page.goto('/#lesson=builtin:authentication-policy&step=19')
    await expectStep(page, 19)
    await expect(page.getByRole('heading', { name: 'A token that expires after 5 seconds' })).toBeVisible()
    // The loop is predicted per iteration.
    await expect(prediction(page, 'external to istio-ingressgateway.istio-system:80 at t+9 s')).toBeVisible()

    await page.goto('/#lesson=builtin:authentication-policy&step=99')
    await expect(page.getByRole('alert').filter({ hasText: 'Could not open the lesson link' })).toContainText(/has 22 steps\. Nothing was changed\./)
    await expectStep(page, 19)
  })
})
