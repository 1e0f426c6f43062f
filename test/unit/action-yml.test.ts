import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import YAML from 'yaml'
import { actionInputNames } from '../../src/config/inputs.js'
import { buildOutputs } from '../../src/report/outputs.js'
import type { RunResult } from '../../src/model/result.js'
import { RECORD_PATH_OUTPUT } from '../../src/records/record-copy.js'
import { VERSIONS_FILE_OUTPUT } from '../../src/records/versions-file.js'

interface ActionMetadata {
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string; post?: string; 'post-if'?: string }
}

const action = YAML.parse(readFileSync('action.yml', 'utf8')) as ActionMetadata

describe('action.yml', () => {
  it('runs the committed bundle on node24, and again as a post step that runs even after a cancel', () => {
    // The same bundle tells the two apart by the step state the main step saves (src/main.ts).
    expect(action.runs).toEqual({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/index.js',
      'post-if': 'always()'
    })
  })

  it('documents exactly the inputs the action reads, each with a description', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...actionInputNames].sort())
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(10)
  })

  it('documents exactly the outputs the action sets', () => {
    const result: RunResult = {
      command: 'verify',
      startedAt: '2026-01-01T00:00:00Z',
      finishedAt: '2026-01-01T00:00:01Z',
      verdict: 'passed',
      action: 'none',
      reasons: [],
      dryRun: false,
      targets: [],
      checks: []
    }
    // Plus the outputs a record surface sets when its input is given (src/records/).
    const surfaceOutputs = [VERSIONS_FILE_OUTPUT, RECORD_PATH_OUTPUT]
    expect(Object.keys(action.outputs).sort()).toEqual(
      [...Object.keys(buildOutputs(result, '/tmp/r.json')), ...surfaceOutputs].sort()
    )
  })
})
