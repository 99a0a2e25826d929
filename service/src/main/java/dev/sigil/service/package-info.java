/**
 * The Sigil server. Its packages, top first; each uses only packages after it (checked by {@code PackageLayersTest}):
 * <ol>
 * <li>{@code grpc}: {@code sigil.v1.Sigil} on Vert.x's gRPC server, its one status mapping, the verify stream
 * <li>{@code http}: routes and handlers (decode, call a service, encode), the one failure handler, the worker pool
 * <li>{@code sign}: what is signed, where, and how it is encoded
 * <li>{@code verify}: a request split into one batch per scheme, the outcomes back in order
 * <li>{@code keys}: key stores (software, token) and key ids
 * <li>{@code routing}: the router: cost estimates, splitting, coalescing, failover
 * <li>{@code backend}: the backends started from their providers
 * <li>{@code tls}: HTTPS: certificate and key files, client certificates, reload while serving
 * <li>{@code config}: the validated configuration
 * <li>{@code auth}: bearer tokens and roles
 * <li>{@code ops}: every metric, declared in one class
 * <li>{@code error}: the failures a request can end with, each with its stable code
 * </ol>
 * This package itself wires them together and starts the server.
 */
package dev.sigil.service;
