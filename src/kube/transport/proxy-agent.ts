/**
 * The connection pool for a cluster reached through its kubeconfig's `proxy-url`, chosen as client-node
 * chooses it: socks4/4a/5/5h through socks-proxy-agent, http(s) proxies through hpagent (an HTTP
 * CONNECT tunnel, inside which TLS to the API server is negotiated end to end). Both are dependencies
 * of @kubernetes/client-node already; this module (and they) load only for kubeconfigs with a proxy.
 */
import type { Agent, AgentOptions } from 'node:https'

/** TLS options for the API server (not the proxy) and the keep-alive settings of the pool. */
export type ProxiedAgentOptions = Pick<
  AgentOptions,
  'ca' | 'cert' | 'key' | 'servername' | 'rejectUnauthorized' | 'keepAlive' | 'keepAliveMsecs' | 'maxSockets'
>

export async function createProxyAgent(
  proxyUrl: string,
  secure: boolean,
  options: ProxiedAgentOptions
): Promise<Agent> {
  if (/^socks/i.test(proxyUrl)) {
    const { SocksProxyAgent } = await import('socks-proxy-agent')
    // Node's Agent merges these into each request's options, so the TLS layer over the SOCKS socket sees them.
    return new SocksProxyAgent(proxyUrl, options) as unknown as Agent
  }
  const { HttpProxyAgent, HttpsProxyAgent } = await import('hpagent')
  return secure
    ? new HttpsProxyAgent({ ...options, proxy: proxyUrl })
    : (new HttpProxyAgent({ ...options, proxy: proxyUrl }) as unknown as Agent)
}
