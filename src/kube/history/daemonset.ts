/** DaemonSet history: its ControllerRevisions (kubectl history.go DaemonSetHistoryViewer). */
import { controllerRevisionHistory } from './controller-revisions.js'

export const daemonSetHistory = controllerRevisionHistory('DaemonSet')
