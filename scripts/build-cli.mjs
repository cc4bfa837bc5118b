// Builds the `mesh-auth` command into dist-cli/mesh-auth.js: one plain-JavaScript ES module with its
// dependencies bundled, so `node dist-cli/mesh-auth.js grid ...` needs neither tsx nor node_modules.
// Usage: node scripts/build-cli.mjs [OUTFILE]
import { build } from 'esbuild'
import { chmodSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outfile = resolve(process.argv[2] ?? resolve(root, 'dist-cli/mesh-auth.js'))

await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/meshAuth.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  // The ES module builds of yaml and jose (their CommonJS builds would need a runtime `require`).
  mainFields: ['module', 'main'],
  conditions: ['node', 'import'],
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
})
chmodSync(outfile, 0o755)
