// scope/msgraph-broad-permission: Microsoft Graph permissions that reach the whole tenant
// (`*.ReadWrite.All`, `Directory.*`, `Sites.FullControl.All`, role management) in app
// configuration, scripts (`Connect-MgGraph -Scopes ...`) and Terraform. The message names the
// narrower permission where one exists.
import type { Rule } from '../../rule';
import { table } from '../../table';

/** Literal permission names, optionally after the Graph resource URL. Alternation of literals: linear. */
const PERMISSION = /(?:https:\/\/graph\.microsoft\.com\/)?\b([A-Z][A-Za-z]{1,40}(?:\.[A-Z][A-Za-z]{1,40}){0,2}\.ReadWrite\.All|Directory\.(?:Read\.All|ReadWrite\.All|AccessAsUser\.All)|Sites\.FullControl\.All|RoleManagement\.ReadWrite\.Directory)\b/g;

const NARROWER = table<string>({
  'Files.ReadWrite.All': '`Files.ReadWrite` (the signed-in user\'s files) or `Sites.Selected`',
  'Sites.ReadWrite.All': '`Sites.Selected`',
  'Sites.FullControl.All': '`Sites.Selected`',
  'User.ReadWrite.All': '`User.ReadWrite` or `User.Read.All`',
  'Group.ReadWrite.All': '`GroupMember.ReadWrite.All` or `Group.Read.All`',
  'Mail.ReadWrite.All': '`Mail.ReadWrite` with an application access policy',
  'Directory.ReadWrite.All': 'the specific `User.*`, `Group.*` or `Application.*` permission',
  'Directory.Read.All': '`User.Read.All` or `Group.Read.All`',
  'Directory.AccessAsUser.All': 'the specific delegated permissions the app calls',
  'Application.ReadWrite.All': '`Application.ReadWrite.OwnedBy`',
  'AppRoleAssignment.ReadWrite.All': 'no tenant-wide grant: it lets the app give itself any permission',
  'RoleManagement.ReadWrite.Directory': 'no tenant-wide grant: it lets the app make itself a global administrator',
});

/** Permissions that let the holder grant itself more. */
const SELF_ESCALATING = new Set(['AppRoleAssignment.ReadWrite.All', 'RoleManagement.ReadWrite.Directory', 'Application.ReadWrite.All', 'Directory.ReadWrite.All']);

export const msgraphBroadPermission: Rule = {
  meta: {
    id: 'scope/msgraph-broad-permission',
    category: 'scope',
    title: 'Microsoft Graph permission across the whole tenant',
    defaultSeverity: 'warning',
    confidence: 'medium',
    explanation:
      'Microsoft Graph permissions ending in `.ReadWrite.All`, the `Directory.*` permissions and `Sites.FullControl.All` apply to every user, group, mailbox or site of the tenant; some (`RoleManagement.ReadWrite.Directory`, `AppRoleAssignment.ReadWrite.All`, `Application.ReadWrite.All`) let the app grant itself anything. A leaked client secret or token then reaches the whole organization. Request the narrower permission (`Files.ReadWrite`, `Sites.Selected`, `User.Read.All`, ...); the message names it.',
    fixable: false,
  },
  keywords: ['.readwrite.all', 'directory.read', 'directory.accessasuser', 'sites.fullcontrol', 'rolemanagement.readwrite'],
  visitScalar(ctx, node) {
    const value = node.value;
    if (!value.includes('.All') && !value.includes('RoleManagement')) return;
    PERMISSION.lastIndex = 0;
    for (let m = PERMISSION.exec(value); m; m = PERMISSION.exec(value)) {
      const name = m[1];
      const narrower = NARROWER[name] ?? `\`${name.replace(/\.All$/, '')}\` or a \`.Selected\` permission where Graph offers one`;
      const range = ctx.rangeIn(node, m.index, m.index + m[0].length);
      ctx.report({
        ...range,
        severity: SELF_ESCALATING.has(name) ? 'error' : undefined,
        message: `Microsoft Graph permission ${name} reaches the whole tenant. Use ${narrower}.`,
      });
    }
  },
};
