/**
 * Runs the CLI's `main` in-process with files from disk and captured output: what the tests use
 * instead of a child process.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { main, type CliIO } from './main'

export interface CliRun {
  stdout: string
  stderr: string
  code: number
}

export async function runInProcess(
  argv: readonly string[],
  options: { stdin?: string; cwd?: string; env?: Record<string, string>; files?: Record<string, string>; now?: number; command?: string } = {},
): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const io: CliIO = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    readFile: (path) => options.files?.[path] ?? readFileSync(path, 'utf8'),
    writeFile: (path, text) => writeFileSync(path, text),
    readStdin: () => {
      if (options.stdin === undefined) throw new Error('no standard input')
      return options.stdin
    },
    now: () => options.now ?? 1_795_000_000,
  }
  const code = await main(argv, io, { name: options.command ?? 'grid' })
  return { stdout, stderr, code }
}
