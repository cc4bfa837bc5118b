import { describe, expect, it } from 'vitest'
import { parseInThread, type ParseRequest } from './parserPort'
import { workerParser, type ParseReply, type WorkerLike } from './parseWorkerClient'

/** A worker that holds each message until the test answers it (with the real parse) or crashes. */
function fakeWorker() {
  const posted: { id: number; request: ParseRequest }[] = []
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => void posted.push(message),
  }
  const reply = (data: ParseReply) => worker.onmessage?.({ data } as MessageEvent<ParseReply>)
  return {
    worker,
    posted,
    answer(index: number) {
      const m = posted[index]
      if (m) reply({ id: m.id, ok: true, answer: parseInThread(m.request), millis: 1 })
    },
    crash: () => worker.onerror?.({ message: 'boom' } as ErrorEvent),
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
const tab = (text: string): ParseRequest => ({ kind: 'tab', text, file: 'istio.yaml' })

describe('The parse worker client', () => {
  it('runs one request at a time and keeps only the newest waiting request per text', async () => {
    const fake = fakeWorker()
    const port = workerParser(async () => fake.worker)
    const first = port.parse(tab('a: 1\n'))
    await flush()
    const second = port.parse(tab('a: 2\n'))
    const third = port.parse(tab('a: 3\n'))
    await flush()
    expect(fake.posted.map((m) => m.request)).toEqual([tab('a: 1\n')])
    // The second never started: the third replaced it.
    expect(await second).toBeUndefined()
    fake.answer(0)
    expect(await first).toEqual(parseInThread(tab('a: 1\n')))
    await flush()
    expect(fake.posted.map((m) => m.request)).toEqual([tab('a: 1\n'), tab('a: 3\n')])
    fake.answer(1)
    expect(await third).toEqual(parseInThread(tab('a: 3\n')))
  })

  it('keeps requests for different targets: an import does not replace a tab edit', async () => {
    const fake = fakeWorker()
    const port = workerParser(async () => fake.worker)
    void port.parse(tab('a: 1\n'))
    await flush()
    const edit = port.parse(tab('a: 2\n'))
    const imported = port.parse({ kind: 'import', text: 'kind: Namespace\nmetadata: {name: x}\n', file: 'x.yaml' })
    await flush()
    fake.answer(0)
    await flush()
    fake.answer(1)
    await flush()
    fake.answer(2)
    expect((await edit)?.kind).toBe('tab')
    expect((await imported)?.kind).toBe('import')
  })

  it('parses in this thread where no worker starts, with the same answer', async () => {
    const port = workerParser(async () => undefined)
    const request = tab('kind: Namespace\nmetadata:\n  name: foo\n')
    expect(await port.parse(request)).toEqual(parseInThread(request))
  })

  it('parses what was running and waiting in this thread when the worker crashes, and keeps doing so', async () => {
    const fake = fakeWorker()
    const port = workerParser(async () => fake.worker)
    const running = port.parse(tab('a: 1\n'))
    const waiting = port.parse({ kind: 'import', text: 'kind: Namespace\nmetadata: {name: x}\n', file: 'x.yaml' })
    await flush()
    fake.crash()
    expect(await running).toEqual(parseInThread(tab('a: 1\n')))
    expect((await waiting)?.kind).toBe('import')
    expect(await port.parse(tab('a: 4\n'))).toEqual(parseInThread(tab('a: 4\n')))
    expect(fake.posted).toHaveLength(1)
  })
})
