// Replacing a literal inside a shell script by a reference to an environment variable, keeping the
// script's meaning: `"$NAME"` where the literal stood bare, `$NAME` inside double quotes, `'"$NAME"'`
// inside single quotes (which do not expand), `${NAME}` in an unquoted heredoc. A quoted heredoc
// never expands, so there the move is refused rather than silently breaking the script.

export type ShellDialect = 'sh' | 'pwsh' | 'cmd';

/** Replace script[from, to) by text (offsets into the script, which may reach around the literal). */
export interface ShellReplacement {
  from: number;
  to: number;
  text: string;
}

type State = 'none' | 'single' | 'double' | 'comment' | 'heredoc' | 'heredoc-quoted';

/** The quoting state of an sh-family script at `offset`. */
export function shQuoteState(script: string, offset: number): State {
  let state: State = 'none';
  const pending: { delimiter: string; quoted: boolean; strip: boolean }[] = [];
  let heredoc: { delimiter: string; quoted: boolean; strip: boolean } | undefined;
  let i = 0;
  while (i < offset) {
    const c = script[i];
    if (heredoc) {
      // Heredoc bodies are line based: a line equal to the delimiter ends the body.
      const lineEnd = script.indexOf('\n', i);
      const end = lineEnd < 0 ? script.length : lineEnd;
      const line = script.slice(i, end).replace(/\r$/, '');
      if ((heredoc.strip ? line.replace(/^\t+/, '') : line) === heredoc.delimiter) {
        heredoc = pending.shift();
        state = 'none';
      } else if (offset <= end) {
        return heredoc.quoted ? 'heredoc-quoted' : 'heredoc';
      }
      i = end + 1;
      if (heredoc) state = heredoc.quoted ? 'heredoc-quoted' : 'heredoc';
      continue;
    }
    switch (state) {
      case 'none':
        if (c === '\\') i++;
        else if (c === "'") state = 'single';
        else if (c === '"') state = 'double';
        else if (c === '#' && (i === 0 || /[\s;&|(]/.test(script[i - 1]))) state = 'comment';
        else if (c === '<' && script[i + 1] === '<' && script[i + 2] !== '<') {
          const m = /^<<(-?)[ \t]*(?:'([^'\n]+)'|"([^"\n]+)"|\\?([A-Za-z0-9_.\-]+))/.exec(script.slice(i, i + 200));
          if (m) {
            pending.push({ delimiter: m[2] ?? m[3] ?? m[4], quoted: m[2] !== undefined || m[3] !== undefined || script[i + 2 + m[1].length] === '\\', strip: m[1] === '-' });
            i += m[0].length - 1;
          }
        } else if (c === '\n' && pending.length) {
          heredoc = pending.shift();
        }
        break;
      case 'single':
        if (c === "'") state = 'none';
        break;
      case 'double':
        if (c === '\\') i++;
        else if (c === '"') state = 'none';
        break;
      case 'comment':
        if (c === '\n') {
          state = 'none';
          if (pending.length) heredoc = pending.shift();
        }
        break;
      default:
        break;
    }
    i++;
  }
  return heredoc ? (heredoc.quoted ? 'heredoc-quoted' : 'heredoc') : state;
}

/** How `script[from, to)` is replaced by a reference to `name`, or why it cannot be. */
export function shellReference(script: string, from: number, to: number, name: string, dialect: ShellDialect): ShellReplacement | { refusal: string } {
  if (dialect === 'cmd') return { from, to, text: `%${name}%` };
  if (dialect === 'pwsh') return pwshReference(script, from, to, name);
  const identifierNext = /[A-Za-z0-9_]/.test(script[to] ?? '');
  switch (shQuoteState(script, from)) {
    case 'none':
    case 'comment':
      return { from, to, text: `"$${name}"` };
    case 'double':
      return { from, to, text: identifierNext ? `\${${name}}` : `$${name}` };
    case 'heredoc':
      return { from, to, text: `\${${name}}` };
    case 'heredoc-quoted':
      return { refusal: 'The value is inside a quoted heredoc, where variables do not expand. Move it by hand.' };
    case 'single': {
      // Close the single quotes, splice the variable in double quotes, reopen them; an opening or
      // closing quote right next to the literal is absorbed instead of leaving an empty ''.
      const opens = script[from - 1] === "'";
      const closes = script[to] === "'";
      return { from: opens ? from - 1 : from, to: closes ? to + 1 : to, text: `${opens ? '' : "'"}"$${name}"${closes ? '' : "'"}` };
    }
  }
}

function pwshReference(script: string, from: number, to: number, name: string): ShellReplacement | { refusal: string } {
  let state: 'none' | 'single' | 'double' = 'none';
  for (let i = 0; i < from; i++) {
    const c = script[i];
    if (state === 'none') {
      if (c === '`') i++;
      else if (c === "'") state = 'single';
      else if (c === '"') state = 'double';
    } else if (state === 'single') {
      if (c === "'" && script[i + 1] === "'") i++;
      else if (c === "'") state = 'none';
    } else if (c === '`') i++;
    else if (c === '"') state = 'none';
  }
  if (state === 'single') return { refusal: 'The value is inside a single-quoted PowerShell string, which does not expand variables. Move it by hand.' };
  const next = script[to] ?? '';
  return { from, to, text: /[A-Za-z0-9_:]/.test(next) ? `$($env:${name})` : `$env:${name}` };
}
