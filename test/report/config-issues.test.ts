import { describe, expect, it } from '@jest/globals'
import { renderConfigIssues } from '../../src/report/config-issues.js'

describe('renderConfigIssues', () => {
  it('lists every problem with its path, escaped', () => {
    const markdown = renderConfigIssues([
      { path: 'verify.timout', message: 'unknown key (did you mean "timeout"?)' },
      { path: 'targets[0].name', message: 'expected a Kubernetes name, got "<img src=x onerror=alert(1)>"' }
    ])
    expect(markdown).toContain('invalid configuration')
    expect(markdown).toContain('2 problems')
    expect(markdown).toContain('<code>verify.timout</code>')
    expect(markdown).not.toContain('<img')
  })
})
