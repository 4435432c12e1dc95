// The shape of one provider token format in the secret catalog.
// Each entry is written from the provider's own documentation of its token format.
import type { Severity } from '../../../types';

export interface TokenFormat {
  /** Kebab-case id; findings are reported as `secret/<id>`. Stable forever. */
  id: string;
  /** Provider name as users know it, e.g. "GitHub". */
  provider: string;
  /** What the token is, e.g. "personal access token (classic)". */
  name: string;
  /**
   * Matches the whole token and nothing around it. Global flag not needed (the engine adds it).
   * Must be linear-time safe: no nested quantifiers, no overlapping alternations under `+`/`*`.
   * The engine checks that the match is not glued to surrounding word characters.
   */
  pattern: RegExp;
  /**
   * Literal lowercase substrings, at least one of which every match contains (usually the prefix).
   * The engine skips the pattern when the text contains none of them. Keep them as long as is
   * still true for every match.
   */
  keywords: string[];
  /** Minimum Shannon entropy (bits per character) of the match; for formats with a weak prefix. */
  minEntropy?: number;
  /** A structural check (checksum, decoded header, length). Raises confidence; never hides a match. */
  validate?: (token: string) => boolean;
  /** Defaults to 'error'. Use 'warning' for low-impact keys. */
  severity?: Severity;
  /**
   * True when the provider designs the token to be public (a publishable key, a browser key, an
   * OAuth client id). Such a token is recognised, never reported: it is not a secret, and no
   * other rule may report it as one either (see `isPublicByDesign`).
   */
  publishable?: boolean;
}
