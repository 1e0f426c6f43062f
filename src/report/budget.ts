/**
 * How much of a result the job summary shows. renderSummary tries these profiles from the most to the
 * least complete and keeps the first that fits the byte limit: log tails and long tables are cut
 * first, then failure details go, then the measurement series; verdict, reasons and check tables stay.
 */
export interface Budget {
  /** Rows per check table (failed rows are kept first). */
  maxTableRows: number
  /** Characters per table cell or fact value (before escaping). */
  maxCellChars: number
  /** Lines and characters of each detail's text (log tails keep their end). */
  maxLogLines: number
  maxLogChars: number
  /** Detail items (pods, events) per failing check, and facts per item. */
  maxDetailItems: number
  maxFacts: number
  includeDetails: boolean
  /** Charts and per-measurement tables of the analysis. */
  includeSeries: boolean
  maxSeriesRows: number
  /** Reasons listed under the verdict, and characters of each. */
  maxReasons: number
  maxReasonChars: number
}

const UNLIMITED = Number.MAX_SAFE_INTEGER

export const BUDGETS: readonly Budget[] = [
  {
    maxTableRows: UNLIMITED,
    // Even the fullest profile cuts a single cell or reason: one huge value must not cost the tables.
    maxCellChars: 4000,
    maxLogLines: UNLIMITED,
    maxLogChars: UNLIMITED,
    maxDetailItems: UNLIMITED,
    maxFacts: UNLIMITED,
    includeDetails: true,
    includeSeries: true,
    maxSeriesRows: UNLIMITED,
    maxReasons: UNLIMITED,
    maxReasonChars: 4000
  },
  {
    maxTableRows: 200,
    maxCellChars: 2000,
    maxLogLines: 100,
    maxLogChars: 8000,
    maxDetailItems: 100,
    maxFacts: 30,
    includeDetails: true,
    includeSeries: true,
    maxSeriesRows: 200,
    maxReasons: 50,
    maxReasonChars: 2000
  },
  {
    maxTableRows: 50,
    maxCellChars: 500,
    maxLogLines: 20,
    maxLogChars: 2000,
    maxDetailItems: 20,
    maxFacts: 10,
    includeDetails: true,
    includeSeries: true,
    maxSeriesRows: 60,
    maxReasons: 20,
    maxReasonChars: 1000
  },
  {
    maxTableRows: 50,
    maxCellChars: 500,
    maxLogLines: 0,
    maxLogChars: 0,
    maxDetailItems: 0,
    maxFacts: 0,
    includeDetails: false,
    includeSeries: true,
    maxSeriesRows: 60,
    maxReasons: 20,
    maxReasonChars: 1000
  },
  {
    maxTableRows: 20,
    maxCellChars: 200,
    maxLogLines: 0,
    maxLogChars: 0,
    maxDetailItems: 0,
    maxFacts: 0,
    includeDetails: false,
    includeSeries: false,
    maxSeriesRows: 0,
    maxReasons: 10,
    maxReasonChars: 500
  },
  {
    maxTableRows: 5,
    maxCellChars: 80,
    maxLogLines: 0,
    maxLogChars: 0,
    maxDetailItems: 0,
    maxFacts: 0,
    includeDetails: false,
    includeSeries: false,
    maxSeriesRows: 0,
    maxReasons: 3,
    maxReasonChars: 200
  }
]
