import { expect, test, type Locator, type Page } from '@playwright/test'
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose'

/**
 * End-user authentication in the designer (issue 4), against the built app: the seed's S12 (Gateway,
 * VirtualService and the jwt-example Policy) imported as YAML, then tokens, key sets, the simulated
 * clock and the request loop. Selectors are roles and accessible names only.
 * TOKEN_SCREENSHOTS=1 also writes docs/screenshots/tokens.png and request-loop.png.
 */

const SAMPLE_JWKS_URI = 'https://raw.githubusercontent.com/istio/istio/release-1.0/security/tools/jwt/samples/jwks.json'

const S12 = `apiVersion: networking.istio.io/v1alpha3
kind: Gateway
metadata:
  name: httpbin-gateway
  namespace: foo
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - "*"
---
apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
metadata:
  name: httpbin
  namespace: foo
spec:
  hosts:
  - "*"
  gateways:
  - httpbin-gateway
  http:
  - route:
    - destination:
        port:
          number: 8000
        host: httpbin.foo.svc.cluster.local
---
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata:
  name: jwt-example
  namespace: foo
spec:
  targets:
  - name: httpbin
  origins:
  - jwt:
      issuer: "testing@secure.istio.io"
      jwksUri: "${SAMPLE_JWKS_URI}"
  principalBinding: USE_ORIGIN
`

const OTHER_KEYS_URI = 'https://keys.example.com/jwks.json'

/** A second policy whose jwksUri has no key set yet (MESH007). */
const BAR_POLICY = `apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata:
  name: jwt-bar
  namespace: bar
spec:
  targets:
  - name: httpbin
  origins:
  - jwt:
      issuer: "me@example.com"
      jwksUri: "${OTHER_KEYS_URI}"
  principalBinding: USE_ORIGIN
`

/** The seed's VirtualService, routing only paths under /headers. */
const HEADERS_ONLY_ROUTE = `apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
metadata:
  name: httpbin
  namespace: foo
spec:
  hosts:
  - "*"
  gateways:
  - httpbin-gateway
  http:
  - match:
    - uri:
        prefix: /headers
    route:
    - destination:
        port:
          number: 8000
        host: httpbin.foo.svc.cluster.local
`

const shots = process.env.TOKEN_SCREENSHOTS === '1'

/** The pictures are taken at a laptop size (set before the page opens, see the first test). */
async function screenshot(page: Page, name: string) {
  const dismiss = page.getByRole('button', { name: 'Dismiss message' })
  if (await dismiss.isVisible()) await dismiss.click()
  await page.mouse.move(0, 0)
  await page.waitForTimeout(400)
  await page.screenshot({ path: `docs/screenshots/${name}.png` })
}

function cell(page: Page, row: string, column: string): Locator {
  return page.getByRole('table', { name: 'Connectivity' }).getByRole('button', { name: new RegExp(`^${row.replace(/\./g, '\\.')} to ${column.replace(/\./g, '\\.')}: `) })
}

async function expectCode(page: Page, row: string, column: string, code: string) {
  await expect(cell(page, row, column)).toHaveAccessibleName(`${row} to ${column}: ${code}`)
}

async function addYaml(page: Page, yaml: string) {
  await page.getByRole('button', { name: 'Import' }).click()
  await page.getByRole('menuitem', { name: /Paste YAML/ }).click()
  await page.getByLabel(/Kubernetes and Istio objects/).fill(yaml)
  await page.getByRole('button', { name: 'Add to design' }).click()
}

async function openS12(page: Page) {
  await page.goto('/')
  await expect(page.getByRole('table', { name: 'Connectivity' })).toBeVisible()
  await addYaml(page, S12)
  await expectCode(page, 'external', 'httpbin.foo:8000', '401')
}

/** A token for the sample issuer, signed by a key no key set knows. */
async function foreignToken() {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true })
  const jwk = await exportJWK(publicKey)
  const kid = await calculateJwkThumbprint(jwk)
  const jwt = await new SignJWT({ foo: 'bar' })
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
    .setIssuer('testing@secure.istio.io')
    .setSubject('stranger')
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(privateKey)
  return { jwt, kid, jwks: { keys: [{ ...jwk, kid, alg: 'ES256', use: 'sig' }] } }
}

test.describe('End-user authentication', () => {
  // Each test imports a design, signs tokens and runs loops: more than the default 30 s on a busy machine.
  test.describe.configure({ timeout: 90_000 })
  let errors: string[]
  test.beforeEach(({ page }) => {
    errors = []
    page.on('pageerror', (e) => errors.push(String(e)))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
  })
  test.afterEach(() => expect(errors).toEqual([]))

  test('a token generated to expire in 5 s: five 200s, then five 401s, on the simulated clock', async ({ page }) => {
    if (shots) await page.setViewportSize({ width: 1600, height: 900 })
    await openS12(page)
    await page.getByRole('button', { name: 'Freeze the clock' }).click()
    await expect(page.getByRole('button', { name: 'Back to real time' })).toBeVisible()

    // Generate with the Istio sample key (as gen-jwt.py --expire 5), used for requests at once.
    await page.getByRole('button', { name: 'Tokens', exact: true }).click()
    const tools = page.getByRole('complementary', { name: 'Tokens' })
    await tools.getByLabel('Expires after (seconds)').fill('5')
    await tools.getByRole('button', { name: 'Generate token' }).click()
    const details = tools.getByRole('region', { name: /^Token Generated 1/ })
    await expect(details).toContainText('expires in 5 s')
    await expect(details.getByRole('table', { name: 'Claims' })).toContainText('testing@secure.istio.io')
    await expect(page.getByRole('combobox', { name: 'Token for requests' })).toHaveValue(/.+/)
    await expectCode(page, 'external', 'httpbin.foo:8000', '200')

    // The countdown and the grid follow the simulated clock, not the wall clock.
    await page.getByRole('button', { name: 'Advance the clock by 1 second' }).click()
    await expect(details).toContainText('expires in 4 s')
    if (shots) await screenshot(page, 'tokens')
    await page.getByRole('button', { name: 'Advance the clock by 10 seconds' }).click()
    await expect(details).toContainText('expired 6 s ago')
    await expectCode(page, 'external', 'httpbin.foo:8000', '401')

    // The loop, from the token's issue time: the seed's T14.
    await tools.getByRole('tab', { name: 'Request loop' }).click()
    const loop = page.getByRole('complementary', { name: 'Request loop' })
    await loop.getByLabel('From').selectOption({ label: 'external (through the ingress)' })
    await loop.getByLabel('Token', { exact: true }).selectOption({ label: 'Generated 1 · 5 s' })
    await loop.getByLabel('Start at').selectOption('iat')
    await expect(loop.getByLabel('Requests')).toHaveValue('10')
    await expect(loop.getByLabel('Every (seconds)')).toHaveValue('1')
    await loop.getByRole('button', { name: 'Run loop' }).click()
    const codes = loop.getByRole('list', { name: 'Response codes' }).getByRole('listitem')
    await expect(codes).toHaveCount(10)
    for (let i = 0; i < 10; i++) await expect(codes.nth(i)).toHaveAccessibleName(new RegExp(`^Request ${i + 1} at .* \\(\\+${i} s\\): ${i < 5 ? 200 : 401}$`))
    await expect(loop.getByRole('status')).toHaveText('5 × 200, then 5 × 401')
    const reasons = loop.getByRole('table', { name: 'Requests and reasons' })
    await expect(reasons.getByRole('row').nth(1)).toContainText('is valid for issuer testing@secure.istio.io')
    await expect(reasons.getByRole('row').nth(6)).toContainText('token expired at')
    await expect(loop).toContainText('for i in $(seq 1 10); do curl "$INGRESS_HOST/headers" --header "Authorization: Bearer $TOKEN"')
    if (shots) await screenshot(page, 'request-loop')
  })

  test('switching the request profile turns the ingress cell from 401 to 200, and the explanation says why', async ({ page }) => {
    await openS12(page)
    const token = page.getByRole('combobox', { name: 'Token for requests' })
    await expect(token).toHaveValue('')
    await token.selectOption({ label: 'Istio demo token' })
    await expectCode(page, 'external', 'httpbin.foo:8000', '200')
    await expectCode(page, 'sleep.foo', 'httpbin.foo:8000', '200')

    await cell(page, 'external', 'httpbin.foo:8000').click()
    const why = page.getByRole('complementary', { name: /^external to / })
    await expect(why).toContainText('valid for issuer testing@secure.istio.io')
    await expect(why).toContainText('$INGRESS_HOST/headers')

    // The demo token expires on 2118-06-29: set the clock after that and it is refused.
    await page.getByRole('button', { name: /^Set the simulated time/ }).click()
    await page.getByLabel('Simulated date and time (local)').fill('2118-07-01T00:00')
    await page.getByRole('button', { name: 'Set time' }).click()
    await expect(page.getByRole('button', { name: /^Set the simulated time \(now 2118-07-01 00:00:00, frozen\)/ })).toBeVisible()
    await expectCode(page, 'external', 'httpbin.foo:8000', '401')
    await expect(why).toContainText('token expired at 2118-06-29T23:48:20Z')
    await page.getByRole('button', { name: 'Back to real time' }).click()
    await expectCode(page, 'external', 'httpbin.foo:8000', '200')

    await token.selectOption({ label: 'No token' })
    await expectCode(page, 'external', 'httpbin.foo:8000', '401')
    await expect(why).toContainText('no token in the request')

    // The loop opens on the explained cell.
    await why.getByRole('button', { name: 'Run request loop' }).click()
    const loop = page.getByRole('complementary', { name: 'Request loop' })
    await expect(loop.getByLabel('From')).toHaveValue('external')

    // The token in a query parameter: the origin reads ?access_token= by default.
    await token.selectOption({ label: 'Istio demo token' })
    await page.getByRole('combobox', { name: 'Where the token goes' }).selectOption({ label: 'Query parameter' })
    await expect(page.getByRole('textbox', { name: 'Token query parameter name' })).toHaveValue('access_token')
    await expectCode(page, 'external', 'httpbin.foo:8000', '200')

    // A route for /headers only: the ingress path /ip matches nothing, 404 with the reason.
    await page.getByRole('combobox', { name: 'Where the token goes' }).selectOption({ label: 'Bearer header' })
    await addYaml(page, HEADERS_ONLY_ROUTE)
    await expectCode(page, 'external', 'httpbin.foo:8000', '200')
    const ingressPath = page.getByRole('textbox', { name: 'Path through the ingress' })
    await ingressPath.fill('/ip')
    await ingressPath.press('Enter')
    await expectCode(page, 'external', 'httpbin.foo:8000', 'no request')
    await expect(page.getByText(/^Ingress: Gateway foo\/httpbin-gateway .* matches \/ip: 404$/)).toBeVisible()
    await expect(why).toContainText('no VirtualService bound to it matches /ip: 404')
    await loop.getByRole('button', { name: 'Run loop' }).click()
    await expect(loop.getByRole('status')).toHaveText('10 × 404')
    await expect(loop.getByRole('table', { name: 'Requests and reasons' })).toContainText('matches /ip: 404')
  })

  test('a token signed by an unknown key is refused with the reason; its key set makes it pass', async ({ page }) => {
    const foreign = await foreignToken()
    await openS12(page)
    await page.getByRole('button', { name: 'Tokens', exact: true }).click()
    const tools = page.getByRole('complementary', { name: 'Tokens' })
    await tools.getByRole('radio', { name: 'Paste' }).click()

    // A text that is not a JWT is refused inline.
    const paste = tools.getByLabel('JWT to add')
    await paste.fill('not.a-jwt')
    await expect(tools.getByText('A JWT has three parts separated by dots; this text has 2.')).toBeVisible()
    await expect(tools.getByRole('button', { name: 'Add token' })).toBeDisabled()

    await paste.fill(foreign.jwt)
    await expect(tools.getByText(/ES256 token from testing@secure\.istio\.io, expires in/)).toBeVisible()
    await tools.getByRole('button', { name: 'Add token' }).click()
    await expect(tools.getByRole('table', { name: 'Header' })).toContainText(foreign.kid)
    await expectCode(page, 'external', 'httpbin.foo:8000', '401')

    await cell(page, 'external', 'httpbin.foo:8000').click()
    const why = page.getByRole('complementary', { name: /^external to / })
    await expect(why).toContainText(`no key of jwksUri ${SAMPLE_JWKS_URI} has kid ${foreign.kid}`)

    // The signer's key set under the policy's jwksUri (shadowing the bundled sample): accepted.
    await page.getByRole('button', { name: /^Key sets/ }).click()
    const keys = page.getByRole('complementary', { name: 'Key sets' })
    await keys.getByLabel('jwksUri', { exact: true }).fill(SAMPLE_JWKS_URI)
    await keys.getByLabel('Key set (JWKS JSON)').fill(JSON.stringify(foreign.jwks, null, 2))
    await keys.getByRole('button', { name: 'Add key set', exact: true }).click()
    await expect(keys.getByRole('status')).toContainText('Added the key set')
    await expectCode(page, 'external', 'httpbin.foo:8000', '200')
  })

  test('a key set pasted with a syntax error is reported and does not replace the previous one', async ({ page }) => {
    const foreign = await foreignToken()
    await openS12(page)
    await addYaml(page, BAR_POLICY)

    // The policy whose jwksUri has no key set is flagged: the problems list, the Key sets button.
    await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No key set for jwksUri https://keys.example.com/jwks.json')
    await page.getByRole('button', { name: 'Key sets (1 missing)' }).click()
    const keys = page.getByRole('complementary', { name: 'Key sets' })
    await expect(keys.getByRole('list', { name: 'jwksUris in the design' })).toContainText('no key set: every token gets 401')
    await keys.getByRole('button', { name: 'Add key set for this jwksUri' }).click()
    await expect(keys.getByLabel('jwksUri', { exact: true })).toHaveValue(OTHER_KEYS_URI)
    await keys.getByLabel('Key set (JWKS JSON)').fill(JSON.stringify(foreign.jwks, null, 2))
    await keys.getByRole('button', { name: 'Add key set', exact: true }).click()
    await expect(page.getByRole('button', { name: 'Key sets', exact: true })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Problems' })).not.toContainText('No key set for jwksUri')
    const saved = keys.getByRole('list', { name: 'Key sets' })
    await expect(saved).toContainText('1 key: EC ES256')

    // A broken replacement: the line and column are reported, the saved key set stays.
    await keys.getByLabel('jwksUri', { exact: true }).fill(OTHER_KEYS_URI)
    await keys.getByLabel('Key set (JWKS JSON)').fill('{\n  "keys": [\n    {"kty": "RSA",}\n  ]\n}')
    await keys.getByRole('button', { name: 'Replace key set' }).click()
    await expect(keys.getByRole('alert')).toContainText('Not valid JSON at line 3, column 19')
    await expect(keys.getByRole('alert')).toContainText('is unchanged')
    await expect(saved).toContainText('1 key: EC ES256')
    await expect(page.getByRole('region', { name: 'Problems' })).not.toContainText('No key set for jwksUri')
  })

  test('a key pair made in the page signs a token; attaching its key set in one click makes it pass', async ({ page }) => {
    await openS12(page)
    await page.getByRole('button', { name: 'Tokens', exact: true }).click()
    const tools = page.getByRole('complementary', { name: 'Tokens' })
    await tools.getByLabel('Sign with').selectOption({ label: 'New ES256 key pair' })
    await tools.getByRole('button', { name: 'Generate token' }).click()
    const details = tools.getByRole('region', { name: /^Token Generated 1 · 3600 s · ES256 key 1/ })
    await expect(details.getByRole('table', { name: 'Header' })).toContainText('ES256')
    await expect(details).toContainText('ES256 key 1, made in this page')
    await expectCode(page, 'external', 'httpbin.foo:8000', '401')

    // The policy's jwksUri is suggested; one click adds the public key next to the sample key.
    const pairs = tools.getByRole('region', { name: 'Key pairs in this page' })
    await expect(pairs.getByLabel('jwksUri for ES256 key 1')).toHaveValue(SAMPLE_JWKS_URI)
    await pairs.getByRole('button', { name: 'Attach key set' }).click()
    await expect(pairs).toContainText(`Attached to ${SAMPLE_JWKS_URI}`)
    await expectCode(page, 'external', 'httpbin.foo:8000', '200')
    await page.getByRole('combobox', { name: 'Token for requests' }).selectOption({ label: 'Istio demo token' })
    await expectCode(page, 'external', 'httpbin.foo:8000', '200')
  })
})
