/** Decoding request bodies into objects (JSON, or YAML when the client says so). */
import YAML from 'yaml'
import type { StoredObject } from '../store.js'
import { ApiError } from './status.js'

export function decodeObject(body: string, contentType: string | undefined): StoredObject {
  const yaml = /yaml/i.test(contentType ?? '')
  let value: unknown
  try {
    value = yaml ? YAML.parse(body) : JSON.parse(body)
  } catch (error) {
    throw new ApiError(
      400,
      'BadRequest',
      `the object provided is unrecognized (${yaml ? 'YAML' : 'JSON'} decode error): ${(error as Error).message.split('\n')[0]}`
    )
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(400, 'BadRequest', 'the object provided is unrecognized: expected a JSON object')
  }
  const object = value as StoredObject
  if (object.metadata === undefined) object.metadata = { name: '' }
  if (typeof object.metadata !== 'object' || object.metadata === null || Array.isArray(object.metadata)) {
    throw new ApiError(400, 'BadRequest', 'metadata must be an object')
  }
  return object
}

/** DeleteOptions from a DELETE body (kubectl sends one); empty or absent means defaults. */
export function decodeDeleteOptions(body: string): Record<string, unknown> {
  if (body.trim() === '') return {}
  try {
    const value: unknown = JSON.parse(body)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {}
  } catch (error) {
    throw new ApiError(400, 'BadRequest', `invalid DeleteOptions: ${(error as Error).message}`)
  }
}
