export { runSmokeCheck, type SmokeRunOptions } from './run.js'
export {
  evaluateSmokeResponse,
  evaluateSmokeError,
  describeSmokeExpectation,
  describeAttempts,
  type SmokeEvaluation,
  type SmokeResponse
} from './evaluate.js'
