import { describe, expect, it } from '@jest/globals'
import { strategicMergePatch, type JsonObject } from './api/patch/strategic.js'
import { mergePatch } from './api/patch/merge.js'

const pod = (containers: JsonObject[], extra: JsonObject = {}): JsonObject => ({
  spec: { template: { spec: { containers, ...extra } } }
})

const base: JsonObject = pod(
  [
    {
      name: 'app',
      image: 'app:1',
      env: [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' }
      ],
      ports: [{ containerPort: 80, protocol: 'TCP' }]
    },
    { name: 'side', image: 'side:1' }
  ],
  { volumes: [{ name: 'data', emptyDir: {} }], tolerations: [{ key: 'a' }] }
)

describe('strategic merge patch', () => {
  it.each<[string, JsonObject, JsonObject, string?]>([
    [
      'merges containers by name, keeping unmentioned fields and containers',
      pod([{ name: 'app', image: 'app:2' }]),
      pod(
        [
          {
            name: 'app',
            image: 'app:2',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' }
            ],
            ports: [{ containerPort: 80, protocol: 'TCP' }]
          },
          { name: 'side', image: 'side:1' }
        ],
        { volumes: [{ name: 'data', emptyDir: {} }], tolerations: [{ key: 'a' }] }
      )
    ],
    [
      'orders by $setElementOrder (kubectl set image)',
      {
        spec: {
          template: {
            spec: {
              '$setElementOrder/containers': [{ name: 'side' }, { name: 'app' }],
              containers: [{ name: 'side', image: 'side:2' }]
            }
          }
        }
      },
      pod(
        [
          { name: 'side', image: 'side:2' },
          {
            name: 'app',
            image: 'app:1',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' }
            ],
            ports: [{ containerPort: 80, protocol: 'TCP' }]
          }
        ],
        {
          volumes: [{ name: 'data', emptyDir: {} }],
          tolerations: [{ key: 'a' }]
        }
      )
    ],
    [
      'deletes a list element with $patch: delete',
      pod([{ name: 'side', $patch: 'delete' }]),
      pod(
        [
          {
            name: 'app',
            image: 'app:1',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' }
            ],
            ports: [{ containerPort: 80, protocol: 'TCP' }]
          }
        ],
        {
          volumes: [{ name: 'data', emptyDir: {} }],
          tolerations: [{ key: 'a' }]
        }
      )
    ],
    [
      'merges env by name: update one, add one, delete one with null-free $patch',
      pod([
        {
          name: 'app',
          env: [
            { name: 'B', value: '20' },
            { name: 'C', value: '3' },
            { name: 'A', $patch: 'delete' }
          ]
        }
      ]),
      pod(
        [
          {
            name: 'app',
            image: 'app:1',
            env: [
              { name: 'B', value: '20' },
              { name: 'C', value: '3' }
            ],
            ports: [{ containerPort: 80, protocol: 'TCP' }]
          },
          { name: 'side', image: 'side:1' }
        ],
        { volumes: [{ name: 'data', emptyDir: {} }], tolerations: [{ key: 'a' }] }
      )
    ],
    [
      'merges container ports by containerPort and volumes by name; replaces lists without a merge key',
      pod([{ name: 'app', ports: [{ containerPort: 443 }] }], {
        volumes: [{ name: 'cache', emptyDir: {} }],
        tolerations: [{ key: 'b' }]
      }),
      pod(
        [
          {
            name: 'app',
            image: 'app:1',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' }
            ],
            ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443 }]
          },
          { name: 'side', image: 'side:1' }
        ],
        {
          volumes: [
            { name: 'data', emptyDir: {} },
            { name: 'cache', emptyDir: {} }
          ],
          tolerations: [{ key: 'b' }]
        }
      )
    ],
    [
      'replaces a whole list with a $patch: replace element',
      pod([{ $patch: 'replace' }, { name: 'only', image: 'only:1' }]),
      pod([{ name: 'only', image: 'only:1' }], {
        volumes: [{ name: 'data', emptyDir: {} }],
        tolerations: [{ key: 'a' }]
      })
    ],
    [
      'replaces a map with $patch: replace and removes keys set to null',
      { spec: { template: { spec: { $patch: 'replace', containers: [{ name: 'x', image: 'x' }] } } } },
      pod([{ name: 'x', image: 'x' }])
    ],
    [
      'keeps only $retainKeys in a map',
      { spec: { template: { spec: { $retainKeys: ['containers'], containers: [{ name: 'app', image: 'app:3' }] } } } },
      pod([
        {
          name: 'app',
          image: 'app:3',
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '2' }
          ],
          ports: [{ containerPort: 80, protocol: 'TCP' }]
        },
        { name: 'side', image: 'side:1' }
      ])
    ]
  ])('%s', (_name, patch, expected) => {
    expect(strategicMergePatch(base, patch, 'Deployment')).toEqual(expected)
  })

  it('merges finalizers as a set and removes with $deleteFromPrimitiveList', () => {
    const original = { metadata: { finalizers: ['a', 'b'] } }
    expect(strategicMergePatch(original, { metadata: { finalizers: ['b', 'c'] } }, 'ConfigMap')).toEqual({
      metadata: { finalizers: ['a', 'b', 'c'] }
    })
    expect(
      strategicMergePatch(original, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } }, 'ConfigMap')
    ).toEqual({ metadata: { finalizers: ['b'] } })
  })

  it('merges Service ports by port and conditions by type', () => {
    const svc = {
      spec: { ports: [{ port: 80, name: 'http' }] },
      status: { conditions: [{ type: 'A', status: 'False' }] }
    }
    expect(
      strategicMergePatch(
        svc,
        { spec: { ports: [{ port: 80, targetPort: 8080 }] }, status: { conditions: [{ type: 'A', status: 'True' }] } },
        'Service'
      )
    ).toEqual({
      spec: { ports: [{ port: 80, name: 'http', targetPort: 8080 }] },
      status: { conditions: [{ type: 'A', status: 'True' }] }
    })
  })

  it('does not mutate its input', () => {
    const copy = structuredClone(base)
    strategicMergePatch(base, pod([{ name: 'app', image: 'z' }]), 'Deployment')
    expect(base).toEqual(copy)
  })
})

describe('JSON merge patch (RFC 7386)', () => {
  it.each<[JsonObject, JsonObject, JsonObject]>([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: ['b'] }, { a: ['c', 'd'] }, { a: ['c', 'd'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }]
  ])('%j + %j = %j', (target, patch, expected) => {
    expect(mergePatch(target, patch)).toEqual(expected)
  })
})
