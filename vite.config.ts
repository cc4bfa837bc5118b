/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { parseAllDocuments } from 'yaml'
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './src/securityHeaders.ts'

// Everything is served from our own origin. The <meta> copy leaves out what only a header can say.
const CSP = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d: string) => !d.startsWith('frame-ancestors'))
  .join('; ')

/** Adds the CSP <meta> to built pages only: the dev server injects an inline React-refresh script. */
function cspMeta(): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      const charset = /<meta charset="[^"]*"\s*\/?>/i
      if (!charset.test(html)) throw new Error('csp-meta: index.html needs a <meta charset> to anchor the CSP')
      return html.replace(charset, (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`)
    },
  }
}

/**
 * `file.yaml?json`: the file's documents as a JSON string, parsed at build time. The seed design is
 * read this way at start-up (JSON.parse instead of the YAML parser's first, cold run: ~50 ms of the
 * cold load); a unit test checks it equals what parseManifests makes of the same file.
 */
function yamlAsJson(): Plugin {
  return {
    name: 'yaml-as-json',
    load(id) {
      if (!id.endsWith('.yaml?json')) return undefined
      const file = id.slice(0, -'?json'.length)
      const objects = parseAllDocuments(readFileSync(file, 'utf8'))
        .map((doc) => doc.toJS() as unknown)
        .filter((o) => o !== null && o !== undefined)
      return `export default ${JSON.stringify(JSON.stringify(objects))}`
    },
  }
}

// monaco-yaml's worker imports `monaco-editor/esm/vs/...`, which monaco 0.56+'s exports map hides (P6a).
const monacoEsmDir = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url))

export default defineConfig({
  plugins: [react(), cspMeta(), yamlAsJson()],
  resolve: {
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsmDir}$1` }],
  },
  // Found late inside a ?worker import otherwise, which reloads the dev page mid-session (P11).
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  worker: { format: 'es' },
  // The lazily loaded Monaco chunk is about 4 MB by design.
  build: { chunkSizeWarningLimit: 5000 },
  // The headers a static host should send (public/_headers, docs/security-headers.md), here too.
  preview: { port: 4173, strictPort: true, headers: { ...SECURITY_HEADERS } },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    passWithNoTests: false,
  },
})
