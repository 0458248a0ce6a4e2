/**
 * The HTTP error convention of SOPflow's own API ({@code /api/**}): every error is an RFC 9457 problem
 * detail ({@code application/problem+json}).
 *
 * <p>This package owns:
 * <ul>
 *   <li>the exceptions by which code says what went wrong for the caller, in words for people (Bahasa
 *       Indonesia): {@link id.sopflow.api.InvalidInput} (the request is wrong: 400),
 *       {@link id.sopflow.api.NotFound} (no such thing, or one the caller may not see: 404) and
 *       {@link id.sopflow.api.Conflict} (it clashes with what is already there: 409). They are plain Java, so the
 *       domain raises them where the rule lives, without knowing HTTP;</li>
 *   <li>{@code ApiErrors}, the one advice that turns them, the engine's refusals and Spring's own binding
 *       errors into problem details, and any other exception into a 500 without internals;</li>
 *   <li>{@code ApiAccessDenied}, the same 403 for what the security chain refuses before a controller runs
 *       (admin-only requests, a missing CSRF token).</li>
 * </ul>
 * The 401 of an unauthenticated call is written by {@code organisation.SecurityConfiguration} in the same
 * shape. {@code /engine-rest} is Camunda's API and keeps its own error shape ({@code organisation.EngineRestErrors}).
 *
 * <p>Shape, decided once: {@code type} is {@code about:blank} and {@code title} the HTTP status phrase
 * ("Not Found"), as RFC 9457 asks when a problem has no meaning beyond its status; {@code status};
 * {@code detail} says in Bahasa Indonesia what is wrong and how to fix it; {@code instance} is the request path.
 * A client decides by the status, a person reads the detail.
 */
package id.sopflow.api;
