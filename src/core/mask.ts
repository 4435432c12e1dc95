// The one place that turns secret values into something safe to show. Every message, excerpt,
// hover, report row and output format goes through here (the engine applies it centrally).

/** A short, non-reversible stand-in for a secret: a few leading characters and the length. */
export function mask(secret: string): string {
  const length = [...secret].length;
  // Show at most 4 characters and never more than a quarter of the value.
  const shown = Math.min(4, Math.floor(length / 4));
  return `${secret.slice(0, shown)}…(${length} chars)`;
}

/** Replaces every occurrence of each secret in `text` by its mask. Longest secrets first. */
export function redact(text: string, secrets: Iterable<string>): string {
  const list = [...new Set(secrets)].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  let out = text;
  for (const s of list) if (out.includes(s)) out = out.split(s).join(mask(s));
  return redactUrlPasswords(out);
}

/** `scheme://user:password@host` → `scheme://user:…@host`, for text that may hold URLs. */
export function redactUrlPasswords(text: string): string {
  if (!text.includes('@')) return text;
  return text.replace(/(\b[a-z][a-z0-9+.\-]{0,20}:\/\/[^\s:/@"'`]{0,200}:)([^\s@/"'`]{1,300})@/gi, (_m, head: string, pass: string) =>
    pass.startsWith('…') || pass.startsWith('$') ? `${head}${pass}@` : `${head}${mask(pass)}@`,
  );
}
