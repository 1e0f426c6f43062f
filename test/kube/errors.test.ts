import { describe, expect, it } from '@jest/globals'
import { RetryAfterKubeApiError, errorForAbort, errorForStatus, errorForTransport } from '../../src/kube/errors.js'
import { parseRetryAfter } from '../../src/util/retry-after.js'
import { KubeRequestAbortedError } from '../../src/kube/api.js'

const d = { verb: 'list', resource: 'pods', group: '', namespace: 'prod', server: 'https://k8s.example:6443' }
const status = (message: string) => JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message })

describe('errorForStatus', () => {
  it.each([
    [
      404,
      { ...d, verb: 'get', resource: 'deployments', group: 'apps', name: 'api' },
      'not-found',
      'deployments.apps "api" not found in namespace "prod"',
      false
    ],
    [
      403,
      d,
      'forbidden',
      'forbidden: cannot list pods in namespace "prod" — grant verbs ["list"] on resources ["pods"] (apiGroups [""])',
      false
    ],
    [
      403,
      { ...d, namespace: undefined, resource: 'namespaces' },
      'forbidden',
      'forbidden: cannot list namespaces at cluster scope — grant verbs ["list"] on resources ["namespaces"] (apiGroups [""])',
      false
    ],
    [
      401,
      d,
      'unauthorized',
      'the Kubernetes API at https://k8s.example:6443 rejected the credentials (401 Unauthorized); check the kubeconfig user',
      false
    ],
    [409, d, 'conflict', 'conflict: the object has been modified', false],
    [422, d, 'invalid', 'invalid request to list pods (422): the object has been modified', false],
    [400, d, 'invalid', 'invalid request to list pods (400): the object has been modified', false],
    [
      500,
      d,
      'server-error',
      'the Kubernetes API at https://k8s.example:6443 answered 500 to list pods: the object has been modified',
      true
    ],
    [
      429,
      d,
      'server-error',
      'the Kubernetes API at https://k8s.example:6443 answered 429 to list pods: the object has been modified',
      true
    ]
  ])('%d → %s', (code, desc, reason, message, transient) => {
    const error = errorForStatus(code, status('the object has been modified'), desc)
    expect([error.reason, error.message, error.transient, error.status]).toEqual([reason, message, transient, code])
  })

  it('keeps Retry-After for 429/503', () => {
    const error = errorForStatus(429, status('slow down'), d, { 'retry-after': '2' })
    expect(error).toBeInstanceOf(RetryAfterKubeApiError)
    expect((error as RetryAfterKubeApiError).retryAfterMs).toBe(2000)
    expect(parseRetryAfter('Wed, 01 May 2024 12:00:05 GMT', Date.parse('2024-05-01T12:00:00Z'))).toBe(5000)
    expect(parseRetryAfter(undefined)).toBeUndefined()
  })
})

describe('errorForTransport', () => {
  it('names the server for refused connections and TLS failures; both are transient', () => {
    const refused = errorForTransport(
      Object.assign(new TypeError('fetch failed'), {
        cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:6443' }
      }),
      d
    )
    expect([refused.reason, refused.message, refused.transient]).toEqual([
      'unreachable',
      'cannot reach the Kubernetes API at https://k8s.example:6443: connect ECONNREFUSED 127.0.0.1:6443',
      true
    ])
    const tls = errorForTransport(
      Object.assign(new TypeError('fetch failed'), {
        cause: { code: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'self-signed certificate in certificate chain' }
      }),
      d
    )
    expect(tls.message).toContain('SELF_SIGNED_CERT_IN_CHAIN')
  })

  it.each([
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', "the server's certificate is not signed by a trusted CA"],
    ['SELF_SIGNED_CERT_IN_CHAIN', "the server's certificate is not signed by a trusted CA"],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', "the server's certificate is not signed by a trusted CA"],
    ['ERR_TLS_CERT_ALTNAME_INVALID', "the server's certificate is not valid for this host name"],
    ['CERT_HAS_EXPIRED', "the server's certificate is outside its validity period"]
  ])('treats the TLS verification failure %s as permanent, naming the kubeconfig field', (code, hint) => {
    // node:https puts the code on the error (native.ts wraps it as `cause`); undici nests it deeper.
    for (const error of [
      new Error('x', { cause: Object.assign(new Error('tls'), { code }) }),
      Object.assign(new TypeError('fetch failed'), { cause: new Error('y', { cause: { code } }) })
    ]) {
      const e = errorForTransport(error, d)
      expect([e.reason, e.transient]).toEqual(['tls', false])
      expect(e.message).toBe(
        `cannot verify the TLS certificate of the Kubernetes API at https://k8s.example:6443 (${code}): ${hint}; check the cluster's certificate-authority-data (or certificate-authority, tls-server-name) in the kubeconfig`
      )
    }
  })
  it('classifies aborted requests as timeouts', () => {
    const error = errorForTransport(
      Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }),
      d
    )
    expect([error.reason, error.transient]).toEqual(['timeout', true])
  })

  it('words an abort by what fired: a deadline (TimeoutError) or a cancellation', () => {
    const get = { ...d, verb: 'get', resource: 'deployments', group: 'apps', name: 'api' }
    const deadline = errorForAbort(AbortSignal.abort(new DOMException('late', 'TimeoutError')), get)
    expect(deadline).toBeInstanceOf(KubeRequestAbortedError)
    expect([deadline.by, deadline.reason, deadline.message]).toEqual([
      'deadline',
      'timeout',
      'the Kubernetes API at https://k8s.example:6443 did not answer get deployments.apps "api" in namespace "prod" before the deadline'
    ])
    const cancelled = errorForAbort(AbortSignal.abort(), get)
    expect([cancelled.by, cancelled.message]).toEqual([
      'cancelled',
      'get deployments.apps "api" in namespace "prod" at https://k8s.example:6443 was cancelled'
    ])
  })
})
