/** Image reference comparison that treats `nginx:1.25` and `docker.io/library/nginx:1.25` as equal. Pure. */

export function normalizeImage(ref: string): string {
  let image = ref.trim()
  const slash = image.indexOf('/')
  const first = slash === -1 ? '' : image.slice(0, slash)
  const hasRegistry = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost')
  if (!hasRegistry) image = `docker.io/${slash === -1 ? `library/${image}` : image}`
  const lastSegment = image.slice(image.lastIndexOf('/') + 1)
  if (!lastSegment.includes(':') && !image.includes('@')) image += ':latest'
  return image
}

export const sameImage = (a: string, b: string): boolean => normalizeImage(a) === normalizeImage(b)
