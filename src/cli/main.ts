/**
 * `mesh-auth grid [options] FILE...` as a function: arguments and an I/O object in, exit status
 * out. The engine does the work; this layer reads files, writes lines and picks the exit status.
 * Tests call it in-process; src/cli/grid.ts (npm run grid) and src/cli/meshAuth.ts (the built
 * binary) wire it to the real process.
 */
import { isAbsolute, resolve } from 'node:path'
import { parseGridArgs, UsageError, usage, type GridArgs } from './args'
import { loadInputs, type InputError, type LoadedInputs } from './inputs'
import { extractIntentArgs, INTENT_USAGE, type IntentArgs } from './intentArgs'
import { runDiff, runExpect } from './intentCommands'
import { runMigrate } from './migrate'
import { runProbes, runTlsCheck, type LineSink } from './probes'

export interface Writer {
  write(text: string): unknown
}

/** Everything the CLI touches outside the engine, so a test can run it without a child process. */
export interface CliIO {
  stdout: Writer
  stderr: Writer
  /** Directory that relative FILE, --token and --jwks arguments are resolved against. */
  cwd: string
  env: Readonly<Record<string, string | undefined>>
  readFile(path: string): string
  /** For --junit FILE. */
  writeFile(path: string, text: string): void
  /** The whole of standard input, for the FILE `-`. */
  readStdin(): string
  /** Wall clock in Unix seconds, used when --at is not given. */
  now(): number
}

/** How the command names itself in messages and in --help. */
export interface CommandName {
  name: string
}

/** `FILE` as written is what messages show; this is where it is read from. */
function resolver(io: CliIO): (file: string) => string {
  return (file) => (file === '-' ? io.readStdin() : io.readFile(isAbsolute(file) ? file : resolve(io.cwd, file)))
}

function printDiagnostics(io: CliIO, entries: readonly InputError[]): void {
  for (const e of entries) io.stderr.write(`${e.where}: ${e.severity} ${e.code}: ${e.message}\n`)
}

/** Buffers output lines and writes them in blocks: a 1,000-namespace grid is millions of lines. */
function streamTo(writer: Writer): LineSink & { flush(): void } {
  let buffer = ''
  return {
    line(text) {
      buffer += text
      if (buffer.length >= 1 << 16) {
        writer.write(buffer)
        buffer = ''
      }
    },
    flush() {
      if (buffer !== '') writer.write(buffer)
      buffer = ''
    },
  }
}

export async function main(argv: readonly string[], io: CliIO, command: CommandName = { name: 'mesh-auth grid' }): Promise<number> {
  if (argv.includes('--migrate')) {
    return runMigrate(argv, { read: resolver(io), stdout: (text) => void io.stdout.write(text), stderr: (text) => void io.stderr.write(text), now: () => Math.floor(io.now()) })
  }
  let args: GridArgs
  let intentArgs: IntentArgs
  try {
    const split = extractIntentArgs(argv)
    intentArgs = split.intent
    args = parseGridArgs(split.rest)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${command.name}: ${error.message}\n(${command.name} --help lists the options)\n`)
      return 2
    }
    throw error
  }
  if (args.help) {
    io.stdout.write(`${usage(command.name)}\n${INTENT_USAGE}\n`)
    return 0
  }
  const loaded = loadInputs(args, resolver(io))
  printDiagnostics(io, loaded.warnings)
  printDiagnostics(io, loaded.errors)
  if (loaded.notes.length > 0) for (const note of loaded.notes) io.stderr.write(`${command.name}: ${note}\n`)
  // Unreadable files, token or key sets: nothing meaningful can be printed.
  if (!loaded.ok) return 2
  const now = args.at ?? Math.floor(io.now())
  if (intentArgs.expect || intentArgs.diffOld) return runIntent(io, loaded, args, intentArgs, now, command)
  const sink = streamTo(io.stdout)
  const result = args.tlsCheck ? runTlsCheck(loaded, args, sink) : await runProbes(loaded, args, now, sink)
  sink.flush()
  if (!result.ok) {
    io.stderr.write(`${command.name}: ${result.message}\n`)
    return 2
  }
  // R27: what admission rejected is reported above; the grid of the rest is printed, status 2.
  return loaded.errors.length > 0 ? 2 : 0
}

/** --expect / --suggest / --diff (intentCommands.ts): exit 0 all hold, 1 violations or changes, 2 bad input. */
async function runIntent(io: CliIO, loaded: LoadedInputs, args: GridArgs, intentArgs: IntentArgs, now: number, command: CommandName): Promise<number> {
  const read = resolver(io)
  const write = (file: string, text: string): void => io.writeFile(isAbsolute(file) ? file : resolve(io.cwd, file), text)
  let run
  if (intentArgs.diffOld) {
    const old = loadInputs({ ...args, files: intentArgs.diffOld }, read)
    printDiagnostics(io, old.warnings)
    printDiagnostics(io, old.errors)
    if (!old.ok) return 2
    run = await runDiff(old, loaded, args, now)
  } else run = await runExpect(loaded, args, intentArgs, now, { read, write })
  io.stdout.write(run.stdout)
  io.stderr.write(run.stderr)
  if (loaded.errors.length > 0 && run.status === 0) {
    io.stderr.write(`${command.name}: some objects were rejected (see above)\n`)
    return 2
  }
  return run.status
}

/** The real process as a CliIO. `cwd` is the caller's directory (npm sets INIT_CWD to it). */
export async function nodeIO(options: { useInitCwd: boolean }): Promise<CliIO> {
  const fs = await import('node:fs')
  const cwd = options.useInitCwd && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd()
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd,
    env: process.env,
    readFile: (path) => fs.readFileSync(path, 'utf8'),
    writeFile: (path, text) => fs.writeFileSync(path, text),
    readStdin: () => fs.readFileSync(0, 'utf8'),
    now: () => Date.now() / 1000,
  }
}

/** Runs `main` as the process: sets the exit status, turns a crash into status 3. */
export function runAsProcess(argv: readonly string[], io: Promise<CliIO>, command?: CommandName): void {
  io.then((real) => main(argv, real, command)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      // Exit statuses are 0, 1 and 2 only; a bug is still reported in one line (GRID_DEBUG=1 adds the stack).
      const detail = error instanceof Error ? (process.env.GRID_DEBUG === '1' ? (error.stack ?? error.message) : error.message) : String(error)
      process.stderr.write(`${command?.name ?? 'mesh-auth grid'}: error INTERNAL: ${detail} (please report this input)\n`)
      process.exitCode = 2
    },
  )
}
