package org.borderid.gallery.engine;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.borderid.gallery.SubjectFilter;

/** {@link SubjectFilter} as Lucene filter clauses (every document of a subject carries its agency and lists). */
final class Filters {
    private Filters() {}

    /** Adds the filter's clauses to {@code query} (nothing for {@link SubjectFilter#ALL}). */
    static void add(BooleanQuery.Builder query, SubjectFilter filter) {
        if (!filter.lists().isEmpty()) {
            query.add(anyOf(SubjectDocuments.LIST, filter.lists().stream().toList()), BooleanClause.Occur.FILTER);
        }
        if (!filter.agencies().isEmpty()) {
            query.add(anyOf(SubjectDocuments.AGENCY, filter.agencies().stream().toList()), BooleanClause.Occur.FILTER);
        }
    }

    /** The filter alone as a query, or null for {@link SubjectFilter#ALL}. */
    static Query of(SubjectFilter filter) {
        if (filter.isAll()) {
            return null;
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        add(q, filter);
        return q.build();
    }

    private static Query anyOf(String field, List<String> values) {
        if (values.size() == 1) {
            return new org.apache.lucene.search.TermQuery(new Term(field, values.get(0)));
        }
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }
}
