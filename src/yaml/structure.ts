/**
 * The two checks the `yaml` package would make in ways that do not scale, made here in linear time
 * and without recursion:
 *
 * - Nesting. The package composes nodes recursively, so a few thousand levels overflow the stack
 *   ("Maximum call stack size exceeded"). Its CST parser is not recursive, so the depth is measured
 *   on the CST first, and a document nested deeper than MAX_NESTING is refused with its line.
 * - Duplicate keys. With `uniqueKeys` the package compares every new key with every earlier key of
 *   the map: a 40,000-key map took 15 s. Here each map keeps a set of its keys.
 */
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Parser, type CST, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml'

/**
 * Deepest nesting of collections in one document. Saved designs and share links refuse JSON nested
 * more than 64 levels (store/design.ts); an object 60 levels deep still fits inside their envelope,
 * so whatever parses can also be saved.
 */
export const MAX_NESTING = 60

export interface DeepDocument {
  /** Offset (in the chunk) of the first collection past the limit. */
  offset: number
}

export interface ComposedChunk {
  docs: Document.Parsed[]
  /** Index into `docs` -> where it went too deep; such a document is composed empty. */
  deep: Map<number, DeepDocument>
}

type Options = ParseOptions & DocumentOptions & SchemaOptions

function isCollection(token: CST.Token): token is CST.BlockMap | CST.BlockSequence | CST.FlowCollection {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection'
}

/** Offset of the first collection nested deeper than `limit` in a document token, if any. */
export function tooDeepAt(doc: CST.Document, limit = MAX_NESTING): number | undefined {
  const stack: [CST.Token, number][] = doc.value ? [[doc.value, 0]] : []
  while (stack.length > 0) {
    const [token, above] = stack.pop()!
    if (!isCollection(token)) continue
    const depth = above + 1
    if (depth > limit) return token.offset
    for (const item of token.items) {
      if (item.key) stack.push([item.key, depth])
      if (item.value) stack.push([item.value, depth])
    }
  }
  return undefined
}

/** Parses one chunk into documents; a document nested too deep comes back empty, listed in `deep`. */
export function composeChunk(text: string, options: Options): ComposedChunk {
  const deep = new Map<number, DeepDocument>()
  const indentsAt = tooManyIndentsAt(text)
  if (indentsAt !== undefined) return tooDeepChunk(options, indentsAt)
  let docCount = 0
  function* guarded(tokens: Iterable<CST.Token>): Generator<CST.Token> {
    for (const token of tokens) {
      if (token.type !== 'document') {
        yield token
        continue
      }
      const at = tooDeepAt(token)
      if (at !== undefined) {
        deep.set(docCount, { offset: at })
        const { value: _dropped, ...empty } = token
        yield { ...empty, end: [] }
      } else {
        yield token
      }
      docCount++
    }
  }
  const composer = new Composer({ ...options, uniqueKeys: false })
  try {
    const docs = Array.from(composer.compose(guarded(new Parser().parse(text)))) as Document.Parsed[]
    return { docs, deep }
  } catch (error) {
    // A stack overflow the scans above did not foresee: still a refusal at a line, never a crash.
    if (error instanceof RangeError) return tooDeepChunk(options, 0)
    throw error
  }
}

/** The whole chunk as one refused document. */
function tooDeepChunk(options: Options, offset: number): ComposedChunk {
  const docs = Array.from(new Composer(options).compose(new Parser().parse(''), true, 0)) as Document.Parsed[]
  return { docs, deep: new Map([[0, { offset }]]) }
}

/** Identity of a scalar key, as the package compares them (`a.value === b.value`). */
function keyIdentity(key: unknown): unknown {
  return isScalar(key) ? key.value : key
}

/**
 * Offsets of keys that repeat an earlier key of the same mapping, in document order. Merge keys
 * (`<<`) are not data keys and may repeat.
 */
export function duplicateKeyOffsets(doc: Document.Parsed): number[] {
  const found: number[] = []
  const stack: unknown[] = doc.contents ? [doc.contents] : []
  while (stack.length > 0) {
    const node = stack.pop()
    if (isAlias(node)) continue
    if (isMap(node)) {
      const seen = new Set<unknown>()
      for (const pair of node.items) {
        if (!isPair(pair)) continue
        const id = keyIdentity(pair.key)
        const isMerge = isScalar(pair.key) && pair.key.source === '<<'
        if (!isMerge && id !== undefined) {
          if (seen.has(id)) found.push((pair.key as { range?: [number, number, number] }).range?.[0] ?? 0)
          else seen.add(id)
        }
        stack.push(pair.key, pair.value)
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item)
    }
  }
  return found.sort((a, b) => a - b)
}

/**
 * The package's CST parser closes block collections recursively on a dedent, so thousands of
 * indentation levels overflow the stack before any CST exists. This scan estimates block depth
 * from indentation (and `- ` markers) in one pass, so such text is refused before it is parsed.
 * Multi-line scalars can make the estimate too high, hence a bound well above MAX_NESTING: the
 * exact limit is checked on the CST.
 */
export const MAX_INDENT_LEVELS = 400

/**
 * When the estimated block depth goes over `limit` somewhere: the offset of the first line whose
 * estimate went over MAX_NESTING (where the user should look), else undefined.
 */
export function tooManyIndentsAt(text: string, limit = MAX_INDENT_LEVELS): number | undefined {
  const indents: number[] = []
  let firstTooDeep: number | undefined
  let lineStart = 0
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? text.length : newline
    let i = lineStart
    while (i < lineEnd && text.charCodeAt(i) === 32) i++
    const blank = i >= lineEnd || text[i] === '#' || text[i] === '\r'
    if (!blank) {
      const indent = i - lineStart
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop()
      indents.push(indent)
      // `- - - a` opens one sequence per marker on the same line.
      let markers = 0
      while (i + 1 < lineEnd && text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        markers++
        i += 2
        while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++
      }
      const depth = indents.length + markers
      if (depth > MAX_NESTING && firstTooDeep === undefined) firstTooDeep = lineStart
      if (depth > limit) return firstTooDeep
    }
    lineStart = lineEnd + 1
  }
  return undefined
}
