/** Validates a Prometheus API body (already JSON-decoded) into `QueryResult`, or explains what is wrong. */
import type { MatrixSeries, QueryData, QueryResult, SamplePair, VectorSample } from './types.js'
import { isPlainObject } from '../util/plain-object.js'

export type ParsedBody =
  | { ok: true; result: QueryResult }
  | { ok: false; errorType: string; error: string }
  | { ok: 'malformed'; problem: string }

function isSamplePair(value: unknown): value is SamplePair {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'string'
}

function isLabels(value: unknown): value is Record<string, string> {
  return isPlainObject(value) && Object.values(value).every((v) => typeof v === 'string')
}

function parseData(data: unknown): QueryData | string {
  if (!isPlainObject(data)) return 'no "data" object'
  const { resultType, result } = data
  switch (resultType) {
    case 'scalar':
    case 'string':
      return isSamplePair(result) ? { resultType, result } : `a ${resultType} result that is not [time, "value"]`
    case 'vector':
      if (Array.isArray(result) && result.every((s) => isPlainObject(s) && isLabels(s.metric) && isSamplePair(s.value)))
        return { resultType, result: result as VectorSample[] }
      return 'a vector result with invalid samples'
    case 'matrix':
      if (
        Array.isArray(result) &&
        result.every(
          (s) => isPlainObject(s) && isLabels(s.metric) && Array.isArray(s.values) && s.values.every(isSamplePair)
        )
      )
        return { resultType, result: result as MatrixSeries[] }
      return 'a matrix result with invalid series'
    default:
      return `unknown resultType ${JSON.stringify(resultType)}`
  }
}

function parseWarnings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((w): w is string => typeof w === 'string') : []
}

export function parseBody(body: unknown): ParsedBody {
  if (!isPlainObject(body)) return { ok: 'malformed', problem: 'the body is not a JSON object' }
  if (body.status === 'error') {
    return {
      ok: false,
      errorType: typeof body.errorType === 'string' ? body.errorType : 'unknown',
      error: typeof body.error === 'string' ? body.error : 'no error text'
    }
  }
  if (body.status !== 'success') return { ok: 'malformed', problem: 'the body has no "status" of success or error' }
  const data = parseData(body.data)
  if (typeof data === 'string') return { ok: 'malformed', problem: data }
  return { ok: true, result: { data, warnings: parseWarnings(body.warnings) } }
}
