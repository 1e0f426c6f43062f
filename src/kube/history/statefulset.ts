/** StatefulSet history: its ControllerRevisions (kubectl history.go StatefulSetHistoryViewer). */
import { controllerRevisionHistory } from './controller-revisions.js'

export const statefulSetHistory = controllerRevisionHistory('StatefulSet')
