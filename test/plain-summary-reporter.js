// Prints the plain closing line CI tools recognise in any language ("N passed, N failed"), after
// jest's own summary, so a run that executed no test can never pass for one that did.
export default class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`
    // At exit, so it comes after jest's own summary (which its SummaryReporter prints last).
    process.once('exit', () => process.stdout.write(`\n${line}\n`))
  }
}
