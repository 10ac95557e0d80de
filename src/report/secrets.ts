/**
 * Secrets (the HMAC key of the phone-number hashes, passwords, tokens) never appear in any
 * output: not in a report's run-information table, not in an .ipynb's metadata, not on
 * stderr, not in a failed notebook, not in a command's JSON. This is THE list of secret
 * parameter names; every output path redacts by it:
 * - the CLI's run information (`redactParameters`),
 * - the notebook runner scripts/execute_notebook.py, which mirrors both lists below
 *   (test/hostile/secrets.test.ts checks the two files agree).
 *
 * A name is secret when, compared without case, '-' and '_', it is listed in
 * SECRET_PARAMETER_NAMES or ends with one of SECRET_NAME_ENDINGS ('hmacKey', 'PP_HMAC_KEY',
 * 'apiToken'); 'keyFingerprint' (the key's public fingerprint) is not.
 *
 * @example
 * isSecretName('hmacKey')        // true
 * redactParameters({ hmacKey: 'k', targetNumber: '138 1234 5678', seed: 8 })
 * // { hmacKey: '<redacted>', targetNumber: '138****5678', seed: 8 }
 */
import { maskPhonesInText } from './mask';

/** Parameter and option names whose values are secrets (normalised: lower case, no '-' or '_'). */
export const SECRET_PARAMETER_NAMES = ['key', 'hmackey', 'pphmackey', 'secret', 'password', 'passphrase', 'token', 'apikey'] as const;

/** Any name ending with one of these (normalised) is a secret too. */
export const SECRET_NAME_ENDINGS = ['key', 'secret', 'password', 'passphrase', 'token'] as const;

/** What a redacted value shows. */
export const REDACTED = '<redacted>';

/** Lower case without '-' and '_': 'PP_HMAC_KEY' -> 'pphmackey'. */
function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

/** True when a parameter or option of this name holds a secret. */
export function isSecretName(name: string): boolean {
  const n = normaliseName(name);
  return (SECRET_PARAMETER_NAMES as readonly string[]).includes(n) || SECRET_NAME_ENDINGS.some((e) => n.endsWith(e));
}

/**
 * A copy of parameters fit for any output: values of secret names replaced by REDACTED (at any
 * depth); mobile numbers in every other string masked unless `unmask`.
 */
export function redactParameters<T>(value: T, options: { unmask?: boolean } = {}): T {
  const walk = (v: unknown, name: string | undefined): unknown => {
    if (name !== undefined && isSecretName(name) && v !== null && v !== undefined && typeof v !== 'boolean') return REDACTED;
    if (typeof v === 'string') return options.unmask ? v : maskPhonesInText(v);
    if (Array.isArray(v)) return v.map((x) => walk(x, undefined));
    if (v && typeof v === 'object' && !ArrayBuffer.isView(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x, k)]));
    }
    return v;
  };
  return walk(value, undefined) as T;
}

/**
 * Remove the given secret values from a text wherever they occur (also HTML- and
 * JSON-escaped): the last line of defence for stderr and written files.
 */
export function scrubSecretValues(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length < 4) continue;
    const forms = new Set([s, JSON.stringify(s).slice(1, -1), s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')]);
    for (const f of forms) out = out.split(f).join(REDACTED);
  }
  return out;
}
