package org.borderid.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.borderid.server.service.EnrollCommand;
import org.borderid.server.service.SubjectPage;
import org.borderid.server.service.SubjectQuery;
import org.borderid.server.service.SubjectView;

/** Subject administration: enroll, get, replace, delete, list, bulk import and job status. */
final class SubjectRoutes {
    /** Default page size of the listing. */
    static final int DEFAULT_LIMIT = 100;

    private final ApiContext api;
    private final Commands commands;
    private final ImportJobs imports;

    SubjectRoutes(ApiContext api, Commands commands, ImportJobs imports) {
        this.api = api;
        this.commands = commands;
        this.imports = imports;
    }

    void enroll(Context ctx) {
        Params.allowOnly(ctx);
        EnrollCommand command = commands.subject(ctx, null);
        SubjectView view = api.services().work().call(() -> api.services().enrollment()
                .enroll(Authentication.principal(ctx), command));
        ctx.status(201).header("Location", "/v1/subjects/" + view.id()).json(view);
    }

    void get(Context ctx) {
        ctx.json(api.services().enrollment().get(ctx.pathParam("id")));
    }

    void replace(Context ctx) {
        Params.allowOnly(ctx);
        EnrollCommand command = commands.subject(ctx, ctx.pathParam("id"));
        ctx.json(api.services().work().call(() -> api.services().enrollment()
                .replace(Authentication.principal(ctx), command)));
    }

    void delete(Context ctx) {
        api.services().enrollment().delete(Authentication.principal(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    void list(Context ctx) {
        Params.allowOnly(ctx, "list", "agency", "after", "limit");
        int limit = (int) Params.longParam(ctx, "limit", Math.min(DEFAULT_LIMIT, api.config().limits().maxPageSize()),
                1, api.config().limits().maxPageSize());
        SubjectQuery query = new SubjectQuery(Params.stringParam(ctx, "list"), Params.stringParam(ctx, "agency"));
        SubjectPage page = api.services().enrollment().list(query, Params.stringParam(ctx, "after"), limit);
        ctx.json(new Page(page.subjects().stream().map(SubjectView::of).toList(), page.next()));
    }

    /** A page of the listing; {@code next} is omitted on the last page. */
    record Page(List<SubjectView> subjects, String next) {}

    void importNdjson(Context ctx) throws IOException {
        if (!RequestBodies.isNdjson(ctx.contentType())) {
            throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the import as application/x-ndjson "
                    + "(one subject JSON document per line).");
        }
        Params.allowOnly(ctx, "onDuplicate");
        String mode = Params.stringParam(ctx, "onDuplicate");
        ImportJobs.OnDuplicate onDuplicate;
        try {
            onDuplicate = mode == null ? ImportJobs.OnDuplicate.FAIL
                    : ImportJobs.OnDuplicate.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("onDuplicate", "INVALID", "expected fail, skip or replace");
        }
        api.services().engines().requireStore();
        try (InputStream body = ctx.req().getInputStream()) {
            ImportJobs.JobStatus status = imports.submit(Authentication.principal(ctx), body, onDuplicate);
            ctx.status(202).header("Location", "/v1/jobs/" + status.id()).json(status);
        }
    }

    void job(Context ctx) {
        ctx.json(imports.status(ctx.pathParam("id")).orElseThrow(() -> new ApiException(ProblemType.NOT_FOUND,
                "No import job '" + ctx.pathParam("id") + "' (jobs are kept in memory until a restart).",
                List.of())));
    }
}
