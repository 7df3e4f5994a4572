package org.borderid.server.service;

import java.nio.file.Path;

/** Opens the gallery of a data folder (the server opens it in the background while already serving /health). */
@FunctionalInterface
public interface SubjectStoreFactory {
    /**
     * Opens (creating if needed) the gallery in {@code folder}.
     *
     * @throws org.borderid.BorderIdException when it cannot be opened (locked, corrupt, newer format)
     */
    SubjectStore open(Path folder) throws Exception;
}
