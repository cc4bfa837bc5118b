import { expect, test } from '@playwright/test'
import { addYaml, expectCode, fitView, gridNames, paletteItem, seedStateYaml, setProfile } from './modernPage.js'

/**
 * Profiles and the alpha -> modern migration in the browser: a profile switch re-validates and says
 * what it rejects without deleting anything; the seed's final 1.0 state migrated to 1.30 with both
 * grids and the differing cells marked and explained (M41), then checked live after opening it.
 */

const S13 = seedStateYaml('S13')

test.describe('Profiles and migration', () => {
  test.use({ viewport: { width: 1600, height: 1000 } })

  test('switching 1.30 -> 1.5 -> 1.30 rejects and brings back a v1 PeerAuthentication, deleting nothing', async ({ page }) => {
    test.setTimeout(120_000)
    await page.goto('/')
    await setProfile(page, '1.30')
    await fitView(page)
    await paletteItem(page, 'PeerAuthentication').dragTo(page.getByTestId('canvas.app.httpbin.foo'))
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '000 (56)')
    const notice = page.getByRole('status', { name: 'Objects this Istio version rejects' })
    await expect(notice).toHaveCount(0)

    // Istio 1.5 serves PeerAuthentication only as v1beta1: the object is rejected, not removed.
    await setProfile(page, '1.5')
    await expect(notice).toContainText('Istio 1.5 rejects 1 object')
    await expect(notice).toContainText('PeerAuthentication foo/httpbin')
    await expect(notice).toContainText('does not serve PeerAuthentication')
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '200')
    await expect(page.getByRole('tabpanel', { name: 'Istio config' })).toContainText('kind: PeerAuthentication')
    await expect(page.getByRole('contentinfo')).toContainText('Istio 1.5')

    await setProfile(page, '1.30')
    await expect(notice).toHaveCount(0)
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '000 (56)')
  })

  test('a profile switch is one undo step: 1.30 -> 1.5, Ctrl+Z back to 1.30 with the same grid', async ({ page }) => {
    test.setTimeout(120_000)
    await page.goto('/')
    await setProfile(page, '1.30')
    await fitView(page)
    await paletteItem(page, 'PeerAuthentication').dragTo(page.getByTestId('canvas.app.httpbin.foo'))
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '000 (56)')
    const picker = page.getByRole('combobox', { name: 'Istio version' })
    const before = await gridNames(page)
    expect(before).toContain('sleep.legacy to httpbin.foo:8000: 000 (56)')

    await setProfile(page, '1.5')
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '200')
    // The shortcut belongs to the design, not to the focused select.
    await picker.blur()
    await page.keyboard.press('Control+z')
    await expect(picker).toHaveValue('1.30')
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '000 (56)')
    expect(await gridNames(page)).toEqual(before)
    await expect(page.getByRole('status', { name: 'Objects this Istio version rejects' })).toHaveCount(0)

    await page.keyboard.press('Control+Shift+z')
    await expect(picker).toHaveValue('1.5')
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '200')
    // One step back is the switch, the next one the drop: the PeerAuthentication goes, the profile stays.
    await page.keyboard.press('Control+z')
    await expect(picker).toHaveValue('1.30')
    await page.keyboard.press('Control+z')
    await expect(picker).toHaveValue('1.30')
    await expect(page.getByTestId('canvas.node.PeerAuthentication/foo/httpbin')).toHaveCount(0)
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '200')
  })

  test('migrates the seed\'s final 1.0 state to 1.30 and marks the cells that differ', async ({ page }) => {
    test.setTimeout(180_000)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto('/')
    await addYaml(page, S13)
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '401')
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '401')

    // On 1.30 the v1alpha1 Policy is rejected; the notice offers the migration.
    await setProfile(page, '1.30')
    const notice = page.getByRole('status', { name: 'Objects this Istio version rejects' })
    await expect(notice).toContainText('Policy foo/jwt-example')
    await expect(notice).toContainText('authentication.istio.io/v1alpha1 was removed in Istio 1.6')
    await notice.getByRole('button', { name: 'Migrate to the modern API' }).click()

    const dialog = page.getByRole('dialog', { name: 'Migrate to the modern API' })
    await expect(dialog.getByLabel('Migrate from Istio')).toHaveValue('1.0')
    await expect(dialog.getByLabel('Migrate to Istio')).toHaveValue('1.30')
    await expect(dialog.getByRole('region', { name: 'Converted policies' })).toContainText('Policy/foo/jwt-example →')
    await expect(dialog.getByRole('region', { name: 'Converted policies' })).toContainText('AuthorizationPolicy foo/jwt-example-httpbin')
    const before = dialog.getByRole('table', { name: 'Before: Istio 1.0' })
    const after = dialog.getByRole('table', { name: 'After: Istio 1.30' })
    await expect(before.getByRole('cell', { name: 'sleep.foo to httpbin.foo:8000: 401, differs' })).toBeVisible()
    await expect(after.getByRole('cell', { name: 'sleep.foo to httpbin.foo:8000: 403, differs' })).toBeVisible()
    await expect(after.getByRole('cell', { name: 'sleep.legacy to httpbin.foo:8000: 000 (56), differs' })).toBeVisible()
    await expect(after.getByRole('cell', { name: 'sleep.foo to httpbin.bar:8000: 200' })).toBeVisible()
    const diffs = dialog.getByRole('region', { name: 'Cells that differ' })
    await expect(diffs).toContainText('4 cells differ')
    await expect(diffs).toContainText('sleep.foo → httpbin.foo:8000 401 → 403 M41 #1')
    await expect(diffs).toContainText('sleep.legacy → httpbin.foo:8000 401 → 000 (56) M41 #4')
    await expect(diffs).toContainText('external → httpbin.foo:8000 401 → 403')

    // Open it: the designer now holds the converted objects on 1.30, checked live against the original.
    await dialog.getByRole('button', { name: 'Open the converted design on Istio 1.30' }).click()
    await expect(dialog).toBeHidden()
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '403')
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '000 (56)')
    await expect(page.getByTestId('canvas.node.RequestAuthentication/foo/jwt-example-httpbin')).toBeAttached()
    await expect(page.getByTestId('canvas.node.AuthorizationPolicy/foo/jwt-example-httpbin')).toContainText('DENY any request from no request principal')
    await expect(notice).toHaveCount(0)
    const check = page.getByRole('region', { name: 'Migration check' })
    await expect(check).toContainText('4 cells differ from the Istio 1.0 design')
    // With the demo token the two designs agree everywhere but on the plaintext client.
    await page.getByRole('combobox', { name: 'Token for requests' }).selectOption({ label: 'Istio demo token' })
    await expect(check).toContainText('1 cell differs from the Istio 1.0 design')
    await expect(check.getByRole('table', { name: 'This design, Istio 1.30' })).toBeVisible()
    await check.getByRole('button', { name: 'Done' }).click()
    await expect(check).toHaveCount(0)
    expect(errors).toEqual([])
  })
})
