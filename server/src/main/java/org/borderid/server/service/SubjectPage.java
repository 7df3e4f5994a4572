package org.borderid.server.service;

import java.util.List;

/**
 * One page of a subject listing, in id order.
 *
 * @param subjects the subjects
 * @param next     the id to pass as {@code after} for the next page, or {@code null} on the last page
 */
public record SubjectPage(List<Subject> subjects, String next) {
    public SubjectPage {
        subjects = List.copyOf(subjects);
    }
}
