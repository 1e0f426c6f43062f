/**
 * The sandbox's control endpoint, for tests that run the sandbox in another process
 * (`npm run sandbox`): fault rules can be added and cleared over HTTPS, authenticated with the
 * sandbox's own bearer token (the one in its kubeconfig), like every non-public path.
 *
 *   POST   /_sandbox/faults   body: one rule or a list of rules (JSON, FaultRule fields) → 201
 *   GET    /_sandbox/faults   → { pending: N }
 *   DELETE /_sandbox/faults   clears every rule → 200
 *
 * The endpoint is handled before fault matching, so a catch-all rule cannot lock the test out.
 */
import type { Reply } from './api/context.js'
import { failureStatus } from './api/status.js'
import { parseFaultRules, type FaultInjector } from './faults.js'

export const controlPath = '/_sandbox/faults'

export function handleControl(method: string, body: string, faults: FaultInjector): Reply {
  switch (method) {
    case 'GET':
      return { status: 200, json: { pending: faults.pending } }
    case 'DELETE':
      faults.clear()
      return { status: 200, json: { pending: 0 } }
    case 'POST': {
      let rules
      try {
        rules = parseFaultRules(JSON.parse(body) as unknown)
      } catch (error) {
        return { status: 400, json: failureStatus(400, 'BadRequest', `fault rules: ${(error as Error).message}`) }
      }
      for (const rule of rules) faults.add(rule)
      return { status: 201, json: { added: rules.length, pending: faults.pending } }
    }
    default:
      return {
        status: 405,
        json: failureStatus(405, 'MethodNotAllowed', `${method} is not supported on ${controlPath}`)
      }
  }
}
