package org.borderid.server.http;

import io.javalin.http.Context;
import org.borderid.server.security.Principal;
import org.borderid.server.security.Role;
import org.borderid.server.service.IdentifyCommand;
import org.borderid.server.service.IdentifyResult;
import org.borderid.server.service.VerifyCommand;
import org.borderid.server.service.VerifyResult;

/** {@code POST /v1/verify} and {@code POST /v1/identify}: the kiosk's routes. */
final class CheckpointRoutes {
    private final ApiServices services;
    private final Commands commands;

    CheckpointRoutes(ApiServices services, Commands commands) {
        this.services = services;
        this.commands = commands;
    }

    void verify(Context ctx) {
        long start = System.nanoTime();
        Params.allowOnly(ctx);
        VerifyCommand command = commands.verify(ctx);
        VerifyResult result = services.work().call(() -> services.verification().verify(command));
        ctx.json(result.withProcessingMs(millisSince(start)));
    }

    void identify(Context ctx) {
        long start = System.nanoTime();
        Principal who = Authentication.principal(ctx);
        Params.allowOnly(ctx);
        IdentifyCommand command = commands.identify(ctx);
        IdentifyResult result = services.work().call(() -> services.identification().identify(who, command))
                .withProcessingMs(millisSince(start));
        ctx.json(who.role() == Role.ADMIN ? result : result.forKiosk());
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
