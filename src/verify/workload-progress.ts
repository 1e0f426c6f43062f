/** Progress lines while waiting: printed when the message changes, or every ~10 s when it does not. */
import { formatDuration } from '../evaluate/format.js'

export const PROGRESS_EVERY_MS = 10_000

export class ProgressLog {
  private last = ''
  private lastAt = Number.NEGATIVE_INFINITY

  constructor(
    private readonly log: (line: string) => void,
    private readonly prefix: string
  ) {}

  /** `deployment "api": Waiting for ... 1 of 3 updated replicas are available..., 41s` */
  update(message: string, elapsedMs: number, now: number): void {
    if (message === this.last && now - this.lastAt < PROGRESS_EVERY_MS) return
    this.last = message
    this.lastAt = now
    this.log(`${this.prefix}: ${message}, ${formatDuration(elapsedMs)}`)
  }
}
