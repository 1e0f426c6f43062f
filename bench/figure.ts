/** One printed benchmark figure. Benchmarks report numbers; they never pass or fail. */
export interface BenchFigure {
  name: string
  value: number
  unit: string
  note?: string
}
