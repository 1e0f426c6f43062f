/**
 * The sandbox rejects what a real kube-apiserver (1.32) rejects, with the same Status: wrong JSON
 * types, unknown fields under strict field validation (a Warning otherwise), negative replicas,
 * maxSurge = maxUnavailable = 0, immutable selectors and StatefulSet fields, and a failed JSON-patch
 * `test`. Raw HTTP shows the Status bodies; the real kubectl shows what a user sees.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { apiRequest, startApiOnly, type ApiOnlySandbox } from './api-harness.js'
import { runKubectl, type KubectlRun } from './kubectl-harness.js'

let sandbox: ApiOnlySandbox

const kubectl = (...args: string[]) => runKubectl(sandbox, ...args)

const deploymentPath = '/apis/apps/v1/namespaces/default/deployments'
const statefulSetPath = '/apis/apps/v1/namespaces/default/statefulsets'

const deployment = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'img:1' }] } },
    ...extra
  }
})

beforeAll(async () => {
  sandbox = await startApiOnly()
  for (const name of ['web', 'typed']) {
    const created = await apiRequest(sandbox, 'POST', deploymentPath, { body: deployment(name) })
    expect(created.status).toBe(201)
  }
  const sts = await apiRequest(sandbox, 'POST', statefulSetPath, {
    body: {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        replicas: 1,
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'db:1' }] } }
      }
    }
  })
  expect(sts.status).toBe(201)
})

afterAll(async () => {
  await sandbox?.stop()
})

describe('wrong JSON types', () => {
  it('a merge patch with replicas "three" is 422 Invalid (patch: Invalid value) and changes nothing', async () => {
    const res = await apiRequest(sandbox, 'PATCH', `${deploymentPath}/typed`, {
      body: { spec: { replicas: 'three' } },
      contentType: 'application/merge-patch+json'
    })
    expect(res.status).toBe(422)
    expect(res.json).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Invalid',
      code: 422,
      details: { causes: [{ reason: 'FieldValueInvalid', field: 'patch' }] }
    })
    const message = String(res.json!.message)
    expect(message.startsWith(' "" is invalid: patch: Invalid value: "{')).toBe(true)
    expect(message).toContain('\\"replicas\\":\\"three\\"')
    expect(
      message.endsWith(
        ': json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'
      )
    ).toBe(true)
    const after = await apiRequest(sandbox, 'GET', `${deploymentPath}/typed`)
    expect((after.json!.spec as { replicas: number }).replicas).toBe(2)
  })

  it('a POST with a string for an int32 is 400 "cannot be handled as a Deployment"', async () => {
    const body = deployment('bad')
    ;(body.spec as Record<string, unknown>).replicas = 'three'
    const res = await apiRequest(sandbox, 'POST', deploymentPath, { body })
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({
      reason: 'BadRequest',
      message:
        'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'
    })
  })

  it('kubectl patch (strategic) with a string replicas fails with the converter\'s "unrecognized type: int32"', async () => {
    const run = await kubectl('patch', 'deployment', 'typed', '-p', '{"spec":{"replicas":"three"}}')
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('is invalid: patch: Invalid value: "map[')
    expect(run.stderr).toContain('unrecognized type: int32')
  })
})

describe('unknown fields', () => {
  it('fieldValidation=Strict → 400 strict decoding error naming every unknown field', async () => {
    const body = deployment('strict')
    ;(body.spec as Record<string, unknown>).foo = 1
    ;(
      body.spec as { template: { spec: { containers: Array<Record<string, unknown>> } } }
    ).template.spec.containers[0]!.imagee = 'x'
    const res = await apiRequest(sandbox, 'POST', `${deploymentPath}?fieldValidation=Strict`, { body })
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({
      reason: 'BadRequest',
      message:
        // in document order, as the decoder meets them (spec.foo was added after the template)
        'strict decoding error: unknown field "spec.template.spec.containers[0].imagee", unknown field "spec.foo"'
    })
  })

  it('the default (Warn) accepts, drops the field and sends a Warning header kubectl prints', async () => {
    const res = await apiRequest(sandbox, 'PATCH', `${deploymentPath}/web`, {
      body: { spec: { foo: 1 } },
      contentType: 'application/merge-patch+json'
    })
    expect(res.status).toBe(200)
    expect(res.headers.warning).toBe('299 - "unknown field \\"spec.foo\\""')
    expect((res.json!.spec as Record<string, unknown>).foo).toBeUndefined()
    const run = await kubectl('patch', 'deployment', 'web', '--type', 'merge', '-p', '{"spec":{"bar":true}}')
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('Warning: unknown field "spec.bar"')
  })

  it('kubectl apply (which sends fieldValidation=Strict) refuses an unknown field', async () => {
    const manifest = JSON.stringify({
      ...deployment('applied'),
      spec: { ...(deployment('applied').spec as object), replica: 3 }
    })
    const run = await new Promise<KubectlRun>((resolve) => {
      const child = execFile(
        'kubectl',
        ['--kubeconfig', sandbox.kubeconfigPath, 'apply', '-f', '-'],
        { timeout: 60000 },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr })
      )
      child.stdin!.end(manifest)
    })
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('strict decoding error: unknown field "spec.replica"')
  })
})

describe('semantic validation', () => {
  it('negative replicas → 422 with the field error', async () => {
    const res = await apiRequest(sandbox, 'PATCH', `${deploymentPath}/web`, {
      body: { spec: { replicas: -1 } },
      contentType: 'application/merge-patch+json'
    })
    expect(res.status).toBe(422)
    expect(res.json).toMatchObject({
      reason: 'Invalid',
      message: 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      details: {
        name: 'web',
        group: 'apps',
        kind: 'Deployment',
        causes: [
          {
            reason: 'FieldValueInvalid',
            field: 'spec.replicas',
            message: 'Invalid value: -1: must be greater than or equal to 0'
          }
        ]
      }
    })
  })

  it('maxSurge = maxUnavailable = 0 → kubectl shows the IntOrString error', async () => {
    const run = await kubectl(
      'patch',
      'deployment',
      'web',
      '-p',
      '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":0,"maxUnavailable":0}}}}'
    )
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain(
      'The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0'
    )
  })

  it('a Deployment selector is immutable', async () => {
    const run = await kubectl(
      'patch',
      'deployment',
      'web',
      '--type',
      'merge',
      '-p',
      '{"spec":{"selector":{"matchLabels":{"app":"web","tier":"x"}},"template":{"metadata":{"labels":{"app":"web","tier":"x"}}}}}'
    )
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain(
      'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable'
    )
  })

  it('a StatefulSet allows only replicas, template, updateStrategy … to change', async () => {
    const res = await apiRequest(sandbox, 'PATCH', `${statefulSetPath}/db`, {
      body: { spec: { serviceName: 'other' } },
      contentType: 'application/merge-patch+json'
    })
    expect(res.status).toBe(422)
    expect(res.json).toMatchObject({
      message:
        "StatefulSet.apps \"db\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      details: { causes: [{ reason: 'FieldValueForbidden', field: 'spec' }] }
    })
    const scaled = await kubectl('scale', 'statefulset', 'db', '--replicas=2')
    expect(scaled.code).toBe(0)
  })
})

describe('JSON patch test operation', () => {
  it('a failed test → 422 "the server rejected our request…" with the json-patch error as cause', async () => {
    const res = await apiRequest(sandbox, 'PATCH', `${deploymentPath}/web`, {
      body: [
        { op: 'test', path: '/spec/replicas', value: 7 },
        { op: 'replace', path: '/spec/replicas', value: 3 }
      ],
      contentType: 'application/json-patch+json'
    })
    expect(res.status).toBe(422)
    expect(res.json).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Invalid',
      code: 422,
      message: 'the server rejected our request due to an error in our request',
      details: {
        causes: [{ reason: 'UnexpectedServerResponse', message: 'testing value /spec/replicas failed: test failed' }]
      }
    })
    const run = await kubectl(
      'patch',
      'deployment',
      'web',
      '--type',
      'json',
      '-p',
      '[{"op":"test","path":"/metadata/uid","value":"nope"}]'
    )
    expect(run.code).not.toBe(0)
    // kubectl words a 422 without kind or name from its cause, as it does against a real server
    expect(run.stderr).toContain('The request is invalid: : testing value /metadata/uid failed: test failed')
  })
})
