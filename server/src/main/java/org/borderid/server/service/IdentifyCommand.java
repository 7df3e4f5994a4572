package org.borderid.server.service;

import java.util.Objects;

/**
 * A 1:N search of live captures against one list.
 *
 * @param probe         the live captures
 * @param list          the list to search
 * @param maxCandidates most candidates returned (1..{@link DecisionPolicy#MAX_CANDIDATES})
 * @param targetFpir    the target false positive identification rate
 */
public record IdentifyCommand(Captures probe, String list, int maxCandidates, double targetFpir) {
    public IdentifyCommand {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(list, "list");
        if (maxCandidates < 1 || maxCandidates > DecisionPolicy.MAX_CANDIDATES) {
            throw new IllegalArgumentException("maxCandidates out of range: " + maxCandidates);
        }
        if (!DecisionPolicy.validTarget(targetFpir)) {
            throw new IllegalArgumentException("target FPIR out of range: " + targetFpir);
        }
    }
}
