// Transport rules: cleartext endpoints, TLS switched off and certificate checks skipped.
import type { Rule } from '../../rule';
import { cleartextUrl } from './cleartext-url';
import { tlsVerifyDisabled } from './tls-verify-disabled';
import { insecureCommand } from './insecure-command';
import { insecureConnectionString } from './insecure-connection-string';
import { encryptionInTransitDisabled } from './encryption-in-transit-disabled';
import { openapiHttpScheme } from './openapi-http-scheme';

export const TRANSPORT_RULES: readonly Rule[] = [cleartextUrl, tlsVerifyDisabled, insecureCommand, insecureConnectionString, encryptionInTransitDisabled, openapiHttpScheme];
