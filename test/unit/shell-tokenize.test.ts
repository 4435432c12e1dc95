import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenizeShell, wordSubRange } from '../../src/core/shell/tokenize';
import type { ShellCommand, ShellWord } from '../../src/core/shell/tokenize';

type W = [value: string, raw: string];
interface Shape {
  assignments?: W[];
  argv: W[];
}

/** Checks structural invariants every result must satisfy. */
function checkInvariants(script: string, cmds: readonly ShellCommand[]): void {
  let last = -1;
  for (const c of cmds) {
    const all = [...c.assignments, ...c.argv];
    assert.ok(all.length > 0, 'a command has at least one word');
    assert.equal(c.start, all[0].start, 'command starts at its first word');
    assert.equal(c.end, all[all.length - 1].end, 'command ends at its last word');
    for (const w of all) {
      assert.ok(w.start >= 0 && w.start < w.end && w.end <= script.length, `word offsets in range: ${JSON.stringify(w)}`);
      assert.ok(w.start >= last, 'words are in script order');
      last = w.end;
    }
  }
}

/** Each command as [value, raw script slice] pairs. */
function shape(script: string): Shape[] {
  const cmds = tokenizeShell(script);
  checkInvariants(script, cmds);
  const pair = (w: ShellWord): W => [w.value, script.slice(w.start, w.end)];
  return cmds.map((c) => (c.assignments.length ? { assignments: c.assignments.map(pair), argv: c.argv.map(pair) } : { argv: c.argv.map(pair) }));
}

/** Words whose value equals the raw text. */
function plain(...words: string[]): W[] {
  return words.map((w) => [w, w]);
}

/** Only argv values, one array per command. */
function argvs(script: string): string[][] {
  return tokenizeShell(script).map((c) => c.argv.map((w) => w.value));
}

// ---------------------------------------------------------------------------------------------
// Typical insecure commands

test('curl -k https://x: values and exact offsets', () => {
  const script = 'curl -k https://x';
  const cmds = tokenizeShell(script);
  assert.equal(cmds.length, 1);
  assert.deepEqual(cmds[0], {
    assignments: [],
    argv: [
      { value: 'curl', start: 0, end: 4 },
      { value: '-k', start: 5, end: 7 },
      { value: 'https://x', start: 8, end: 17 },
    ],
    start: 0,
    end: 17,
  });
});

test('curl --insecure -u user:pass https://x', () => {
  const script = '  curl --insecure -u user:pass https://x  ';
  assert.deepEqual(shape(script), [{ argv: plain('curl', '--insecure', '-u', 'user:pass', 'https://x') }]);
  const [cmd] = tokenizeShell(script);
  assert.equal(cmd.start, 2);
  assert.equal(cmd.end, 40);
  assert.equal(cmd.argv[3].start, 21);
  assert.equal(cmd.argv[3].end, 30);
});

test('wget --no-check-certificate "$URL"', () => {
  assert.deepEqual(shape('wget --no-check-certificate "$URL"'), [
    { argv: [...plain('wget', '--no-check-certificate'), ['$URL', '"$URL"']] },
  ]);
});

test('git -c http.sslVerify=false clone x', () => {
  assert.deepEqual(shape('git -c http.sslVerify=false clone x'), [{ argv: plain('git', '-c', 'http.sslVerify=false', 'clone', 'x') }]);
});

test('NODE_TLS_REJECT_UNAUTHORIZED=0 npm test: leading assignment', () => {
  const script = 'NODE_TLS_REJECT_UNAUTHORIZED=0 npm test';
  assert.deepEqual(shape(script), [{ assignments: plain('NODE_TLS_REJECT_UNAUTHORIZED=0'), argv: plain('npm', 'test') }]);
  const [cmd] = tokenizeShell(script);
  assert.deepEqual(cmd.assignments[0], { value: 'NODE_TLS_REJECT_UNAUTHORIZED=0', start: 0, end: 30 });
  assert.equal(cmd.start, 0);
  assert.equal(cmd.end, script.length);
});

test('pip install --trusted-host pypi.example.org -r req.txt', () => {
  assert.deepEqual(shape('pip install --trusted-host pypi.example.org -r req.txt'), [
    { argv: plain('pip', 'install', '--trusted-host', 'pypi.example.org', '-r', 'req.txt') },
  ]);
});

test('helm install --insecure-skip-tls-verify x', () => {
  assert.deepEqual(shape('helm install --insecure-skip-tls-verify x'), [{ argv: plain('helm', 'install', '--insecure-skip-tls-verify', 'x') }]);
});

// ---------------------------------------------------------------------------------------------
// Assignments

test('export FOO=bar: export is the program, FOO=bar an argument', () => {
  assert.deepEqual(shape('export FOO=bar'), [{ argv: plain('export', 'FOO=bar') }]);
});

test('assignment-only commands and assignment forms', () => {
  assert.deepEqual(shape('FOO=bar'), [{ assignments: plain('FOO=bar'), argv: [] }]);
  assert.deepEqual(shape('A=1 B="x y" C+=z d[1]=e cmd E=2'), [
    { assignments: [['A=1', 'A=1'], ['B=x y', 'B="x y"'], ['C+=z', 'C+=z'], ['d[1]=e', 'd[1]=e']], argv: plain('cmd', 'E=2') },
  ]);
  // Not assignments: no name, a digit first, a quoted name.
  assert.deepEqual(shape('=x'), [{ argv: plain('=x') }]);
  assert.deepEqual(shape('1A=x y'), [{ argv: plain('1A=x', 'y') }]);
  assert.deepEqual(shape('"A"=1 y'), [{ argv: [['A=1', '"A"=1'], ['y', 'y']] }]);
  // Array assignment keeps the parenthesised list as written.
  assert.deepEqual(shape('arr=(1 "2 3") cmd'), [{ assignments: plain('arr=(1 "2 3")'), argv: plain('cmd') }]);
  const [cmd] = tokenizeShell('TOKEN=abc');
  assert.equal(cmd.start, 0);
  assert.equal(cmd.end, 9);
});

// ---------------------------------------------------------------------------------------------
// Command splitting

test('separators: newline ; && || | & |&', () => {
  const script = 'a 1; b 2 && c 3 || d 4 | e 5 & f 6 |& g 7\nh 8';
  assert.deepEqual(argvs(script), [
    ['a', '1'],
    ['b', '2'],
    ['c', '3'],
    ['d', '4'],
    ['e', '5'],
    ['f', '6'],
    ['g', '7'],
    ['h', '8'],
  ]);
  const cmds = tokenizeShell(script);
  assert.deepEqual(
    cmds.map((c) => script.slice(c.start, c.end)),
    ['a 1', 'b 2', 'c 3', 'd 4', 'e 5', 'f 6', 'g 7', 'h 8'],
  );
});

test('pipelines', () => {
  const script = 'curl -fsSL http://get.example.com/install.sh | sudo bash -s -- --yes';
  assert.deepEqual(shape(script), [
    { argv: plain('curl', '-fsSL', 'http://get.example.com/install.sh') },
    { argv: plain('sudo', 'bash', '-s', '--', '--yes') },
  ]);
  assert.deepEqual(argvs('cat a|grep b|wc -l'), [['cat', 'a'], ['grep', 'b'], ['wc', '-l']]);
});

test('subshell parens and brace groups at command position', () => {
  assert.deepEqual(shape('(cd dir && curl -k https://x)'), [{ argv: plain('cd', 'dir') }, { argv: plain('curl', '-k', 'https://x') }]);
  assert.deepEqual(shape('{ curl -k x; wget y; }'), [{ argv: plain('curl', '-k', 'x') }, { argv: plain('wget', 'y') }]);
  assert.deepEqual(shape('{\n  curl -k x\n}'), [{ argv: plain('curl', '-k', 'x') }]);
  // Not a group: braces inside words and as arguments.
  assert.deepEqual(shape('echo {a,b} } {'), [{ argv: plain('echo', '{a,b}', '}', '{') }]);
});

test('if/then/elif/else/fi: keywords skipped', () => {
  const script = 'if curl -k x; then echo ok; elif wget y; then :; else exit 1; fi';
  assert.deepEqual(shape(script), [
    { argv: plain('curl', '-k', 'x') },
    { argv: plain('echo', 'ok') },
    { argv: plain('wget', 'y') },
    { argv: plain(':') },
    { argv: plain('exit', '1') },
  ]);
  const [first] = tokenizeShell(script);
  assert.equal(first.argv[0].start, 3);
  assert.equal(first.start, 3);
  assert.equal(first.end, 12);
  assert.deepEqual(argvs('if ! curl -k x\nthen\n  echo fail\nfi'), [['curl', '-k', 'x'], ['echo', 'fail']]);
  // Keywords are only keywords at command position.
  assert.deepEqual(argvs('echo if then fi done'), [['echo', 'if', 'then', 'fi', 'done']]);
  // After an assignment the next word is the program, even if it looks like a keyword.
  assert.deepEqual(shape('A=1 if'), [{ assignments: plain('A=1'), argv: plain('if') }]);
});

test('while/until/for/select loops', () => {
  assert.deepEqual(argvs('while read -r line; do curl -k "$line"; done < urls.txt'), [['read', '-r', 'line'], ['curl', '-k', '$line']]);
  assert.deepEqual(argvs('until curl -k x; do sleep 1; done'), [['curl', '-k', 'x'], ['sleep', '1']]);
  assert.deepEqual(argvs('for u in a b c; do curl -k "$u"; done'), [['curl', '-k', '$u']]);
  assert.deepEqual(argvs('for u in a b\ndo\n  wget $u\ndone'), [['wget', '$u']]);
  assert.deepEqual(argvs('for ((i=0; i<3; i++)); do curl -k x; done'), [['curl', '-k', 'x']]);
  assert.deepEqual(argvs('select x in a b; do echo $x; done'), [['echo', '$x']]);
  assert.deepEqual(argvs('(( n++ )); echo $n'), [['echo', '$n']]);
  assert.deepEqual(argvs('in x'), [['x']]);
});

test('case/esac: patterns are not commands', () => {
  const script = 'case "$1" in\n  a|b) curl -k x ;;\n  (c) wget y;;\n  *) echo other ;;\nesac\nls';
  assert.deepEqual(argvs(script), [['curl', '-k', 'x'], ['wget', 'y'], ['echo', 'other'], ['ls']]);
  assert.deepEqual(argvs('case $x in a) echo a;; esac; ls -l'), [['echo', 'a'], ['ls', '-l']]);
  assert.deepEqual(argvs('case $x in\n a) case $y in b) echo b;; esac;;\n c) echo c;;\nesac'), [['echo', 'b'], ['echo', 'c']]);
});

test('function definitions', () => {
  assert.deepEqual(argvs('fetch() { curl -k "$1"; }\nfetch https://x'), [['curl', '-k', '$1'], ['fetch', 'https://x']]);
  assert.deepEqual(argvs('function fetch {\n  wget --no-check-certificate "$1"\n}'), [['wget', '--no-check-certificate', '$1']]);
  assert.deepEqual(argvs('function fetch() { echo; }'), [['echo']]);
});

// ---------------------------------------------------------------------------------------------
// Quoting

test('single quotes are literal', () => {
  assert.deepEqual(shape(`echo 'a $b \\n "c"' 'it'\\''s'`), [
    { argv: [['echo', 'echo'], ['a $b \\n "c"', `'a $b \\n "c"'`], ["it's", `'it'\\''s'`]] },
  ]);
});

test('double quotes: escapes only for $ ` " \\ and newline', () => {
  const script = 'echo "a\\$b\\`c\\"d\\\\e\\nf\\\ng" x';
  const [cmd] = tokenizeShell(script);
  assert.equal(cmd.argv[1].value, 'a$b`c"d\\e\\nfg');
  assert.equal(script.slice(cmd.argv[1].start, cmd.argv[1].end), '"a\\$b\\`c\\"d\\\\e\\nf\\\ng"');
  assert.deepEqual(cmd.argv[2], { value: 'x', start: script.length - 1, end: script.length });
});

test('adjacent quoted and unquoted parts form one word', () => {
  assert.deepEqual(shape('curl --header="Authorization: Bearer x" -H \'X-Key: \'"$KEY"end https://x'), [
    {
      argv: [
        ['curl', 'curl'],
        ['--header=Authorization: Bearer x', '--header="Authorization: Bearer x"'],
        ['-H', '-H'],
        ['X-Key: $KEYend', `'X-Key: '"$KEY"end`],
        ['https://x', 'https://x'],
      ],
    },
  ]);
});

test('ANSI-C $\'...\' quotes and $"..." locale quotes', () => {
  const script = `printf $'a\\tb\\x41\\101\\u00e9\\'q\\z' $"loc al"`;
  assert.deepEqual(shape(script), [
    {
      argv: [
        ['printf', 'printf'],
        ["a\tbAAé'q\\z", `$'a\\tb\\x41\\101\\u00e9\\'q\\z'`],
        ['loc al', '$"loc al"'],
      ],
    },
  ]);
  // Out-of-range code points do not throw.
  assert.equal(tokenizeShell(`echo $'\\UFFFFFFFF'`)[0].argv[1].value, '\ufffd');
});

test('backslash escapes outside quotes', () => {
  assert.deepEqual(shape('echo a\\ b \\$HOME \\"q\\" end\\'), [
    {
      argv: [
        ['echo', 'echo'],
        ['a b', 'a\\ b'],
        ['$HOME', '\\$HOME'],
        ['"q"', '\\"q\\"'],
        ['end\\', 'end\\'],
      ],
    },
  ]);
  // An escaped separator does not split.
  assert.deepEqual(argvs('echo a\\;b c\\|d'), [['echo', 'a;b', 'c|d']]);
});

test('unterminated quotes end the word at end of input', () => {
  assert.deepEqual(shape('echo "abc def'), [{ argv: [['echo', 'echo'], ['abc def', '"abc def']] }]);
  assert.deepEqual(shape("echo 'abc\ndef"), [{ argv: [['echo', 'echo'], ['abc\ndef', "'abc\ndef"]] }]);
  assert.deepEqual(shape('echo $(abc "x'), [{ argv: plain('echo', '$(abc "x') }]);
  assert.deepEqual(shape('echo `abc'), [{ argv: plain('echo', '`abc') }]);
  assert.deepEqual(shape('echo ${{ x'), [{ argv: plain('echo', '${{ x') }]);
  assert.deepEqual(shape("echo $'abc"), [{ argv: [['echo', 'echo'], ['abc', "$'abc"]] }]);
});

// ---------------------------------------------------------------------------------------------
// Line continuations and CRLF

test('multi-line continuation commands', () => {
  const script = 'curl \\\n  --insecure \\\n  -u user:pass \\\n  https://x\necho done';
  assert.deepEqual(shape(script), [{ argv: plain('curl', '--insecure', '-u', 'user:pass', 'https://x') }, { argv: plain('echo', 'done') }]);
  const [cmd] = tokenizeShell(script);
  assert.equal(cmd.start, 0);
  assert.equal(cmd.end, script.indexOf('\necho'));
  assert.equal(cmd.argv[4].start, script.indexOf('https'));
});

test('continuation inside a word is removed from the value', () => {
  const script = 'curl --ur\\\nl=http://x\\\n/y "a\\\nb"';
  assert.deepEqual(shape(script), [
    {
      argv: [
        ['curl', 'curl'],
        ['--url=http://x/y', '--ur\\\nl=http://x\\\n/y'],
        ['ab', '"a\\\nb"'],
      ],
    },
  ]);
});

test('backslash-CRLF continuation', () => {
  const script = 'helm install \\\r\n  --insecure-skip-tls-verify \\\r\n  x\r\n';
  assert.deepEqual(shape(script), [{ argv: plain('helm', 'install', '--insecure-skip-tls-verify', 'x') }]);
  assert.deepEqual(shape('a\\\r\nb c'), [{ argv: [['ab', 'a\\\r\nb'], ['c', 'c']] }]);
});

test('CRLF text: \\r is never part of a word', () => {
  const script = 'curl -k https://x\r\nwget --no-check-certificate "$URL"\r\n# note\r\nexport FOO=bar\r\n';
  assert.deepEqual(shape(script), [
    { argv: plain('curl', '-k', 'https://x') },
    { argv: [...plain('wget', '--no-check-certificate'), ['$URL', '"$URL"']] },
    { argv: plain('export', 'FOO=bar') },
  ]);
  const cmds = tokenizeShell(script);
  assert.deepEqual(cmds[1].argv[0], { value: 'wget', start: 19, end: 23 });
});

// ---------------------------------------------------------------------------------------------
// Expansions kept verbatim

test('$(...), backticks and ${...} are kept as written', () => {
  assert.deepEqual(shape('echo $(curl -k "a)b" | grep ")") pre`date +%s`post ${a:-${b}} $((1 + (2*3))) $HOME'), [
    { argv: plain('echo', '$(curl -k "a)b" | grep ")")', 'pre`date +%s`post', '${a:-${b}}', '$((1 + (2*3)))', '$HOME') },
  ]);
  // Whole-word command substitution is one word, nested ones balanced.
  assert.deepEqual(shape('$(get-cmd $(inner x) y) arg'), [{ argv: plain('$(get-cmd $(inner x) y)', 'arg') }]);
  // Inside double quotes: the substitution stays verbatim, the quotes go.
  assert.deepEqual(shape('curl -H "Authorization: Bearer $(cat "tok file")" x'), [
    {
      argv: [
        ['curl', 'curl'],
        ['-H', '-H'],
        ['Authorization: Bearer $(cat "tok file")', '"Authorization: Bearer $(cat "tok file")"'],
        ['x', 'x'],
      ],
    },
  ]);
  // Separators and newlines inside a substitution do not split.
  assert.deepEqual(argvs('X=$(a; b\nc) cmd'), [['cmd']]);
  assert.equal(tokenizeShell('X=$(a; b\nc) cmd')[0].assignments[0].value, 'X=$(a; b\nc)');
});

test('process substitution is one word', () => {
  assert.deepEqual(shape('diff <(curl -k a) >(tee b) c'), [{ argv: plain('diff', '<(curl -k a)', '>(tee b)', 'c') }]);
});

test('GitHub Actions expressions stay one word piece', () => {
  const script = 'echo ${{ secrets.TOKEN }}';
  assert.deepEqual(tokenizeShell(script), [
    {
      assignments: [],
      argv: [
        { value: 'echo', start: 0, end: 4 },
        { value: '${{ secrets.TOKEN }}', start: 5, end: 25 },
      ],
      start: 0,
      end: 25,
    },
  ]);
  assert.deepEqual(shape('curl --token=${{ secrets.T }} -H "X: ${{ github.token }}" ${{ format(\'{0}}}\', x) }}'), [
    {
      argv: [
        ['curl', 'curl'],
        ['--token=${{ secrets.T }}', '--token=${{ secrets.T }}'],
        ['-H', '-H'],
        ['X: ${{ github.token }}', '"X: ${{ github.token }}"'],
        ["${{ format('{0}}}', x) }}", "${{ format('{0}}}', x) }}"],
      ],
    },
  ]);
  assert.deepEqual(shape('TOKEN=${{ secrets.T }} ./deploy.sh'), [{ assignments: plain('TOKEN=${{ secrets.T }}'), argv: plain('./deploy.sh') }]);
});

// ---------------------------------------------------------------------------------------------
// Comments

test('comments', () => {
  const script = '# curl -k nope\necho a#b \'#q\' "#d" # curl -k x\ncurl -k y;# z\n  # indented';
  assert.deepEqual(shape(script), [
    { argv: [['echo', 'echo'], ['a#b', 'a#b'], ['#q', "'#q'"], ['#d', '"#d"']] },
    { argv: plain('curl', '-k', 'y') },
  ]);
  assert.deepEqual(argvs('echo x \\\n# c\necho y'), [['echo', 'x'], ['echo', 'y']]);
});

// ---------------------------------------------------------------------------------------------
// Heredocs

test('heredoc bodies are skipped', () => {
  const script = 'cat <<EOF > conf\ncurl -k body\nEOF\ncurl -k after';
  assert.deepEqual(shape(script), [{ argv: plain('cat') }, { argv: plain('curl', '-k', 'after') }]);
  assert.equal(tokenizeShell(script)[1].start, script.lastIndexOf('curl'));
});

test('heredoc variants: <<-, quoted delimiters, two per line, pipes', () => {
  assert.deepEqual(argvs("cat <<-'END'\n\tcurl -k a\n\tEND\necho b"), [['cat'], ['echo', 'b']]);
  assert.deepEqual(argvs('cat <<"EOF"\nwget x\nEOF\necho c'), [['cat'], ['echo', 'c']]);
  assert.deepEqual(argvs('cat <<\\EOF\nwget x\nEOF\necho c'), [['cat'], ['echo', 'c']]);
  assert.deepEqual(argvs('cat <<A <<B | sh -s x\none\nA\ntwo\nB\nls'), [['cat'], ['sh', '-s', 'x'], ['ls']]);
  // Without `-` a tab-indented terminator does not end the body.
  assert.deepEqual(argvs('cat <<EOF\n\tEOF\nwget x\nEOF\nls'), [['cat'], ['ls']]);
  // CRLF body and terminator.
  assert.deepEqual(argvs('cat <<EOF\r\ncurl -k x\r\nEOF\r\nls\r\n'), [['cat'], ['ls']]);
  // Unterminated: the rest of the script is body.
  assert.deepEqual(argvs('cat <<EOF\ncurl -k x\n'), [['cat']]);
  // `<<<` is a here-string, not a heredoc.
  assert.deepEqual(argvs('grep x <<< "$data"\ncurl -k y'), [['grep', 'x'], ['curl', '-k', 'y']]);
});

// ---------------------------------------------------------------------------------------------
// Redirections

test('redirections and their targets are not argv words', () => {
  const script = 'curl -k x > out 2>&1 >> log < in &> all >| f 2> /dev/null 3<&0 4<>rw y';
  assert.deepEqual(shape(script), [{ argv: plain('curl', '-k', 'x', 'y') }]);
  const [cmd] = tokenizeShell(script);
  assert.equal(cmd.end, script.length);
  assert.deepEqual(argvs('>out echo hi'), [['echo', 'hi']]);
  assert.deepEqual(argvs('echo hi>out;echo 2>x 2 > y'), [['echo', 'hi'], ['echo', '2']]);
  assert.deepEqual(argvs('curl x 2>&1 | tee log'), [['curl', 'x'], ['tee', 'log']]);
  assert.deepEqual(argvs('echo a >"file name" b'), [['echo', 'a', 'b']]);
  // Redirections alone make no command.
  assert.deepEqual(argvs('> empty'), []);
});

// ---------------------------------------------------------------------------------------------
// Out of scope input: no crash

test('Windows and PowerShell text does not crash', () => {
  assert.deepEqual(argvs('set X=%FOO% && echo %FOO%'), [['set', 'X=%FOO%'], ['echo', '%FOO%']]);
  for (const script of [
    'Write-Host "a`nb"; $env:X = \'y\'',
    'Invoke-WebRequest -Uri http://x -SkipCertificateCheck | Out-Null',
    '@echo off\r\nif "%1"=="" goto :eof\r\n',
    'Get-ChildItem | ForEach-Object { $_.Name }',
  ]) {
    const cmds = tokenizeShell(script);
    checkInvariants(script, cmds);
  }
  assert.deepEqual(tokenizeShell(''), []);
  assert.deepEqual(tokenizeShell('   \n\n ; ;; && || | & ) ( } {'), []);
});

// ---------------------------------------------------------------------------------------------
// Robustness and speed

function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

test('1 MB random string tokenizes under 200 ms without throwing', () => {
  // With quotes (an unterminated one swallows the rest) and without (every operator is exercised).
  for (const alphabet of ['abcxyz019 \t\n\r\\\'"`$(){}[];&|<>#=-*!%@~:/.,?^+EOFin', 'abcxyz019     \t\n\r\\$(){}[];&|<>#=-*!%@~:/.,?^+EOFin']) {
    const rnd = random(12345);
    const parts: string[] = [];
    for (let i = 0; i < 1 << 20; i++) parts.push(alphabet[Math.floor(rnd() * alphabet.length)]);
    const script = parts.join('');
    assert.equal(script.length, 1 << 20);
    tokenizeShell(script.slice(0, 10000)); // warm up
    const t0 = performance.now();
    const cmds = tokenizeShell(script);
    const ms = performance.now() - t0;
    assert.ok(ms < 200, `took ${ms.toFixed(1)} ms`);
    assert.ok(cmds.length > 0);
    checkInvariants(script, cmds);
  }
});

test('1 MB of random shell-like words tokenizes in linear time', () => {
  const words = ['curl', '-k', 'https://x', '"a b"', "'c'", '$(x y)', '&&', '|', ';', '\n', '\\\n', '# c\n', '${{ s.t }}', 'A=1', '<<EOF\nbody\nEOF\n', '>', 'out', 'if', 'then', 'fi', '(', ')'];
  const rnd = random(99);
  const parts: string[] = [];
  let length = 0;
  while (length < 1 << 20) {
    const w = words[Math.floor(rnd() * words.length)];
    parts.push(w, ' ');
    length += w.length + 1;
  }
  const script = parts.join('');
  let best = Infinity;
  let cmds: readonly ShellCommand[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    cmds = tokenizeShell(script);
    best = Math.min(best, performance.now() - t0);
  }
  // Generous bound for loaded CI machines: a quadratic scan would take minutes here.
  assert.ok(best < 1000, `took ${best.toFixed(1)} ms`);
  assert.ok(cmds.length > 10_000);
  checkInvariants(script, cmds);
});

test('pathological inputs stay linear and never throw', () => {
  const n = 200_000;
  const inputs = [
    '$('.repeat(n),
    '${'.repeat(n),
    '"$('.repeat(n),
    '`'.repeat(n),
    '('.repeat(n),
    '<(' .repeat(n),
    '\\'.repeat(n),
    '\\\n'.repeat(n),
    "'".repeat(n),
    '${{'.repeat(n),
    '<<A '.repeat(n) + '\n',
    '<<\n'.repeat(n),
    'case x in '.repeat(n),
    ';;'.repeat(n),
    'a=('.repeat(n),
    '2>'.repeat(n),
    'x '.repeat(n),
    "$'\\".repeat(n),
    '\ud800'.repeat(n),
  ];
  for (const script of inputs) {
    const t0 = performance.now();
    const cmds = tokenizeShell(script);
    const ms = performance.now() - t0;
    // Generous bound (some of these build 200k commands): a quadratic scan would take minutes.
    assert.ok(ms < 1000, `${JSON.stringify(script.slice(0, 8))}… took ${ms.toFixed(1)} ms`);
    checkInvariants(script, cmds);
    for (const c of cmds.slice(0, 100)) for (const w of c.argv) wordSubRange(script, w, 0, w.value.length);
  }
});

// ---------------------------------------------------------------------------------------------
// wordSubRange

test('wordSubRange on a word with quotes and a continuation', () => {
  const script = 'curl --url="http://ex\\\nample.com/p" y';
  const [cmd] = tokenizeShell(script);
  const word = cmd.argv[1];
  assert.equal(word.value, '--url=http://example.com/p');
  assert.equal(script.slice(word.start, word.end), '--url="http://ex\\\nample.com/p"');
  // The URL: from `h` to after `p`, the closing quote excluded, the continuation inside.
  const from = word.value.indexOf('http');
  const r = wordSubRange(script, word, from, word.value.length);
  assert.equal(script.slice(r.start, r.end), 'http://ex\\\nample.com/p');
  assert.deepEqual(r, { start: 12, end: 34 });
  // The host alone.
  const h = word.value.indexOf('example.com');
  assert.equal(script.slice(...Object.values(wordSubRange(script, word, h, h + 11)) as [number, number]), 'ex\\\nample.com');
  // Starting right after the continuation.
  const a = word.value.indexOf('ample');
  assert.equal(script.slice(...Object.values(wordSubRange(script, word, a, a + 5)) as [number, number]), 'ample');
  // The whole value: everything but nothing outside the word.
  const all = wordSubRange(script, word, 0, word.value.length);
  assert.equal(script.slice(all.start, all.end), '--url="http://ex\\\nample.com/p');
  // Empty and out-of-range slices are clamped, never throw.
  assert.deepEqual(wordSubRange(script, word, 3, 3), { start: word.start + 3, end: word.start + 3 });
  assert.deepEqual(wordSubRange(script, word, word.value.length, word.value.length), { start: word.end, end: word.end });
  const clamped = wordSubRange(script, word, -5, 1000);
  assert.equal(clamped.start, word.start);
  assert.ok(clamped.end <= word.end);
});

test('wordSubRange through escapes, single quotes, ANSI-C and expansions', () => {
  const script = `x a\\"b'c d'"e\\$f"$'\\x41g'$(h i)`;
  const [cmd] = tokenizeShell(script);
  const word = cmd.argv[1];
  assert.equal(word.value, 'a"bc de$fAg$(h i)');
  const sub = (from: number, to: number) => {
    const r = wordSubRange(script, word, from, to);
    return script.slice(r.start, r.end);
  };
  assert.equal(sub(1, 2), '\\"');
  assert.equal(sub(0, 3), 'a\\"b');
  assert.equal(sub(3, 7), "c d'\"e");
  assert.equal(sub(7, 9), '\\$f');
  assert.equal(sub(9, 10), '\\x41');
  assert.equal(sub(9, 11), "\\x41g");
  assert.equal(sub(11, 17), '$(h i)');
  assert.equal(sub(13, 14), 'h');
});

test('wordSubRange with GitHub expressions and CRLF', () => {
  const script = 'echo hi\r\ncurl -H "Authorization: Bearer ${{ secrets.T }}" \\\r\n  https://x\r\n';
  const cmds = tokenizeShell(script);
  assert.deepEqual(cmds[1].argv.map((w) => w.value), ['curl', '-H', 'Authorization: Bearer ${{ secrets.T }}', 'https://x']);
  const word = cmds[1].argv[2];
  const from = word.value.indexOf('${{');
  const r = wordSubRange(script, word, from, word.value.length);
  assert.equal(script.slice(r.start, r.end), '${{ secrets.T }}');
});
