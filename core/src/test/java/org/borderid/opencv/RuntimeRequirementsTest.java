package org.borderid.opencv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuntimeRequirementsTest {
    @Test
    void testsRunOnJdk21OrNewerWithTheVectorModule() {
        assertThat(Runtime.version().feature()).isGreaterThanOrEqualTo(21);
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
    }
}
