/**
 * The seed scenario (istio.io "Authentication Policy", Istio 1.0) as the app ships it: the workloads
 * of its initial state and the tables of codes its steps print. Vite inlines both files; Vitest runs
 * the same imports through Vite, so Node tests need no file reading of their own.
 */
import type { KubeObject } from '../../engine'
import { parseManifests } from '../../yaml'
import tablesJson from './seed-tables.json'
import workloadsYaml from './workloads.yaml?raw'
import workloadsJson from './workloads.yaml?json'
import type { SeedTables } from './replay'

export { objectsAtState, applyOps, type SeedTables, type SeedState, type SeedOp, type SeedTable, type SeedRequest } from './replay'

export const seedTables = tablesJson as unknown as SeedTables

/** Parses a workloads file; exported so a Node script can feed it text it read itself. */
export function parseSeedWorkloads(text: string): KubeObject[] {
  return parseManifests(text, 'workloads.yaml').objects
}

/**
 * A fresh copy each call: callers may hand the objects to a store that treats them as its own. Read
 * from JSON made at build time (vite.config.ts, `?json`): the app's start-up skips a YAML parse.
 */
export function seedWorkloads(): KubeObject[] {
  return JSON.parse(workloadsJson) as KubeObject[]
}

/** The same objects through the YAML layer (what the `?json` build step must equal). */
export function seedWorkloadsFromYaml(): KubeObject[] {
  return parseSeedWorkloads(workloadsYaml)
}
