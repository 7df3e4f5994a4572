package org.borderid.server.http;

import java.util.Objects;
import org.borderid.server.service.EnrollmentService;
import org.borderid.server.service.Engines;
import org.borderid.server.service.IdentificationService;
import org.borderid.server.service.VerificationService;
import org.borderid.server.service.WorkQueue;

/**
 * The services behind the /v1 routes.
 *
 * @param engines        engines and gallery, as they become available
 * @param work           the bounded worker pool biometric work runs on
 * @param verification   1:1 verification
 * @param identification 1:N identification
 * @param enrollment     subject administration
 */
public record ApiServices(Engines engines, WorkQueue work, VerificationService verification,
        IdentificationService identification, EnrollmentService enrollment) {
    public ApiServices {
        Objects.requireNonNull(engines, "engines");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(identification, "identification");
        Objects.requireNonNull(enrollment, "enrollment");
    }
}
