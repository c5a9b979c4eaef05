/**
 * A file name safe in a storage key, a path segment and a Content-Disposition
 * header: ASCII letters, digits, dot, dash and underscore; no leading dots (no
 * hidden files, no `..`); the extension kept when the name is shortened.
 */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+/, '')
    .replace(/[.-]+$/, '');
  if (!cleaned) return 'file';
  if (cleaned.length <= 100) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 100 - ext.length) + ext;
}

/** Keys are scoped by org and owner, so a key never collides or crosses tenants. */
export function uploadObjectKey(parts: {
  orgId: string;
  ownerId: string;
  uploadId: string;
  fileName: string;
}): string {
  return `uploads/${parts.orgId}/${parts.ownerId}/${parts.uploadId}-${sanitizeFileName(parts.fileName)}`;
}

/**
 * `inline; filename="..."` for any original name; names beyond plain ASCII add the
 * RFC 5987 `filename*` form (only then: some S3-compatible stores mis-sign it).
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  if (ascii === fileName) return `inline; filename="${ascii}"`;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
