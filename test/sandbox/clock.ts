/**
 * Controller time. The sandbox's controller measures durations (ready delays, back-off, progress
 * deadlines) on a clock that can run `scale` times faster than wall time, so a 600 s progress deadline
 * passes in 0.6 s of test time at scale 1000. Timestamps written into objects stay real wall-clock
 * ISO times, so their meaning ("since the rollout began") does not change.
 */
export class ControllerClock {
  private readonly origin = Date.now()

  constructor(readonly scale = 1) {
    if (!(scale > 0)) throw new Error(`time scale must be > 0, got ${scale}`)
  }

  /** Controller milliseconds elapsed since the sandbox started. */
  now(): number {
    return (Date.now() - this.origin) * this.scale
  }

  /** Controller milliseconds elapsed since a wall-clock instant (e.g. an object's timestamp). */
  elapsedSince(wallMs: number): number {
    return (Date.now() - wallMs) * this.scale
  }

  /** Wall milliseconds that `controllerMs` of controller time take. */
  toWall(controllerMs: number): number {
    return controllerMs / this.scale
  }

  /** Real timestamp (ISO, second precision like the API server). */
  timestamp(date = new Date()): string {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
  }
}
