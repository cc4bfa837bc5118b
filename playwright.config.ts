import { defineConfig, devices } from '@playwright/test'

// E2E_DEV=1 runs the same specs against the dev server instead of the production build.
const dev = process.env.E2E_DEV === '1'
// E2E_PORT (or PLAYWRIGHT_PORT) runs the server on another port, so several checkouts can test on one machine at once.
const port = Number(process.env.E2E_PORT ?? process.env.PLAYWRIGHT_PORT) || (dev ? 5173 : 4173)
const baseURL = `http://127.0.0.1:${port}`

export default defineConfig({
  testDir: 'e2e',
  // `npm run screenshots` renders docs/screenshots from e2e/screenshots/*.shots.ts; `npm test` runs the specs.
  testMatch: process.env.SCREENSHOTS === '1' ? '**/*.shots.ts' : '**/*.spec.ts',
  forbidOnly: !!process.env.CI,
  workers: 1,
  reporter: 'list',
  expect: { timeout: 10_000 },
  use: { baseURL, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          // Debian's chromium; Playwright's own browser download is not used (no network).
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          // No --user-data-dir: Playwright refuses it and makes a fresh profile per run (P14).
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: dev
      ? `npx vite --host 127.0.0.1 --port ${port} --strictPort`
      : `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
})
