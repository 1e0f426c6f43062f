import { describe, expect, it } from '@jest/globals'
import type { RunResult } from '../../src/model/result.js'
import { matchingEvents } from '../../src/records/notify.js'
import { versionChanges } from '../../src/records/component-version.js'
import { buildSlackPayload, type NotificationFacts, type SlackPayload } from '../../src/records/slack-payload.js'
import { escapeSlack, fitSlack, SLACK_LIMITS, slackLink } from '../../src/records/slack-text.js'
import { result, rolledBack, target } from './results.js'

const facts = (run: RunResult, extra: Partial<NotificationFacts> = {}): NotificationFacts => ({
  lead: { cause: run.reasons[0] ?? 'every check passed', more: run.reasons.slice(1) },
  changes: versionChanges(run),
  environment: 'production',
  runUrl: 'https://github.com/org/repo/actions/runs/42',
  repository: 'org/repo',
  sha: '0123456789abcdef0123',
  actor: 'octocat',
  ...extra
})

/** Every text of the payload, for assertions over all of it. */
const texts = (payload: SlackPayload): string[] => [
  payload.text,
  ...payload.blocks.flatMap((b) =>
    b.type === 'section'
      ? [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text)]
      : b.type === 'header'
        ? [b.text.text]
        : b.type === 'context'
          ? b.elements.map((e) => e.text)
          : []
  )
]

function expectWithinSlackLimits(payload: SlackPayload): void {
  expect(payload.text.length).toBeLessThanOrEqual(SLACK_LIMITS.text)
  expect(payload.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks)
  for (const block of payload.blocks) {
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText)
    if (block.type === 'section') {
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText)
      expect(block.fields?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.fields)
      for (const f of block.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText)
    }
    if (block.type === 'context') expect(block.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements)
  }
}

describe('buildSlackPayload', () => {
  it('a rolled-back deploy: headline, verdict, target with old → new and the restored version, rollback, run link', () => {
    const run = rolledBack()
    const payload = buildSlackPayload(
      run,
      facts(run, {
        lead: {
          cause: run.reasons[0],
          next: { text: 'rolled back; to see why:', command: 'kubectl logs deploy/api -n production --previous' },
          blastRadius: 'revision 2 serves 2 of 2 pods',
          more: []
        }
      })
    )
    expect(payload.text).toBe(
      ':x: deploy-guard verify failed, rolled back: deployment/api in production — deployment/api: container app CrashLoopBackOff (exit code 1) (<https://github.com/org/repo/actions/runs/42|run>)'
    )
    expect(payload.blocks[0]).toEqual({
      type: 'header',
      text: {
        type: 'plain_text',
        text: ':x: deploy-guard verify failed, rolled back: deployment/api in production',
        emoji: true
      }
    })
    const all = texts(payload).join('\n')
    expect(payload.blocks[1]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*Cause:* deployment/api: container app CrashLoopBackOff (exit code 1)\n*Next:* rolled back; to see why: `kubectl logs deploy/api -n production --previous`\n*Blast radius:* revision 2 serves 2 of 2 pods'
      }
    })
    expect(all).toContain('*Verdict*\nfailed')
    expect(all).toContain('*Action*\nrolled back')
    expect(all).toContain('*Environment*\nproduction')
    expect(all).toContain('`deployment/api` in `production`: `v1.2.2` → `v1.2.3`, rolled back to `v1.2.2`')
    expect(all).toContain('*Rollback*\n• rolled back deployment/api to revision 2 (restored version healthy)')
    expect(all).toContain('<https://github.com/org/repo/actions/runs/42|View run>')
    expect(all).toContain('org/repo @ `0123456789ab`')
    expect(all).toContain('by octocat')
    expectWithinSlackLimits(payload)
  })

  it('a passed run says so', () => {
    const payload = buildSlackPayload(result(), facts(result()))
    expect(payload.text).toMatch(
      /^:white_check_mark: deploy-guard verify passed: deployment\/api in production — every check passed/
    )
    expect(texts(payload).join('\n')).not.toContain('*More causes*')
  })

  it('hostile outside text cannot broadcast, mention, link or inject markup', () => {
    const hostile =
      'pod says <!channel> <!here|here> <@U0123> <https://evil.example|click> & @here @channel </table><script>alert(1)</script>'
    const run = result({ verdict: 'failed', reasons: [hostile, `second ${hostile}`] })
    const payload = buildSlackPayload(run, facts(run, { actor: '<@U999>' }))
    const all = texts(payload).join('\n')
    // The only `<` left are the links we built ourselves.
    expect(all.replace(/<https:\/\/github\.com\/org\/repo\/actions\/runs\/42\|(View run|run)>/g, '')).not.toMatch(
      /[<>]/
    )
    expect(all).toContain('&lt;!channel&gt;')
    expect(all).toContain('&lt;@\u2060U0123&gt;')
    expect(all).toContain('&amp; @\u2060here @\u2060channel')
    expect(all).not.toMatch(/@here|@channel/)
    expect(all).toContain('&lt;/table&gt;&lt;script&gt;')
  })

  it('trims a 2 MB reason, a thousand reasons and two hundred targets into Slack’s limits', () => {
    const huge = 'x'.repeat(2 * 1024 * 1024)
    const targets = Array.from({ length: 200 }, (_, i) => target(`svc-${i}`))
    const run = result({
      verdict: 'failed',
      reasons: [huge, ...Array.from({ length: 1000 }, (_, i) => `reason ${i} ${'&'.repeat(600)}`)],
      targets
    })
    const payload = buildSlackPayload(run, facts(run))
    expectWithinSlackLimits(payload)
    const all = texts(payload).join('\n')
    expect(all).toContain('… 190 more targets')
    expect(all).toMatch(/… 99\d more causes/)
    expect(all).toMatch(/more characters\)/)
    // A cut never leaves half an entity.
    for (const text of texts(payload)) expect(text).not.toMatch(/&[a-z]{0,3}(?![a-z;])/)
  })

  it('a run link that is not http(s) is not linked', () => {
    const run = result({ verdict: 'failed', reasons: ['x'] })
    const payload = buildSlackPayload(run, facts(run, { runUrl: 'javascript:alert(1)' }))
    expect(texts(payload).join('\n')).not.toContain('javascript:')
  })
})

describe('slack text helpers', () => {
  it.each([
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d'],
    ['mail me@example.com', 'mail me@example.com'],
    ['@all look', '@\u2060all look'],
    ['line\u001b[31m red', 'line red']
  ])('escapeSlack(%j)', (input, expected) => {
    expect(escapeSlack(input)).toBe(expected)
  })

  it('fitSlack never cuts inside an entity or one of our links', () => {
    expect(fitSlack('&amp;'.repeat(20), 40)).toMatch(/^(&amp;)+ … \(\d+ more characters\)$/)
    const linked = `see <https://example.com/run|the run> ${'y'.repeat(100)}`
    expect(fitSlack(linked, 60)).toBe('see  … (134 more characters)')
  })

  it('slackLink encodes characters that would end the link', () => {
    expect(slackLink('https://x.example/a|b>c', 'go | now')).toBe('<https://x.example/a%7Cb%3Ec|go ¦ now>')
  })
})

describe('notify-on', () => {
  const defaults = ['failed', 'inconclusive', 'rolled-back'] as const
  it.each([
    ['failed', result({ verdict: 'failed' }), defaults, ['failed']],
    ['inconclusive', result({ verdict: 'inconclusive' }), defaults, ['inconclusive']],
    ['passed (not asked)', result(), defaults, []],
    ['passed (asked)', result(), ['passed'] as const, ['passed']],
    ['rolled back', rolledBack(), defaults, ['failed', 'rolled-back']],
    ['rolled back, only rollbacks asked', rolledBack(), ['rolled-back'] as const, ['rolled-back']],
    ['failed, only rollbacks asked', result({ verdict: 'failed' }), ['rolled-back'] as const, []]
  ])('%s', (_name, run, notifyOn, expected) => {
    expect(matchingEvents(run, notifyOn)).toEqual(expected)
  })
})
