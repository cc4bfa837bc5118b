/**
 * Objects -> YAML text, in the layout the seed task uses (2-space indent, list items flush with their
 * key, one `---` between documents).
 */
import { Document } from 'yaml'
import type { KubeObject } from '../engine/types'

/**
 * Written for a YAML 1.1 reader (kubectl), so strings such as "yes", "on" or "0755" get quoted and do
 * not come back as booleans or numbers. lineWidth 0 turns line folding off.
 */
const TO_STRING = { indent: 2, indentSeq: false, lineWidth: 0, minContentWidth: 0 } as const

/**
 * Multi-document YAML for `objects`, keys in the order given, strings quoted only when needed.
 * @example stringifyManifests([{ kind: 'Namespace', metadata: { name: 'foo' } }]) // 'kind: Namespace\nmetadata:\n  name: foo\n'
 */
export function stringifyManifests(objects: readonly KubeObject[]): string {
  return objects.map((o) => new Document(o, { version: '1.1' }).toString(TO_STRING)).join('---\n')
}

/**
 * The seed's way of applying YAML from a shell: `cat <<EOF | kubectl apply [-n ns] -f -`. When the YAML
 * holds `$`, a backquote or a backslash, the delimiter is quoted (`<<'EOF'`) so the shell leaves the
 * text alone instead of expanding it.
 * @example toKubectlApplyBlock(objects, 'bar') // "cat <<EOF | kubectl apply -n bar -f -\n...\nEOF\n"
 */
export function toKubectlApplyBlock(objects: readonly KubeObject[], namespace?: string): string {
  // Every document is a mapping, so no line of the body can be a bare `EOF` that ends it early.
  const body = stringifyManifests(objects)
  const delimiter = /[$`\\]/.test(body) ? `'EOF'` : 'EOF'
  const ns = namespace ? `-n ${namespace} ` : ''
  return `cat <<${delimiter} | kubectl apply ${ns}-f -\n${body}EOF\n`
}
