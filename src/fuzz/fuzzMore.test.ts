/** The other half of the fuzz suite (fuzzSuite.ts), with another seed. FUZZ_RUNS and FUZZ_SEED override. */
import { readFileSync } from 'node:fs'
import { DEFAULT_RUNS, fuzzSuite } from './fuzzSuite'

fuzzSuite(Number(process.env.FUZZ_SEED ?? 20261202) + 1, {
  seedYaml: readFileSync('src/scenarios/seed/workloads.yaml', 'utf8'),
  runs: Number(process.env.FUZZ_RUNS ?? DEFAULT_RUNS),
})
