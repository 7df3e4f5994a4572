package org.borderid.server.http;

import io.javalin.http.Context;
import java.util.List;
import org.borderid.server.audit.AuditEntry;
import org.borderid.server.audit.AuditHead;

/** {@code GET /v1/audit}: the audit log for auditors, paged by sequence number. */
final class AuditRoutes {
    /** Default page size. */
    static final int DEFAULT_LIMIT = 100;

    private final ApiContext api;

    AuditRoutes(ApiContext api) {
        this.api = api;
    }

    /** Entries from {@code from} (default 1), at most {@code limit}, with the next page's {@code from} and the head. */
    void list(Context ctx) {
        long from = Params.longParam(ctx, "from", 1, 1, Long.MAX_VALUE);
        int limit = (int) Params.longParam(ctx, "limit", DEFAULT_LIMIT, 1,
                Math.min(api.config().limits().maxPageSize(), org.borderid.server.audit.AuditLog.MAX_PAGE));
        Params.allowOnly(ctx, "from", "limit");
        AuditHead head = api.audit().head();
        List<AuditEntry> entries = api.audit().read(from, limit);
        long last = entries.isEmpty() ? from - 1 : entries.get(entries.size() - 1).seq();
        ctx.json(new AuditPage(entries, last < head.seq() ? last + 1 : null, head));
    }

    /**
     * One page of the log.
     *
     * @param entries the entries
     * @param next    the {@code from} of the next page, or {@code null} at the end
     * @param head    the last durable entry
     */
    record AuditPage(List<AuditEntry> entries, Long next, AuditHead head) {}
}
