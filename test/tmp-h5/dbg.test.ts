import { it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { startSandbox } from '../sandbox/index.js'
it('dbg', async () => {
  const s = await startSandbox({ scenarioText: `
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: default }
spec:
  replicas: 1
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata:
      labels: { app: db }
    spec:
      containers:
        - name: app
          image: db:1
`, timeScale: 100 })
  await new Promise((r) => setTimeout(r, 500))
  const k = (...a: string[]) => execFileSync('kubectl', ['--kubeconfig', s.kubeconfigPath, ...a]).toString()
  console.log(k('get', '--raw', '/apis/apps/v1/namespaces/default/controllerrevisions'))
  console.log(k('get', '--raw', '/apis/apps/v1/namespaces/default/statefulsets/db'))
  await s.stop()
})
