package org.borderid.server.http;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.borderid.server.security.ApiKeyStore;
import org.borderid.server.security.Principal;
import org.borderid.server.security.RateLimiter;
import org.borderid.server.security.Role;

/**
 * Runs before every matched route: routes that name roles require an API key of one of them, then pass the key's
 * rate limit. The key comes as {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}.
 *
 * <p>Order of checks and answers: no key or an unknown/revoked key → 401 (with {@code WWW-Authenticate: Bearer}), a
 * valid key of another role → 403, over the key's rate → 429 with {@code Retry-After}. Keys never reach logs.
 */
public final class Authentication {
    /** Request attribute holding the authenticated {@link Principal}. */
    public static final String PRINCIPAL = "borderid.principal";
    private static final String BEARER = "Bearer ";

    private final ApiKeyStore keys;
    private final RateLimiter rateLimiter;

    public Authentication(ApiKeyStore keys, RateLimiter rateLimiter) {
        this.keys = keys;
        this.rateLimiter = rateLimiter;
    }

    /** The {@code beforeMatched} handler. */
    public void check(Context ctx) {
        Set<RouteRole> allowed = ctx.routeRoles();
        if (allowed.isEmpty()) {
            return; // public route: /health, /ready, /metrics, /openapi.yaml
        }
        String presented = presentedKey(ctx);
        if (presented == null) {
            throw new ApiException(ProblemType.UNAUTHORIZED, "This route needs an API key: send "
                    + "'Authorization: Bearer <key>'.", List.of(), Map.of("WWW-Authenticate",
                    "Bearer realm=\"borderid\""));
        }
        Optional<Principal> principal = keys.authenticate(presented);
        if (principal.isEmpty()) {
            throw new ApiException(ProblemType.UNAUTHORIZED, "The API key is not valid (unknown, revoked or "
                    + "malformed).", List.of(), Map.of("WWW-Authenticate",
                    "Bearer realm=\"borderid\", error=\"invalid_token\""));
        }
        Principal p = principal.get();
        if (!allowed.contains(p.role())) {
            throw new ApiException(ProblemType.FORBIDDEN, "A " + p.role().id() + " key may not use "
                    + ctx.method() + " " + ctx.path() + "; it needs the role "
                    + allowed.stream().map(r -> ((Role) r).id()).sorted().collect(Collectors.joining(" or "))
                    + ".");
        }
        long retryAfter = rateLimiter.acquire(p.keyId());
        if (retryAfter > 0) {
            throw new ApiException(ProblemType.RATE_LIMITED, "This API key exceeded its request rate; retry after "
                    + retryAfter + " s.", List.of(), Map.of("Retry-After", Long.toString(retryAfter)));
        }
        ctx.attribute(PRINCIPAL, p);
    }

    /** The principal of an authenticated request (set by {@link #check}). */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new IllegalStateException("route has no role requirement but needs a principal");
        }
        return p;
    }

    private static String presentedKey(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String key = auth.substring(BEARER.length()).trim();
            return key.isEmpty() ? null : key;
        }
        String header = ctx.header("X-API-Key");
        return header == null || header.isBlank() ? null : header.trim();
    }
}
