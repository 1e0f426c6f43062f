/**
 * Kubernetes `Status` bodies and the error type handlers throw to produce them. Every failure the
 * sandbox answers with goes through here, so clients see the same shape a real API server sends.
 */
import { StoreError } from '../store.js'
import type { ResourceDef } from '../resources.js'

export type StatusReason =
  | 'BadRequest'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Expired'
  | 'Invalid'
  | 'UnsupportedMediaType'
  | 'TooManyRequests'
  | 'InternalError'
  | 'ServiceUnavailable'
  | 'NotAcceptable'

export interface StatusDetails {
  name?: string
  group?: string
  kind?: string
  retryAfterSeconds?: number
  causes?: Array<{ reason?: string; message: string; field?: string }>
}

export interface StatusBody {
  kind: 'Status'
  apiVersion: 'v1'
  metadata: Record<string, never>
  status: 'Failure' | 'Success'
  message: string
  reason?: StatusReason
  details?: StatusDetails
  code: number
}

/** Thrown by handlers; the server turns it into a Status response with `code` as HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: StatusReason,
    message: string,
    readonly details?: StatusDetails
  ) {
    super(message)
  }

  toStatus(): StatusBody {
    return failureStatus(this.code, this.reason, this.message, this.details)
  }
}

export function failureStatus(
  code: number,
  reason: StatusReason,
  message: string,
  details?: StatusDetails
): StatusBody {
  const body: StatusBody = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code }
  if (details) body.details = details
  return body
}

export function successStatus(details: StatusDetails): StatusBody {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details, code: 200 } as StatusBody
}

/** `deployments.apps` style name used in messages. */
export const qualifiedResource = (r: ResourceDef): string => (r.group ? `${r.resource}.${r.group}` : r.resource)

export function notFound(r: ResourceDef, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${qualifiedResource(r)} "${name}" not found`, {
    name,
    group: r.group,
    kind: r.resource
  })
}

export function invalid(r: ResourceDef, name: string, causes: Array<{ field: string; message: string }>): ApiError {
  const text = causes.map((c) => `${c.field}: ${c.message}`).join(', ')
  const qualifiedKind = r.group ? `${r.kind}.${r.group}` : r.kind
  return new ApiError(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${text}`, {
    name,
    group: r.group,
    kind: r.kind,
    causes: causes.map((c) => ({ reason: causeReason(c.message), message: c.message, field: c.field }))
  })
}

/** metav1.CauseType from field.ErrorType, which starts every cause's message. */
function causeReason(message: string): string {
  if (message.startsWith('Required value')) return 'FieldValueRequired'
  if (message.startsWith('Forbidden')) return 'FieldValueForbidden'
  if (message.startsWith('Unsupported value')) return 'FieldValueNotSupported'
  if (message.startsWith('Duplicate value')) return 'FieldValueDuplicate'
  return 'FieldValueInvalid'
}

/** Converts a store failure to the API error with resource details filled in. */
export function fromStoreError(error: StoreError, r: ResourceDef, name: string): ApiError {
  const kind = error.reason === 'Invalid' ? r.kind : r.resource
  return new ApiError(error.code, error.reason, error.message, { name, group: r.group, kind })
}

/** Any thrown value as an ApiError (unknown failures become 500 InternalError). */
export function toApiError(error: unknown, r?: ResourceDef, name = ''): ApiError {
  if (error instanceof ApiError) return error
  if (error instanceof StoreError) {
    if (r) return fromStoreError(error, r, name)
    return new ApiError(error.code, error.reason, error.message)
  }
  const message = error instanceof Error ? error.message : String(error)
  return new ApiError(500, 'InternalError', `Internal error occurred: ${message}`)
}
