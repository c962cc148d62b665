// What a failed connection means, from its code: Node's (undici and TLS) or Chromium's net::ERR_
// names (Electron's net.fetch and the consent window's did-fail-load). A proxy or certificate
// failure is its own error with its own advice, never "offline": behind a company proxy or a
// TLS-inspecting CA the network is there and only a setting is wrong.
import { CertificateError, NetworkError, ProxyError, type PacebarError } from '../errors';

/**
 * Chromium: ERR_PROXY_CONNECTION_FAILED, ERR_TUNNEL_CONNECTION_FAILED (the proxy refused CONNECT),
 * ERR_PROXY_AUTH_REQUESTED, ERR_PAC_SCRIPT_FAILED, ERR_MANDATORY_PROXY_CONFIGURATION_FAILED, …
 * (net/base/net_error_list.h). undici: UND_ERR_PRX_TLS (TLS to an https:// proxy).
 */
const PROXY = /^(ERR_(PROXY|TUNNEL|PAC|MANDATORY_PROXY|NO_SUPPORTED_PROXIES)[A-Z_]*|UND_ERR_PRX_TLS)$/;

/** Node's TLS verification codes (OpenSSL's X509_V_ERR names without the prefix). */
const NODE_CERTIFICATE: ReadonlySet<string> = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Chromium: ERR_CERT_AUTHORITY_INVALID, ERR_CERT_DATE_INVALID, ERR_CERT_COMMON_NAME_INVALID, … */
const CHROMIUM_CERTIFICATE = /^ERR_(CERT|CERTIFICATE)_[A-Z_]+$/;

const FRIENDLY: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'DNS lookup failed',
    ENETUNREACH: 'network unreachable',
    EHOSTUNREACH: 'host unreachable',
    UND_ERR_SOCKET: 'connection dropped',
    UND_ERR_CLOSED: 'connection closed',
    UND_ERR_ABORTED: 'request aborted',
  }),
);

/** Only something shaped like an error code is ever named, never free text. */
const CODE_SHAPE = /^[A-Z_]{2,40}$/;

/** The typed error for a connection failure with this code. */
export function connectionFailure(code: string): PacebarError {
  const named = CODE_SHAPE.test(code) ? code : null;
  if (named && PROXY.test(named)) return new ProxyError(named);
  if (named && (CHROMIUM_CERTIFICATE.test(named) || NODE_CERTIFICATE.has(named))) return new CertificateError(named);
  return new NetworkError(FRIENDLY.get(code) ?? named ?? 'connection failed');
}
