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

  test('the AuthorizationPolicy form edits every rule, source, operation and condition, one undo step each', async ({ page }) => {
    test.setTimeout(180_000)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto('/')
    await setProfile(page, '1.30')
    await fitView(page)
    await paletteItem(page, 'AuthorizationPolicy').dragTo(page.getByTestId('canvas.app.httpbin.foo'))
    await openSelectedInspector(page)
    const inspector = page.getByRole('complementary', { name: 'Inspector' })
    const reads = inspector.getByLabel('Rule 1 reads')
    const undo = page.getByRole('button', { name: 'Undo' })
    await expect(reads).toHaveText('ALLOW any request from any request principal')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '403')

    // A second source: an alternative to the first (M24), written once it has a value.
    await inspector.getByRole('button', { name: 'Add a source to rule 1' }).click()
    const source2 = inspector.getByRole('group', { name: 'Rule 1 source 2' })
    await source2.getByRole('combobox', { name: 'Add a field to Rule 1 source 2' }).selectOption('namespaces')
    const namespaces = source2.getByRole('combobox', { name: 'namespaces', exact: true })
    // Completion from the design: its namespaces.
    for (const ns of ['foo', 'bar', 'legacy']) await expect(source2.locator(`datalist option[value="${ns}"]`)).toHaveCount(1)
    await namespaces.fill('foo')
    await namespaces.press('Enter')
    await expect(reads).toHaveText('ALLOW any request from any request principal or namespace foo')
    await expect(inspector.getByRole('group', { name: 'Rule 1 from' })).toContainText('any source matches')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '200')
    await expectCode(page, 'sleep.bar', 'httpbin.foo:8000', '403')
    // The whole second source was one step.
    await undo.click()
    await expect(reads).toHaveText('ALLOW any request from any request principal')
    await expect(source2).toHaveCount(0)
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '403')
    await page.getByRole('button', { name: 'Redo' }).click()
    await expect(reads).toHaveText('ALLOW any request from any request principal or namespace foo')

    // A third source with a principal from the design's completion: sleep in bar.
    await inspector.getByRole('button', { name: 'Add a source to rule 1' }).click()
    const source3 = inspector.getByRole('group', { name: 'Rule 1 source 3' })
    await source3.getByRole('combobox', { name: 'Add a field to Rule 1 source 3' }).selectOption('principals')
    await expect(source3.locator('datalist option[value="cluster.local/ns/bar/sa/default"]')).toHaveCount(1)
    const principals = source3.getByRole('combobox', { name: 'principals', exact: true })
    await principals.fill('cluster.local/ns/bar/sa/default')
    await principals.press('Enter')
    await expect(reads).toHaveText('ALLOW any request from any request principal or namespace foo or principal cluster.local/ns/bar/sa/default')
    await expectCode(page, 'sleep.bar', 'httpbin.foo:8000', '200')
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '403')

    // Two fields in one source must both match; among several sources it reads in parentheses.
    await source2.getByRole('combobox', { name: 'Add a field to Rule 1 source 2' }).selectOption('notPrincipals')
    const notPrincipals = source2.getByRole('combobox', { name: 'notPrincipals', exact: true })
    await notPrincipals.fill('cluster.local/ns/foo/sa/default')
    await notPrincipals.press('Enter')
    await expect(reads).toHaveText('ALLOW any request from any request principal or (namespace foo and not principal cluster.local/ns/foo/sa/default) or principal cluster.local/ns/bar/sa/default')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '403')
    await undo.click()
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '200')

    // The first source goes: the others stay, renumbered.
    await inspector.getByRole('button', { name: 'Remove Rule 1 source 1' }).click()
    await expect(reads).toHaveText('ALLOW any request from namespace foo or principal cluster.local/ns/bar/sa/default')
    await expect(inspector.getByRole('group', { name: 'Rule 1 source 2' }).getByRole('combobox', { name: 'principals', exact: true })).toHaveValue('cluster.local/ns/bar/sa/default')

    // An operation: GET /ip (the request bar's method and path) still passes; POST does not.
    await inspector.getByRole('button', { name: 'Add an operation to rule 1' }).click()
    const operation = inspector.getByRole('group', { name: 'Rule 1 operation 1' })
    await operation.getByRole('combobox', { name: 'Add a field to Rule 1 operation 1' }).selectOption('methods')
    const methods = operation.getByRole('combobox', { name: 'methods', exact: true })
    await methods.fill('GET')
    await methods.press('Enter')
    await operation.getByRole('combobox', { name: 'Add a field to Rule 1 operation 1' }).selectOption('paths')
    await expect(operation.locator('datalist option[value="/ip"]')).toHaveCount(1)
    const paths = operation.getByRole('combobox', { name: 'paths', exact: true })
    await paths.fill('/ip')
    await paths.press('Enter')
    await expect(reads).toHaveText('ALLOW GET /ip from namespace foo or principal cluster.local/ns/bar/sa/default')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '200')
    await page.getByRole('combobox', { name: 'Request method' }).selectOption('POST')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '403')
    await page.getByRole('combobox', { name: 'Request method' }).selectOption('GET')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '200')

    // A condition: written once it has a key and a value; every condition must hold.
    await inspector.getByRole('button', { name: 'Add a condition to rule 1' }).click()
    const condition = inspector.getByRole('group', { name: 'Rule 1 condition 1' })
    const key = condition.getByRole('combobox', { name: 'key', exact: true })
    await key.fill('request.headers[x-token]')
    await key.press('Enter')
    await expect(reads).toHaveText('ALLOW GET /ip from namespace foo or principal cluster.local/ns/bar/sa/default')
    const values = condition.getByLabel('values', { exact: true })
    await values.fill('admin')
    await values.press('Enter')
    await expect(reads).toHaveText('ALLOW GET /ip from namespace foo or principal cluster.local/ns/bar/sa/default when request.headers[x-token] is admin')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '403')
    await page.getByLabel('Request headers').fill('x-token: admin')
    await page.getByLabel('Request headers').press('Enter')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '200')
    await inspector.getByRole('button', { name: 'Remove Rule 1 condition 1' }).click()
    await expect(reads).toHaveText('ALLOW GET /ip from namespace foo or principal cluster.local/ns/bar/sa/default')

    // A second rule matches every request until narrowed: the policy then allows all; removing it, one step.
    await inspector.getByRole('button', { name: 'Add rule' }).click()
    await expect(inspector.getByLabel('Rule 2 reads')).toHaveText('ALLOW any request')
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '200')
    await inspector.getByRole('button', { name: 'Remove rule 2' }).click()
    await expect(inspector.getByLabel('Rule 2 reads')).toHaveCount(0)
    await expectCode(page, 'sleep.legacy', 'httpbin.foo:8000', '403')

    // Fields the profile does not have are not offered: serviceAccounts (1.25+) and trustDomains (1.30) under 1.24.
    const addField = inspector.getByRole('group', { name: 'Rule 1 source 1' }).getByRole('combobox', { name: 'Add a field to Rule 1 source 1' })
    await expect(addField.getByRole('option', { name: 'trustDomains', exact: true })).toHaveCount(1)
    await setProfile(page, '1.24')
    await expect(addField.getByRole('option', { name: 'serviceAccounts', exact: true })).toHaveCount(0)
    await expect(addField.getByRole('option', { name: 'trustDomains', exact: true })).toHaveCount(0)
    await expect(addField.getByRole('option', { name: 'remoteIpBlocks', exact: true })).toHaveCount(1)
    expect(errors).toEqual([])
  })
})

test.describe('Istio samples', () => {
  test('Import offers the profile\'s own httpbin and sleep samples, one undo away', async ({ page }) => {
    await page.goto('/')
    await newEmptyDesign(page)
    await page.getByRole('button', { name: 'Import' }).click()
    await page.getByRole('menuitem', { name: /Istio 1\.30 samples/ }).click()
    // 1.24+ docs call the client curl; 1.21+ httpbin listens on 8080 behind Service port 8000.
    await expectCode(page, 'curl.foo', 'httpbin.foo:8000', '200')
    await expectCode(page, 'curl.legacy', 'httpbin.bar:8000', '200')
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(page.getByRole('table', { name: 'Connectivity' }).getByRole('button', { name: /^curl\.foo/ })).toHaveCount(0)
  })
})
