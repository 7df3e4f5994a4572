package org.borderid.server.http;

/** Paths of the subject routes (shared with the body-size check, which gives the import route its own limit). */
final class SubjectPaths {
    static final String SUBJECTS = "/v1/subjects";
    static final String SUBJECT = "/v1/subjects/{id}";
    static final String IMPORT = "/v1/subjects/import";
    static final String JOB = "/v1/jobs/{id}";

    private SubjectPaths() {}
}
