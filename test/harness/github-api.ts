/**
 * A loopback GitHub REST API (node:http on 127.0.0.1:0) that behaves: tokens have identities, comments
 * have authors and ids, a body over 65,536 characters is refused with 422, an installation token is
 * refused `GET /user` as GitHub refuses it, and GraphQL answers `viewer { login }`. Point the action at
 * it with `GITHUB_API_URL=fake.url`.
 *
 * Routes: GET /user · POST /graphql (viewer) · issue comments list (paginated, Link header) / create /
 * get / update · GET commits/{sha}/pulls · deployments create / list (filters, per_page/page) / get / delete
 * (only an inactive one while others exist, as GitHub) · deployment statuses create (140-character
 * description, auto_inactive) / list. `addDeployment` seeds one as another actor made it, e.g. the
 * Deployment GitHub creates for a job with `environment:`. Faults are injected per route (`fail`), each for a number of requests: 401, 403 with GitHub's
 * integration message, 404, 422, 500, a secondary rate limit (403 + retry-after) or a used-up primary
 * one (403 + x-ratelimit-reset), a slow answer, or none at all. Every request is logged with its headers,
 * so a test can assert where the token went.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export type RouteName =
  | 'user'
  | 'graphql'
  | 'list-comments'
  | 'create-comment'
  | 'get-comment'
  | 'update-comment'
  | 'commit-pulls'
  | 'create-deployment'
  | 'list-deployments'
  | 'get-deployment'
  | 'create-deployment-status'
  | 'list-deployment-statuses'
  | 'delete-deployment'

export type Fault =
  | { kind: 'unauthorized' }
  /** 403 "Resource not accessible by integration", as for a token without the permission. */
  | { kind: 'integration' }
  | { kind: 'not-found' }
  | { kind: 'unprocessable'; message?: string }
  | { kind: 'server-error'; status?: number }
  /** 403 "You have exceeded a secondary rate limit" with `retry-after: seconds`. */
  | { kind: 'secondary-rate-limit'; retryAfterSeconds: number }
  /** 403 "API rate limit exceeded" with x-ratelimit-remaining 0 and a reset `resetInSeconds` ahead. */
  | { kind: 'rate-limit-reset'; resetInSeconds: number }
  /** Answers normally after `delayMs`. */
  | { kind: 'slow'; delayMs: number }
  /** Never answers; the socket is closed when the server stops. */
  | { kind: 'hang' }
  /** 202 with only a message, as `POST /deployments` answers when it merged the default branch first. */
  | { kind: 'accepted'; message?: string }

export interface Identity {
  login: string
  type: 'User' | 'Bot'
  /** An installation token (GITHUB_TOKEN, an app's): `GET /user` is refused. */
  installation?: boolean
}

export interface FakeComment {
  id: number
  issueNumber: number
  body: string
  user: { login: string; type: string }
  created_at: string
  updated_at: string
  html_url: string
}

export interface FakePull {
  number: number
  state: 'open' | 'closed'
  merged_at: string | null
  merge_commit_sha: string | null
  head: { sha: string; ref: string }
}

export interface FakeDeployment {
  id: number
  sha: string
  ref: string
  task: string
  environment: string
  description: string | null
  payload: unknown
  transient_environment: boolean
  production_environment: boolean
  creator: { login: string; type: string }
  created_at: string
  statuses: FakeDeploymentStatus[]
}

export interface FakeDeploymentStatus {
  id: number
  state: string
  description: string
  environment: string
  log_url: string
  environment_url: string
  creator: { login: string; type: string }
  created_at: string
}

export interface DeploymentSeed {
  sha: string
  environment: string
  ref?: string
  task?: string
  payload?: unknown
  description?: string | null
  creator?: Identity
  /** Default: now. */
  createdAt?: Date
  statuses?: Array<{ state: string; log_url?: string; description?: string; environment_url?: string }>
}

export interface LoggedRequest {
  method: string
  path: string
  route?: RouteName
  headers: IncomingHttpHeaders
  body: string
  /** The status answered (undefined for a request never answered). */
  status?: number
  time: number
}

export interface FakeGitHub {
  /** Base URL for GITHUB_API_URL (no trailing slash). */
  url: string
  owner: string
  repo: string
  /** The Actions GITHUB_TOKEN's stand-in: an installation token authoring as github-actions[bot]. */
  actionsToken: string
  /** A personal access token of user `deployer`. */
  patToken: string
  addToken(token: string, identity: Identity): void
  /** A comment by someone (no token needed), e.g. a person quoting our marker. */
  addComment(issueNumber: number, author: Identity, body: string): FakeComment
  comments(issueNumber?: number): FakeComment[]
  /** PRs GitHub associates with a commit (commits/{sha}/pulls). */
  setCommitPulls(sha: string, pulls: Array<Partial<FakePull> & { number: number }>): void
  deployments(): FakeDeployment[]
  /** A Deployment made by someone else (GitHub for an `environment:` job, a person, another tool). */
  addDeployment(seed: DeploymentSeed): FakeDeployment
  /** The next `times` (default 1; Infinity for all) requests to `route` get `fault`. */
  fail(route: RouteName | '*', fault: Fault, times?: number): void
  clearFaults(): void
  requests: LoggedRequest[]
  close(): Promise<void>
}

export interface FakeGitHubOptions {
  owner?: string
  repo?: string
  /** Comments per page unless the request asks for fewer (GitHub's default is 30). */
  defaultPerPage?: number
}

const GITHUB_ACTIONS_BOT: Identity = { login: 'github-actions[bot]', type: 'Bot', installation: true }
const DEPLOYER: Identity = { login: 'deployer', type: 'User' }
const MAX_BODY = 65_536

class HttpFault extends Error {
  constructor(
    readonly status: number,
    readonly payload: unknown,
    readonly headers: Record<string, string> = {}
  ) {
    super(`HTTP ${status}`)
  }
}

const notFound = (): HttpFault =>
  new HttpFault(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' })

function match(
  method: string,
  path: string,
  owner: string,
  repo: string
): { route: RouteName; params: string[] } | undefined {
  const repoPrefix = `/repos/${owner}/${repo}`
  const table: Array<[string, RegExp, RouteName]> = [
    ['GET', /^\/user$/, 'user'],
    ['POST', /^\/graphql$/, 'graphql'],
    ['GET', /^\/issues\/(\d+)\/comments$/, 'list-comments'],
    ['POST', /^\/issues\/(\d+)\/comments$/, 'create-comment'],
    ['GET', /^\/issues\/comments\/(\d+)$/, 'get-comment'],
    ['PATCH', /^\/issues\/comments\/(\d+)$/, 'update-comment'],
    ['GET', /^\/commits\/([^/]+)\/pulls$/, 'commit-pulls'],
    ['POST', /^\/deployments$/, 'create-deployment'],
    ['GET', /^\/deployments$/, 'list-deployments'],
    ['GET', /^\/deployments\/(\d+)$/, 'get-deployment'],
    ['DELETE', /^\/deployments\/(\d+)$/, 'delete-deployment'],
    ['POST', /^\/deployments\/(\d+)\/statuses$/, 'create-deployment-status'],
    ['GET', /^\/deployments\/(\d+)\/statuses$/, 'list-deployment-statuses']
  ]
  for (const [m, pattern, route] of table) {
    if (m !== method) continue
    const scoped = route === 'user' || route === 'graphql'
    if (!scoped && !path.startsWith(`${repoPrefix}/`)) continue
    const found = pattern.exec(scoped ? path : path.slice(repoPrefix.length))
    if (found) return { route, params: found.slice(1) }
  }
  return undefined
}

function faultAnswer(fault: Fault): HttpFault | undefined {
  const docs = { documentation_url: 'https://docs.github.com/rest' }
  switch (fault.kind) {
    case 'unauthorized':
      return new HttpFault(401, { message: 'Bad credentials', ...docs })
    case 'integration':
      return new HttpFault(403, { message: 'Resource not accessible by integration', ...docs })
    case 'not-found':
      return notFound()
    case 'unprocessable':
      return new HttpFault(422, { message: fault.message ?? 'Validation Failed', errors: [], ...docs })
    case 'server-error':
      return new HttpFault(fault.status ?? 500, { message: 'Server Error' })
    case 'accepted':
      return new HttpFault(202, { message: fault.message ?? 'Auto-merged main into topic on deployment.' })
    case 'secondary-rate-limit':
      return new HttpFault(
        403,
        {
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          ...docs
        },
        { 'retry-after': String(fault.retryAfterSeconds) }
      )
    case 'rate-limit-reset':
      return new HttpFault(
        403,
        { message: 'API rate limit exceeded for installation.', ...docs },
        {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-limit': '1000',
          'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000 + fault.resetInSeconds))
        }
      )
    default:
      return undefined
  }
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const owner = options.owner ?? 'acme'
  const repo = options.repo ?? 'shop'
  const tokens = new Map<string, Identity>()
  const actionsToken = `ghs_fakeActionsToken${Math.random().toString(36).slice(2)}`
  const patToken = `ghp_fakePersonalToken${Math.random().toString(36).slice(2)}`
  tokens.set(actionsToken, GITHUB_ACTIONS_BOT)
  tokens.set(patToken, DEPLOYER)
  const comments: FakeComment[] = []
  const commitPulls = new Map<string, FakePull[]>()
  const deployments: FakeDeployment[] = []
  const faults: Array<{ route: RouteName | '*'; fault: Fault; left: number }> = []
  const requests: LoggedRequest[] = []
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  let nextId = 1000
  let url = ''
  const now = (): string => new Date().toISOString()
  const who = (identity: Identity): { login: string; type: string } => ({ login: identity.login, type: identity.type })

  const addComment = (issueNumber: number, author: Identity, body: string): FakeComment => {
    const id = nextId++
    const comment: FakeComment = {
      id,
      issueNumber,
      body,
      user: who(author),
      created_at: now(),
      updated_at: now(),
      html_url: `https://github.example/${owner}/${repo}/pull/${issueNumber}#issuecomment-${id}`
    }
    comments.push(comment)
    return comment
  }
  const publicComment = (c: FakeComment): Record<string, unknown> => ({
    id: c.id,
    body: c.body,
    user: c.user,
    created_at: c.created_at,
    updated_at: c.updated_at,
    html_url: c.html_url,
    issue_url: `${url}/repos/${owner}/${repo}/issues/${c.issueNumber}`
  })

  function takeFault(route: RouteName): Fault | undefined {
    const entry = faults.find((f) => (f.route === route || f.route === '*') && f.left > 0)
    if (!entry) return undefined
    entry.left--
    return entry.fault
  }

  function handle(
    route: RouteName,
    params: string[],
    identity: Identity,
    body: unknown,
    query: URLSearchParams,
    res: ServerResponse
  ): unknown {
    const input = (body ?? {}) as Record<string, unknown>
    switch (route) {
      case 'user':
        if (identity.installation) throw new HttpFault(403, { message: 'Resource not accessible by integration' })
        return { login: identity.login, type: identity.type, id: 1 }
      case 'graphql': {
        const query = String(input.query ?? '')
        if (!/viewer\s*\{\s*login\s*\}/.test(query))
          throw new HttpFault(200, { errors: [{ message: 'fake: only viewer { login }' }] })
        // GraphQL spells a bot's login without `[bot]`.
        return { data: { viewer: { login: identity.login.replace(/\[bot\]$/, '') } } }
      }
      case 'list-comments': {
        const issue = Number(params[0])
        const perPage = Math.min(100, Number(query.get('per_page') ?? options.defaultPerPage ?? 30))
        const page = Math.max(1, Number(query.get('page') ?? 1))
        const all = comments.filter((c) => c.issueNumber === issue)
        const last = Math.max(1, Math.ceil(all.length / perPage))
        if (page < last) {
          const next = `${url}/repos/${owner}/${repo}/issues/${issue}/comments?per_page=${perPage}&page=${page + 1}`
          res.setHeader('link', `<${next}>; rel="next", <${next.replace(/page=\d+$/, `page=${last}`)}>; rel="last"`)
        }
        return all.slice((page - 1) * perPage, page * perPage).map(publicComment)
      }
      case 'create-comment': {
        const text = String(input.body ?? '')
        if (!text || text.length > MAX_BODY)
          throw new HttpFault(422, {
            message: 'Validation Failed',
            errors: [
              {
                resource: 'IssueComment',
                code: 'custom',
                field: 'body',
                message: 'body is too long (maximum is 65536 characters)'
              }
            ]
          })
        res.statusCode = 201
        return publicComment(addComment(Number(params[0]), identity, text))
      }
      case 'get-comment':
      case 'update-comment': {
        const comment = comments.find((c) => c.id === Number(params[0]))
        if (!comment) throw notFound()
        if (route === 'get-comment') return publicComment(comment)
        const text = String(input.body ?? '')
        if (!text || text.length > MAX_BODY)
          throw new HttpFault(422, {
            message: 'Validation Failed',
            errors: [{ field: 'body', message: 'body is too long (maximum is 65536 characters)' }]
          })
        // An integration may only edit its own comments here (a person's stays theirs).
        if (comment.user.login !== identity.login)
          throw new HttpFault(403, { message: 'Resource not accessible by integration' })
        comment.body = text
        comment.updated_at = now()
        return publicComment(comment)
      }
      case 'commit-pulls':
        return commitPulls.get(params[0] ?? '') ?? []
      case 'create-deployment': {
        const id = nextId++
        const deployment: FakeDeployment = {
          id,
          sha: String(input.sha ?? input.ref ?? ''),
          ref: String(input.ref ?? ''),
          task: String(input.task ?? 'deploy'),
          environment: String(input.environment ?? 'production'),
          description: typeof input.description === 'string' ? input.description : null,
          payload: input.payload ?? {},
          transient_environment: input.transient_environment === true,
          production_environment: input.production_environment === true,
          creator: who(identity),
          created_at: now(),
          statuses: []
        }
        if (!deployment.ref)
          throw new HttpFault(422, { message: 'Validation Failed', errors: [{ field: 'ref', code: 'missing_field' }] })
        deployments.push(deployment)
        res.statusCode = 201
        return deploymentView(deployment)
      }
      case 'list-deployments': {
        const filtered = deployments
          .filter((d) => !query.get('environment') || d.environment === query.get('environment'))
          .filter((d) => !query.get('sha') || d.sha === query.get('sha'))
          .filter((d) => !query.get('ref') || d.ref === query.get('ref'))
          .filter((d) => !query.get('task') || d.task === query.get('task'))
        // Newest first, as GitHub lists them; one page of per_page (default 30).
        const perPage = Math.min(100, Number(query.get('per_page') ?? 30))
        const page = Math.max(1, Number(query.get('page') ?? 1))
        return [...filtered]
          .reverse()
          .slice((page - 1) * perPage, page * perPage)
          .map(deploymentView)
      }
      case 'delete-deployment': {
        const index = deployments.findIndex((d) => d.id === Number(params[0]))
        if (index < 0) throw notFound()
        const last = deployments[index]!.statuses.at(-1)
        if (deployments.length > 1 && last?.state !== 'inactive')
          throw new HttpFault(422, {
            message: 'We cannot delete an active deployment unless it is the only deployment in a given environment.'
          })
        deployments.splice(index, 1)
        res.statusCode = 204
        return undefined
      }
      case 'get-deployment': {
        const deployment = deployments.find((d) => d.id === Number(params[0]))
        if (!deployment) throw notFound()
        return deploymentView(deployment)
      }
      case 'create-deployment-status': {
        const deployment = deployments.find((d) => d.id === Number(params[0]))
        if (!deployment) throw notFound()
        const states = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success']
        const state = String(input.state ?? '')
        if (!states.includes(state))
          throw new HttpFault(422, { message: 'Validation Failed', errors: [{ field: 'state', code: 'invalid' }] })
        const description = String(input.description ?? '')
        if (description.length > 140)
          throw new HttpFault(422, {
            message: 'Validation Failed',
            errors: [
              { field: 'description', code: 'custom', message: 'description is too long (maximum is 140 characters)' }
            ]
          })
        const status: FakeDeploymentStatus = {
          id: nextId++,
          state,
          description,
          environment: String(input.environment ?? deployment.environment),
          log_url: String(input.log_url ?? ''),
          environment_url: String(input.environment_url ?? ''),
          creator: who(identity),
          created_at: now()
        }
        deployment.statuses.push(status)
        // auto_inactive (default true): earlier successful deployments of the environment become inactive.
        if (state === 'success' && input.auto_inactive !== false) {
          for (const other of deployments) {
            if (other === deployment || other.environment !== deployment.environment || other.transient_environment)
              continue
            const last = other.statuses[other.statuses.length - 1]
            if (last?.state === 'success')
              other.statuses.push({ ...last, id: nextId++, state: 'inactive', created_at: now() })
          }
        }
        res.statusCode = 201
        return { ...status, deployment_url: `${url}/repos/${owner}/${repo}/deployments/${deployment.id}` }
      }
      case 'list-deployment-statuses': {
        const deployment = deployments.find((d) => d.id === Number(params[0]))
        if (!deployment) throw notFound()
        const perPage = Math.min(100, Number(query.get('per_page') ?? 30))
        return [...deployment.statuses].reverse().slice(0, perPage)
      }
    }
  }

  const deploymentView = (d: FakeDeployment): Record<string, unknown> => {
    const { statuses: _statuses, ...rest } = d
    return { ...rest, url: `${url}/repos/${owner}/${repo}/deployments/${d.id}` }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const parsed = new URL(req.url ?? '/', 'http://fake')
      const method = req.method ?? 'GET'
      const found = match(method, parsed.pathname, owner, repo)
      const entry: LoggedRequest = {
        method,
        path: parsed.pathname + parsed.search,
        route: found?.route,
        headers: req.headers,
        body: text,
        time: Date.now()
      }
      requests.push(entry)
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
        entry.status = status
        res.statusCode = status
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
        if (status === 204) return void res.end()
        res.setHeader('content-type', 'application/json; charset=utf-8')
        res.end(JSON.stringify(payload))
      }
      const answer = (): void => {
        try {
          const auth = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]
          const identity = auth ? tokens.get(auth) : undefined
          if (!identity)
            throw new HttpFault(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' })
          if (!found) throw notFound()
          let body: unknown
          if (text) {
            try {
              body = JSON.parse(text)
            } catch {
              throw new HttpFault(400, { message: 'Problems parsing JSON' })
            }
          }
          res.statusCode = 200
          const payload = handle(found.route, found.params, identity, body, parsed.searchParams, res)
          send(res.statusCode, payload)
        } catch (error) {
          if (error instanceof HttpFault) send(error.status, error.payload, error.headers)
          else send(500, { message: error instanceof Error ? error.message : String(error) })
        }
      }
      const fault = found ? takeFault(found.route) : undefined
      if (fault?.kind === 'hang') return
      if (fault?.kind === 'slow') {
        const timer = setTimeout(() => {
          timers.delete(timer)
          answer()
        }, fault.delayMs)
        timers.add(timer)
        return
      }
      const refused = fault ? faultAnswer(fault) : undefined
      if (refused) return send(refused.status, refused.payload, refused.headers)
      answer()
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    owner,
    repo,
    actionsToken,
    patToken,
    addToken: (token, identity) => tokens.set(token, identity),
    addComment,
    comments: (issueNumber) => comments.filter((c) => issueNumber === undefined || c.issueNumber === issueNumber),
    setCommitPulls: (sha, pulls) =>
      commitPulls.set(
        sha,
        pulls.map((p) => ({
          state: 'open',
          merged_at: null,
          merge_commit_sha: null,
          head: { sha: 'f'.repeat(40), ref: `branch-${p.number}` },
          ...p
        }))
      ),
    deployments: () => deployments,
    addDeployment: (seed) => {
      const creator = who(seed.creator ?? GITHUB_ACTIONS_BOT)
      const at = (seed.createdAt ?? new Date()).toISOString()
      const deployment: FakeDeployment = {
        id: nextId++,
        sha: seed.sha,
        ref: seed.ref ?? 'main',
        task: seed.task ?? 'deploy',
        environment: seed.environment,
        description: seed.description ?? null,
        payload: seed.payload ?? {},
        transient_environment: false,
        production_environment: seed.environment === 'production',
        creator,
        created_at: at,
        statuses: (seed.statuses ?? []).map((s) => ({
          id: nextId++,
          state: s.state,
          description: s.description ?? '',
          environment: seed.environment,
          log_url: s.log_url ?? '',
          environment_url: s.environment_url ?? '',
          creator,
          created_at: at
        }))
      }
      deployments.push(deployment)
      return deployment
    },
    fail: (route, fault, times = 1) => faults.push({ route, fault, left: times }),
    clearFaults: () => faults.splice(0),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
