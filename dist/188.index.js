export const id = 188;
export const ids = [188,783];
export const modules = {

/***/ 7916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eb: () => (/* binding */ versionsToRecord),
/* harmony export */   cv: () => (/* binding */ versionChanges)
/* harmony export */ });
/* unused harmony exports imageVersion, firstImageVersion, componentName */
/* harmony import */ var _report_rollback_facts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5966);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2011);


/**
 * The version an image reference names: its tag (`registry:5000/api:v1.2.3` → `v1.2.3`), else its
 * digest (`api@sha256:…` → `sha256:…`), else `latest` (what the runtime pulls for a bare name).
 */
function imageVersion(image) {
    const at = image.indexOf('@');
    const name = at >= 0 ? image.slice(0, at) : image;
    const digest = at >= 0 ? image.slice(at + 1) : '';
    // A colon after the last slash starts the tag; one before it belongs to a registry's port.
    const colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/'))
        return name.slice(colon + 1);
    return digest || 'latest';
}
/** The version of the first container's image; undefined when the images are unknown. */
function firstImageVersion(images) {
    const first = Object.values(images ?? {})[0];
    return first === undefined ? undefined : imageVersion(first);
}
/** The component name of a target in the versions file. */
const componentName = (target) => target.ref.name;
/** The version a landed rollback restored: the restored checklist's images, or the previous revision's. */
function restoredVersion(result, target) {
    const report = (result.rollback?.targets ?? []).find((t) => (0,_report_rollback_facts_js__WEBPACK_IMPORTED_MODULE_0__/* .hasLanded */ .hb)(t) &&
        t.ref.kind === target.ref.kind &&
        t.ref.name === target.ref.name &&
        t.ref.namespace === target.ref.namespace);
    if (!report)
        return undefined;
    const fromRestored = firstImageVersion(report.restored?.images);
    if (fromRestored)
        return fromRestored;
    // Not waited for: the previous revision is what the undo went to when the numbers agree.
    if (target.previous && report.toRevision !== undefined && Number(target.previous.revision) === report.toRevision) {
        return firstImageVersion(target.previous.images);
    }
    return undefined;
}
/** Old → new (and restored) per target. `versionInput` is the `version` input, when set. */
function versionChanges(result, versionInput) {
    return result.targets.map((target) => {
        const change = {
            component: componentName(target),
            target: (0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .targetLabel */ .Op)(target.ref),
            namespace: target.ref.namespace
        };
        const old = firstImageVersion(target.previous?.images);
        const current = versionInput || firstImageVersion(target.images);
        const restored = restoredVersion(result, target);
        if (old !== undefined)
            change.old = old;
        if (current !== undefined)
            change.new = current;
        if (restored !== undefined)
            change.restored = restored;
        return change;
    });
}
/** The versions to write (see the header for the rules); empty when the run claims none. */
function versionsToRecord(result, versionInput) {
    const versions = {};
    const notes = [];
    if (result.command === 'snapshot')
        return { versions, notes: ['a snapshot deploys nothing'] };
    const landed = (result.rollback?.targets ?? []).some(_report_rollback_facts_js__WEBPACK_IMPORTED_MODULE_0__/* .hasLanded */ .hb);
    if (result.verdict !== 'passed' && !landed) {
        return {
            versions,
            notes: [`the verdict is ${result.verdict} and nothing was rolled back: no new version is claimed`]
        };
    }
    for (const change of versionChanges(result, versionInput)) {
        const version = landed ? change.restored : change.new;
        if (version === undefined) {
            notes.push(landed
                ? `${change.target}: not rolled back (the run did not pass) or its restored version is unknown; left as it is`
                : `${change.target}: no image known; left as it is`);
            continue;
        }
        const existing = versions[change.component];
        if (existing !== undefined && existing !== version) {
            notes.push(`${change.target}: component ${change.component} already set to ${existing} by another target; ${version} not written`);
            continue;
        }
        versions[change.component] = version;
    }
    return { versions, notes };
}


/***/ }),

/***/ 3807:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  matchingEvents: () => (/* binding */ matchingEvents),
  notificationFacts: () => (/* binding */ notificationFacts),
  notifyEvents: () => (/* binding */ notifyEvents),
  notifySurface: () => (/* binding */ notifySurface)
});

// EXTERNAL MODULE: ./src/commands/context.ts
var context = __webpack_require__(165);
// EXTERNAL MODULE: ./src/report/rollback-facts.ts
var rollback_facts = __webpack_require__(5966);
// EXTERNAL MODULE: ./src/records/component-version.ts
var component_version = __webpack_require__(7916);
// EXTERNAL MODULE: ./src/report/headline.ts + 2 modules
var headline = __webpack_require__(9213);
;// CONCATENATED MODULE: ./src/records/notify-headline.ts

function notificationLead(result) {
    const lead = (0,headline/* headline */.Pl)(result, { maxPartChars: 1000 });
    const cause = lead.cause || result.reasons[0] || `${result.command} ${result.verdict}`;
    const more = lead.causes.length
        ? lead.causes.slice(1).map(headline/* causeLine */.mB)
        : result.reasons.filter((reason) => reason !== cause);
    return {
        cause,
        ...(lead.nextStep ? { next: lead.nextStep } : {}),
        ...(lead.blastRadius ? { blastRadius: lead.blastRadius } : {}),
        more
    };
}

// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(6412);
;// CONCATENATED MODULE: ./src/records/slack-text.ts
/**
 * Making outside text safe for Slack's `mrkdwn` (and the Slack-compatible receivers: Mattermost,
 * Rocket.Chat, Discord's /slack endpoint), and fitting it into Slack's size limits.
 *
 * Slack's rule (api.slack.com "Formatting text"): only `&`, `<` and `>` are control characters, escaped
 * as `&amp;`, `&lt;`, `&gt;`. With `<` escaped, outside text can never form a link, a `<!channel>` /
 * `<!here>` broadcast or a `<@U123>` user mention. Mattermost and Rocket.Chat also notify on a bare
 * `@channel` / `@all` / `@user`, so `@` before a word gets an invisible WORD JOINER (as on GitHub).
 */

/** Slack's documented limits (Block Kit reference, chat.postMessage). */
const SLACK_LIMITS = {
    /** The top-level `text` (Slack truncates longer messages). */
    text: 40_000,
    blocks: 50,
    /** A section block's `text`. */
    sectionText: 3_000,
    /** Each of a section's `fields`, and at most 10 of them. */
    fieldText: 2_000,
    fields: 10,
    /** A header block's plain_text. */
    headerText: 150,
    /** Elements of a context block. */
    contextElements: 10
};
const SLACK_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/** Outside text as mrkdwn: control characters gone, `& < >` escaped, mentions inert. Newlines kept. */
function escapeSlack(text) {
    return (0,report_escape/* neutraliseMentions */.yY)((0,report_escape/* stripControl */.kU)(text)).replace(/[&<>]/g, (c) => SLACK_ENTITIES[c]);
}
/** One line of outside text (a list item, a field value): like escapeSlack, line breaks become spaces. */
function escapeSlackLine(text) {
    return escapeSlack(text.replace(/\s*[\r\n\u2028\u2029\u0085]+\s*/g, ' '));
}
/** Inline code from outside text: backticks removed (they would end the span), then escaped. */
function slackCode(text) {
    const inner = escapeSlackLine(text.replace(/`/g, "'"));
    return inner ? `\`${inner}\`` : '';
}
/**
 * A link `<url|label>`. Only http(s) URLs; `|` and `>` in the URL are percent-encoded so the URL
 * cannot end the link early; the label is escaped outside text. Not a URL → the label alone.
 */
function slackLink(url, label) {
    if (!/^https?:\/\/[^\s]+$/i.test(url))
        return escapeSlackLine(label);
    const safeUrl = url.replace(/[|>]/g, (c) => encodeURIComponent(c)).replace(/</g, '%3C');
    return `<${safeUrl}|${escapeSlackLine(label).replace(/\|/g, '¦')}>`;
}
/**
 * Cuts already-escaped mrkdwn to `max` characters with a note, never inside an entity (`&amp;`), a
 * link we built (`<…|…>`) or a surrogate pair.
 */
function fitSlack(text, max) {
    if (text.length <= max)
        return text;
    const note = (n) => ` … (${n.toLocaleString('en-US')} more characters)`;
    let end = Math.max(0, max - note(text.length).length);
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end -= 1;
    let head = text.slice(0, end);
    // An entity or a link cut in half would show raw or break the rest of the message.
    head = head.replace(/&[a-z]{0,4}$/, '');
    const open = head.lastIndexOf('<');
    if (open > head.lastIndexOf('>'))
        head = head.slice(0, open);
    return head + note(text.length - head.length);
}
/** plain_text for a header: no markup is parsed there, so only control characters go and it is cut. */
function slackPlain(text, max) {
    const line = (0,report_escape/* stripControl */.kU)(text).replace(/\s+/g, ' ').trim();
    if (line.length <= max)
        return line;
    return `${line.slice(0, max - 1)}…`;
}

;// CONCATENATED MODULE: ./src/records/slack-payload.ts



/** Lines shown per list (targets, reasons, manual commands) before "… N more". */
const MAX_LIST_ITEMS = 10;
/** One list item, before escaping. */
const MAX_ITEM_CHARS = 400;
const ICON = {
    failed: ':x:',
    inconclusive: ':warning:',
    passed: ':white_check_mark:',
    'rolled-back': ':leftwards_arrow_with_hook:'
};
const mrkdwn = (text) => ({ type: 'mrkdwn', text });
const section = (text) => ({
    type: 'section',
    text: mrkdwn(fitSlack(text, SLACK_LIMITS.sectionText))
});
const field = (label, value) => mrkdwn(fitSlack(`*${label}*\n${value}`, SLACK_LIMITS.fieldText));
/** One list item of outside text, escaped and cut (after escaping, so entities stay whole). */
const item = (text) => fitSlack(escapeSlackLine(text), MAX_ITEM_CHARS);
/** Room kept for the "… N more" line. */
const MORE_LINE_ROOM = 40;
/**
 * `• a\n• b\n… 3 more targets`: at most MAX_LIST_ITEMS items, and only as many whole items as fit in
 * `budget` characters, so a long list ends with a count rather than a cut in the middle of an item.
 */
function bulletList(items, noun, budget = SLACK_LIMITS.sectionText, total = items.length) {
    const shown = [];
    let used = 0;
    for (const line of items.slice(0, MAX_LIST_ITEMS)) {
        const bullet = `• ${line}`;
        if (used + bullet.length + 1 > budget - MORE_LINE_ROOM)
            break;
        shown.push(bullet);
        used += bullet.length + 1;
    }
    if (shown.length < total)
        shown.push(`… ${total - shown.length} more ${noun}`);
    return shown.join('\n');
}
/** `` `deployment/api` in `production`: `v1.2.2` → `v1.2.3`, rolled back to `v1.2.2` `` */
function changeLine(change) {
    const parts = [`${slackCode(change.target)} in ${slackCode(change.namespace)}`];
    const versions = change.old !== undefined && change.new !== undefined && change.old !== change.new
        ? `${slackCode(change.old)} → ${slackCode(change.new)}`
        : change.new !== undefined
            ? slackCode(change.new)
            : '';
    const restored = change.restored !== undefined ? `rolled back to ${slackCode(change.restored)}` : '';
    const tail = [versions, restored].filter(Boolean).join(', ');
    return tail ? `${parts[0]}: ${tail}` : parts[0];
}
/** The notification's one-line title (also the start of `text`). */
function notificationTitle(result, facts) {
    const shown = (0,rollback_facts/* actionForText */.JG)(result);
    const rolledBack = !shown.dryRun && shown.action === 'rolled-back';
    const targets = facts.changes.map((c) => c.target);
    const where = targets.length === 0 ? '' : targets.length === 1 ? ` ${targets[0]}` : ` ${targets[0]} (+${targets.length - 1} more)`;
    const env = facts.environment ? ` in ${facts.environment}` : '';
    const dry = result.dryRun ? ' [dry run]' : '';
    return `deploy-guard ${result.command} ${result.verdict}${rolledBack ? ', rolled back' : ''}:${where}${env}${dry}`;
}
/** `*Cause:* … (`*Result:*` for a pass)\n*Next:* … `command`\n*Blast radius:* …`, each part cut to a third of the section. */
function leadText(lead, verdict) {
    const part = Math.floor(SLACK_LIMITS.sectionText / 3) - 20;
    // As the job summary labels it: a pass has a result, not a cause.
    const label = verdict === 'passed' ? 'Result' : 'Cause';
    const lines = [`*${label}:* ${fitSlack(escapeSlackLine(lead.cause), part)}`];
    if (lead.next) {
        const command = lead.next.command ? ` ${slackCode(lead.next.command)}` : '';
        lines.push(`*Next:* ${fitSlack(escapeSlackLine(lead.next.text) + command, part)}`);
    }
    if (lead.blastRadius)
        lines.push(`*Blast radius:* ${fitSlack(escapeSlackLine(lead.blastRadius), part)}`);
    return lines.join('\n');
}
function iconOf(result) {
    const shown = (0,rollback_facts/* actionForText */.JG)(result);
    if (result.verdict === 'passed' && !shown.dryRun && shown.action === 'rolled-back')
        return ICON['rolled-back'];
    return ICON[result.verdict];
}
function contextLine(facts) {
    const elements = [];
    if (facts.runUrl)
        elements.push(slackLink(facts.runUrl, 'View run'));
    if (facts.repository || facts.sha) {
        elements.push([facts.repository && escapeSlackLine(facts.repository), facts.sha && slackCode(facts.sha.slice(0, 12))]
            .filter(Boolean)
            .join(' @ '));
    }
    if (facts.actor)
        elements.push(`by ${escapeSlackLine(facts.actor)}`);
    return elements;
}
/** The webhook payload for `result`; within Slack's limits whatever the result holds. */
function buildSlackPayload(result, facts) {
    const icon = iconOf(result);
    const title = notificationTitle(result, facts);
    const shown = (0,rollback_facts/* actionForText */.JG)(result);
    const blocks = [
        {
            type: 'header',
            text: { type: 'plain_text', text: slackPlain(`${icon} ${title}`, SLACK_LIMITS.headerText), emoji: true }
        },
        section(leadText(facts.lead, result.verdict))
    ];
    const fields = [
        field('Verdict', escapeSlackLine(result.verdict)),
        field('Action', escapeSlackLine((0,format/* actionText */.K2)(shown.dryRun, shown.action)))
    ];
    if (facts.environment)
        fields.push(field('Environment', escapeSlackLine(facts.environment)));
    fields.push(field('Command', escapeSlackLine(result.command)));
    blocks.push({ type: 'section', fields: fields.slice(0, SLACK_LIMITS.fields) });
    if (facts.changes.length) {
        blocks.push(section(`*Version${facts.changes.length > 1 ? 's' : ''}*\n${bulletList(facts.changes.map(changeLine), 'targets')}`));
    }
    const rollbackTargets = result.rollback?.targets ?? [];
    if (rollbackTargets.length) {
        const clauses = rollbackTargets.map((t) => item((0,rollback_facts/* rollbackClause */.Qb)(t)));
        const manual = rollbackTargets.flatMap((t) => t.manual);
        const half = SLACK_LIMITS.sectionText / 2;
        const commands = manual.length
            ? `\nTo finish by hand:\n${bulletList(manual.map((m) => slackCode(m.slice(0, MAX_ITEM_CHARS))), 'commands', half)}`
            : '';
        blocks.push(section(`*Rollback*\n${bulletList(clauses, 'targets', half)}${commands}`));
    }
    const more = facts.lead.more;
    if (more.length) {
        // Only the items that can be shown are escaped: a run may carry thousands of long reasons.
        const listed = more.slice(0, MAX_LIST_ITEMS).map(item);
        blocks.push(section(`*More causes*\n${bulletList(listed, 'causes', SLACK_LIMITS.sectionText, more.length)}`));
    }
    const context = contextLine(facts);
    if (context.length) {
        blocks.push({
            type: 'context',
            elements: context
                .slice(0, SLACK_LIMITS.contextElements)
                .map((text) => mrkdwn(fitSlack(text, SLACK_LIMITS.fieldText)))
        });
    }
    const link = facts.runUrl ? ` (${slackLink(facts.runUrl, 'run')})` : '';
    const text = fitSlack(`${icon} ${escapeSlackLine(title)} — ${escapeSlackLine(facts.lead.cause)}`, SLACK_LIMITS.sectionText) +
        link;
    return { text: text.slice(0, SLACK_LIMITS.text), blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}

// EXTERNAL MODULE: ./src/util/retry-after.ts
var retry_after = __webpack_require__(9361);
// EXTERNAL MODULE: ./src/util/duration-text.ts
var duration_text = __webpack_require__(6716);
// EXTERNAL MODULE: ./src/util/sleep.ts
var util_sleep = __webpack_require__(7783);
;// CONCATENATED MODULE: ./src/records/webhook.ts
/**
 * Delivers a JSON payload to the notification webhook. Never throws: the outcome says whether it was
 * delivered and, if not, why in one sentence (the caller turns that into a warning; a notification
 * that cannot be sent never changes a deploy's verdict).
 *
 * - The URL is a secret (a Slack webhook URL *is* the credential): messages name only its origin.
 * - Retried on a network error, a timeout, 5xx and 429 with exponential backoff, honouring
 *   `Retry-After`, all within one wall-time budget (30 s by default) and stopped by the run's signal.
 *   Other 4xx answers (Slack's `invalid_payload`, `no_service`) are final: retrying cannot help.
 * - Redirects are followed only to the same origin, and only 307/308 (which keep the POST and body):
 *   a payload must never be handed to a host the webhook did not name.
 */




const DEFAULTS = { budgetMs: 30_000, attemptTimeoutMs: 10_000, maxAttempts: 5, baseDelayMs: 1_000 };
const MAX_REDIRECTS = 3;
const MAX_BODY_CHARS = 200;
/** `https://hooks.slack.com/…`: the webhook as messages may name it (its path and query are the secret). */
function describeWebhook(url) {
    try {
        return `${new URL(url).origin}/…`;
    }
    catch {
        return 'the webhook';
    }
}
/** Removes every form of the URL (and its path) from text a server or a library returned. */
function scrub(text, url) {
    let out = (0,report_escape/* stripControl */.kU)(text).replace(/\s+/g, ' ').trim();
    let path = '';
    try {
        const parsed = new URL(url);
        path = parsed.pathname + parsed.search;
    }
    catch {
        // Not a URL: only the raw text is scrubbed.
    }
    for (const form of [url, encodeURIComponent(url), path, encodeURIComponent(path)]) {
        if (form.length > 1)
            out = out.split(form).join('***');
    }
    return out.length > MAX_BODY_CHARS ? `${out.slice(0, MAX_BODY_CHARS)}…` : out;
}
/** The innermost cause's code and message (duck-typed: errors from fetch may come from another realm). */
function networkProblem(error, url, timedOut, timeoutMs) {
    if (timedOut)
        return `no answer within ${(0,duration_text/* formatDuration */.a)(timeoutMs)}`;
    const outer = error;
    const cause = (outer?.cause && typeof outer.cause === 'object' ? outer.cause : outer);
    const code = typeof cause?.code === 'string' ? cause.code : '';
    const message = typeof cause?.message === 'string' ? cause.message : String(error);
    return scrub(code && !message.includes(code) ? `${code}: ${message}` : message, url);
}
async function bodySnippet(response, url) {
    const text = await response.text().catch(() => '');
    const snippet = scrub(text, url);
    return snippet ? `: ${snippet}` : '';
}
/** One POST, following same-origin 307/308 redirects; classified for the retry loop. */
async function attemptOnce(url, body, signal, timeoutMs) {
    let target = url;
    for (let hop = 0;; hop++) {
        let response;
        try {
            response = await fetch(target, {
                method: 'POST',
                headers: { 'content-type': 'application/json; charset=utf-8' },
                body,
                redirect: 'manual',
                signal
            });
        }
        catch (error) {
            return { kind: 'retry', problem: networkProblem(error, url, signal.aborted, timeoutMs) };
        }
        const status = response.status;
        if (status >= 200 && status < 300) {
            await response.body?.cancel().catch(() => undefined);
            return { kind: 'delivered', status };
        }
        if (status >= 300 && status < 400) {
            await response.body?.cancel().catch(() => undefined);
            const location = response.headers.get('location');
            let next;
            try {
                next = location ? new URL(location, target) : undefined;
            }
            catch {
                next = undefined;
            }
            if (!next)
                return { kind: 'final', problem: `HTTP ${status} without a usable Location` };
            if (next.origin !== new URL(url).origin) {
                return {
                    kind: 'final',
                    problem: `HTTP ${status} redirect to another origin (${next.origin}); not followed, so the payload was not sent there`
                };
            }
            if ((status !== 307 && status !== 308) || hop >= MAX_REDIRECTS) {
                return {
                    kind: 'final',
                    problem: `HTTP ${status} redirect not followed (only same-origin 307/308, at most ${MAX_REDIRECTS})`
                };
            }
            target = next.href;
            continue;
        }
        const problem = `HTTP ${status}${await bodySnippet(response, url)}`;
        if (status === 429 || status >= 500) {
            const retryAfterMs = (0,retry_after/* parseRetryAfter */.m)(response.headers.get('retry-after') ?? undefined);
            return { kind: 'retry', problem, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
        }
        return { kind: 'final', problem };
    }
}
/** Posts `payload` as JSON to `url`, retrying within the budget; see the header for the rules. */
async function postWebhook(url, payload, options = {}) {
    const budgetMs = options.budgetMs ?? DEFAULTS.budgetMs;
    const attemptTimeoutMs = options.attemptTimeoutMs ?? DEFAULTS.attemptTimeoutMs;
    const maxAttempts = options.maxAttempts ?? DEFAULTS.maxAttempts;
    const baseDelayMs = options.baseDelayMs ?? DEFAULTS.baseDelayMs;
    const sleep = options.sleep ?? util_sleep/* sleep */.y;
    const now = options.now ?? Date.now;
    const deadline = now() + budgetMs;
    const body = JSON.stringify(payload);
    let last = '';
    for (let attempt = 1;; attempt++) {
        if (options.signal?.aborted)
            return {
                delivered: false,
                attempts: attempt - 1,
                problem: `the run was cancelled${last ? ` (last: ${last})` : ''}`
            };
        const timeoutMs = Math.max(1, Math.min(attemptTimeoutMs, deadline - now()));
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
        const result = await attemptOnce(url, body, signal, timeoutMs);
        if (result.kind === 'delivered')
            return { delivered: true, attempts: attempt, status: result.status };
        last = result.problem;
        const tries = `${attempt} attempt${attempt > 1 ? 's' : ''}`;
        if (result.kind === 'final')
            return { delivered: false, attempts: attempt, problem: `${last} (${tries})` };
        if (options.signal?.aborted)
            return { delivered: false, attempts: attempt, problem: `the run was cancelled (last: ${last})` };
        if (attempt >= maxAttempts)
            return { delivered: false, attempts: attempt, problem: `${last} (gave up after ${tries})` };
        const delay = result.retryAfterMs ?? baseDelayMs * 2 ** (attempt - 1);
        const left = deadline - now();
        if (delay >= left) {
            const why = result.retryAfterMs !== undefined
                ? `the server asked to retry after ${Math.ceil(delay / 1000)} s`
                : 'no time left';
            return {
                delivered: false,
                attempts: attempt,
                problem: `${last} (gave up after ${tries}: ${why}, beyond the ${Math.round(budgetMs / 1000)} s budget)`
            };
        }
        await sleep(delay, options.signal);
    }
}

;// CONCATENATED MODULE: ./src/records/notify.ts






/** The outcomes a run counts as: its verdict, and `rolled-back` when an undo landed. */
function notifyEvents(result) {
    const events = [result.verdict];
    if ((0,rollback_facts/* effectiveAction */.SM)(result) === 'rolled-back')
        events.push('rolled-back');
    return events;
}
/** The events of `result` that `notifyOn` asks for (empty: no notification). */
function matchingEvents(result, notifyOn) {
    return notifyEvents(result).filter((event) => notifyOn.includes(event));
}
/** What the message says besides the result, from the config and the runner's environment. */
function notificationFacts(result, ctx) {
    const run = (0,context/* runInfo */.Q)(ctx.env);
    const facts = {
        lead: notificationLead(result),
        changes: (0,component_version/* versionChanges */.cv)(result, ctx.config.version)
    };
    const optional = {
        environment: ctx.config.records?.environment,
        runUrl: run.url,
        actor: run.actor,
        repository: ctx.env.GITHUB_REPOSITORY || undefined,
        sha: ctx.env.GITHUB_SHA || undefined
    };
    for (const [key, value] of Object.entries(optional))
        if (value)
            Object.assign(facts, { [key]: value });
    return facts;
}
function notifySurface(ctx, delivery = {}) {
    const url = ctx.config.records?.notifyWebhook;
    if (!url)
        return undefined;
    const notifyOn = ctx.config.records?.notifyOn ?? [];
    const where = `notify-webhook (${describeWebhook(url)})`;
    return {
        name: `the notification to ${where}`,
        async finish(result) {
            const events = matchingEvents(result, notifyOn);
            if (!events.length) {
                ctx.log(`${where}: not notified (${notifyEvents(result).join(', ')} is not in notify-on: ${notifyOn.join(', ') || 'nothing'})`);
                return;
            }
            const payload = buildSlackPayload(result, notificationFacts(result, ctx));
            const outcome = await postWebhook(url, payload, { ...delivery, signal: ctx.signal });
            if (outcome.delivered) {
                ctx.log(`${where}: notified (${events.join(', ')})${outcome.attempts > 1 ? ` after ${outcome.attempts} attempts` : ''}`);
            }
            else {
                ctx.warn(`deploy-guard could not deliver the notification to ${where}: ${outcome.problem}. Check the webhook URL in the secret; the deploy's verdict is unchanged.`);
            }
        }
    };
}


/***/ }),

/***/ 9361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/**
 * `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP date. Milliseconds, or undefined when
 * absent or unparsable. The one reading every client (Kubernetes, Prometheus, GitHub, webhook) uses.
 */
function parseRetryAfter(header, now = Date.now()) {
    if (header === undefined)
        return undefined;
    const trimmed = header.trim();
    if (trimmed === '')
        return undefined;
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    const at = Date.parse(trimmed);
    if (Number.isNaN(at))
        return undefined;
    return Math.max(0, at - (typeof now === 'number' ? now : now.getTime()));
}


/***/ }),

/***/ 7783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ MAX_TIMER_MS),
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
/** setTimeout turns anything longer into 1 ms (TimeoutOverflowWarning): longer waits go in chunks. */
const MAX_TIMER_MS = 2 ** 31 - 1;
function wait(ms, signal) {
    return new Promise((resolve) => {
        if (ms <= 0 || signal?.aborted)
            return resolve();
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    });
}
const sleep = async (ms, signal) => {
    let left = Number.isFinite(ms) ? ms : MAX_TIMER_MS;
    while (left > 0 && !signal?.aborted) {
        const chunk = Math.min(left, MAX_TIMER_MS);
        await wait(chunk, signal);
        left -= chunk;
    }
};


/***/ })

};
