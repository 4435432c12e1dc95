// scope/slack-broad-scope: admin and broad write scopes in a Slack app manifest
// (`oauth_config.scopes.bot` / `.user`). The message names the narrower scope.
import type { Rule } from '../../rule';
import { table } from '../../table';

const BROAD = table<{ severity: 'error' | 'warning'; instead: string }>({
  admin: { severity: 'error', instead: 'the specific `admin.*` scopes of the admin APIs the app calls' },
  client: { severity: 'error', instead: 'the granular scopes the app uses (`client` is the legacy full-access scope)' },
  'chat:write.customize': { severity: 'warning', instead: '`chat:write` (posting as another name and icon makes impersonation easy)' },
  'chat:write.public': { severity: 'warning', instead: '`chat:write` and invite the app to the channels it posts in' },
  'channels:write': { severity: 'warning', instead: '`channels:manage` or the specific channel scopes (legacy scope)' },
  'groups:write': { severity: 'warning', instead: '`groups:write.invites` or `groups:write.topic` for what the app does' },
  'users:write': { severity: 'warning', instead: 'no user write scope unless the app sets presence' },
  'users.profile:write': { severity: 'warning', instead: '`users.profile:read`, writing profiles only where the app must' },
});

export const slackBroadScope: Rule = {
  meta: {
    id: 'scope/slack-broad-scope',
    category: 'scope',
    title: 'Slack app requests an admin or broad write scope',
    defaultSeverity: 'warning',
    confidence: 'high',
    explanation:
      'Scopes in a Slack app manifest are granted to every token the app holds. `admin` and the `admin.*` family manage the whole workspace or organization (users, channels, apps, settings), `client` is the legacy scope that can do anything the user can, and scopes such as `chat:write.public` or `chat:write.customize` let a leaked bot token post anywhere under any name. Request the granular scope for what the app does; the message names it.',
    fixable: false,
  },
  kinds: ['yaml', 'json'],
  keywords: ['oauth_config'],
  visitScalar(ctx, node, path) {
    const n = path.length;
    if (n < 4 || path[n - 4] !== 'oauth_config' || path[n - 3] !== 'scopes' || (path[n - 2] !== 'bot' && path[n - 2] !== 'user')) return;
    const scope = node.value.trim();
    const entry = BROAD[scope] ?? (scope.startsWith('admin.') ? { severity: 'warning' as const, instead: 'only the admin scopes of the admin APIs the app calls, on an org-installed app' } : undefined);
    if (!entry) return;
    ctx.report({
      start: node.start,
      end: node.end,
      severity: entry.severity,
      message: `Slack ${String(path[n - 2])} scope \`${scope}\` is broader than most apps need. Use ${entry.instead}.`,
    });
  },
};
