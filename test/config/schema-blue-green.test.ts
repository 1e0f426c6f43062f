import { describe, expect, it } from '@jest/globals'
import { blueGreenSchema } from '../../src/config/schema-blue-green.js'

const schema = blueGreenSchema({})

describe('canary.blueGreen schema', () => {
  it('fills the defaults: blue kept up 30 s, analyses over the configured count', () => {
    expect(schema.parse({ activeService: 'web' })).toEqual({ activeService: 'web', scaleDownDelay: 30_000 })
  })

  it('reads durations in ms and 0 as "leave blue running"', () => {
    expect(
      schema.parse({
        activeService: 'web',
        previewService: 'web-preview',
        prePromotion: { pause: '1m' },
        postPromotion: { pause: '30s' },
        scaleDownDelay: 0
      })
    ).toEqual({
      activeService: 'web',
      previewService: 'web-preview',
      prePromotion: { pause: 60_000 },
      postPromotion: { pause: 30_000 },
      scaleDownDelay: 0
    })
  })

  it.each([
    { input: { activeService: 'Web_Service' }, path: ['activeService'] },
    { input: { activeService: 'web', scaleDownDelay: 'soon' }, path: ['scaleDownDelay'] },
    { input: { activeService: 'web', prePromotion: { pause: '1m', weight: 5 } }, path: ['prePromotion'] },
    { input: {}, path: ['activeService'] }
  ])('refuses $input at $path', ({ input, path }) => {
    const result = schema.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(path)
  })
})
