package org.borderid.server.service;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An enrollment or replacement: who the subject is and their reference captures.
 *
 * @param id            subject id
 * @param agency        owning agency
 * @param lists         list memberships
 * @param referenceData minimal reference data
 * @param captures      reference captures (at least one; fingers need positions, from the request or the record)
 */
public record EnrollCommand(String id, String agency, List<String> lists, Map<String, String> referenceData,
        Captures captures) {
    public EnrollCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agency, "agency");
        lists = List.copyOf(lists);
        referenceData = Map.copyOf(referenceData);
        Objects.requireNonNull(captures, "captures");
    }
}
