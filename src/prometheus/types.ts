/**
 * Shapes of the Prometheus HTTP API (`/api/v1/query`, `/api/v1/query_range`) as this client returns
 * them, and the small interface the analysis loop depends on (so it can be tested with a fake).
 * Sample values stay strings, as Prometheus sends them ("0.5", "NaN", "+Inf"); see result.ts.
 */

/** `[unix seconds, value as string]`. */
export type SamplePair = [number, string]

export interface VectorSample {
  metric: Record<string, string>
  value: SamplePair
}

export interface MatrixSeries {
  metric: Record<string, string>
  values: SamplePair[]
}

export type QueryData =
  | { resultType: 'vector'; result: VectorSample[] }
  | { resultType: 'matrix'; result: MatrixSeries[] }
  | { resultType: 'scalar'; result: SamplePair }
  | { resultType: 'string'; result: SamplePair }

export interface QueryResult {
  data: QueryData
  /** Warnings Prometheus attached to a successful answer (e.g. partial responses in Thanos). */
  warnings: string[]
}

/** What the analysis loop needs from Prometheus; `PrometheusClient` implements it. */
export interface PrometheusQuerier {
  instantQuery(query: string, time?: Date): Promise<QueryResult>
  rangeQuery(query: string, start: Date, end: Date, stepSeconds: number): Promise<QueryResult>
  /** Link to the Prometheus graph page for `query` between `start` and `end`. */
  graphUrl(query: string, start: Date, end: Date): string
  /**
   * Checks once, before the first measurement, that Prometheus can be queried at all; rejects with a
   * one-line message (`Prometheus at URL unreachable: CAUSE`) when it cannot, so an analysis fails
   * fast instead of spending its whole error budget. Optional: fakes may leave it out.
   */
  probe?(): Promise<void>
}
