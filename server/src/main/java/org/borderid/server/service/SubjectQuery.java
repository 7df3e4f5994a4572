package org.borderid.server.service;

/**
 * Which subjects a listing or a search covers.
 *
 * @param list   only subjects on this list, or {@code null} for all
 * @param agency only subjects of this agency, or {@code null} for all
 */
public record SubjectQuery(String list, String agency) {
    /** Every subject. */
    public static final SubjectQuery ALL = new SubjectQuery(null, null);

    /** Whether a subject matches. */
    public boolean matches(Subject s) {
        return (list == null || s.onList(list)) && (agency == null || agency.equals(s.agency()));
    }
}
