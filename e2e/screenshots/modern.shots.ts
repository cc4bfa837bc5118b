import { expect, test, type Page } from '@playwright/test'
import { addYaml, expectCode, fitView, openSelectedInspector, paletteItem, seedStateYaml, setProfile } from '../modernPage.js'

/**
 * Pictures of the modern API in the designer for docs/screenshots/ (`npm run screenshots` after
 * `npm run build`): the AuthorizationPolicy form, the migration comparison, the modern lesson.
 */

async function shoot(page: Page, name: string) {
  const dismiss = page.getByRole('button', { name: 'Dismiss message' })
  // A modal dialog covers the banner (and takes the clicks): leave the banner then.
  if ((await dismiss.isVisible()) && (await page.locator('dialog[open]').count()) === 0) await dismiss.click()
  await page.mouse.move(0, 0)
  await page.waitForTimeout(600)
  await page.screenshot({ path: `docs/screenshots/${name}.png` })
}

test.describe('Screenshot of the AuthorizationPolicy form', () => {
  test.describe.configure({ timeout: 180_000 })
  test.use({ viewport: { width: 1280, height: 720 } })

  test('a rule with two sources and an operation, at 1280x720', async ({ page }) => {
    await page.goto('/')
    await setProfile(page, '1.30')
    await fitView(page)
    const httpbinFoo = page.getByTestId('canvas.app.httpbin.foo')
    await paletteItem(page, 'RequestAuthentication').dragTo(httpbinFoo)
    await paletteItem(page, 'AuthorizationPolicy').dragTo(httpbinFoo)
    await openSelectedInspector(page)
    const inspector = page.getByRole('complementary', { name: 'Inspector' })
    const principal = inspector.getByRole('group', { name: 'Rule 1 source 1' }).getByRole('combobox', { name: 'requestPrincipals' })
    await principal.fill('testing@secure.istio.io/testing@secure.istio.io')
    await principal.press('Enter')
    // The second source: sleep in bar, by its peer identity (an alternative to the token).
    await inspector.getByRole('button', { name: 'Add a source to rule 1' }).click()
    const source2 = inspector.getByRole('group', { name: 'Rule 1 source 2' })
    await source2.getByRole('combobox', { name: 'Add a field to Rule 1 source 2' }).selectOption('principals')
    const principals = source2.getByRole('combobox', { name: 'principals', exact: true })
    await principals.fill('cluster.local/ns/bar/sa/default')
    await principals.press('Enter')
    await inspector.getByRole('button', { name: 'Add an operation to rule 1' }).click()
    const operation = inspector.getByRole('group', { name: 'Rule 1 operation 1' })
    await operation.getByRole('combobox', { name: 'Add a field to Rule 1 operation 1' }).selectOption('methods')
    const methods = operation.getByRole('combobox', { name: 'methods', exact: true })
    await methods.fill('GET')
    await methods.press('Enter')
    await operation.getByRole('combobox', { name: 'Add a field to Rule 1 operation 1' }).selectOption('paths')
    const paths = operation.getByRole('combobox', { name: 'paths', exact: true })
    await paths.fill('/ip')
    await paths.press('Enter')
    await expect(inspector.getByLabel('Rule 1 reads')).toHaveText('ALLOW GET /ip from request principal testing@secure.istio.io/testing@secure.istio.io or principal cluster.local/ns/bar/sa/default')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '403')
    await expectCode(page, 'sleep.bar', 'httpbin.foo:8000', '200')
    // The picture starts at the rule: its sentence, then both sources.
    await paths.blur()
    await inspector.getByLabel('Rule 1 reads').evaluate((e) => e.closest('fieldset')?.scrollIntoView({ block: 'start' }))
    await shoot(page, 'modern-authz-form')
  })
})

test.describe('Screenshots of the modern API', () => {
  test.describe.configure({ timeout: 180_000 })
  test.use({ viewport: { width: 1600, height: 1000 } })

  test('the migration comparison', async ({ page }) => {
    await page.goto('/')
    await addYaml(page, seedStateYaml('S13'))
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '401')
    await page.getByRole('button', { name: 'Dismiss message' }).click()
    await page.getByRole('button', { name: 'Migrate…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Migrate to the modern API' })
    await expect(dialog.getByRole('region', { name: 'Cells that differ' })).toContainText('4 cells differ')
    await shoot(page, 'migration-comparison')
  })

  test('the modern lesson', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('button', { name: 'Workshop', exact: true }).click()
    await page.getByRole('dialog', { name: 'Workshop' }).getByRole('button', { name: 'Authentication Policy, the modern way (Istio 1.30)' }).click()
    await page.getByRole('combobox', { name: 'Go to step' }).selectOption({ label: '11. Require the token with an AuthorizationPolicy' })
    await expect(page.getByRole('navigation', { name: 'Lesson steps' })).toContainText('Step 11 of 17')
    const cell = page.getByRole('button', { name: /^Your prediction for external to istio-ingressgateway\.istio-system:80: / })
    for (let i = 0; i < 4; i++) await cell.click()
    await page.getByRole('button', { name: 'Reveal', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: '1 / 1 correct' })).toBeVisible()
    await expect(page.getByRole('complementary', { name: 'Where the task differs' })).toBeVisible()
    await shoot(page, 'modern-lesson')
  })
})
