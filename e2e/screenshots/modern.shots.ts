import { expect, test, type Page } from '@playwright/test'
import { addYaml, closeInspector, expectCode, fitView, paletteItem, seedStateYaml, setProfile } from '../modernPage.js'

/**
 * Pictures of the modern API in the designer for docs/screenshots/ (`npm run screenshots` after
 * `npm run build`): the AuthorizationPolicy form, the migration comparison, the modern lesson.
 */

async function shoot(page: Page, name: string) {
  const dismiss = page.getByRole('button', { name: 'Dismiss message' })
  if (await dismiss.isVisible()) await dismiss.click()
  await page.mouse.move(0, 0)
  await page.waitForTimeout(600)
  await page.screenshot({ path: `docs/screenshots/${name}.png` })
}

test.describe('Screenshots of the modern API', () => {
  test.describe.configure({ timeout: 180_000 })
  test.use({ viewport: { width: 1600, height: 1000 } })

  test('the AuthorizationPolicy form', async ({ page }) => {
    await page.goto('/')
    await setProfile(page, '1.30')
    await fitView(page)
    const httpbinFoo = page.getByTestId('canvas.app.httpbin.foo')
    await paletteItem(page, 'PeerAuthentication').dragTo(httpbinFoo)
    await closeInspector(page)
    await paletteItem(page, 'RequestAuthentication').dragTo(httpbinFoo)
    await closeInspector(page)
    await paletteItem(page, 'AuthorizationPolicy').dragTo(httpbinFoo)
    const inspector = page.getByRole('complementary', { name: 'Inspector' })
    const to = inspector.getByRole('group', { name: 'Rule 1 to' })
    await to.getByRole('combobox', { name: 'Add a field to Rule 1 to' }).selectOption('methods')
    const methods = to.getByRole('combobox', { name: 'methods', exact: true })
    await methods.fill('GET')
    await methods.press('Enter')
    await to.getByRole('combobox', { name: 'Add a field to Rule 1 to' }).selectOption('paths')
    const paths = to.getByRole('combobox', { name: 'paths', exact: true })
    await paths.fill('/ip')
    await paths.press('Enter')
    const from = inspector.getByRole('group', { name: 'Rule 1 from' })
    await from.getByRole('combobox', { name: 'Add a field to Rule 1 from' }).selectOption('namespaces')
    const namespaces = from.getByRole('combobox', { name: 'namespaces', exact: true })
    await namespaces.fill('foo')
    await namespaces.press('Enter')
    await expect(inspector.getByLabel('Rule 1 reads')).toHaveText('ALLOW GET /ip from request principal * and namespace foo')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '403')
    await shoot(page, 'modern-authz-form')
  })

  test('the migration comparison', async ({ page }) => {
    await page.goto('/')
    await addYaml(page, seedStateYaml('S13'))
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '401')
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
    await page.getByRole('button', { name: 'Reveal' }).click()
    await expect(page.getByRole('status').filter({ hasText: '1 / 1 correct' })).toBeVisible()
    await expect(page.getByRole('complementary', { name: 'Where the task differs' })).toBeVisible()
    await shoot(page, 'modern-lesson')
  })
})
