// Scope rules: least privilege for workflows, clusters, clouds and OAuth apps.
import type { Rule } from '../../rule';
import { ghaWriteAll } from './gha-write-all';
import { ghaReadAll } from './gha-read-all';
import { ghaMissingPermissions } from './gha-missing-permissions';
import { ghaUnneededWrite } from './gha-unneeded-write';
import { ghaIdTokenUnused } from './gha-id-token-unused';
import { ghaWorkflowLevelWrite } from './gha-workflow-level-write';
import { ghaSecretsInherit } from './gha-secrets-inherit';
import { ghaSecretsToJson } from './gha-secrets-tojson';
import { ghaPrHeadCheckout } from './gha-pr-head-checkout';
import { ghaAppTokenUnscoped } from './gha-app-token-unscoped';
import { k8sRbacWildcard } from './k8s-rbac-wildcard';
import { k8sRbacEscalation } from './k8s-rbac-escalation';
import { k8sSecretsClusterRead } from './k8s-secrets-cluster-read';
import { k8sClusterAdminBinding } from './k8s-cluster-admin-binding';
import { containerPrivileged } from './container-privileged';
import { containerPrivilegeEscalation } from './container-privilege-escalation';
import { containerHostNamespace } from './container-host-namespace';
import { containerCapabilities } from './container-capabilities';
import { containerHostMount } from './container-host-mount';
import { iamWildcardAction } from './iam-wildcard-action';
import { iamNotAction } from './iam-not-action';
import { iamPublicPrincipal } from './iam-public-principal';
import { iotPolicyWildcardResource } from './iot-policy-wildcard-resource';
import { awsAdminPolicyAttached } from './aws-admin-policy-attached';
import { gcpPrimitiveRole } from './gcp-primitive-role';
import { gcpPublicMember } from './gcp-public-member';
import { googleOauthBroadScope } from './google-oauth-broad-scope';
import { slackBroadScope } from './slack-broad-scope';
import { githubBroadScope } from './github-broad-scope';
import { msgraphBroadPermission } from './msgraph-broad-permission';

export const SCOPE_RULES: readonly Rule[] = [
  // GitHub Actions
  ghaWriteAll,
  ghaReadAll,
  ghaMissingPermissions,
  ghaUnneededWrite,
  ghaIdTokenUnused,
  ghaWorkflowLevelWrite,
  ghaSecretsInherit,
  ghaSecretsToJson,
  ghaPrHeadCheckout,
  ghaAppTokenUnscoped,
  // Kubernetes RBAC
  k8sRbacWildcard,
  k8sRbacEscalation,
  k8sSecretsClusterRead,
  k8sClusterAdminBinding,
  // Containers (Kubernetes, Helm values, Compose)
  containerPrivileged,
  containerPrivilegeEscalation,
  containerHostNamespace,
  containerCapabilities,
  containerHostMount,
  // Cloud IAM
  iamWildcardAction,
  iamNotAction,
  iamPublicPrincipal,
  iotPolicyWildcardResource,
  awsAdminPolicyAttached,
  gcpPrimitiveRole,
  gcpPublicMember,
  // OAuth and app scopes
  googleOauthBroadScope,
  slackBroadScope,
  githubBroadScope,
  msgraphBroadPermission,
];
