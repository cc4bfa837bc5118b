import { expect, test } from '@playwright/test'
import { addApp, addNamespace, cell, closeInspector, expectCode, fitView, newEmptyDesign, openSelectedInspector, paletteItem, setProfile } from './modernPage.js'

/**
 * The designer speaking the modern API (issue 11): the seed's final state drawn with
 * PeerAuthentication, RequestAuthentication and an ALLOW AuthorizationPolicy; a profile switch that
 * rejects and brings back objects; the alpha -> modern migration with its marked differences.
 */

test.describe('Modern API', () => {
  test.use({ viewport: { width: 1600, height: 1000 } })

  test('draws the seed\'s final state in the modern API from an empty design and reads 000/56, 403, 200 and 401', async ({ page }) => {
    test.setTimeout(240_000)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto('/')
    // New: nothing on the canvas, the latest profile; the palette speaks the modern API only.
    await newEmptyDesign(page)
    await setProfile(page, '1.30')
    // Only the mesh marker is left on the canvas.
    await expect(page.locator('[data-testid^="canvas.namespace."], [data-testid^="canvas.app."]')).toHaveCount(0)
    await expect(page.getByTestId('canvas.mesh')).toBeVisible()
    await expect(paletteItem(page, 'MeshPolicy')).toHaveCount(0)

    // The seed's workloads, drawn: foo and bar with automatic sidecars, legacy without.
    for (const [ns, injection] of [['foo', true], ['bar', true], ['legacy', false]] as const) {
      await addNamespace(page, ns, injection)
      await addApp(page, 'Service', ns, 'httpbin')
      const inspector = page.getByRole('complementary', { name: 'Inspector' })
      await expect(inspector.getByLabel('Port 1 number')).toHaveValue('8000')
      await addApp(page, 'Client workload', ns, 'sleep')
      await expect(page.getByRole('switch', { name: `Sidecar for sleep.${ns}` })).toBeChecked({ checked: injection })
      await expect(page.getByRole('switch', { name: `Sidecar for httpbin.${ns}` })).toBeChecked({ checked: injection })
    }
    await closeInspector(page)
    for (const from of ['foo', 'bar', 'legacy']) for (const to of ['foo', 'bar', 'legacy']) await expectCode(page, `sleep.${from}`, `httpbin.${to}:8000`, '200')
    await fitView(page)
    const httpbinFoo = page.getByTestId('canvas.app.httpbin.foo')

    // PeerAuthentication STRICT on httpbin.foo: the plaintext legacy client is reset (M12).
    await paletteItem(page, 'PeerAuthentication').dragTo(httpbinFoo)
    await openSelectedInspector(page)
    const inspector = page.getByRole('complementary', { name: 'Inspector' })
    await expect(inspector).toContainText('PeerAuthentication')
    await expect(inspector.getByLabel('Mode', { exact: true })).toHaveValue('STRICT')
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '000 (56)')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '200')
    await closeInspector(page)

    // RequestAuthentication: which tokens are valid; a request without one still passes.
    await paletteItem(page, 'RequestAuthentication').dragTo(httpbinFoo)
    await openSelectedInspector(page)
    await expect(inspector.getByLabel('Issuer', { exact: true })).toHaveValue('testing@secure.istio.io')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '200')
    await closeInspector(page)

    // An ALLOW with requestPrincipals: no token is now 403, not 401 (M27).
    await paletteItem(page, 'AuthorizationPolicy').dragTo(httpbinFoo)
    await openSelectedInspector(page)
    await expect(inspector.getByLabel('Action', { exact: true })).toHaveValue('ALLOW')
    await expect(inspector.getByLabel('Rule 1 reads')).toHaveText('ALLOW any request from any request principal')
    const principals = inspector.getByRole('group', { name: 'Rule 1 source 1' }).getByRole('combobox', { name: 'requestPrincipals' })
    await principals.fill('testing@secure.istio.io/testing@secure.istio.io')
    await principals.press('Enter')
    await expect(inspector.getByLabel('Rule 1 reads')).toHaveText('ALLOW any request from request principal testing@secure.istio.io/testing@secure.istio.io')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '403')
    await expectCode(page, 'sleep.bar', 'httpbin.foo:8000', '403')
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '000 (56)')
    await expectCode(page, 'sleep.foo', 'httpbin.bar:8000', '200')
    await closeInspector(page)

    // The demo token: 200; the plaintext client is still reset before any JWT check.
    const token = page.getByRole('combobox', { name: 'Token for requests' })
    await token.selectOption({ label: 'Istio demo token' })
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '200')
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '000 (56)')

    // Expired (the demo token ends on 2118-06-29; far past the 60 s skew): 401.
    await page.getByRole('button', { name: /^Set the simulated time/ }).click()
    await page.getByLabel('Simulated date and time (local)').fill('2118-07-01T00:00')
    await page.getByRole('button', { name: 'Set time' }).click()
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '401')

    // The explanation walks the modern path and links the policies it names.
    await cell(page, 'sleep.foo', 'httpbin.foo:8000').click()
    const why = page.getByRole('complementary', { name: /^sleep\.foo to / })
    await expect(why).toContainText('expired')
    await page.getByRole('button', { name: 'Back to real time' }).click()
    await token.selectOption({ label: 'No token' })
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '403')
    await why.getByRole('button', { name: /^AuthorizationPolicy foo\// }).first().click()
    await expect(inspector).toContainText('AuthorizationPolicy')
    expect(errors).toEqual([])
  })
})
