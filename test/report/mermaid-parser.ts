/**
 * Mermaid's real parser for tests. mermaid imports DOMPurify, which needs a DOM window at import
 * time (without one, `DOMPurify.addHook is not a function`), so a jsdom window is installed first.
 */
import { JSDOM } from 'jsdom'

interface MermaidApi {
  parse(text: string): Promise<unknown>
}

let loaded: Promise<MermaidApi> | undefined

async function load(): Promise<MermaidApi> {
  const dom = new JSDOM('<!doctype html><html><body></body></html>')
  const g = globalThis as Record<string, unknown>
  g.window ??= dom.window
  g.document ??= dom.window.document
  const mermaid = (await import('mermaid')).default
  return mermaid
}

/** Strips the ```mermaid fence of a rendered block and parses what is inside; rejects on a syntax error. */
export async function parseMermaidBlock(block: string): Promise<unknown> {
  const match = /^(`{3,})mermaid\n([\s\S]*?)\n\1$/.exec(block.trim())
  if (!match?.[2]) throw new Error(`not a mermaid block:\n${block}`)
  loaded ??= load()
  return (await loaded).parse(match[2])
}

/** Every ```mermaid block in a Markdown document. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^(`{3,})mermaid\n[\s\S]*?\n\1$/gm)].map((m) => m[0])
}
