export const id = 948;
export const ids = [948];
export const modules = {

/***/ 948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prCommentSurface: () => (/* binding */ prCommentSurface)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/report/budget.ts
var report_budget = __webpack_require__(2585);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(6412);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/report/headline.ts + 2 modules
var headline = __webpack_require__(9213);
// EXTERNAL MODULE: ./src/report/long-strings.ts
var long_strings = __webpack_require__(2497);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/report/rollback-facts.ts
var rollback_facts = __webpack_require__(5966);
// EXTERNAL MODULE: ./src/report/sections/analysis.ts + 2 modules
var analysis = __webpack_require__(5520);
// EXTERNAL MODULE: ./src/report/sections/canary.ts
var canary = __webpack_require__(3691);
// EXTERNAL MODULE: ./src/report/sections/canary-judge.ts
var canary_judge = __webpack_require__(6765);
// EXTERNAL MODULE: ./src/report/sections/checks.ts
var sections_checks = __webpack_require__(1702);
// EXTERNAL MODULE: ./src/report/sections/rollback.ts
var rollback = __webpack_require__(2095);
// EXTERNAL MODULE: ./src/report/sections/verdict.ts
var verdict = __webpack_require__(4910);
;// CONCATENATED MODULE: ./src/report/pr-comment.ts
/**
 * The sticky PR comment: one comment per environment + target set, the newest run in full and earlier
 * runs collapsed under `<details>` (newest first, oldest dropped first), always ≤ 65,536 characters
 * (GitHub's limit for a comment body). Pure: result and facts in, Markdown out; src/github/ posts it.
 *
 * The body is built from blocks we can find again in the previous body:
 *   <!-- deploy-guard:record env=… targets=… -->          the sticky marker (first line, always)
 *   <!-- deploy-guard:run id=NONCE kind=current summary=BASE64 -->  …  <!-- /deploy-guard:run id=NONCE -->
 *   <!-- deploy-guard:run id=NONCE kind=earlier summary=BASE64 -->  …  <!-- /deploy-guard:run id=NONCE -->
 * A run block ends only at the end marker with its own random id: outside text inside a block (a log
 * line in a fenced block is literal) cannot end it early or forge a block, because it cannot know the id.
 * Everything from outside is escaped by src/report/escape.ts (Markdown, HTML, @mentions, #123).
 */














/** GitHub refuses a comment body longer than this (characters; a JS length counts at least as many). */
const MAX_COMMENT_CHARS = 65_536;
/** No single outside string is shown longer than this in the comment. */
const MAX_STRING_CHARS = 4000;
/** Room the newest run may take, so at least the earlier runs' one-line summaries still fit. */
const MAX_CURRENT_CHARS = 56_000;
/** Marker values use only [A-Za-z0-9._] and %XX: nothing that could end an HTML comment (`--`, `>`). */
const markerValue = (text) => [...new TextEncoder().encode(text)]
    .map((b) => /[A-Za-z0-9._]/.test(String.fromCharCode(b))
    ? String.fromCharCode(b)
    : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
/** The identity of a target set: order and duplicates do not matter. */
function targetSetKey(targets) {
    const keys = [...new Set(targets.map((t) => `${t.kind.toLowerCase()}/${t.name}@${t.namespace}`))].sort();
    return (0,external_node_crypto_.createHash)('sha256').update(keys.join('\n')).digest('hex').slice(0, 16);
}
/** The hidden marker that makes a comment "the record of this environment and target set". */
function commentMarker(environment, targets) {
    return `<!-- deploy-guard:record env=${markerValue((0,report_escape/* truncate */.xv)(environment ?? '', 200))} targets=${targetSetKey(targets)} -->`;
}
// ---- the newest run ---------------------------------------------------------------------------------
function versionText(target, budget) {
    const images = Object.entries(target.images ?? {});
    const before = target.previous;
    const changed = images.filter(([name, image]) => before?.images[name] !== undefined && before.images[name] !== image);
    const shown = (changed.length ? changed : images).slice(0, 1);
    const more = (changed.length || images.length) - shown.length;
    const cell = (text) => (0,report_escape/* codeSpan */.SS)((0,report_escape/* truncate */.xv)(text, budget.maxCellChars));
    const parts = shown.map(([name, image]) => {
        const old = before?.images[name];
        return old !== undefined && old !== image ? `${cell(old)} → ${cell(image)}` : cell(image);
    });
    if (more > 0)
        parts.push(`+${more} more`);
    const revision = target.revision
        ? before
            ? `revision ${(0,report_escape/* escapeMarkdownText */.m4)(before.revision)} → ${(0,report_escape/* escapeMarkdownText */.m4)(target.revision)}`
            : `revision ${(0,report_escape/* escapeMarkdownText */.m4)(target.revision)}`
        : '';
    return [...parts, revision].filter(Boolean).join('<br>') || '—';
}
function checksText(target) {
    const counts = new Map();
    for (const check of target.checks)
        counts.set(check.status, (counts.get(check.status) ?? 0) + 1);
    const order = ['failed', 'inconclusive', 'passed', 'skipped'];
    const parts = order.filter((s) => counts.get(s)).map((s) => `${format/* STATUS_ICON */.tW[s]} ${counts.get(s)} ${s}`);
    return parts.join(' · ') || '—';
}
function rollbackText(t) {
    if (!t)
        return '—';
    const move = (0,report_escape/* escapeMarkdownText */.m4)((0,rollback_facts/* revisionMoveText */.Wh)(t));
    if (!(0,rollback_facts/* hasLanded */.hb)(t))
        return `${rollback_facts/* STATE_ICON */.S7[t.state]} ${(0,report_escape/* codeSpan */.SS)(t.state)}`;
    const restored = t.restoredVerdict
        ? `${format/* VERDICT_ICON */.YY[t.restoredVerdict]} restored ${t.restoredVerdict}`
        : '⚠️ restored, not verified';
    return `${rollback_facts/* STATE_ICON */.S7[t.state]} ${move}<br>${restored}`;
}
/** Component, environment, namespace, old → new, checks, rollback: one row per target. */
function recordTable(result, facts, budget) {
    const env = facts.environment ? (0,report_escape/* codeSpan */.SS)((0,report_escape/* truncate */.xv)(facts.environment, budget.maxCellChars)) : '—';
    const { items, omitted } = (0,markdown/* selectItems */.rM)(result.targets, budget.maxTableRows, (t) => t.checks.some((c) => c.status === 'failed' || c.status === 'inconclusive'));
    const rows = items.map((t) => [
        (0,report_escape/* codeSpan */.SS)((0,report_escape/* truncate */.xv)((0,format/* targetLabel */.Op)(t.ref), budget.maxCellChars)),
        env,
        (0,report_escape/* codeSpan */.SS)((0,report_escape/* truncate */.xv)(t.ref.namespace, budget.maxCellChars)),
        versionText(t, budget),
        checksText(t),
        rollbackText(result.rollback?.targets.find((r) => (0,format/* sameTarget */.cS)(r.ref, t.ref)))
    ]);
    const rendered = (0,markdown/* table */.tp)(['Component', 'Environment', 'Namespace', 'Version', 'Checks', 'Rollback'], rows);
    return omitted ? `${rendered}\n\n_… ${omitted.toLocaleString('en-US')} more targets not shown._` : rendered;
}
function footer(result, facts) {
    const parts = [];
    if (facts.runUrl)
        parts.push((0,report_escape/* link */.nf)(facts.runUrl, 'workflow run'));
    if (facts.actor)
        parts.push(`by ${(0,report_escape/* escapeMarkdownText */.m4)(`@${(0,report_escape/* truncate */.xv)(facts.actor, 100)}`)}`);
    if (facts.sha) {
        const short = facts.sha.slice(0, 7);
        parts.push(`commit ${facts.commitUrl ? (0,report_escape/* link */.nf)(facts.commitUrl, short) : (0,report_escape/* codeSpan */.SS)(short)}`);
    }
    const duration = (0,format/* formatDuration */.a3)(result.startedAt, result.finishedAt);
    parts.push((0,report_escape/* escapeMarkdownText */.m4)(`${result.startedAt.slice(0, 10)} ${(0,format/* formatClock */.ei)(result.startedAt)} → ${(0,format/* formatClock */.ei)(result.finishedAt)} UTC${duration ? ` (${duration})` : ''}`));
    return `<sub>${parts.join(' · ')}</sub>`;
}
/** The line an earlier run shows collapsed: verdict, command, environment, time, commit. */
function runSummaryLine(result, facts) {
    const parts = [`${format/* VERDICT_ICON */.YY[result.verdict]} <b>${result.verdict}</b>`, `deploy-guard ${result.command}`];
    if (result.action !== 'none')
        parts.push((0,report_escape/* escapeMarkdownText */.m4)(result.action));
    parts.push((0,report_escape/* escapeMarkdownText */.m4)(`${result.finishedAt.slice(0, 10)} ${(0,format/* formatClock */.ei)(result.finishedAt)} UTC`));
    if (facts.sha)
        parts.push((0,report_escape/* codeSpan */.SS)(facts.sha.slice(0, 7)));
    return parts.join(' · ');
}
function renderCurrent(result, facts, budget, headline, trimmed, causes) {
    const title = `deploy-guard ${result.command}${facts.environment ? ` · ${facts.environment}` : ''}`;
    const head = headline ?? (0,verdict/* renderVerdict */.g)(result, (0,report_escape/* truncate */.xv)(title, 300), budget, causes).replace(/^## /, '### ');
    const blocks = [head, recordTable(result, facts, budget)];
    blocks.push((0,rollback/* renderRollback */.x)(result, budget));
    // A canary's steps (weights, outcomes, the judge's per-metric evidence) one click away; the headline says where it stopped.
    if (result.canary?.steps.length)
        blocks.push((0,markdown/* detailsBlock */.g4)(`Canary steps (${result.canary.steps.length} of ${result.canary.plannedSteps})`, [(0,canary/* renderCanary */.P)(result.canary), (0,canary_judge/* renderCanaryJudge */.e)(result.canary)].filter(Boolean).join('\n\n'), false));
    // The headline already gives the cause and what was done; the full checklist and the charts stay one
    // click away, so a failed run's record does not repeat the whole job summary in the PR.
    const checks = (0,sections_checks/* renderChecks */.gH)(result, budget, causes);
    const count = result.targets.reduce((n, t) => n + t.checks.length, result.checks.length);
    if (checks)
        blocks.push((0,markdown/* detailsBlock */.g4)(`Checks (${count})`, checks, false));
    if (result.analysis)
        blocks.push((0,markdown/* detailsBlock */.g4)(`Analysis (${result.analysis.checks.length} queries)`, (0,analysis/* renderAnalysis */.fA)(result.analysis, budget), false));
    if (trimmed) {
        const where = facts.runUrl
            ? `the ${(0,report_escape/* link */.nf)(facts.runUrl, 'workflow run')}'s job summary and JSON record`
            : 'the job summary and JSON record';
        blocks.push(`_Long tables were trimmed to fit a PR comment; ${where} have everything._`);
    }
    blocks.push(footer(result, facts));
    return blocks.filter(Boolean).join('\n\n');
}
/** The leanest form: headline, record table and a pointer to the run. */
function renderMinimal(result, facts, headline) {
    const leanest = {
        ...report_budget/* BUDGETS */.b[report_budget/* BUDGETS */.b.length - 1],
        maxTableRows: 20,
        maxReasons: 5,
        maxCellChars: 200,
        maxReasonChars: 500
    };
    const title = `deploy-guard ${result.command}${facts.environment ? ` · ${facts.environment}` : ''}`;
    const head = headline && headline.length <= 8000
        ? headline
        : (0,verdict/* renderVerdict */.g)(result, (0,report_escape/* truncate */.xv)(title, 300), leanest).replace(/^## /, '### ');
    const where = facts.runUrl ? (0,report_escape/* link */.nf)(facts.runUrl, 'the workflow run') : 'the job summary';
    return [
        head,
        recordTable(result, facts, leanest),
        `_Details did not fit a PR comment; see ${where}._`,
        footer(result, facts)
    ].join('\n\n');
}
/** The newest run's Markdown, within `maxChars`: the fullest budget that fits, else the minimal form. */
function renderRunRecord(full, facts, options = {}) {
    const result = (0,long_strings/* capLongStrings */.r)(full, MAX_STRING_CHARS);
    const max = options.maxChars ?? MAX_CURRENT_CHARS;
    // The causes depend on the result only: grouped once, not once per budget tried.
    const causes = (0,headline/* causesOf */.cZ)(result);
    for (const [i, budget] of report_budget/* BUDGETS */.b.entries()) {
        const text = renderCurrent(result, facts, budget, options.headline, i > 0, causes);
        if (text.length <= max)
            return text;
    }
    const minimal = renderMinimal(result, facts, options.headline);
    return minimal.length <= max ? minimal : (0,report_escape/* truncate */.xv)(minimal, max);
}
const encodeSummary = (summary) => Buffer.from(summary, 'utf8').toString('base64');
const decodeSummary = (base64) => Buffer.from(base64, 'base64').toString('utf8');
function blockText(block, id = (0,external_node_crypto_.randomBytes)(12).toString('hex')) {
    return `<!-- deploy-guard:run id=${id} kind=${block.kind} summary=${encodeSummary(block.summary)} -->\n${block.content}\n<!-- /deploy-guard:run id=${id} -->`;
}
const START = /<!-- deploy-guard:run id=([0-9a-f]{8,64}) kind=(current|earlier) summary=([A-Za-z0-9+/=]*) -->\n/g;
/** The run blocks of one of our earlier bodies, in order (see the header for why ends carry the id). */
function parseRunBlocks(body) {
    const blocks = [];
    let from = 0;
    for (;;) {
        START.lastIndex = from;
        const start = START.exec(body);
        if (!start)
            return blocks;
        const [whole, id, kind, summary] = start;
        const end = `\n<!-- /deploy-guard:run id=${id} -->`;
        const contentStart = start.index + whole.length;
        const endAt = body.indexOf(end, contentStart);
        if (endAt < 0)
            return blocks;
        blocks.push({ kind, summary: decodeSummary(summary), content: body.slice(contentStart, endAt) });
        from = endAt + end.length;
    }
}
/** A previous run as it is kept: collapsed in full, or (when space is short) its summary line only. */
function asEarlier(block) {
    if (block.kind === 'earlier')
        return [block];
    return [{ kind: 'earlier', summary: block.summary, content: (0,markdown/* detailsBlock */.g4)(block.summary, block.content) }];
}
const summaryOnly = (block) => ({
    kind: 'earlier',
    summary: block.summary,
    content: `- ${block.summary}`
});
/** The whole comment body: marker, the newest run, earlier runs collapsed, ≤ maxChars. */
function renderPrComment(input) {
    const max = Math.min(input.maxChars ?? MAX_COMMENT_CHARS, MAX_COMMENT_CHARS);
    const current = {
        kind: 'current',
        summary: runSummaryLine(input.result, input.facts),
        content: renderRunRecord(input.result, input.facts, {
            headline: input.headline,
            maxChars: Math.min(MAX_CURRENT_CHARS, max - 2000)
        })
    };
    const earlier = input.previousBody ? parseRunBlocks(input.previousBody).flatMap(asEarlier) : [];
    const head = `${input.marker}\n${blockText(current)}`;
    const heading = '\n\n**Earlier runs** (newest first)\n\n';
    // The count of dropped runs is carried from body to body, so the note stays true after the next update.
    const droppedBefore = Number(/<!-- deploy-guard:dropped (\d{1,9}) -->/.exec(input.previousBody ?? '')?.[1] ?? 0);
    const dropNote = (n) => `\n\n<!-- deploy-guard:dropped ${n} -->\n_${n.toLocaleString('en-US')} older ${n === 1 ? 'run was' : 'runs were'} dropped to stay under GitHub's comment size limit._`;
    const reserve = heading.length + dropNote(droppedBefore + earlier.length).length;
    const kept = [];
    let used = head.length + reserve;
    let dropped = 0;
    for (const block of earlier) {
        // Newest first: a run that does not fit whole is kept as its summary line; once even that does not
        // fit, it and every older run are dropped.
        if (dropped) {
            dropped++;
            continue;
        }
        const fits = [block, summaryOnly(block)].map((b) => blockText(b)).find((t) => used + t.length + 2 <= max);
        if (fits === undefined) {
            dropped++;
            continue;
        }
        kept.push(fits);
        used += fits.length + 2;
    }
    const body = kept.length ? `${head}${heading}${kept.join('\n\n')}` : head;
    const totalDropped = droppedBefore + dropped;
    const text = totalDropped ? `${body}${dropNote(totalDropped)}` : body;
    return text.length <= max ? text : (0,report_escape/* truncate */.xv)(text, max);
}

// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/github/comment.ts
var comment = __webpack_require__(7318);
// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(3116);
// EXTERNAL MODULE: ./src/github/pr.ts
var github_pr = __webpack_require__(3437);
;// CONCATENATED MODULE: ./src/github/pr-comment-surface.ts





/** The surface, when `comment-on-pr` is not `false` and there is a token. */
function prCommentSurface(ctx, options = {}) {
    const mode = ctx.config.records?.commentOnPr ?? 'auto';
    if (mode === false)
        return undefined;
    // `auto` stays silent where no comment could be meant: no token (the action's default is the job's
    // token, so only a run outside Actions or one that cleared it), or no repository (not in Actions).
    if (!ctx.githubToken) {
        if (mode === true)
            ctx.warn('deploy-guard cannot comment on the PR: the `github-token` input is empty; pass `github-token: ${{ github.token }}`');
        return undefined;
    }
    if (mode === 'auto' && !ctx.env.GITHUB_REPOSITORY)
        return undefined;
    return {
        name: 'the PR comment',
        finish: (result) => postComment(ctx, result, options)
    };
}
async function postComment(ctx, result, options) {
    let step = { doing: 'find the pull request of this run', permission: 'pull-requests: read' };
    try {
        const facts = (0,github_pr/* runFacts */.pI)(ctx.env, (0,github_pr/* readEventPayload */.N5)(ctx.env));
        const octokit = await (options.createClient ?? client/* surfaceClient */.nM)(ctx);
        const pr = await (0,github_pr/* findPullRequest */._f)(octokit, facts, ctx.config.records?.prNumber);
        if (pr.number === undefined) {
            ctx.log(`deploy-guard: no pull request for this run (${pr.why}); no PR comment posted`);
            return;
        }
        const issue = { owner: facts.owner, repo: facts.repo, issueNumber: pr.number };
        step = { doing: `read the comments of PR #${pr.number}`, permission: 'pull-requests: read' };
        const identity = await (0,comment/* tokenIdentity */.sX)(octokit);
        const environment = ctx.config.records?.environment;
        const marker = commentMarker(environment, ctx.config.targets);
        const existing = await (0,comment/* findOwnComment */.rA)(octokit, issue, marker, identity);
        const body = renderPrComment({
            result,
            facts: { environment, runUrl: facts.runUrl, actor: facts.actor, sha: facts.sha, commitUrl: facts.commitUrl },
            marker,
            previousBody: existing?.body,
            headline: options.headline?.(result)
        });
        step = {
            doing: existing ? `update the PR comment on #${pr.number}` : `comment on PR #${pr.number}`,
            permission: 'pull-requests: write'
        };
        const done = await (0,comment/* upsertComment */.lB)(octokit, issue, existing?.id, body);
        const by = identity.source === 'assumed' ? ` (as ${identity.login}, assumed: the token could not say who it is)` : '';
        ctx.log(`deploy-guard: ${done.action} the PR comment on #${pr.number}${by}${done.url ? `: ${done.url}` : ''}`);
    }
    catch (error) {
        ctx.warn((0,errors/* describeGitHubFailure */.Po)(error, step));
    }
}


/***/ })

};
