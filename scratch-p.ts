import { parseManifests } from './src/yaml'
let big = 'kind: ConfigMap\nmetadata: {name: x}\ndata:\n'
for (let i = 0; i < 40000; i++) big += `  key${i}: value${i}\n`
for (let k = 0; k < 3; k++) { const t = performance.now(); parseManifests(big); console.log((performance.now() - t).toFixed(0)) }
